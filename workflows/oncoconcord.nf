/*
 * The DAG: VALIDATE -> one channel item per sample (meta: id, patient, sample, type, tumor_sample,
 * regions, bam, collection_day, timepoint, purity, segments) -> batches of patients (a stable bucket per patient) -> NORMALIZE and CONCORDANCE per
 * batch (PILEUP first for batches with BAMs, its evidence laid over the calls) -> COHORT (gather) -> SURVIVAL -> REPORT; MULTIQC_STATS and MULTIQC over everything.
 * Parameters are read here and passed to the modules; modules read no params.
 */
include { VALIDATE      } from '../modules/local/validate/main'
include { NORMALIZE     } from '../modules/local/normalize/main'
include { CONCORDANCE   } from '../modules/local/concordance/main'
include { PILEUP        } from '../modules/local/pileup/main'
include { COHORT        } from '../modules/local/cohort/main'
include { SURVIVAL      } from '../modules/local/survival/main'
include { REPORT        } from '../modules/local/report/main'
include { MULTIQC_STATS } from '../modules/local/multiqc_stats/main'
include { MULTIQC       } from '../modules/local/multiqc/main'
include { versionsSection; parametersSection; evidenceSamples } from '../subworkflows/local/utils_oncoconcord/main'

/*
 * The batch of each patient: CRC32 of the patient id modulo a number of batches that is the power
 * of two at or above a wanted count. Membership depends only on the patient's own id and that count,
 * so adding a patient changes only its own batch (until the count doubles) and -resume re-runs just
 * that batch. Batches hold about, not exactly, patients / count patients.
 * The wanted count: patients / batch_size when --batch_size is given (> 0); by default (0) it is
 * chosen from the cohort size: about 100 patients per batch, so each task's fixed cost (a JVM start
 * and its JIT warm-up, ~5 s CPU, plus Nextflow's own per-task overhead) stays a small share of its
 * work, but at least min(4, patients / 10) batches so that small cohorts still use several cores.
 * 500 patients: 8 batches; 1,000: 16; 2,000: 32; 5,000: 64 (bench/RESULTS-pipeline-scale.md).
 */
def batchCount(int patients, int batchSize) {
    int wanted = batchSize > 0 ? (int) Math.ceil(patients / (double) batchSize)
        : Math.max((int) Math.ceil(patients / 100.0), Math.min(4, (int) Math.ceil(patients / 10.0)))
    wanted = Math.max(1, wanted)
    return Integer.highestOneBit(wanted) == wanted ? wanted : Integer.highestOneBit(wanted) * 2
}

def batchOf(String patient, int batches) {
    def crc = new java.util.zip.CRC32()
    crc.update(patient.getBytes('UTF-8'))
    return (int) (crc.value % batches)
}

/* The index beside a BAM/CRAM (VALIDATE checked there is one): .bam.bai, .bai, .bam.csi, .cram.crai, .crai. */
def bamIndex(String bam) {
    def candidates = [ "${bam}.bai", bam.replaceFirst(/\.bam$/, '.bai'), "${bam}.csi", "${bam}.crai", bam.replaceFirst(/\.cram$/, '.crai') ]
    return candidates.collect { file(it.toString()) }.find { it.exists() && it.toString() != bam }
}

