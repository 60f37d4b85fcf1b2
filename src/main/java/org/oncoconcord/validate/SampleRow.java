package org.oncoconcord.validate;

import java.nio.file.Path;

/**
 * One validated samplesheet row: ids, sample type, the VCF and optional assay regions as absolute
 * paths, the VCF column of the tumour ({@code ""} when not given), the optional BAM/CRAM (null), and
 * for serial plasma the draw's {@code collectionDay} (days from surgery, null when unknown) and
 * {@code timepoint} label ({@code ""} when not given); for a tissue sample its tumour {@code purity} (a
 * fraction in (0,1], null when unknown) and copy-number {@code segments} file (null), both null for
 * plasma and normal rows (their values are ignored with a warning).
 */
public record SampleRow(String patient, String sample, String type, Path vcf, Path regions, String tumorSample, Path bam,
                        Double collectionDay, String timepoint, Double purity, Path segments) {
    /** The columns of the validated samplesheet, in order. */
    public static final String[] COLUMNS = {"patient", "sample", "type", "vcf", "regions", "tumor_sample", "bam",
        "collection_day", "timepoint", "purity", "segments"};

    /** A row without purity and segments. */
    public SampleRow(String patient, String sample, String type, Path vcf, Path regions, String tumorSample, Path bam,
                     Double collectionDay, String timepoint) {
        this(patient, sample, type, vcf, regions, tumorSample, bam, collectionDay, timepoint, null, null);
    }

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

    /** {@link #purity} as written in the validated samplesheet (shortest exact decimal), empty when unknown. */
    public String purityText() {
        return purity == null ? "" : new java.math.BigDecimal(Double.toString(purity)).stripTrailingZeros().toPlainString();
    }
}
