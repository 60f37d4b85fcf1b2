package org.oncoconcord.simulate;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded random draws for the simulator. Built on {@link SplittableRandom}; every sampler is
 * written here (no global state, no library RNG) so the same seed gives the same numbers on any
 * machine. Streams for independent parts (the genome, patient i, ...) are derived with
 * {@link #stream(long, long...)} so adding a patient does not change the others.
 */
final class Rng {
    private final SplittableRandom random;

    Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** A seed derived from {@code seed} and a path of stream ids (SplitMix64 mixing). */
    static long stream(long seed, long... ids) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        for (long id : ids) {
            h = mix(h ^ mix(id + 0x632BE59BD9B4E019L));
        }
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    double uniform() {
        return random.nextDouble();
    }

    double uniform(double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    /** Uniform integer in [lo, hi] inclusive. */
    int integer(int lo, int hi) {
        return lo + random.nextInt(hi - lo + 1);
    }

    boolean bernoulli(double p) {
        return random.nextDouble() < p;
    }

    double normal() {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    double normal(double mean, double sd) {
        return mean + sd * normal();
    }

    /** Log-normal with the given median and sd of the log. */
    double logNormal(double median, double sdlog) {
        return median * Math.exp(sdlog * normal());
    }

    double exponential(double rate) {
        return -Math.log(1.0 - random.nextDouble()) / rate;
    }

    /** Gamma(shape, scale) by Marsaglia and Tsang. */
    double gamma(double shape, double scale) {
        if (shape < 1) {
            double u = random.nextDouble();
            return gamma(1.0 + shape, scale) * Math.pow(u, 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x = normal();
            double v = 1.0 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v * scale;
            }
        }
    }

    /** Poisson by inversion (small means) or by splitting large means. */
    int poisson(double mean) {
        if (mean <= 0) {
            return 0;
        }
        int total = 0;
        while (mean > 30) {
            total += poissonSmall(30);
            mean -= 30;
        }
        return total + poissonSmall(mean);
    }

    private int poissonSmall(double mean) {
        double u = random.nextDouble();
        double p = Math.exp(-mean);
        double cdf = p;
        int k = 0;
        while (u > cdf && k < 10_000) {
            k++;
            p *= mean / k;
            cdf += p;
        }
        return k;
    }

    /** Negative-binomial count with the given mean and gamma shape (Poisson-gamma mixture). */
    int negativeBinomial(double mean, double shape) {
        return poisson(gamma(shape, mean / shape));
    }

    /** Binomial(n, p) by inversion of the CDF (cost proportional to n*p). */
    int binomial(int n, double p) {
        if (n <= 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (p > 0.5) {
            return n - binomial(n, 1 - p);
        }
        double q = 1 - p;
        double u = random.nextDouble();
        double pk = Math.pow(q, n);
        if (pk == 0) { // n*p very large: normal approximation
            return (int) Math.max(0, Math.min(n, Math.round(n * p + Math.sqrt(n * p * q) * normal())));
        }
        double cdf = pk;
        int k = 0;
        while (u > cdf && k < n) {
            pk *= (double) (n - k) / (k + 1) * p / q;
            k++;
            cdf += pk;
        }
        return k;
    }

    /** A key drawn with probability proportional to its weight (iteration order of the map is used). */
    String categorical(Map<String, Double> weights) {
        double total = 0;
        for (double w : weights.values()) {
            total += w;
        }
        double u = random.nextDouble() * total;
        String last = null;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            last = e.getKey();
            u -= e.getValue();
            if (u < 0) {
                return last;
            }
        }
        return last;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }
}
