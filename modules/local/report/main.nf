/*
 * The study report (`oncoconcord report`): self-contained report.html plus plots (SVG, PNG) from
 * the cohort tables, the survival results and the per-patient concordance.
 */
include { taskJavaOpts; versionsLine; stubVersionsLine } from '../../../subworkflows/local/utils_oncoconcord/main'

process REPORT {
    tag "report"
    label 'process_single'

    input:
    path cohort,      stageAs: 'cohort'
    path survival,    stageAs: 'survival'
    path jsons,       stageAs: 'concordance/*'
    path params_json

    output:
    path 'report/report.html', emit: html
    path 'report'            , emit: dir
    path 'versions.yml'      , emit: versions

    script:
    def args = task.ext.args ?: ''
    """
    export ONCOCONCORD_JAVA_OPTS="${taskJavaOpts(task)}"
    oncoconcord report ${args} --cohort cohort --survival survival --concordance concordance --params ${params_json} --out report
    ${versionsLine(task)}
    """

    stub:
    """
    mkdir -p report
    touch report/report.html
    ${stubVersionsLine(task)}
    """
}
