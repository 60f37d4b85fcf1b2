package org.oncoconcord.pileup;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Evidence for a variant in one sample: called by the sample's caller; present below the caller's
 * threshold (at least k ALT reads and a one-sided binomial test against the site's error rate) where the
 * caller did not call it; absent with enough depth; or not assessable (too few reads, contig absent, complex allele).
 * From the reads alone ({@link #fromReads}), {@code CALLED} and {@code BELOW_CALL_THRESHOLD} both mean the reads
 * show the ALT; the name says whether the sample's VCF has the call.
 */
public enum EvidenceState {
    CALLED, BELOW_CALL_THRESHOLD, ABSENT, NOT_ASSESSABLE;

    /** Thresholds of the states. */
    public record Rule(int minAltReads, int minDepth, double alpha, double minErrorRate) {
        public static final Rule DEFAULT = new Rule(2, 10, 0.01, 0.001);
    }

    /** P(X >= alt) for X ~ Binomial(depth, errorRate). */
    public static double pValue(int alt, int depth, double errorRate) {
        if (alt <= 0 || depth <= 0) {
            return 1.0;
        }
        return 1.0 - new BinomialDistribution(null, depth, errorRate).cumulativeProbability(alt - 1);
    }

    /** The state the reads give; reads showing the ALT are {@code CALLED} when {@code called}, else {@code BELOW_CALL_THRESHOLD}. */
    public static EvidenceState fromReads(boolean called, boolean assessable, AlleleCounts c, double errorRate, Rule rule) {
        EvidenceState reads = of(false, assessable, c, errorRate, rule);
        return reads == BELOW_CALL_THRESHOLD && called ? CALLED : reads;
    }

    /** {@code CALLED} when {@code called} (whatever the reads), else the state the reads give. */
    public static EvidenceState of(boolean called, boolean assessable, AlleleCounts c, double errorRate, Rule rule) {
        if (called) {
            return CALLED;
        }
        if (!assessable) {
            return NOT_ASSESSABLE;
        }
        if (c.alt() >= rule.minAltReads() && pValue(c.alt(), c.depth(), errorRate) < rule.alpha()) {
            return BELOW_CALL_THRESHOLD;
        }
        return c.depth() >= rule.minDepth() ? ABSENT : NOT_ASSESSABLE;
    }
}
