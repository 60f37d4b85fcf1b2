/*
 * Read-level evidence per patient batch with `oncoconcord pileup` (one JVM: `oncoconcord batch`),
 * BEFORE CONCORDANCE, which lays it over the calls (`concordance --evidence`, docs/PILEUP.md): for
 * each patient of the batch with at least two samples and a BAM/CRAM on a compared (non-normal)
 * sample, REF/ALT/strand read counts and a read-only evidence state (BELOW_CALL_THRESHOLD, ABSENT,
 * NOT_ASSESSABLE: `--ignore-genotypes`) of every site of the union of the patient's normalized
 * compared VCFs, in every compared sample that has reads. meta: NORMALIZE's batch meta (samples
 * carry `bam`); patients: NORMALIZE's patient folders (staged as normalized/<patient>/<sample>.norm.vcf.gz);
 * reads: each BAM/CRAM followed by its index, in sample order (evidenceSamples), staged side by side
 * in bams/ (so htsjdk finds each index beside its file; two samples of one batch must not share a
 * BAM file name).
 */
include { taskJavaOpts; versionsLine; stubVersionsLine; evidenceSamples } from '../../../subworkflows/local/utils_oncoconcord/main'

process PILEUP {
    tag "${meta.id}"
    label 'process_single'

    input:
    tuple val(meta), path(patients, stageAs: 'normalized/*'), path(reads, stageAs: 'bams/*')
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
        "pileup --quiet --ignore-genotypes ${args} ${siteArgs.join(' ')} ${bamArgs.join(' ')} --fasta ${fasta} -o ${p.patient}.evidence.tsv"
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
    def touches = meta.patients.findAll { p -> evidenceSamples(p) }.collect { p -> "touch ${p.patient}.evidence.tsv" }
    """
    ${touches.join('\n    ')}
    ${stubVersionsLine(task)}
    """
}
