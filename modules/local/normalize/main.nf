/*
 * Normalizes the VCFs of a batch of patients with `oncoconcord normalize` (split multiallelics,
 * left-align, standard FORMAT/AD, DP, AF for the tumour sample), BGZF + .tbi, with counts and
 * rejects per sample, into normalized/<patient>/<sample>.* (ids cannot contain '/', so two
 * samples never share a file). The commands of the batch run in one JVM (`oncoconcord batch`),
 * task.cpus at a time.
 * meta: [ id, patients: [ [ patient, samples: [ [ id, patient, sample, type, tumor_sample, regions ] ] ] ] ];
 * vcfs / vcfs_nested: the raw VCFs in the order of the samples, one of the two lists empty: vcfs when
 * their file names are unique in the batch (staged as they are named: one link, no folder), else vcfs_nested (each in its own
 * folder, raw/<n>/<name>, as two samples' VCFs may share a name).
 */
include { taskJavaOpts; versionsLine; stubVersionsLine } from '../../../subworkflows/local/utils_oncoconcord/main'

process NORMALIZE {
    tag "${meta.id}: ${meta.patients.size() <= 4 ? meta.patients*.patient.join(',') : meta.patients[0].patient + '..' + meta.patients[-1].patient}"
    label 'process_single'

    input:
    tuple val(meta), path(vcfs), path(vcfs_nested, stageAs: 'raw/?/*')
    path fasta
    path fai     // [] when absent: normalize builds it

    output:
    // one folder per patient: <patient>/<sample>.{norm.vcf.gz,norm.vcf.gz.tbi,normalize.json,rejects.tsv}
    tuple val(meta), path('normalized/*', type: 'dir'), emit: patients
    path 'versions.yml'                               , emit: versions

    script:
    def args = task.ext.args ?: ''
    def q = { String s -> "'" + s.replace("'", "'\\''") + "'" }
    def samples = meta.patients.collectMany { it.samples }
    def asList = { v -> v instanceof List ? v : (v ? [ v ] : []) }
    def vcfList = asList(vcfs) + asList(vcfs_nested)
    def lines = [ samples, vcfList ].transpose().collect { s, vcf ->
        def tumor = s.tumor_sample ? "--tumor-sample ${q(s.tumor_sample)}" : ''
        def out = "normalized/${s.patient}/${s.sample}"
        "normalize --quiet ${args} -f ${fasta} ${tumor} --rejects ${out}.rejects.tsv --stats ${out}.normalize.json -o ${out}.norm.vcf.gz ${q(vcf.toString())}"
    }
    """
    export ONCOCONCORD_JAVA_OPTS="${taskJavaOpts(task)}"
    mkdir -p ${meta.patients.collect { "normalized/${it.patient}" }.join(' ')}
    cat <<-'END_COMMANDS' > normalize.commands
    ${lines.join('\n    ')}
    END_COMMANDS
    oncoconcord batch --threads ${task.cpus} normalize.commands
    ${versionsLine(task)}
    """

    stub:
    def samples = meta.patients.collectMany { it.samples }
    def touches = samples.collect { s ->
        def out = "normalized/${s.patient}/${s.sample}"
        "mkdir -p normalized/${s.patient}; echo | gzip > ${out}.norm.vcf.gz; touch ${out}.norm.vcf.gz.tbi ${out}.rejects.tsv; echo '{}' > ${out}.normalize.json"
    }
    """
    ${touches.join('\n    ')}
    ${stubVersionsLine(task)}
    """
}
