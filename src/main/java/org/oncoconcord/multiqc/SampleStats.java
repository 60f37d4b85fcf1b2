package org.oncoconcord.multiqc;

/**
 * One sample's row of the MultiQC general-statistics table.
 *
 * @param patient patient id
 * @param sample sample id
 * @param records VCF records read by normalize, or null when its stats are absent
 * @param rejected records normalize rejected (rejects file), or null
 * @param variants counted variants in concordance, or null (e.g. a patient with a single sample)
 * @param medianVaf median VAF of the counted variants (fraction), or null when unknown
 * @param tumourFraction tumour fraction when the concordance result gives one, else null
 */
public record SampleStats(String patient, String sample, Long records, Long rejected, Long variants,
                          Double medianVaf, Double tumourFraction) {

    /** The row name MultiQC shows: patient and sample joined by '/', which ids cannot contain. */
    public String name() {
        return patient + "/" + sample;
    }

    /** Rejected records as a percentage of the records read, or null. */
    public Double rejectedPercent() {
        return records == null || rejected == null || records == 0 ? null : 100.0 * rejected / records;
    }
}
