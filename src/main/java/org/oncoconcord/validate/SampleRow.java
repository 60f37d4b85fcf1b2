package org.oncoconcord.validate;

import java.nio.file.Path;

/**
 * One validated samplesheet row: ids, sample type, the VCF and optional assay regions as absolute
 * paths, the VCF column of the tumour ({@code ""} when not given), the optional BAM/CRAM (null), and
 * for serial plasma the draw's {@code collectionDay} (days from surgery, null when unknown) and
 * {@code timepoint} label ({@code ""} when not given).
 */
public record SampleRow(String patient, String sample, String type, Path vcf, Path regions, String tumorSample, Path bam,
                        Double collectionDay, String timepoint) {
    /** The columns of the validated samplesheet, in order. */
    public static final String[] COLUMNS = {"patient", "sample", "type", "vcf", "regions", "tumor_sample", "bam",
        "collection_day", "timepoint"};

    /** Whether the sample is tumour tissue (primary or metastasis) rather than plasma. */
    public boolean isTissue() {
        return type.equals("primary") || type.equals("metastasis");
    }

    /** {@link #collectionDay} as written in the validated samplesheet: an integer without ".0", empty when unknown. */
    public String collectionDayText() {
        if (collectionDay == null) {
            return "";
        }
        double d = collectionDay;
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
