/*
 * Per-patient concordance of the normalized VCFs of the primary, metastasis and plasma samples
 * with `oncoconcord concordance`, for a batch of patients per task; the commands run in one JVM
 * (`oncoconcord batch`), writing into concordance/ (whose folder the gathering steps stage as one
 * input: workflows/oncoconcord.nf). meta: as for NORMALIZE; normalized: NORMALIZE's batch folder
 * (normalized/<patient>/<sample>.norm.vcf.gz; a plasma sample's meta timepoint and
 * collection_day become --timepoint/--collection-day, and serial plasma adds <patient>.serial_plasma.tsv); beds: the regions of the samples that have one, in
 * the order of the samples (each staged in its own folder, as samples may share a panel file
 * name); evidence: PILEUP's <patient>.evidence.tsv of the batch's patients with reads (evidenceSamples),
 * or [] (laid over the calls with --evidence, docs/PILEUP.md); genes: the gene table or [] for the
 * shipped one of `genome` (GRCh37, GRCh38 or auto).
 */
include { taskJavaOpts; versionsLine; stubVersionsLine; evidenceSamples } from '../../../subworkflows/local/utils_oncoconcord/main'

process CONCORDANCE {
    tag "${meta.id}"
    label 'process_single'

    input:
    tuple val(meta), path(normalized, stageAs: 'normalized'), path(beds, stageAs: 'regions_?/*'), path(evidence, stageAs: 'evidence/*')
    path genes
    val genome
    path models
    path fasta
    path fai

    output:
    tuple val(meta), path('concordance/*.concordance.json'), emit: json
    tuple val(meta), path('concordance/*.variants.tsv')    , emit: tsv
    tuple val(meta), path('concordance/*.serial_plasma.tsv'), emit: serial, optional: true
    tuple val(meta), path('concordance/*.variants.evidence.tsv'), emit: evidence_view, optional: true
    path 'versions.yml'                        , emit: versions

    script:
    def args = task.ext.args ?: ''
    def genes_arg = genes ? "--genes ${genes}" : "--genome ${genome}"
    if (models) {
        genes_arg += (models.name ==~ /.*\.gff3?(\.gz)?/ ? " --gff3 ${models}" : " --gtf ${models}") + " --reference ${fasta}"
    }
    def bedList = beds instanceof List ? beds : (beds ? [ beds ] : [])
    def nextBed = 0
    def lines = meta.patients.collect { p ->
        def regionArgs = p.samples.findAll { it.regions }.collect { s -> "--regions ${s.sample}=${bedList[nextBed++]}" }
        if (p.samples.size() < 2) {
            return null
        }
        def sampleArgs = p.samples.collect { s -> "--sample ${s.sample}=${s.type}:normalized/${s.patient}/${s.sample}.norm.vcf.gz" }
        // serial plasma draws (docs/PLASMA.md): the samplesheet's timepoint and collection_day of each plasma sample
        def serialArgs = p.samples.findAll { it.type == 'plasma' }.collectMany { s ->
            (s.timepoint ? [ "--timepoint ${s.sample}=${s.timepoint}" ] : []) + (s.collection_day ? [ "--collection-day ${s.sample}=${s.collection_day}" ] : [])
        }
        def evidenceArg = evidenceSamples(p) ? "--evidence evidence/${p.patient}.evidence.tsv" : ''
        "concordance --quiet ${args} --patient ${p.patient} ${sampleArgs.join(' ')} ${serialArgs.join(' ')} ${regionArgs.join(' ')} ${evidenceArg} ${genes_arg} --out concordance"
    }.findAll { it != null }
    """
    export ONCOCONCORD_JAVA_OPTS="${taskJavaOpts(task)}"
    mkdir -p concordance
    cat <<-'END_COMMANDS' > concordance.commands
    ${lines.join('\n    ')}
    END_COMMANDS
    oncoconcord batch --threads ${task.cpus} concordance.commands
    ${versionsLine(task)}
    """

    stub:
    def touches = meta.patients.findAll { it.samples.size() >= 2 }.collect { p -> "touch concordance/${p.patient}.concordance.json concordance/${p.patient}.variants.tsv" }
    """
    mkdir -p concordance
    ${touches.join('\n    ')}
    ${stubVersionsLine(task)}
    """
}
