package org.oncoconcord.cohort;

import org.oncoconcord.core.SampleType;
import java.util.Map;

/**
 * A pair of sample types whose calls are compared per gene: the first is the reference for
 * positive and negative percent agreement. Tissue is the primary and metastasis together
 * (mutated in either counts as tissue-positive).
 */
public enum Comparison {
    PRIMARY_VS_METASTASIS("primary_vs_metastasis"),
    TISSUE_VS_PLASMA("tissue_vs_plasma");

    private final String id;

    Comparison(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** The reference call, or null when not evaluable. */
    public Boolean reference(Map<SampleType, Boolean> byType) {
        return this == PRIMARY_VS_METASTASIS ? byType.get(SampleType.PRIMARY) : PatientConcordance.tissue(byType);
    }

    /** The test call, or null when not evaluable. */
    public Boolean test(Map<SampleType, Boolean> byType) {
        return byType.get(this == PRIMARY_VS_METASTASIS ? SampleType.METASTASIS : SampleType.PLASMA);
    }
}
