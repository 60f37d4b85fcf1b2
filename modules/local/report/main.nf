/*
 * The study report (`oncoconcord report`): self-contained report.html plus plots (SVG, PNG) from
 * the cohort tables, the survival results, the per-patient concordance, the validated samplesheet
 * and the normalize statistics (sample flow, QC).
 */
process REPORT {
    tag "report"
    label 'process_single'

    input:
    path cohort,      stageAs: 'cohort'
    path survival,    stageAs: 'survival'
    path jsons,       stageAs: 'concordance/*'
    path params_json
    path samplesheet, stageAs: 'samplesheet.csv'
    path stats,       stageAs: 'normalized/*'

    output:
    path 'report/report.html', emit: html
    path 'report'            , emit: dir
    path 'versions.yml'      , emit: versions

    script:
    def args = task.ext.args ?: ''
    def xmx = task.memory ? "-Xmx${(task.memory.toMega() * 0.8) as long}m" : '-Xmx1g'
    """
    export ONCOCONCORD_JAVA_OPTS="${xmx} -XX:+UseSerialGC"
    oncoconcord report ${args} --cohort cohort --survival survival --concordance concordance --params ${params_json} --samplesheet samplesheet.csv --normalized normalized --out report

    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        oncoconcord: \$(oncoconcord --version | sed 's/^oncoconcord //')
    END_VERSIONS
    """

    stub:
    """
    mkdir -p report
    touch report/report.html
    cat <<-END_VERSIONS > versions.yml
    "${task.process}":
        oncoconcord: stub
    END_VERSIONS
    """
}
