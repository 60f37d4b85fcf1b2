package org.oncoconcord.pileup;

import htsjdk.samtools.SAMRecord;

/**
 * Mutect2-like read filters: unmapped, secondary, supplementary, QC-fail and duplicate reads are
 * excluded, and reads with mapping quality below {@code minMappingQuality}.
 */
public record ReadFilters(int minMappingQuality, int minBaseQuality) {

    public static final ReadFilters DEFAULT = new ReadFilters(20, 20);

    boolean keep(SAMRecord r) {
        return !r.getReadUnmappedFlag() && !r.isSecondaryOrSupplementary() && !r.getReadFailsVendorQualityCheckFlag()
                && !r.getDuplicateReadFlag() && r.getMappingQuality() >= minMappingQuality;
    }
}
