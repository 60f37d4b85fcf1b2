#!/usr/bin/env nextflow
/*
 * oncoconcord: primary / metastasis / plasma ctDNA concordance and survival for colorectal cancer.
 *
 *   nextflow run . -profile test --outdir results            (or bin/nextflow without a Nextflow install)
 *   nextflow run . --input samplesheet.csv --clinical clinical.csv --fasta ref.fa --outdir results
 *
 * The samplesheet and the clinical table are checked by `oncoconcord validate` (assets/schema_*.json);
 * no Nextflow plugin is needed.
 */
nextflow.enable.dsl = 2

include { ONCOCONCORD } from './workflows/oncoconcord'

workflow {
    if (!params.input) {
        error "oncoconcord: --input SAMPLESHEET.csv is required (patient,sample,type,vcf[,regions][,tumor_sample]); try -profile test"
    }
    if (!params.fasta) {
        error "oncoconcord: --fasta REFERENCE.fa is required (the reference the VCFs were called against; .fai beside it)"
    }
    if (!params.clinical) {
        error "oncoconcord: --clinical CLINICAL.csv is required (patient + os_days,os_event,...: cohort features and survival)"
    }
    if (!(params.batch_size instanceof Integer) || params.batch_size < 1) {
        error "oncoconcord: --batch_size must be a whole number >= 1 (patients per normalize / concordance task), not '${params.batch_size}'"
    }
    if (!workflow.containerEngine && !workflow.stubRun && !System.getenv('ONCOCONCORD_JAR')
            && !file("${projectDir}/target/oncoconcord.jar").exists()) {
        error "oncoconcord: ${projectDir}/target/oncoconcord.jar is not built: run 'mvn -q -B -DskipTests package' in ${projectDir} first (or use a container profile)"
    }
    ONCOCONCORD(
        file(params.input, checkIfExists: true),
        file(params.clinical, checkIfExists: true),
        file(params.fasta, checkIfExists: true),
        params.genes ? file(params.genes, checkIfExists: true) : []
    )
}

workflow.onComplete {
    def status = workflow.success ? 'succeeded' : 'FAILED'
    log.info "oncoconcord ${status}: results in ${params.outdir} (run info in ${params.outdir}/pipeline_info)"
}
