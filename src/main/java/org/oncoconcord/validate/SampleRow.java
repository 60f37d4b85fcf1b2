package org.oncoconcord.validate;

import java.nio.file.Path;

/**
 * One validated samplesheet row: ids, sample type, the VCF and optional assay regions as absolute
 * paths, the VCF column of the tumour ({@code ""} when not given) and the optional BAM/CRAM (null).
 */
public record SampleRow(String patient, String sample, String type, Path vcf, Path regions, String tumorSample, Path bam) {
    /** The columns of the validated samplesheet, in order. */
    public static final String[] COLUMNS = {"patient", "sample", "type", "vcf", "regions", "tumor_sample", "bam"};

    /** Whether the sample is tumour tissue (primary or metastasis) rather than plasma. */
    public boolean isTissue() {
        return type.equals("primary") || type.equals("metastasis");
    }
}
