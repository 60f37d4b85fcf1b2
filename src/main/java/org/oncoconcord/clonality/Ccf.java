package org.oncoconcord.clonality;

/**
 * Cancer cell fraction of one variant in one sample: point estimate and 95% interval (each capped
 * at 1 for reporting), and whether the variant is clonal (the uncapped interval reaches 1).
 */
public record Ccf(double ccf, double lower, double upper, boolean clonal) {

    /**
     * CCF from alt reads out of depth, tumour purity, the tumour's total copy number at the locus
     * (2 when unknown) and the mutation's multiplicity (copies carrying it; 1 when unknown):
     * {@code CCF = VAF x (purity x CN + 2 x (1 - purity)) / (purity x multiplicity)}, the VAF interval
     * by Clopper-Pearson (exact binomial) at 95%, mapped through the same linear factor.
     */
    public static Ccf of(int alt, int depth, double purity, double copyNumber, int multiplicity) {
        if (depth <= 0 || alt < 0 || alt > depth) {
            throw new IllegalArgumentException("need 0 <= alt <= depth, depth > 0 (got " + alt + "/" + depth + ")");
        }
        if (!(purity > 0 && purity <= 1) || !(copyNumber > 0) || multiplicity < 1) {
            throw new IllegalArgumentException("need 0 < purity <= 1, copy number > 0, multiplicity >= 1");
        }
        double factor = (purity * copyNumber + 2 * (1 - purity)) / (purity * multiplicity);
        double[] vaf = clopperPearson(alt, depth, 0.95);
        double point = (double) alt / depth * factor;
        double lo = vaf[0] * factor;
        double hi = vaf[1] * factor;
        return new Ccf(Math.min(1, point), Math.min(1, lo), Math.min(1, hi), hi >= 1);
    }

    /** Exact binomial interval of a proportion (beta quantiles). */
    static double[] clopperPearson(int x, int n, double level) {
        double a = (1 - level) / 2;
        double lo = x == 0 ? 0 : new org.apache.commons.math3.distribution.BetaDistribution(x, n - x + 1).inverseCumulativeProbability(a);
        double hi = x == n ? 1 : new org.apache.commons.math3.distribution.BetaDistribution(x + 1, n - x).inverseCumulativeProbability(1 - a);
        return new double[] {lo, hi};
    }
}
