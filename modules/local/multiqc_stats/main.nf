/*
 * The per-sample General Statistics of the MultiQC report (`oncoconcord multiqc-stats`): records
 * and rejects from NORMALIZE, counted variants and median VAF from CONCORDANCE, one row per
 * validated samplesheet sample.
 */
include { taskJavaOpts; versionsLine; stubVersionsLine } from '../../../subworkflows/local/utils_oncoconcord/main'

process MULTIQC_STATS {
    tag "general statistics"
    label 'process_single'

    input:
    path samplesheet
    path normalized,  stageAs: 'normalized/?/*'    // NORMALIZE's batch folders: <patient>/<sample>.normalize.json
    path concordance, stageAs: 'concordance/?/*'   // CONCORDANCE's batch folders: <patient>.concordance.json

    output:
    path 'general_stats_mqc.tsv', emit: mqc
    path 'versions.yml'         , emit: versions

    script:
    def args = task.ext.args ?: ''
    """
    export ONCOCONCORD_JAVA_OPTS="${taskJavaOpts(task)}"
    mkdir -p concordance normalized
    oncoconcord multiqc-stats ${args} --samplesheet ${samplesheet} --normalized normalized --concordance concordance --out general_stats_mqc.tsv
    ${versionsLine(task)}
    """

    stub:
    """
    touch general_stats_mqc.tsv
    ${stubVersionsLine(task)}
    """
}
