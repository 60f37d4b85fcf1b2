/*
 * Gathers every patient's concordance results with the clinical table into cohort statistics and
 * survival features (`oncoconcord cohort`).
 */
include { taskJavaOpts; versionsLine; stubVersionsLine } from '../../../subworkflows/local/utils_oncoconcord/main'

process COHORT {
    tag "${batches instanceof List ? batches.size() : 1} batches"
    label 'process_single'

    input:
    path batches,  stageAs: 'concordance/?/*'   // CONCORDANCE's batch folders: <patient>.concordance.json with <patient>.variants.tsv beside it
    path clinical

    output:
    path 'cohort/features.tsv'        , emit: features
    path 'cohort/features.columns.tsv', emit: columns
    path 'cohort/*_mqc.tsv'           , emit: mqc, optional: true
    path 'cohort'                     , emit: dir
    path 'versions.yml'               , emit: versions

    script:
    def args = task.ext.args ?: ''
    """
    export ONCOCONCORD_JAVA_OPTS="${taskJavaOpts(task)}"
    oncoconcord cohort ${args} --concordance concordance --clinical ${clinical} --out cohort
    ${versionsLine(task)}
    """

    stub:
    """
    mkdir -p cohort
    touch cohort/features.tsv cohort/features.columns.tsv
    ${stubVersionsLine(task)}
    """
}
