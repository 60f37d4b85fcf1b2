#!/usr/bin/env nextflow
/*
 * oncoconcord: primary / metastasis / plasma ctDNA concordance and survival for colorectal cancer.
 *
 *   nextflow run . --help                                    (--help PARAMETER: one in full)
 *   nextflow run . -profile test --outdir results            (or bin/nextflow without a Nextflow install)
 *   nextflow run . --input samplesheet.csv --clinical clinical.csv --fasta ref.fa --outdir results
 *
 * Before any task: --help, and the parameters checked against nextflow_schema.json by
 * `oncoconcord params` (nf-schema is a plugin, and plugins cannot be fetched offline). The
 * samplesheet and the clinical table are checked by the VALIDATE step (assets/schema_*.json).
 */
nextflow.enable.dsl = 2

// start-of-run helpers (here rather than in lib/: --help should not wait for more compilation)
/** JVM options for the short `oncoconcord params` calls: C1 only, small heap (about a second). */
def paramsJavaOpts() {
    return '-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -Xss2m'
}

/** Runs bin/oncoconcord with args; returns [ exit: int, out: String, err: String ]. */
def runOncoconcord(projectDir, List args) {
    def cmd = ([ "${projectDir}/bin/oncoconcord" ] + args).collect { it.toString() }
    def pb = new ProcessBuilder(cmd)
    pb.environment().put('ONCOCONCORD_JAVA_OPTS', paramsJavaOpts())
    def p = pb.start()
    def out = new StringBuilder()
    def err = new StringBuilder()
    p.consumeProcessOutput(out, err)
    int exit = p.waitFor()
    return [ exit: exit, out: out.toString(), err: err.toString() ]
}

/** Whether bin/oncoconcord finds a jar (ONCOCONCORD_JAR or target/oncoconcord.jar). */
def jarAvailable(projectDir) {
    def env = System.getenv('ONCOCONCORD_JAR')
    return (env && new File(env).isFile()) || new File("${projectDir}/target/oncoconcord.jar").isFile()
}

/** The parameters as JSON, the way Nextflow holds them (numbers and booleans typed, the rest as text). */
def paramsJson(Map params) {
    def plain = params.collectEntries { k, v -> [ k, v == null || v instanceof Number || v instanceof Boolean ? v : v.toString() ] }
    return groovy.json.JsonOutput.prettyPrint(groovy.json.JsonOutput.toJson(plain))
}

/** Whether the (local or remote) outdir holds the results of a real, not -stub-run, run. */
def holdsRealRun(outdir) {
    def vlog = outdir.resolve('validate/validation.log')
    def report = outdir.resolve('report/report.html')
    return (java.nio.file.Files.exists(vlog) && !vlog.text.startsWith('stub'))
        || (java.nio.file.Files.exists(report) && java.nio.file.Files.size(report) > 0)
}

/**
 * --help from nextflow_schema.json: every group ($defs, in file order) with its parameters, one line
 * each (hidden ones only with showHidden), or one parameter in full. Returns [ text: String ] or
 * [ error: String ] for an unknown parameter.
 */
def schemaHelp(File schemaFile, String one, boolean showHidden) {
    def root = new groovy.json.JsonSlurper().parse(schemaFile)
    def groups = root['$defs'].collect { gname, g ->
        def required = (g.required ?: []) + (g.then?.required ?: [])
        [ title: g.title ?: gname, params: g.properties.collect { pname, d ->
            [ name: pname, required: pname in required, hidden: d.hidden ?: false, d: d,
              type: d.type instanceof List ? d.type.join('|') : (d.type ?: 'string') ] } ]
    }
    def text = { v -> v instanceof String ? v : groovy.json.JsonOutput.toJson(v) }
    if (one) {
        def key = one.replaceFirst(/^--?/, '')
        def g = groups.find { gr -> gr.params.any { it.name == key } }
        if (!g) {
            return [ error: "oncoconcord: --help ${one}: no such parameter (nextflow run . --help lists them)".toString() ]
        }
        def p = g.params.find { it.name == key }
        def lines = [ "--${p.name}", "    ${p.d.description ?: ''}" ]
        if (p.d.help_text) lines << "    ${p.d.help_text}"
        lines << "    group    : ${g.title}"
        lines << "    type     : ${p.type}"
        lines << "    required : ${p.required ? 'yes' : 'no'}"
        if (p.d.containsKey('default')) lines << "    default  : ${text(p.d.default)}"
        if (p.d.enum) lines << "    allowed  : ${p.d.enum.collect(text).join(', ')}"
        [ 'minimum', 'maximum', 'pattern', 'format' ].each { k -> if (p.d.containsKey(k)) lines << "    ${k.padRight(9)}: ${text(p.d[k])}" }
        return [ text: lines.join('\n') + '\n' ]
    }
    def width = groups.collectMany { it.params }.collect { it.name.length() }.max() + 2
    def out = new StringBuilder("${root.description ?: ''}\n\nTypical pipeline command:\n\n  ")
    out << 'nextflow run . -profile <test|podman|docker|singularity|slurm,...> --input samplesheet.csv --clinical clinical.csv --fasta reference.fa --outdir results\n\n'
    groups.each { g ->
        def shown = g.params.findAll { showHidden || !it.hidden }
        if (!shown) return
        out << g.title << '\n'
        shown.each { p ->
            out << String.format("  --%-${width}s %-16s %s%s%s%n", p.name, "[${p.type}]", p.d.description ?: '',
                p.required ? ' (required)' : '', p.d.containsKey('default') ? " [default: ${text(p.d.default)}]" : '')
        }
        out << '\n'
    }
    out << '--help PARAMETER shows one parameter in full'
    if (!showHidden) out << '; --help --show_hidden also lists the hidden parameters'
    out << '.\nThe same parameters, with more text: docs/usage.md; the schema: nextflow_schema.json.\n'
    return [ text: out.toString() ]
}

