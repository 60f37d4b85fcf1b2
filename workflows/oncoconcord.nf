/*
 * The DAG: VALIDATE -> one channel item per sample (meta: id, patient, sample, type, tumor_sample)
 * -> per sample NORMALIZE -> per patient CONCORDANCE -> COHORT (gather) -> SURVIVAL -> REPORT.
 * Clinical data are required from COHORT on (survival features).
 */
include { VALIDATE    } from '../modules/local/validate/main'
include { NORMALIZE   } from '../modules/local/normalize/main'
include { CONCORDANCE } from '../modules/local/concordance/main'
include { COHORT      } from '../modules/local/cohort/main'
include { SURVIVAL; survivalPlan } from '../modules/local/survival/main'
include { REPORT      } from '../modules/local/report/main'

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
                    has_regions : row.regions as boolean,
                    n_samples   : perPatient[row.patient]
                ]
                [ meta, file(row.vcf, checkIfExists: true), row.regions ? file(row.regions, checkIfExists: true) : [] ]
            }
        }

    // per sample: normalize against the reference
    def fai = fasta ? file("${fasta}.fai") : null
    NORMALIZE(ch_samples.map { meta, vcf, regions -> [ meta, vcf ] }, fasta, fai?.exists() ? fai : [])
    ch_versions = ch_versions.mix(NORMALIZE.out.versions.first())

    // per patient, released as soon as all its samples are normalized; then batches of patients
    ch_patients = NORMALIZE.out.vcf
        .map { meta, vcf, tbi -> [ meta.id, meta, vcf, tbi ] }
        .join(ch_samples.map { meta, vcf, regions -> [ meta.id, regions ] }, failOnMismatch: true, failOnDuplicate: true)
        .map { id, meta, vcf, tbi, regions -> [ groupKey(meta.patient, meta.n_samples), meta, vcf, tbi, regions ] }
        .groupTuple()
        .map { patient, metas, vcfs, tbis, regions ->
            // a stable sample order (primary, metastasis, plasma, then sample id) so that -resume hits
            def order = [ 'primary': 0, 'metastasis': 1, 'plasma': 2 ]
            def idx = (0..<metas.size()).toList().sort(false) { a, b ->
                (order[metas[a].type] <=> order[metas[b].type]) ?: (metas[a].sample <=> metas[b].sample)
            }
            [ patient.toString(), idx.collect { metas[it] }, idx.collect { vcfs[it] }, idx.collect { tbis[it] },
              idx.findAll { metas[it].has_regions }.collect { regions[it] } ]
        }
    // a patient with a single sample has nothing to compare (validate warned about it)
    ch_compared = ch_patients.filter { p ->
        if (p[1].size() < 2) {
            log.warn "oncoconcord: patient ${p[0]} has a single sample (${p[1][0].sample}): normalized but not compared"
        }
        p[1].size() >= 2
    }
    // batches stream as patients complete (with batch_size > 1 their make-up may vary between runs)
    ch_batches = ch_compared
        .buffer(size: params.batch_size, remainder: true)
        .multiMap { batch ->
            patients: batch.collect { p -> [ p[0], p[1], p[2].collect { it.name } ] }
            vcfs    : batch.collectMany { it[2] }
            tbis    : batch.collectMany { it[3] }
            beds    : batch.collectMany { it[4] }
        }
    CONCORDANCE(ch_batches.patients, ch_batches.vcfs, ch_batches.tbis, ch_batches.beds, genes)
    ch_versions = ch_versions.mix(CONCORDANCE.out.versions.first())

    // gather: cohort statistics and survival features over every patient
    ch_json = CONCORDANCE.out.json.flatten().toSortedList { a, b -> a.name <=> b.name }
    ch_tsv  = CONCORDANCE.out.tsv.flatten().toSortedList { a, b -> a.name <=> b.name }
    COHORT(ch_json, ch_tsv, clinical)
    ch_versions = ch_versions.mix(COHORT.out.versions)

    // survival per endpoint; survivalPlan reads features.tsv's header and features.columns.tsv
    def survivalOpts = [ endpoints: params.endpoints, covariates: params.survival_covariates, km_groups: params.km_groups,
                         univariable: params.univariable, landmark: params.landmark, coxnet: params.coxnet,
                         coxnet_unpenalized: params.coxnet_unpenalized, horizon: params.horizon ]
    SURVIVAL(COHORT.out.features.combine(COHORT.out.columns).map { f, c -> [ f, survivalPlan(f, c, survivalOpts) ] })
    ch_versions = ch_versions.mix(SURVIVAL.out.versions)

    ch_params = Channel.of(groovy.json.JsonOutput.prettyPrint(groovy.json.JsonOutput.toJson(
            params.findAll { k, v -> !(k in [ 'max_cpus', 'max_memory', 'max_time' ]) && !k.contains('-') }
                  .collectEntries { k, v -> [ k, v?.toString() ] })))
        .collectFile(name: 'params.json')
    REPORT(COHORT.out.dir, SURVIVAL.out.dir, ch_json, ch_params)
    ch_versions = ch_versions.mix(REPORT.out.versions)

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
    concordance = CONCORDANCE.out.json
    report      = REPORT.out.html
    versions  = ch_versions_yml
}
