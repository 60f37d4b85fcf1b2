/*
 * The study report (`oncoconcord report`): self-contained report.html plus plots (SVG, PNG) from
 * the cohort tables, the survival results, the per-patient concordance, the validated samplesheet
 * and the normalize statistics (sample flow, QC); evidence: PILEUP's <patient>.evidence.tsv files, or []
 * (read-level evidence states per sample type, `report --evidence`).
 */
include { taskJavaOpts; versionsLine; stubVersionsLine } from '../../../subworkflows/local/utils_oncoconcord/main'

process REPORT {
    tag "report"
    label 'process_single'

    input:
    path cohort,      stageAs: 'cohort'
    path survival,    stageAs: 'survival'
    path concordance, stageAs: 'concordance/?/*'   // CONCORDANCE's batch folders (<patient>.concordance.json)
    path params_json
    path samplesheet, stageAs: 'samplesheet.csv'
    path normalized,  stageAs: 'normalized/?/*'   // NORMALIZE's batch folders (<patient>/<sample>.normalize.json)
    path evidence,    stageAs: 'evidence/*'

    output:
    path 'report/report.html', emit: html
    path 'report'            , emit: dir
    path 'versions.yml'      , emit: versions

    script:
    def args = task.ext.args ?: ''
    def evidence_arg = evidence ? '--evidence evidence' : ''
    """
    export ONCOCONCORD_JAVA_OPTS="${taskJavaOpts(task)}"
    oncoconcord report ${args} --cohort cohort --survival survival --concordance concordance --params ${params_json} --samplesheet samplesheet.csv --normalized normalized ${evidence_arg} --out report
    ${versionsLine(task)}
    """

    stub:
    """
    mkdir -p report
    touch report/report.html
    ${stubVersionsLine(task)}
    """
}
