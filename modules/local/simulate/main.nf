/*
 * A simulated study (`oncoconcord simulate`): samplesheet, clinical table, reference, gene table
 * and VCFs with a planted truth. Used by -profile test_full (a 200-patient cohort made on the fly).
 */
include { taskJavaOpts; versionsLine; stubVersionsLine } from '../../../subworkflows/local/utils_oncoconcord/main'

process SIMULATE {
    tag "${patients} patients, seed ${seed}"
    label 'process_single'

    input:
    val patients
    val seed

    output:
    path 'cohort'                  , emit: dir
    path 'cohort/samplesheet.csv'  , emit: samplesheet
    path 'cohort/clinical.csv'     , emit: clinical
    path 'cohort/reference.fa'     , emit: fasta
    path 'cohort/genes.tsv'        , emit: genes
    path 'versions.yml'            , emit: versions

    script:
    def args = task.ext.args ?: ''
    """
    export ONCOCONCORD_JAVA_OPTS="${taskJavaOpts(task)}"
    oncoconcord simulate ${args} --patients ${patients} --seed ${seed} --out cohort
    ${versionsLine(task)}
    """

    stub:
    """
    mkdir -p cohort
    printf 'patient,sample,type,vcf\\n' > cohort/samplesheet.csv
    touch cohort/clinical.csv cohort/reference.fa cohort/genes.tsv
    ${stubVersionsLine(task)}
    """
}
