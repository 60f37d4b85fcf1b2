/*
 * Gathers every patient's concordance results with the clinical table into cohort statistics and
 * survival features (`oncoconcord cohort`).
 */
process COHORT {
    tag "${jsons instanceof List ? jsons.size() : 1} patients"
    label 'process_single'

    input:
    path jsons,    stageAs: 'concordance/*'
    path variants, stageAs: 'concordance/*'
    path clinical

    output:
    path 'cohort/features.tsv'        , emit: features
    path 'cohort/features.columns.tsv', emit: columns
    path 'cohort/*_mqc.tsv'           , emit: mqc, optional: true
    path 'cohort'                     , emit: dir
    path 'versions.yml'               , emit: versions

    script:
    def args = task.ext.args ?: ''
    def xmx = task.memory ? "-Xmx${(task.memory.toMega() * 0.8) as long}m" : '-Xmx1g'
    """
    export ONCOCONCORD_JAVA_OPTS="${xmx} -XX:+UseSerialGC"
    oncoconcord cohort ${args} --concordance concordance --clinical ${clinical} --out cohort

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        oncoconcord: \$(oncoconcord --version | sed 's/^oncoconcord //')
    END_VERSIONS
    """

    stub:
    """
    mkdir -p cohort
    touch cohort/features.tsv cohort/features.columns.tsv
    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        oncoconcord: stub
    END_VERSIONS
    """
}