workflow ONCOCONCORD {
    take:
    samplesheet // channel or path: the samplesheet CSV
    clinical    // channel or path: the clinical CSV
    fasta       // channel or path: the reference FASTA
    genes       // channel or path, or []: the gene/hotspot table

    main:
    ch_versions = Channel.empty()
    def genome = params.genome ?: 'auto'

    // the reference: every VCF's contigs, lengths and genome build are checked against it in VALIDATE
    ch_fasta = fasta instanceof Path ? Channel.value(fasta) : fasta
    ch_fai = ch_fasta.map { f -> def fai = file("${f}.fai"); fai.exists() ? fai : [] }

    VALIDATE(samplesheet, clinical, ch_fasta, ch_fai, genome)
    ch_versions = ch_versions.mix(VALIDATE.out.versions)

    // one item per sample: [ meta, vcf ]; patient and sample stay separate fields (ids cannot
    // contain '/', so "<patient>/<sample>" and the file names built from it never collide)
    ch_samples = VALIDATE.out.samplesheet
        .flatMap { csv ->
            csv.splitCsv(header: true, strip: true).collect { row ->
                def meta = [
                    id          : "${row.patient}/${row.sample}".toString(),
                    patient     : row.patient,
                    sample      : row.sample,
                    type        : row.type,
                    tumor_sample: row.tumor_sample ?: '',
                    regions     : row.regions ? file(row.regions, checkIfExists: true).toString() : '',
                    bam         : row.bam ? file(row.bam, checkIfExists: true).toString() : '',
                    // serial plasma (docs/PLASMA.md): days from surgery and timepoint label, '' when not given
                    collection_day: row.collection_day ?: '',
                    timepoint   : row.timepoint ?: '',
                    // tissue purity and copy-number segments for clonality (docs/PILEUP.md), '' when not given
                    purity      : row.purity ?: '',
                    segments    : row.segments ? file(row.segments, checkIfExists: true).toString() : ''
                ]
                [ meta, file(row.vcf, checkIfExists: true) ]
            }
        }

    // patients, each with its samples in a stable order (primary, metastasis, plasma, then sample
    // id), into stable batches (batchOf); within a batch, patients in id order. One NORMALIZE and one
    // CONCORDANCE task per batch, each running its commands in one JVM (`oncoconcord batch`).
    def typeOrder = [ 'primary': 0, 'metastasis': 1, 'plasma': 2, 'normal': 3 ]
    ch_batches = ch_samples
        .map { meta, vcf -> [ meta.patient, meta, vcf ] }
        .groupTuple(by: 0)
        .map { patient, metas, vcfs ->
            def idx = (0..<metas.size()).toList().sort(false) { a, b ->
                (typeOrder[metas[a].type] <=> typeOrder[metas[b].type]) ?: (metas[a].sample <=> metas[b].sample)
            }
            [ patient: patient, samples: idx.collect { metas[it] }, vcfs: idx.collect { vcfs[it] } ]
        }
        .toList()
        .flatMap { patients ->
            int n = batchCount(patients.size(), params.batch_size as int)
            patients.groupBy { batchOf(it.patient, n) }
                .collect { b, members ->
                    def sorted = members.sort(false) { it.patient }
                    def meta = [
                        id      : "batch_${b + 1}_of_${n}".toString(),
                        patients: sorted.collect { p -> [ patient: p.patient, samples: p.samples ] }
                    ]
                    // staged as they are named when the batch's file names are unique, else each in its
                    // own folder (raw/<n>/<name>): every folder costs the task wrapper one more process
                    // start per file (bench/RESULTS-pipeline-scale.md, "Staging")
                    def vcfs = sorted.collectMany { it.vcfs }
                    boolean unique = vcfs*.name.toSet().size() == vcfs.size()
                    [ meta, unique ? vcfs : [], unique ? [] : vcfs ]
                }
                .sort { it[0].id }
        }

    // per batch: normalize every sample against the reference
    NORMALIZE(ch_batches, ch_fasta, ch_fai)
    ch_versions = ch_versions.mix(NORMALIZE.out.versions.first())

    // per batch: compare the samples of each patient; a patient with a single sample has nothing
    // to compare (validate warned about it) and a batch of only such patients is skipped. The
    // regions travel in meta, so no join is needed (a failed NORMALIZE then ends the run with
    // its own error only).
    // a batch's patient folders travel as their one parent folder (normalized/ of the NORMALIZE task):
    // one staged link per task instead of one per patient (see ch_concordance_dirs below)
    def parentOf = { files -> (files instanceof List ? files[0] : files).parent }
    ch_normalized_batch = NORMALIZE.out.patients.map { meta, dirs -> [ meta, parentOf(dirs) ] }
    ch_compare = ch_normalized_batch
        .map { meta, dirs ->
            meta.patients.findAll { it.samples.size() < 2 }.each { p ->
                log.warn "oncoconcord: patient ${p.patient} has a single sample (${p.samples[0].sample}): normalized but not compared"
            }
            [ meta, dirs, meta.patients.collectMany { p -> p.samples.findAll { it.regions }.collect { file(it.regions) } } ]
        }
        .filter { meta, dirs, beds -> meta.patients.any { it.samples.size() >= 2 } }
        .branch { meta, dirs, beds ->
            reads: meta.patients.any { evidenceSamples(it) }
            plain: true
        }

    // PILEUP (docs/PILEUP.md): per batch with reads (samplesheet column `bam`), before CONCORDANCE, the
    // read evidence of every site of each compared patient's normalized VCFs in each of its compared
    // samples with a BAM/CRAM; CONCORDANCE lays it over those patients' calls (--evidence). Batches
    // without reads go to CONCORDANCE directly, as before.
    ch_pileup = ch_compare.reads
        .map { meta, dirs, beds ->
            [ meta, dirs, meta.patients.collectMany { p -> evidenceSamples(p).collectMany { s -> [ file(s.bam), bamIndex(s.bam) ] } },
              meta.patients.collectMany { p -> evidenceSamples(p).findAll { it.segments }.collect { file(it.segments) } } ]
        }
    PILEUP(ch_pileup, ch_fasta, ch_fai)
    ch_versions = ch_versions.mix(PILEUP.out.versions.first())

    ch_with_evidence = ch_compare.reads
        .map { meta, dirs, beds -> [ meta.id, meta, dirs, beds ] }
        .join(PILEUP.out.evidence.map { meta, evidence -> [ meta.id, evidence ] })
        .map { id, meta, dirs, beds, evidence -> [ meta, dirs, beds, evidence ] }
    if (params.gtf && params.gff3) {
        error "oncoconcord: give --gtf or --gff3, not both"
    }
    def models = params.gtf ? file(params.gtf, checkIfExists: true) : params.gff3 ? file(params.gff3, checkIfExists: true) : []
    CONCORDANCE(ch_compare.plain.map { meta, dirs, beds -> [ meta, dirs, beds, [] ] }.mix(ch_with_evidence), genes, genome,
        models, ch_fasta, ch_fai)
    ch_versions = ch_versions.mix(CONCORDANCE.out.versions.first())

    // gather: cohort statistics and survival features over every patient. The gathering steps stage
    // one folder per batch (the concordance/ folder of each CONCORDANCE task, which holds every output
    // of its patients, and the normalized/ folder of each NORMALIZE task), not one file per patient:
    // each staged file costs the task wrapper a process start (mkdir/ln), which at 1,000 patients was
    // over a minute per gathering task (bench/RESULTS-pipeline-scale.md "Staging"). The readers search
    // these folders recursively and order what they find by patient, not by batch. Batch order (by id)
    // keeps the inputs, and so -resume, stable.
    def byBatchId = { a, b -> a[0].id <=> b[0].id }
    ch_concordance_dirs = CONCORDANCE.out.json.map { meta, files -> [ meta, parentOf(files) ] }
        .toSortedList(byBatchId).map { items -> items.collect { it[1] } }
    ch_normalized_dirs  = ch_normalized_batch.toSortedList(byBatchId).map { items -> items.collect { it[1] } }
    COHORT(ch_concordance_dirs, clinical)
    ch_versions = ch_versions.mix(COHORT.out.versions)

    // survival per endpoint: `oncoconcord survival plan` (in the task) decides what runs from features.tsv
    def survivalOpts = [ endpoints: params.endpoints, covariates: params.survival_covariates, km_groups: params.km_groups,
                         univariable: params.univariable, landmark: params.landmark, coxnet: params.coxnet,
                         coxnet_unpenalized: params.coxnet_unpenalized, horizon: params.horizon,
                         time_dependent: params.time_dependent, cancer_specific: params.cancer_specific ]
    SURVIVAL(COHORT.out.features.combine(COHORT.out.columns), survivalOpts)
    SURVIVAL.out.dir.subscribe { dir ->   // what was left out, as warnings in the run log
        def skipped = dir.resolve('skipped.tsv')
        if (skipped.exists()) {
            skipped.readLines().drop(1).findAll { it }.each { l ->
                def (endpoint, analysis, reason) = (l.split('\t', -1) as List) + [ '', '', '' ]
                log.warn "oncoconcord survival: ${endpoint}: ${analysis} skipped: ${reason}"
            }
        }
    }
    ch_versions = ch_versions.mix(SURVIVAL.out.versions)

    ch_params = Channel.of(groovy.json.JsonOutput.prettyPrint(groovy.json.JsonOutput.toJson(
            params.findAll { k, v -> !(k in [ 'max_cpus', 'max_memory', 'max_time' ]) && !k.contains('-') }
                  .collectEntries { k, v -> [ k, v?.toString() ] })))
        .collectFile(name: 'params.json')
    REPORT(COHORT.out.dir, SURVIVAL.out.dir, ch_concordance_dirs, ch_params, VALIDATE.out.samplesheet, ch_normalized_dirs,
           PILEUP.out.evidence.map { meta, files -> files }.flatten().toSortedList { a, b -> a.name <=> b.name })
    ch_versions = ch_versions.mix(REPORT.out.versions)

    // MultiQC: general statistics per sample, the cohort tables, software versions, run parameters
    MULTIQC_STATS(VALIDATE.out.samplesheet, ch_normalized_dirs, ch_concordance_dirs)
    ch_versions = ch_versions.mix(MULTIQC_STATS.out.versions)

    // software versions: one entry per process, plus the workflow's own (MultiQC's own version is
    // added to pipeline_info/software_versions.yml once it has run)
    ch_workflow_version = Channel.of("Workflow:\n    Nextflow: ${workflow.nextflow.version}\n    oncoconcord: ${workflow.manifest.version}".toString())
    ch_versions_before_multiqc = ch_versions
        .map { it.text.trim() }
        .unique()
        .mix(ch_workflow_version)
        .collectFile(name: 'versions_before_multiqc.yml', newLine: true, sort: true)

    ch_multiqc_versions = Channel.empty()
    if (!params.skip_multiqc) {
        ch_versions_mqc = ch_versions_before_multiqc.map { yml -> versionsSection(yml.text) }
            .collectFile(name: 'software_versions_mqc.yml')
        ch_summary_mqc = Channel.of(parametersSection(params, workflow))
            .collectFile(name: 'workflow_summary_mqc.yml')
        ch_mqc = MULTIQC_STATS.out.mqc
            .mix(COHORT.out.mqc.flatten(), ch_versions_mqc, ch_summary_mqc)
            .collect()
        MULTIQC(ch_mqc, file("${projectDir}/assets/multiqc_config.yml", checkIfExists: true),
                params.multiqc_config ? file(params.multiqc_config, checkIfExists: true) : [],
                params.multiqc_title ?: '')
        ch_multiqc_versions = MULTIQC.out.versions
    }
    ch_versions_yml = ch_versions.mix(ch_multiqc_versions)
        .map { it.text.trim() }
        .unique()
        .mix(ch_workflow_version)
        .collectFile(name: 'software_versions.yml', storeDir: "${params.outdir}/pipeline_info", newLine: true, sort: true)

    emit:
    validated   = VALIDATE.out.samplesheet
    samples     = ch_samples
    concordance = CONCORDANCE.out.json
    evidence    = PILEUP.out.evidence
    report      = REPORT.out.html
    versions    = ch_versions_yml
}
