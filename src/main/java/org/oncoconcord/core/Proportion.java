package org.oncoconcord.core;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A proportion {@code x/n} with its Wilson score 95% interval (no continuity correction; the
 * interval R's {@code prop.test(x, n, correct = FALSE)} reports). All values are NaN when n = 0.
 * The one Wilson interval of the project (concordance, cohort and report use it).
 */
public record Proportion(int x, int n, double estimate, double lower, double upper) {

    /** The two-sided 95% normal quantile, 1.959964... */
    public static final double Z95 = new NormalDistribution().inverseCumulativeProbability(0.975);

    /** The Wilson score 95% interval of {@code x} successes in {@code n} trials. */
    public static Proportion wilson(int x, int n) {
        return wilsonZ(x, n, Z95);
    }

    /** The Wilson score interval at the two-sided confidence {@code level} (e.g. 0.95). */
    public static Proportion wilson(int x, int n, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1): " + level);
        }
        return wilsonZ(x, n, new NormalDistribution().inverseCumulativeProbability(1 - (1 - level) / 2));
    }

    private static Proportion wilsonZ(int x, int n, double z) {
        if (x < 0 || n < 0 || x > n) {
            throw new IllegalArgumentException("not a proportion: " + x + "/" + n);
        }
        if (n == 0) {
            return new Proportion(x, n, Double.NaN, Double.NaN, Double.NaN);
        }
        double p = (double) x / n;
        double z2 = z * z;
        double denom = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denom;
        double half = z / denom * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        double lower = x == 0 ? 0.0 : Math.max(0.0, centre - half);
        double upper = x == n ? 1.0 : Math.min(1.0, centre + half);
        return new Proportion(x, n, p, lower, upper);
    }
}
