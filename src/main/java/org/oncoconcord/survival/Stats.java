package org.oncoconcord.survival;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.math3.special.Gamma;

/** p-values with full precision in the tails. */
public final class Stats {
    private Stats() {
    }

    /** Upper tail of the chi-square distribution. */
    public static double chi2P(double chi2, int df) {
        if (df <= 0 || Double.isNaN(chi2)) {
            return Double.NaN;
        }
        return chi2 <= 0 ? 1 : Gamma.regularizedGammaQ(df / 2.0, chi2 / 2.0);
    }

    /** Two-sided normal p-value of z. */
    public static double normalP(double z) {
        return Double.isNaN(z) ? Double.NaN : Erf.erfc(Math.abs(z) / Math.sqrt(2));
    }

    /** The (1 + level)/2 normal quantile, e.g. 1.959964 for 0.95. */
    public static double z(double level) {
        return Math.sqrt(2) * Erf.erfInv(level);
    }

    public static double mean(double[] v) {
        double s = 0;
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                s += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /** Sample standard deviation (n - 1), NaN for fewer than 2 values. */
    public static double sd(double[] v) {
        double m = mean(v);
        double s = 0;
        int n = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                s += (x - m) * (x - m);
                n++;
            }
        }
        return n < 2 ? Double.NaN : Math.sqrt(s / (n - 1));
    }
}
