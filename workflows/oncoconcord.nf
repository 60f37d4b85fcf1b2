/*
 * The DAG: VALIDATE -> one channel item per sample (meta: id, patient, sample, type, tumor_sample)
 * -> batches of params.batch_size patients -> NORMALIZE and CONCORDANCE per batch -> COHORT (gather)
 * -> SURVIVAL -> REPORT.
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

    // one item per sample: [ meta, vcf, regions-or-[] ]
    ch_samples = VALIDATE.out.samplesheet
        .flatMap { csv ->
            def rows = csv.splitCsv(header: true, strip: true)
            rows.collect { row ->
                def meta = [
                    id          : "${row.patient}.${row.sample}".toString(),
                    patient     : row.patient,
                    sample      : row.sample,
                    type        : row.type,
                    tumor_sample: row.tumor_sample ?: '',
                    has_regions : row.regions as boolean
                ]
                [ meta, file(row.vcf, checkIfExists: true), row.regions ? file(row.regions, checkIfExists: true) : [] ]
            }
        }

    // patients in name order (all samples are known once VALIDATE is done), each with its samples in a
    // stable order (primary, metastasis, plasma, then sample id); then batches of params.batch_size
    // patients: one NORMALIZE and one CONCORDANCE task per batch, each running its commands in one JVM
    // (`oncoconcord batch`). The batches depend only on the samplesheet, so -resume finds them again.
    def typeOrder = [ 'primary': 0, 'metastasis': 1, 'plasma': 2 ]
    ch_batches = ch_samples
        .map { meta, vcf, regions -> [ meta.patient, meta, vcf, regions ] }
        .groupTuple(by: 0)
        .toSortedList { a, b -> a[0] <=> b[0] }
        .flatMap { it }
        .map { patient, metas, vcfs, regions ->
            def idx = (0..<metas.size()).toList().sort(false) { a, b ->
                (typeOrder[metas[a].type] <=> typeOrder[metas[b].type]) ?: (metas[a].sample <=> metas[b].sample)
            }
            [ patient: patient, samples: idx.collect { metas[it] }, vcfs: idx.collect { vcfs[it] },
              beds: idx.findAll { metas[it].has_regions }.collect { regions[it] } ]
        }
        .buffer(size: params.batch_size, remainder: true)
        .map { batch ->
            def ids = batch.collect { it.patient }
            def meta = [
                id      : ids.size() == 1 ? ids[0] : "${ids[0]}-${ids[-1]}".toString(),
                patients: batch.collect { p -> [ patient: p.patient, samples: p.samples ] }
            ]
            [ meta, batch.collectMany { it.vcfs }, batch.collectMany { it.beds } ]
        }

    // per batch: normalize every sample against the reference
    def fai = fasta ? file("${fasta}.fai") : null
    NORMALIZE(ch_batches.map { meta, vcfs, beds -> [ meta, vcfs ] }, fasta, fai?.exists() ? fai : [])
    ch_versions = ch_versions.mix(NORMALIZE.out.versions.first())

    // per batch: compare the samples of each patient; a patient with a single sample has nothing
    // to compare (validate warned about it) and a batch of only such patients is skipped
    ch_compare = NORMALIZE.out.vcf
        .map { meta, vcfs, tbis -> [ meta.id, meta, vcfs, tbis ] }
        .join(ch_batches.map { meta, vcfs, beds -> [ meta.id, beds ] }, failOnMismatch: true, failOnDuplicate: true)
        .map { id, meta, vcfs, tbis, beds ->
            meta.patients.findAll { it.samples.size() < 2 }.each { p ->
                log.warn "oncoconcord: patient ${p.patient} has a single sample (${p.samples[0].sample}): normalized but not compared"
            }
            [ meta, vcfs, tbis, beds ]
        }
        .filter { meta, vcfs, tbis, beds -> meta.patients.any { it.samples.size() >= 2 } }
    CONCORDANCE(ch_compare, genes)
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
    REPORT(COHORT.out.dir, SURVIVAL.out.dir, ch_json, ch_params, VALIDATE.out.samplesheet,
           NORMALIZE.out.stats.map { meta, files -> files }.flatten().toSortedList { a, b -> a.name <=> b.name })
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
