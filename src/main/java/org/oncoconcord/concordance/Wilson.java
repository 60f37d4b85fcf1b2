package org.oncoconcord.concordance;

import org.apache.commons.math3.distribution.NormalDistribution;

/** A proportion x/n with its Wilson score interval. */
public record Wilson(int x, int n, double estimate, double lower, double upper) {
    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    /** Wilson score interval at the two-sided {@code level} (e.g. 0.95); NaNs when n = 0. */
    public static Wilson of(int x, int n, double level) {
        if (x < 0 || n < 0 || x > n) {
            throw new IllegalArgumentException("need 0 <= x <= n, got x=" + x + " n=" + n);
        }
        if (n == 0) {
            return new Wilson(x, n, Double.NaN, Double.NaN, Double.NaN);
        }
        double z = STANDARD_NORMAL.inverseCumulativeProbability(1 - (1 - level) / 2);
        double p = x / (double) n;
        double z2n = z * z / n;
        double centre = (p + z2n / 2) / (1 + z2n);
        double half = z / (1 + z2n) * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
        return new Wilson(x, n, p, Math.max(0, centre - half), Math.min(1, centre + half));
    }
}
