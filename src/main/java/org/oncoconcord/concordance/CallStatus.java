package org.oncoconcord.concordance;

/** Whether an allele read from a sample's VCF counts as a call, and if not, why. */
public enum CallStatus {
    /** Counted: FILTER is PASS or '.', (or --include-filtered), and it meets the sample's thresholds. */
    COUNTED,
    /** FILTER is neither PASS nor '.' (and --include-filtered was not given). */
    FILTERED,
    /** Tumour VAF is known and below the sample's --min-vaf. */
    BELOW_MIN_VAF,
    /** Tumour depth is known and below the sample's --min-depth. */
    BELOW_MIN_DEPTH
}
