/*
 * Normalizes one sample's VCF with `oncoconcord normalize` (split multiallelics, left-align,
 * standard FORMAT/AD, DP, AF for the tumour sample), BGZF + .tbi, with counts and rejects.
 */
process NORMALIZE {
    tag "${meta.id}"
    label 'process_single'

    input:
    tuple val(meta), path(vcf)
    path fasta
    path fai     // [] when absent: normalize builds it

    output:
    tuple val(meta), path("${meta.id}.norm.vcf.gz"), path("${meta.id}.norm.vcf.gz.tbi"), emit: vcf
    tuple val(meta), path("${meta.id}.normalize.json")                                       , emit: stats
    tuple val(meta), path("${meta.id}.rejects.tsv")                                          , emit: rejects
    path 'versions.yml'                                                                       , emit: versions

    script:
    def args = task.ext.args ?: ''
    def tumor = meta.tumor_sample ? "--tumor-sample '${meta.tumor_sample}'" : ''
    def xmx = task.memory ? "-Xmx${(task.memory.toMega() * 0.8) as long}m" : '-Xmx1g'
    """
    export ONCOCONCORD_JAVA_OPTS="${xmx} -XX:+UseSerialGC"
    oncoconcord normalize \\
        ${args} \\
        -f ${fasta} \\
        ${tumor} \\
        --rejects ${meta.id}.rejects.tsv \\
        --stats ${meta.id}.normalize.json \\
        -o ${meta.id}.norm.vcf.gz \\
        ${vcf}

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        oncoconcord: \$(oncoconcord --version | sed 's/^oncoconcord //')
    END_VERSIONS
    """

    stub:
    """
    echo | gzip > ${meta.id}.norm.vcf.gz
    touch ${meta.id}.norm.vcf.gz.tbi ${meta.id}.rejects.tsv
    echo '{}' > ${meta.id}.normalize.json
    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        oncoconcord: stub
    END_VERSIONS
    """
}