def schema = "${projectDir}/nextflow_schema.json"
def haveJar = jarAvailable(projectDir)

// --help [PARAMETER]: the parameters grouped from the schema (rendered here: a second JVM would
// add about a second to --help)
if (params.help) {
    def help = schemaHelp(new File(schema), params.help instanceof String ? params.help : null, params.show_hidden as boolean)
    if (help.error) {
        System.err.println(help.error)
        System.exit(1)
    }
    print help.text
    System.exit(0)
}

// every parameter against the schema: unknown names, types, enums, ranges, required, all at once
if (params.validate_params != false) {
    if (haveJar) {
        def json = File.createTempFile('oncoconcord-params', '.json')
        json.deleteOnExit()
        json.text = paramsJson(params)
        def r = runOncoconcord(projectDir, [ 'params', 'check', '--schema', schema, '--params', json.toString() ])
        json.delete()
        if (r.exit != 0) {
            error "oncoconcord: invalid parameters\n${r.err.trim()}"
        }
        log.info r.out.trim()
    } else {
        log.warn "oncoconcord: parameters not checked against nextflow_schema.json: no oncoconcord jar on this machine (build it with 'mvn -q -B -DskipTests package', or set ONCOCONCORD_JAR)"
    }
}

// a stub run writes placeholders: never over a real run's results
if (workflow.stubRun && holdsRealRun(file(params.outdir))) {
    error "oncoconcord: --outdir ${params.outdir} holds the results of a real run and -stub-run would replace them with placeholder files: give -stub-run another --outdir"
}

// after --help and the checks, so that --help does not wait for the modules to compile
include { ONCOCONCORD } from './workflows/oncoconcord'
include { SIMULATE    } from './modules/local/simulate/main'

workflow {
    if (!workflow.containerEngine && !workflow.stubRun && !haveJar) {
        error "oncoconcord: ${projectDir}/target/oncoconcord.jar is not built: run 'mvn -q -B -DskipTests package' in ${projectDir} first (or use a container profile)"
    }

    // the run's parameters, for the record (written atomically)
    def info = file("${params.outdir}/pipeline_info")
    info.mkdirs()
    def tmp = info.resolve('.params.json.tmp')
    tmp.text = paramsJson(params.findAll { k, v -> !k.contains('-') })
    tmp.moveTo(info.resolve('params.json'))

    if (params.test_full_patients) {
        // -profile test_full: a simulated study made on the fly (not committed)
        SIMULATE(params.test_full_patients, params.seed)
        ONCOCONCORD(SIMULATE.out.samplesheet, SIMULATE.out.clinical, SIMULATE.out.fasta, SIMULATE.out.genes)
    } else {
        ONCOCONCORD(
            file(params.input, checkIfExists: true),
            file(params.clinical, checkIfExists: true),
            file(params.fasta, checkIfExists: true),
            params.genes ? file(params.genes, checkIfExists: true) : []
        )
    }
}

workflow.onComplete {
    def status = workflow.success ? 'succeeded' : 'FAILED'
    log.info "oncoconcord ${status}: results in ${params.outdir} (run info in ${params.outdir}/pipeline_info)"
}
