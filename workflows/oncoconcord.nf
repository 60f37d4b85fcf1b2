/*
 * The DAG: VALIDATE -> one channel item per sample (meta: id, patient, sample, type, tumor_sample)
 * -> per sample NORMALIZE -> per patient CONCORDANCE -> COHORT (gather) -> SURVIVAL -> REPORT.
 * A step is wired here only once its `oncoconcord` subcommand exists.
 */
include { VALIDATE } from '../modules/local/validate/main'

workflow ONCOCONCORD {
    take:
    samplesheet // path: the samplesheet CSV
    clinical    // path or []: the clinical CSV
    fasta       // path or []: the reference FASTA
    genes       // path or []: the gene/hotspot table

    main:
    ch_versions = Channel.empty()

    VALIDATE(samplesheet, clinical)
    ch_versions = ch_versions.mix(VALIDATE.out.versions)

    // one item per sample: [ meta, vcf, regions-or-[] ]; meta.n_samples lets groupKey release
    // each patient as soon as its samples are done
    ch_samples = VALIDATE.out.samplesheet
        .flatMap { csv ->
            def rows = csv.splitCsv(header: true, strip: true)
            def perPatient = rows.countBy { it.patient }
            rows.collect { row ->
                def meta = [
                    id          : "${row.patient}.${row.sample}".toString(),
                    patient     : row.patient,
                    sample      : row.sample,
                    type        : row.type,
                    tumor_sample: row.tumor_sample ?: '',
                    n_samples   : perPatient[row.patient]
                ]
                [ meta, file(row.vcf, checkIfExists: true), row.regions ? file(row.regions, checkIfExists: true) : [] ]
            }
        }

    // software versions: one entry per process, plus the workflow's own
    ch_versions
        .map { it.text.trim() }
        .unique()
        .mix(Channel.of("Workflow:\n    Nextflow: ${workflow.nextflow.version}\n    oncoconcord: ${workflow.manifest.version}".toString()))
        .collectFile(name: 'software_versions.yml', storeDir: "${params.outdir}/pipeline_info", newLine: true, sort: true)
        .set { ch_versions_yml }

    emit:
    validated = VALIDATE.out.samplesheet
    samples   = ch_samples
    versions  = ch_versions_yml
}
