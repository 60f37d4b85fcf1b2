/*
 * Checks the samplesheet (and clinical table) with `oncoconcord validate` against
 * assets/schema_input.json and assets/schema_clinical.json, reporting every problem at once;
 * emits the validated samplesheet with absolute paths. With the reference FASTA (and its .fai when
 * present) every VCF's contigs, lengths and genome build are checked; genome: GRCh37, GRCh38 or
 * 'auto' (the build of the FASTA). validation.json records the build found.
 */
include { taskJavaOpts; versionsLine; stubVersionsLine } from '../../../subworkflows/local/utils_oncoconcord/main'

process VALIDATE {
    tag "${samplesheet.name}"
    label 'process_single'

    input:
    path samplesheet
    path clinical    // [] when absent
    path fasta
    path fai         // [] when absent: validate indexes the FASTA in memory
    val genome

    output:
    path 'validated_samplesheet.csv', emit: samplesheet
    path 'validation.log'           , emit: log
    path 'validation.json'          , emit: summary
    path 'versions.yml'             , emit: versions

    script:
    def args = task.ext.args ?: ''
    def clinical_arg = clinical ? "--clinical ${clinical}" : ''
    def genome_arg = genome ? "--genome ${genome}" : '--genome auto'
    """
    export ONCOCONCORD_JAVA_OPTS="${taskJavaOpts(task)}"
    if ! oncoconcord validate ${args} --input ${samplesheet} ${clinical_arg} --fasta ${fasta} ${genome_arg} --summary validation.json --out validated_samplesheet.csv 2> validation.log; then
        cat validation.log >&2
        exit 1
    fi
    cat validation.log >&2
    ${versionsLine(task, [ java: "java -version 2>&1 | head -n1 | sed 's/.*version \"\\([^\"]*\\)\".*/\\1/'" ])}
    """

    stub:
    // a structurally valid samplesheet (paths made absolute) so that -stub-run exercises the whole DAG
    """
    base=\$(cd "\$(dirname "\$(readlink -f ${samplesheet})")" && pwd)
    awk -F, -v OFS=, -v base="\$base" '
        NR == 1 { for (i = 1; i <= NF; i++) col[\$i] = i; print "patient,sample,type,vcf,regions,tumor_sample,bam"; next }
        NF == 0 { next }
        { v = \$col["vcf"]; if (v !~ /^\\//) v = base "/" v
          r = ("regions" in col) ? \$col["regions"] : ""; if (r != "" && r !~ /^\\//) r = base "/" r
          t = ("tumor_sample" in col) ? \$col["tumor_sample"] : ""
          b = ("bam" in col) ? \$col["bam"] : ""; if (b != "" && b !~ /^\\//) b = base "/" b
          print \$col["patient"], \$col["sample"], \$col["type"], v, r, t, b }
    ' ${samplesheet} > validated_samplesheet.csv
    echo "stub: not validated" > validation.log
    echo '{"genome": "unknown", "stub": true}' > validation.json
    ${stubVersionsLine(task)}
    """
}
