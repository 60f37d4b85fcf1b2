/*
 * MultiQC over the run's *_mqc files (general statistics, cohort tables, software versions, run
 * parameters): multiqc_report.html and multiqc_data/. Runs Debian's multiqc (on PATH for the
 * standard profile; the oncoconcord-multiqc image for container profiles).
 */
process MULTIQC {
    tag "multiqc"
    label 'process_single'

    input:
    path mqc_files, stageAs: 'mqc/?/*'
    path multiqc_config
    path extra_config      // [] when absent
    val title              // '' or null: MultiQC's default title

    output:
    path 'multiqc_report.html', emit: report
    path 'multiqc_report_data', emit: data
    path 'versions.yml'       , emit: versions

    script:
    def args = task.ext.args ?: ''
    def extra = extra_config ? "--config ${extra_config}" : ''
    def q = { String s -> "'" + s.replace("'", "'\\''") + "'" }
    def title_arg = title ? "--title ${q(title.toString())}" : ''
    """
    multiqc --force --no-ansi ${args} --config ${multiqc_config} ${extra} ${title_arg} --filename multiqc_report.html mqc
    printf '%s\\n' '"${task.process}":' "    multiqc: \$(multiqc --version 2>&1 | sed 's/.*version //')" > versions.yml
    """

    stub:
    """
    mkdir -p multiqc_report_data
    touch multiqc_report.html
    printf '%s\\n' '"${task.process}":' '    multiqc: stub' > versions.yml
    """
}
