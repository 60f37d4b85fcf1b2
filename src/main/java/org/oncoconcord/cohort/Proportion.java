package org.oncoconcord.cohort;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A proportion {@code x/n} with its Wilson score 95% interval (no continuity correction; the
 * interval R's {@code prop.test(x, n, correct = FALSE)} reports). All values are NaN when n = 0.
 */
public record Proportion(int x, int n, double estimate, double lower, double upper) {

    /** The two-sided 95% normal quantile, 1.959964... */
    static final double Z95 = new NormalDistribution().inverseCumulativeProbability(0.975);

    /** The Wilson score interval of {@code x} successes in {@code n} trials. */
    public static Proportion wilson(int x, int n) {
        if (x < 0 || n < 0 || x > n) {
            throw new IllegalArgumentException("not a proportion: " + x + "/" + n);
        }
        if (n == 0) {
            return new Proportion(x, n, Double.NaN, Double.NaN, Double.NaN);
        }
        double p = (double) x / n;
        double z2 = Z95 * Z95;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = Z95 / denom * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        double lower = x == 0 ? 0.0 : Math.max(0.0, centre - half);
        double upper = x == n ? 1.0 : Math.min(1.0, centre + half);
        return new Proportion(x, n, p, lower, upper);
    }
}
