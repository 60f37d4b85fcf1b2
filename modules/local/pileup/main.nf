/*
 * Read-level evidence per patient batch with `oncoconcord pileup` (one JVM: `oncoconcord batch`),
 * BEFORE CONCORDANCE, which lays it over the calls (`concordance --evidence`, docs/PILEUP.md): for
 * each patient of the batch with at least two samples and a BAM/CRAM on a compared (non-normal)
 * sample, REF/ALT/strand read counts and a read-only evidence state (BELOW_CALL_THRESHOLD, ABSENT,
 * NOT_ASSESSABLE: `--ignore-genotypes`) of every site of the union of the patient's normalized
 * compared VCFs, in every compared sample that has reads. meta: NORMALIZE's batch meta (samples
 * carry `bam`); normalized: NORMALIZE's batch folder (normalized/<patient>/<sample>.norm.vcf.gz);
 * reads: each BAM/CRAM followed by its index, in sample order (evidenceSamples), staged side by side
 * in bams/ (so htsjdk finds each index beside its file; two samples of one batch must not share a
 * BAM file name); segments: the samplesheet `segments` files of those samples that have one, in the
 * same order (staged as segments_<n>/). Then, per such patient, `oncoconcord clonality` on its evidence
 * (tissue samples with reads; the samplesheet `purity` of a sample replaces the estimate from its clonal
 * cluster, `--purity-source samplesheet`; its `segments` file gives the copy number): <patient>.ccf.tsv,
 * .meskit_ccf.tsv, .heterogeneity.tsv, .jaccard.tsv (docs/PILEUP.md).
 */
include { taskJavaOpts; versionsLine; stubVersionsLine; evidenceSamples } from '../../../subworkflows/local/utils_oncoconcord/main'

process PILEUP {
    tag "${meta.id}"
    label 'process_single'

    input:
    tuple val(meta), path(normalized, stageAs: 'normalized'), path(reads, stageAs: 'bams/*'), path(segments, stageAs: 'segments_?/*')
    path fasta
    path fai

    output:
    tuple val(meta), path('*.evidence.tsv'), emit: evidence
    tuple val(meta), path('*.{ccf,meskit_ccf,heterogeneity,jaccard}.tsv'), emit: clonality
    path 'versions.yml'                    , emit: versions

    script:
    def args = task.ext.args ?: ''
    def readList = reads instanceof List ? reads : (reads ? [ reads ] : [])
    def segmentList = segments instanceof List ? segments : (segments ? [ segments ] : [])
    def next = 0
    def nextSegments = 0
    def lines = meta.patients.collect { p ->
        def withBam = evidenceSamples(p)
        if (!withBam) {
            return null
        }
        def siteArgs = p.samples.findAll { it.type != 'normal' }
            .collect { s -> "--sites normalized/${s.patient}/${s.sample}.norm.vcf.gz" }
        def bamArgs = withBam.collect { s ->
            def bam = readList[next]
            next += 2 // each BAM is followed by its index
            "--bam ${bam} --label ${s.tumor_sample ?: s.sample}=${s.sample}"
        }
        def typeArgs = withBam.collect { s -> "--type ${s.sample}=${s.type}" }
        // the samplesheet's tissue purity replaces the estimate; its segments file gives the copy number
        def purityArgs = withBam.findAll { it.purity }.collect { s -> "--purity ${s.sample}=${s.purity}" }
        def segmentArgs = withBam.findAll { it.segments }.collect { s -> "--sample-segments ${s.sample}=${segmentList[nextSegments++]}" }
        [ pileup: "pileup --quiet --ignore-genotypes ${args} ${siteArgs.join(' ')} ${bamArgs.join(' ')} --fasta ${fasta} -o ${p.patient}.evidence.tsv",
          clonality: "clonality --quiet --patient ${p.patient} --evidence ${p.patient}.evidence.tsv ${typeArgs.join(' ')} "
                     + "${purityArgs ? purityArgs.join(' ') + ' --purity-source samplesheet ' : ''}${segmentArgs.join(' ')} --out ." ]
    }.findAll { it != null }
    """
    export ONCOCONCORD_JAVA_OPTS="${taskJavaOpts(task)}"
    cat <<-'END_COMMANDS' > pileup.commands
    ${lines.collect { it.pileup }.join('\n    ')}
    END_COMMANDS
    cat <<-'END_COMMANDS' > clonality.commands
    ${lines.collect { it.clonality }.join('\n    ')}
    END_COMMANDS
    oncoconcord batch --threads ${task.cpus} pileup.commands
    oncoconcord batch --threads ${task.cpus} clonality.commands
    ${versionsLine(task)}
    """

    stub:
    def touches = meta.patients.findAll { p -> evidenceSamples(p) }
        .collect { p -> "touch ${['evidence', 'ccf', 'meskit_ccf', 'heterogeneity', 'jaccard'].collect { "${p.patient}.${it}.tsv" }.join(' ')}" }
    """
    ${touches.join('\n    ')}
    ${stubVersionsLine(task)}
    """
}
