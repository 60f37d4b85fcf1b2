/*
 * Per-patient concordance of the normalized VCFs of the primary, metastasis and plasma samples
 * with `oncoconcord concordance`, for a batch of params.batch_size patients per task; the commands
 * run in one JVM (`oncoconcord batch`). meta: as for NORMALIZE; vcfs/tbis: the normalized VCFs
 * (named <patient>.<sample>.norm.vcf.gz); beds: the regions of the samples that have one, in the
 * order of the samples (each staged in its own folder, as samples may share a panel file name).
 */
process CONCORDANCE {
    tag "${meta.id}"
    label 'process_single'

    input:
    tuple val(meta), path(vcfs, stageAs: 'vcf/*'), path(tbis, stageAs: 'vcf/*'), path(beds, stageAs: 'regions_?/*')
    path genes                          // [] when absent: the shipped table for params.genome

    output:
    path '*.concordance.json', emit: json
    path '*.variants.tsv'    , emit: tsv
    path 'versions.yml'      , emit: versions

    script:
    def args = task.ext.args ?: ''
    def genes_arg = genes ? "--genes ${genes}" : "--genome ${params.genome}"
    def xmx = task.memory ? "-Xmx${(task.memory.toMega() * 0.8) as long}m" : '-Xmx1g'
    def bedList = beds instanceof List ? beds : (beds ? [ beds ] : [])
    def nextBed = 0
    def lines = meta.patients.collect { p ->
        def regionArgs = p.samples.findAll { it.has_regions }.collect { s -> "--regions ${s.sample}=${bedList[nextBed++]}" }
        if (p.samples.size() < 2) {
            return null
        }
        def sampleArgs = p.samples.collect { s -> "--sample ${s.sample}=${s.type}:vcf/${s.id}.norm.vcf.gz" }
        "concordance --quiet ${args} --patient ${p.patient} ${sampleArgs.join(' ')} ${regionArgs.join(' ')} ${genes_arg} --out ."
    }.findAll { it != null }
    """
    export ONCOCONCORD_JAVA_OPTS="${xmx} -XX:+UseSerialGC"
    cat <<-'END_COMMANDS' > concordance.commands
    ${lines.join('\n    ')}
    END_COMMANDS
    oncoconcord batch --threads ${task.cpus} concordance.commands

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        oncoconcord: \$(oncoconcord --version | sed 's/^oncoconcord //')
    END_VERSIONS
    """

    stub:
    def touches = meta.patients.findAll { it.samples.size() >= 2 }.collect { p -> "touch ${p.patient}.concordance.json ${p.patient}.variants.tsv" }
    """
    ${touches.join('\n    ')}
    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        oncoconcord: stub
    END_VERSIONS
    """
}
