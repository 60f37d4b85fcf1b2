package org.oncoconcord.concordance;

import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Plasma tumour fraction (TF) from the alt/depth of a patient's clonal tissue variants in plasma,
 * by maximum likelihood under a binomial model: each clonal heterozygous tumour variant is carried
 * by half of the tumour-derived fragments, so its alt reads are Binomial(depth, TF / 2)
 * (docs/PLASMA.md). All variants share one parameter, so the MLE is TF = 2 * sum(alt) / sum(depth)
 * (capped at 1); the 95% interval is the profile-likelihood one: every TF whose log-likelihood is
 * within chi2(1, 0.95) / 2 = 1.9207 of the maximum.
 *
 * @param estimate  maximum-likelihood TF in [0, 1], NaN without usable variants
 * @param lower     lower 95% profile-likelihood bound (0 when no alt read was seen)
 * @param upper     upper 95% profile-likelihood bound
 * @param variants  clonal tissue variants used
 * @param altReads  their plasma alt reads
 * @param depth     their plasma depth
 */
public record TumourFraction(double estimate, double lower, double upper, int variants, long altReads, long depth) {
    /** Half the 95% quantile of chi-square with one degree of freedom. */
    static final double HALF_CHI2_95 = 1.920729410347062;

    /** Fits TF to the plasma alt reads and depths of the clonal tissue variants (arrays of equal length). */
    public static TumourFraction fit(int[] alt, int[] depth) {
        if (alt.length != depth.length) {
            throw new IllegalArgumentException("alt and depth differ in length");
        }
        long a = 0;
        long d = 0;
        for (int i = 0; i < alt.length; i++) {
            if (alt[i] < 0 || depth[i] <= 0 || alt[i] > depth[i]) {
                throw new IllegalArgumentException("need 0 <= alt <= depth and depth > 0, got alt=" + alt[i]
                        + " depth=" + depth[i]);
            }
            a += alt[i];
            d += depth[i];
        }
        if (d == 0) {
            return new TumourFraction(Double.NaN, Double.NaN, Double.NaN, 0, 0, 0);
        }
        double pHat = Math.min(0.5, a / (double) d);
        double max = logLik(pHat, a, d);
        double target = max - HALF_CHI2_95;
        double pLo = a == 0 ? 0 : bisect(0, pHat, a, d, target, true);
        double pHi = logLik(0.5, a, d) >= target ? 0.5 : bisect(pHat, 0.5, a, d, target, false);
        return new TumourFraction(2 * pHat, 2 * pLo, 2 * pHi, alt.length, a, d);
    }

    /** Binomial log-likelihood (without the constant binomial coefficients) of allele fraction p. */
    static double logLik(double p, long alt, long depth) {
        double l = 0;
        if (alt > 0) {
            l += alt * Math.log(p);
        }
        if (depth - alt > 0) {
            l += (depth - alt) * Math.log1p(-p);
        }
        return l;
    }

    /** The p in [lo, hi] where logLik crosses target; rising: logLik increases from lo to hi. */
    private static double bisect(double lo, double hi, long a, long d, double target, boolean rising) {
        for (int i = 0; i < 200 && hi - lo > 1e-12; i++) {
            double mid = (lo + hi) / 2;
            boolean above = logLik(mid, a, d) >= target;
            if (above == rising) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /**
     * Probability that plasma shows at least {@code minAlt} alt reads of a variant at {@code depth}
     * when its expected allele fraction is {@code tf / 2 * cellFraction}.
     */
    public static double detectionProbability(int depth, double tf, double cellFraction, int minAlt) {
        if (depth <= 0 || Double.isNaN(tf)) {
            return 0;
        }
        if (minAlt <= 0) {
            return 1;
        }
        double p = Math.min(0.5, Math.max(0, tf / 2 * Math.min(1, Math.max(0, cellFraction))));
        if (p == 0 || minAlt > depth) {
            return 0;
        }
        return 1 - new BinomialDistribution(null, depth, p).cumulativeProbability(minAlt - 1);
    }

    /** The tumour-fraction bin of an estimate: {@code <1%}, {@code 1-5%}, {@code >5%}, or null (NaN). */
    public static String bin(double tf) {
        if (Double.isNaN(tf)) {
            return null;
        }
        return tf < 0.01 ? "<1%" : tf <= 0.05 ? "1-5%" : ">5%";
    }
}
