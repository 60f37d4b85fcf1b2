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
        return fit(alt, depth, new int[0], 1);
    }

    /**
     * Fits TF to observed plasma alt/depth pairs plus {@code censoredDepth}: variants absent from the
     * plasma VCF, known only to have had fewer than {@code minAlt} alt reads (each contributes
     * log P(X < minAlt | depth, TF/2)). Without censored variants the MLE is closed-form.
     */
    public static TumourFraction fit(int[] alt, int[] depth, int[] censoredDepth, int minAlt) {
        Totals t = Totals.of(alt, depth, censoredDepth);
        if (t.variants() == 0) {
            return t.noEstimate();
        }
        long a = t.altReads();
        long d = t.depth();
        int n = t.variants();
        java.util.function.DoubleUnaryOperator ll = p -> logLik(p, alt, depth, censoredDepth, minAlt);
        double pHat = censoredDepth.length == 0 ? Math.min(0.5, a / (double) d) : argmax(ll);
        double max = ll.applyAsDouble(pHat);
        double target = max - HALF_CHI2_95;
        double pLo = pHat == 0 || ll.applyAsDouble(0) >= target ? 0 : bisect(0, pHat, ll, target, true);
        double pHi = ll.applyAsDouble(0.5) >= target ? 0.5 : bisect(pHat, 0.5, ll, target, false);
        return new TumourFraction(2 * pHat, 2 * pLo, 2 * pHi, n, a, d);
    }

    /**
     * Fits TF robustly to variants that may be subclonal in, or lost by, the shedding tumour: the two-component
     * (clonal / cancer-cell fraction uniform on [0, 1]) likelihood of {@link ClonalMixtureFit}, the clonal share
     * profiled out on [0.5, 1]. Used by {@code concordance} (docs/PLASMA.md).
     */
    public static TumourFraction fitMixture(int[] alt, int[] depth, int[] censoredDepth, int minAlt) {
        return ClonalMixtureFit.fit(alt, depth, censoredDepth, minAlt);
    }

    /** Alt reads and depth summed over the observed variants (depth also over the censored ones), after {@link #check}. */
    record Totals(long altReads, long depth, int variants) {
        static Totals of(int[] alt, int[] depth, int[] censoredDepth) {
            check(alt, depth, censoredDepth);
            long a = 0;
            long d = 0;
            for (int i = 0; i < alt.length; i++) {
                a += alt[i];
                d += depth[i];
            }
            for (int c : censoredDepth) {
                d += c;
            }
            return new Totals(a, d, alt.length + censoredDepth.length);
        }

        /** The result for no variant at all. */
        TumourFraction noEstimate() {
            return new TumourFraction(Double.NaN, Double.NaN, Double.NaN, 0, 0, 0);
        }
    }

    static void check(int[] alt, int[] depth, int[] censoredDepth) {
        if (alt.length != depth.length) {
            throw new IllegalArgumentException("alt and depth differ in length");
        }
        for (int i = 0; i < alt.length; i++) {
            if (alt[i] < 0 || depth[i] <= 0 || alt[i] > depth[i]) {
                throw new IllegalArgumentException("need 0 <= alt <= depth and depth > 0, got alt=" + alt[i]
                        + " depth=" + depth[i]);
            }
        }
        for (int c : censoredDepth) {
            if (c <= 0) {
                throw new IllegalArgumentException("censored depth must be positive, got " + c);
            }
        }
    }

    /** Log-likelihood of allele fraction p: binomial pmf of the observed, binomial CDF below minAlt of the censored. */
    static double logLik(double p, int[] alt, int[] depth, int[] censoredDepth, int minAlt) {
        long a = 0;
        long d = 0;
        for (int i = 0; i < alt.length; i++) {
            a += alt[i];
            d += depth[i];
        }
        double l = logLik(p, a, d);
        for (int c : censoredDepth) {
            l += logLowerTail(c, p, minAlt);
        }
        return l;
    }

    /**
     * log P(X < k), X ~ Binomial(d, p), summed from the pmf in log space: commons-math's cumulativeProbability is
     * 1 - I_p(k, d - k + 1), which cancels to 0 or rounding noise (~1e-16) far in the tail, where deep plasma puts
     * a missed clonal variant (e.g. 0.05 x 2500 reads expected, fewer than 5 seen: about 1e-48).
     */
    static double logLowerTail(int d, double p, int k) {
        if (p <= 0) {
            return 0;
        }
        BinomialDistribution b = new BinomialDistribution(null, d, Math.min(1, p));
        int top = Math.min(d, k - 1);
        double max = Double.NEGATIVE_INFINITY;
        double[] lp = new double[top + 1];
        for (int j = 0; j <= top; j++) {
            lp[j] = b.logProbability(j);
            max = Math.max(max, lp[j]);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double s = 0;
        for (double x : lp) {
            s += Math.exp(x - max);
        }
        return Math.min(0, max + Math.log(s));
    }

    /** Golden-section search for the maximum of a unimodal log-likelihood on p in [0, 0.5]. */
    private static double argmax(java.util.function.DoubleUnaryOperator f) {
        double best = goldenMax(f, 0, 0.5);
        return f.applyAsDouble(0) >= f.applyAsDouble(best) ? 0 : best;
    }

    /** Golden-section search for the maximum of f on [lo, hi] (f unimodal there). */
    static double goldenMax(java.util.function.DoubleUnaryOperator f, double lo, double hi) {
        double g = (Math.sqrt(5) - 1) / 2;
        double x1 = hi - g * (hi - lo);
        double x2 = lo + g * (hi - lo);
        double f1 = f.applyAsDouble(x1);
        double f2 = f.applyAsDouble(x2);
        for (int i = 0; i < 200 && hi - lo > 1e-13; i++) {
            if (f1 < f2) {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + g * (hi - lo);
                f2 = f.applyAsDouble(x2);
            } else {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - g * (hi - lo);
                f1 = f.applyAsDouble(x1);
            }
        }
        return (lo + hi) / 2;
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

    /** The p in [lo, hi] where the log-likelihood crosses target; rising: it increases from lo to hi. */
    static double bisect(double lo, double hi, java.util.function.DoubleUnaryOperator ll, double target, boolean rising) {
        for (int i = 0; i < 200 && hi - lo > 1e-13; i++) {
            double mid = (lo + hi) / 2;
            boolean above = ll.applyAsDouble(mid) >= target;
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
}
