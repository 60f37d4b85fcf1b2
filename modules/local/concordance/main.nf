/*
 * Per-patient concordance of the normalized VCFs of its primary, metastasis and plasma samples
 * with `oncoconcord concordance`, for a batch of params.batch_size patients per task.
 * patients: one [ patient, [ sample metas ], [ vcf file names ] ] per patient; beds are the
 * regions of the samples that have one, in the order of the samples (each staged in its own folder,
 * as several samples may share a panel file of the same name).
 */
process CONCORDANCE {
    tag "${patients.collect { it[0] }.join(',')}"
    label 'process_single'

    input:
    val  patients
    path vcfs, stageAs: 'vcf/*'
    path tbis, stageAs: 'vcf/*'
    path beds, stageAs: 'regions_?/*'
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
    def commands = patients.collect { patient, samples, vcfNames ->
        def sampleArgs = [ samples, vcfNames ].transpose().collect { s, v -> "--sample ${s.sample}=${s.type}:vcf/${v}" }
        def regionArgs = samples.findAll { it.has_regions }.collect { s -> "--regions ${s.sample}=${bedList[nextBed++]}" }
        "oncoconcord concordance ${args} --patient ${patient} ${sampleArgs.join(' ')} ${regionArgs.join(' ')} ${genes_arg} --out ."
    }
    """
    export ONCOCONCORD_JAVA_OPTS="${xmx} -XX:+UseSerialGC"
    ${commands.join('\n    ')}

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        oncoconcord: \$(oncoconcord --version | sed 's/^oncoconcord //')
    END_VERSIONS
    """

    stub:
    def touches = patients.collect { p -> "touch ${p[0]}.concordance.json ${p[0]}.variants.tsv" }
    """
    ${touches.join('\n    ')}
    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        oncoconcord: stub
    END_VERSIONS
    """
}
