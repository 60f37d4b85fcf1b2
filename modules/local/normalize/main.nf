/*
 * Normalizes the VCFs of a batch of patients with `oncoconcord normalize` (split multiallelics,
 * left-align, standard FORMAT/AD, DP, AF for the tumour sample), BGZF + .tbi, with counts and
 * rejects per sample. The commands of the batch run in one JVM (`oncoconcord batch`), task.cpus at
 * a time. meta: [ id, patients: [ [ patient, samples: [ sample metas ] ] ] ]; vcfs: the raw VCFs in
 * the order of the samples, each staged in its own folder (names may repeat across patients).
 */
process NORMALIZE {
    tag "${meta.id}"
    label 'process_single'

    input:
    tuple val(meta), path(vcfs, stageAs: 'raw/?/*')
    path fasta
    path fai     // [] when absent: normalize builds it

    output:
    tuple val(meta), path('*.norm.vcf.gz'), path('*.norm.vcf.gz.tbi'), emit: vcf
    tuple val(meta), path('*.normalize.json')                         , emit: stats
    tuple val(meta), path('*.rejects.tsv')                            , emit: rejects
    path 'versions.yml'                                               , emit: versions

    script:
    def args = task.ext.args ?: ''
    def xmx = task.memory ? "-Xmx${(task.memory.toMega() * 0.8) as long}m" : '-Xmx1g'
    def q = { String s -> "'" + s.replace("'", "'\\''") + "'" }
    def samples = meta.patients.collectMany { it.samples }
    def vcfList = vcfs instanceof List ? vcfs : [ vcfs ]
    def lines = [ samples, vcfList ].transpose().collect { s, vcf ->
        def tumor = s.tumor_sample ? "--tumor-sample ${q(s.tumor_sample)}" : ''
        "normalize --quiet ${args} -f ${fasta} ${tumor} --rejects ${s.id}.rejects.tsv --stats ${s.id}.normalize.json -o ${s.id}.norm.vcf.gz ${q(vcf.toString())}"
    }
    """
    export ONCOCONCORD_JAVA_OPTS="${xmx} -XX:+UseSerialGC"
    cat <<-'END_COMMANDS' > normalize.commands
    ${lines.join('\n    ')}
    END_COMMANDS
    oncoconcord batch --threads ${task.cpus} normalize.commands

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        oncoconcord: \$(oncoconcord --version | sed 's/^oncoconcord //')
    END_VERSIONS
    """

    stub:
    def samples = meta.patients.collectMany { it.samples }
    def touches = samples.collect { s ->
        "echo | gzip > ${s.id}.norm.vcf.gz; touch ${s.id}.norm.vcf.gz.tbi ${s.id}.rejects.tsv; echo '{}' > ${s.id}.normalize.json"
    }
    """
    ${touches.join('\n    ')}
    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        oncoconcord: stub
    END_VERSIONS
    """
}
