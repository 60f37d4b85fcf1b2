/*
 * Read-level evidence per patient batch with `oncoconcord pileup` (one JVM: `oncoconcord batch`):
 * for each patient of the batch with at least one BAM/CRAM, REF/ALT/strand read counts and an
 * evidence state (CALLED, BELOW_CALL_THRESHOLD, ABSENT, NOT_ASSESSABLE) of every variant of the
 * patient (the union over its samples: CONCORDANCE's <patient>.variants.tsv) in every sample
 * that has reads. meta: CONCORDANCE's batch meta (samples carry `bam`); variants: the batch's
 * variants tables; reads: each BAM/CRAM followed by its index, in sample order, staged side by
 * side in bams/ (so htsjdk finds each index beside its file; two samples of one batch must not
 * share a BAM file name).
 */
include { taskJavaOpts; versionsLine; stubVersionsLine } from '../../../subworkflows/local/utils_oncoconcord/main'

process PILEUP {
    tag "${meta.id}"
    label 'process_single'

    input:
    tuple val(meta), path(variants), path(reads, stageAs: 'bams/*')
    path fasta
    path fai

    output:
    tuple val(meta), path('*.evidence.tsv'), emit: evidence
    path 'versions.yml'                    , emit: versions

    script:
    def args = task.ext.args ?: ''
    def readList = reads instanceof List ? reads : (reads ? [ reads ] : [])
    def next = 0
    def lines = meta.patients.collect { p ->
        def withBam = p.samples.findAll { it.bam }
        if (!withBam || p.samples.size() < 2) {
            return null
        }
        def bamArgs = withBam.collect { s ->
            def bam = readList[next]
            next += 2 // each BAM is followed by its index
            "--bam ${bam} --label ${s.tumor_sample ?: s.sample}=${s.sample}"
        }
        "pileup --quiet ${args} --sites ${p.patient}.variants.tsv ${bamArgs.join(' ')} --fasta ${fasta} -o ${p.patient}.evidence.tsv"
    }.findAll { it != null }
    """
    export ONCOCONCORD_JAVA_OPTS="${taskJavaOpts(task)}"
    cat <<-'END_COMMANDS' > pileup.commands
    ${lines.join('\n    ')}
    END_COMMANDS
    oncoconcord batch --threads ${task.cpus} pileup.commands
    ${versionsLine(task)}
    """

    stub:
    def touches = meta.patients.findAll { p -> p.samples.size() >= 2 && p.samples.any { it.bam } }
        .collect { p -> "touch ${p.patient}.evidence.tsv" }
    """
    ${touches.join('\n    ')}
    ${stubVersionsLine(task)}
    """
}
