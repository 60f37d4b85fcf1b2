package org.oncoconcord.concordance;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.special.Beta;

/**
 * Plasma tumour fraction (TF) from a patient's truncal tissue variants by a two-component likelihood
 * (docs/PLASMA.md, "Tumour fraction"). With allele fraction q = TF / 2 of a clonal heterozygous variant,
 * each variant is, in the shedding tumour, either clonal (probability pi: alt reads Binomial(d, q)) or not
 * (subclonal, or lost by the shedding clone: cancer-cell fraction c uniform on [0, 1], alt reads
 * Binomial(d, q c); its likelihood is the mean over c, in closed form
 * I_q(a + 1, d - a + 1) / ((d + 1) q) with I the regularized incomplete beta). Censored variants
 * (absent from the plasma VCF: fewer than k alt reads) use P(X < k) under either component. The clonal
 * share pi is profiled out on [{@link #MIN_CLONAL_SHARE}, 1]; the estimate maximises the profile
 * log-likelihood and the 95% interval is every TF within chi2(1, 0.95) / 2 of its maximum (the outermost
 * crossings, so a disconnected set gives its hull).
 */
final class ClonalMixtureFit {
    /**
     * Least share of truncal tissue variants clonal in the shedding tumour (without a floor, "every variant
     * subclonal" would explain any run of misses and leave the upper bound near 1).
     */
    static final double MIN_CLONAL_SHARE = 0.5;
    private static final int GRID = 160;
    private static final double GRID_MIN = 1e-6;

    private final int[] alt;
    private final int[] depth;
    private final int[] censored;
    private final int minAlt;

    private ClonalMixtureFit(int[] alt, int[] depth, int[] censored, int minAlt) {
        this.alt = alt;
        this.depth = depth;
        this.censored = censored;
        this.minAlt = minAlt;
    }

    /** Fits TF to observed alt/depth pairs and censored depths (fewer than {@code minAlt} alt reads). */
    static TumourFraction fit(int[] alt, int[] depth, int[] censoredDepth, int minAlt) {
        TumourFraction.Totals t = TumourFraction.Totals.of(alt, depth, censoredDepth);
        if (t.variants() == 0) {
            return t.noEstimate();
        }
        ClonalMixtureFit f = new ClonalMixtureFit(alt, depth, censoredDepth, Math.max(1, minAlt));
        // grid: 0 and log-spaced allele fractions from GRID_MIN to 0.5 (the profile need not be unimodal)
        double[] q = new double[GRID + 1];
        double[] ll = new double[GRID + 1];
        int best = 0;
        for (int i = 0; i <= GRID; i++) {
            q[i] = i == 0 ? 0 : GRID_MIN * Math.pow(0.5 / GRID_MIN, (i - 1) / (double) (GRID - 1));
            ll[i] = f.profile(q[i]);
            if (ll[i] > ll[best]) {
                best = i;
            }
        }
        double qHat = q[best];
        double max = ll[best];
        if (best > 0) {
            double lo = q[best - 1];
            double hi = best < GRID ? q[best + 1] : 0.5;
            double r = TumourFraction.goldenMax(f::profile, lo, hi);
            double lr = f.profile(r);
            if (lr > max) {
                qHat = r;
                max = lr;
            }
        }
        double target = max - TumourFraction.HALF_CHI2_95;
        int first = best;
        int last = best;
        for (int i = 0; i <= GRID; i++) {
            if (ll[i] >= target) {
                first = Math.min(first, i);
                last = Math.max(last, i);
            }
        }
        double qLo = first == 0 ? 0 : TumourFraction.bisect(q[first - 1], Math.min(q[first], qHat), f::profile, target, true);
        double qHi = last == GRID ? 0.5 : TumourFraction.bisect(Math.max(q[last], qHat), q[last + 1], f::profile, target, false);
        return new TumourFraction(2 * qHat, 2 * qLo, 2 * qHi, t.variants(), t.altReads(), t.depth());
    }

    /** Profile log-likelihood of allele fraction q: the mixture log-likelihood maximised over the clonal share. */
    double profile(double q) {
        int n = alt.length + censored.length;
        double[] ca = new double[n];
        double[] cb = new double[n];
        double base = 0;
        for (int i = 0; i < n; i++) {
            double la;
            double lb;
            if (i < alt.length) {
                la = logClonal(alt[i], depth[i], q);
                lb = logNonClonal(alt[i], depth[i], q);
            } else {
                int d = censored[i - alt.length];
                la = logClonalCensored(d, q);
                lb = logNonClonalCensored(d, q);
            }
            double m = Math.max(la, lb);
            if (m == Double.NEGATIVE_INFINITY) {
                return Double.NEGATIVE_INFINITY;
            }
            base += m;
            ca[i] = Math.exp(la - m);
            cb[i] = Math.exp(lb - m);
        }
        double pi = bestShare(ca, cb);
        double l = base;
        for (int i = 0; i < n; i++) {
            l += Math.log(pi * ca[i] + (1 - pi) * cb[i]);
        }
        return l;
    }

    /** The clonal share in [MIN_CLONAL_SHARE, 1] maximising sum log(pi a + (1 - pi) b) (concave in pi). */
    private static double bestShare(double[] a, double[] b) {
        double lo = MIN_CLONAL_SHARE;
        double hi = 1;
        if (slope(hi, a, b) >= 0) {
            return hi;
        }
        if (slope(lo, a, b) <= 0) {
            return lo;
        }
        for (int i = 0; i < 60; i++) {
            double mid = (lo + hi) / 2;
            if (slope(mid, a, b) > 0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private static double slope(double pi, double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            double den = pi * a[i] + (1 - pi) * b[i];
            if (den > 0) {
                s += (a[i] - b[i]) / den;
            } else if (a[i] > b[i]) {
                return Double.POSITIVE_INFINITY;
            }
        }
        return s;
    }

    /** log Binomial(a; d, q). */
    static double logClonal(int a, int d, double q) {
        if (q <= 0) {
            return a == 0 ? 0 : Double.NEGATIVE_INFINITY;
        }
        return new BinomialDistribution(null, d, Math.min(1, q)).logProbability(a);
    }

    /** log of the mean over c uniform on [0, 1] of Binomial(a; d, q c) = I_q(a + 1, d - a + 1) / ((d + 1) q). */
    static double logNonClonal(int a, int d, double q) {
        if (q <= 0) {
            return a == 0 ? 0 : Double.NEGATIVE_INFINITY;
        }
        return Math.log(Beta.regularizedBeta(Math.min(1, q), a + 1.0, d - a + 1.0)) - Math.log((d + 1.0) * q);
    }

    private double logClonalCensored(int d, double q) {
        return TumourFraction.logLowerTail(d, q, minAlt);
    }

    /** log of the mean over c uniform on [0, 1] of P(X < k), X ~ Binomial(d, q c): sum over a < k of the above. */
    private double logNonClonalCensored(int d, double q) {
        if (q <= 0) {
            return 0;
        }
        double s = 0;
        for (int a = 0; a < Math.min(d + 1, minAlt); a++) {
            s += Beta.regularizedBeta(Math.min(1, q), a + 1.0, d - a + 1.0);
        }
        return Math.log(Math.min(1, s / ((d + 1.0) * q)));
    }
}
