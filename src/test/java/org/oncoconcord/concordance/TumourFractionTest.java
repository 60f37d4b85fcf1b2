package org.oncoconcord.concordance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.oncoconcord.testing.SystemTools;

/**
 * The tumour-fraction likelihood against a hand-computed example and against R (optimize over
 * sum(dbinom(log = TRUE)), uniroot for the profile-likelihood bounds, binom.test, pbinom).
 */
class TumourFractionTest {
    private static final int[] ALT = {5, 3, 0};
    private static final int[] DEPTH = {100, 200, 100};

    @Test
    void handComputedExample() {
        // 8 alt reads in 400: allele fraction 0.02, so TF = 2 * 0.02 = 0.04
        TumourFraction tf = TumourFraction.fit(ALT, DEPTH);
        assertThat(tf.estimate()).isCloseTo(0.04, within(1e-12));
        assertThat(tf.altReads()).isEqualTo(8);
        assertThat(tf.depth()).isEqualTo(400);
        // the bounds are where the log-likelihood is 1.9207 below its maximum
        double max = TumourFraction.logLik(0.02, 8, 400);
        assertThat(TumourFraction.logLik(tf.lower() / 2, 8, 400)).isCloseTo(max - 1.920729, within(1e-6));
        assertThat(TumourFraction.logLik(tf.upper() / 2, 8, 400)).isCloseTo(max - 1.920729, within(1e-6));
        assertThat(tf.lower()).isBetween(0.0, 0.04);
        assertThat(tf.upper()).isGreaterThan(0.04);
        // P(X >= 3), X ~ Binomial(100, 0.02) = 1 - (0.98^100 + 100*0.02*0.98^99 + 4950*0.02^2*0.98^98)
        assertThat(TumourFraction.detectionProbability(100, 0.04, 1, 3)).isCloseTo(0.3233143776, within(1e-9));
        assertThat(org.oncoconcord.core.TumourFractionBin.of(0.04)).isEqualTo("1-5%");
        assertThat(org.oncoconcord.core.TumourFractionBin.of(0.009)).isEqualTo("<1%");
        assertThat(org.oncoconcord.core.TumourFractionBin.of(0.2)).isEqualTo(">5%");
    }

    @Test
    void noAltReadsGivesZeroWithUpperBound() {
        TumourFraction tf = TumourFraction.fit(new int[] {0, 0}, new int[] {500, 500});
        assertThat(tf.estimate()).isZero();
        assertThat(tf.lower()).isZero();
        // log-likelihood 1000 * log(1 - p) = -1.9207  =>  p = 1 - exp(-1.9207 / 1000)
        assertThat(tf.upper()).isCloseTo(2 * (1 - Math.exp(-1.920729410347062 / 1000)), within(1e-9));
        assertThat(TumourFraction.detectionProbability(1000, 0, 1, 3)).isZero();
    }

    @Test
    void allAltCapsAtOne() {
        TumourFraction tf = TumourFraction.fit(new int[] {60}, new int[] {100});
        assertThat(tf.estimate()).isEqualTo(1.0);
        assertThat(tf.upper()).isEqualTo(1.0);
        assertThat(tf.lower()).isLessThan(1.0);
    }

    @Test
    void matchesR() throws Exception {
        Path rscript = SystemTools.require("Rscript", "r-base-core");
        String script = String.join("\n",
                "alt <- c(5, 3, 0); dp <- c(100, 200, 100)",
                "ll <- function(tf) sum(dbinom(alt, dp, tf / 2, log = TRUE))",
                "o <- optimize(ll, c(0, 1), maximum = TRUE, tol = 1e-12)",
                "f <- function(tf) ll(tf) - (o$objective - qchisq(0.95, 1) / 2)",
                "lo <- uniroot(f, c(1e-9, o$maximum), tol = 1e-12)$root",
                "hi <- uniroot(f, c(o$maximum, 1), tol = 1e-12)$root",
                "bt <- binom.test(sum(alt), sum(dp))",
                "det <- 1 - pbinom(2, 150, 0.04 / 2 * 0.6)",
                "llc <- function(tf) ll(tf) + sum(pbinom(2, c(800, 1200), tf / 2, log.p = TRUE))",
                "oc <- optimize(llc, c(0, 1), maximum = TRUE, tol = 1e-12)",
                "fc <- function(tf) llc(tf) - (oc$objective - qchisq(0.95, 1) / 2)",
                "loc <- uniroot(fc, c(1e-9, oc$maximum), tol = 1e-12)$root",
                "hic <- uniroot(fc, c(oc$maximum, 1), tol = 1e-12)$root",
                "cat(sprintf('%.10f', c(o$maximum, lo, hi, 2 * bt$estimate, det, oc$maximum, loc, hic)), sep = '\\n')");
        Process p = new ProcessBuilder(rscript.toString(), "-e", script).redirectErrorStream(true).start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(out).isZero();
        double[] r = out.lines().filter(l -> l.matches("[0-9.]+")).mapToDouble(Double::parseDouble).toArray();
        assertThat(r).as(out).hasSize(8);
        TumourFraction tf = TumourFraction.fit(ALT, DEPTH);
        assertThat(tf.estimate()).isCloseTo(r[0], within(1e-6));
        assertThat(tf.lower()).isCloseTo(r[1], within(1e-6));
        assertThat(tf.upper()).isCloseTo(r[2], within(1e-6));
        assertThat(tf.estimate()).isCloseTo(r[3], within(1e-12));
        assertThat(TumourFraction.detectionProbability(150, 0.04, 0.6, 3)).isCloseTo(r[4], within(1e-9));
        // two more variants absent from plasma: censored at fewer than 3 alt reads
        TumourFraction c = TumourFraction.fit(ALT, DEPTH, new int[] {800, 1200}, 3);
        assertThat(c.estimate()).isCloseTo(r[5], within(1e-6));
        assertThat(c.lower()).isCloseTo(r[6], within(1e-6));
        assertThat(c.upper()).isCloseTo(r[7], within(1e-6));
    }

    @Test
    void mixtureIsRobustToVariantsTheSheddingCloneLost() {
        // six clonal variants at TF = 0.10 (expected 125 alt reads of 2500) and four truncal tissue variants the
        // shedding clone lost (absent from plasma: censored below 5 alt reads at 2500)
        int[] alt = {118, 131, 125, 122, 129, 127};
        int[] depth = {2500, 2500, 2500, 2500, 2500, 2500};
        int[] lost = {2500, 2500, 2500, 2500};
        TumourFraction single = TumourFraction.fit(alt, depth, lost, 5);
        TumourFraction mixture = TumourFraction.fitMixture(alt, depth, lost, 5);
        // the one-component likelihood must reconcile 4 misses with ~125 alt reads elsewhere: far below 0.10
        // (regression: with the tail as 1 - I_p its interval collapsed to [0.0395, 0.0396])
        assertThat(single.upper()).isLessThan(0.10);
        assertThat(single.upper() - single.lower()).isGreaterThan(0.005);
        // the mixture explains the misses by the non-clonal component (clonal share 6/10 >= 0.5)
        assertThat(mixture.lower()).isLessThan(0.10);
        assertThat(mixture.upper()).isGreaterThan(0.10);
        // and, the lost ones aside, agrees with the closed form on the clonal six: 2 x 752 / 15000
        assertThat(mixture.estimate()).isCloseTo(2 * 752 / 15000.0, within(2e-3));
        assertThat(mixture.variants()).isEqualTo(10);
    }

    @Test
    void mixtureZeroAltUpperBoundByHand() {
        // one variant, 0 of 2000 alt reads: clonal pmf (1 - q)^2000; non-clonal mean over c of (1 - qc)^2000 =
        // (1 - (1 - q)^2001) / (2001 q); the clonal share sits at its floor 0.5 there (non-clonal is likelier),
        // so the upper bound solves log(0.5 (1 - q)^2000 + 0.5 (1 - (1 - q)^2001) / (2001 q)) = -1.9207;
        // R: uniroot gives TF = 0.0036463005
        TumourFraction tf = TumourFraction.fitMixture(new int[] {0}, new int[] {2000}, new int[0], 3);
        assertThat(tf.estimate()).isZero();
        assertThat(tf.lower()).isZero();
        double q = tf.upper() / 2;
        double l = Math.log(0.5 * Math.pow(1 - q, 2000) + 0.5 * (1 - Math.pow(1 - q, 2001)) / (2001 * q));
        assertThat(l).isCloseTo(-TumourFraction.HALF_CHI2_95, within(1e-6));
        assertThat(tf.upper()).isCloseTo(0.0036463005, within(1e-7));
    }

    @Test
    void mixtureMatchesR() throws Exception {
        Path rscript = SystemTools.require("Rscript", "r-base-core");
        // independent of the Java closed form: the non-clonal component by numerical integration over c,
        // the clonal share by optimize on [0.5, 1], TF by a grid then optimize, the bounds by uniroot
        String script = String.join("\n",
                "alt <- c(25, 27, 24, 10, 4); dp <- c(1000, 1000, 1200, 900, 1000); cd <- c(1000); k <- 3",
                "nc <- function(a, d, q) integrate(function(c) dbinom(a, d, q * c), 0, 1, rel.tol = 1e-12, subdivisions = 1000L)$value",
                "ncc <- function(d, q) integrate(function(c) pbinom(k - 1, d, q * c), 0, 1, rel.tol = 1e-12, subdivisions = 1000L)$value",
                "prof <- function(tf) {",
                "  q <- tf / 2",
                "  A <- c(dbinom(alt, dp, q), pbinom(k - 1, cd, q))",
                "  B <- c(mapply(function(a, d) nc(a, d, q), alt, dp), sapply(cd, function(d) ncc(d, q)))",
                "  f <- function(p) sum(log(p * A + (1 - p) * B))",
                "  o <- optimize(f, c(0.5, 1), maximum = TRUE, tol = 1e-12)",
                "  max(o$objective, f(0.5), f(1))",
                "}",
                "g <- seq(0.001, 0.3, by = 0.001); v <- sapply(g, prof); m <- g[which.max(v)]",
                "o <- optimize(prof, c(m - 0.002, m + 0.002), maximum = TRUE, tol = 1e-12)",
                "t <- o$objective - qchisq(0.95, 1) / 2",
                "lo <- uniroot(function(x) prof(x) - t, c(1e-6, o$maximum), tol = 1e-12)$root",
                "hi <- uniroot(function(x) prof(x) - t, c(o$maximum, 0.3), tol = 1e-12)$root",
                "cat(sprintf('%.10f', c(o$maximum, lo, hi, -pbinom(4, 2500, 0.05, log.p = TRUE))), sep = '\\n')");
        Process p = new ProcessBuilder(rscript.toString(), "-e", script).redirectErrorStream(true).start();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.exitValue()).as(out).isZero();
        double[] r = out.lines().filter(l -> l.matches("[0-9.]+")).mapToDouble(Double::parseDouble).toArray();
        assertThat(r).as(out).hasSize(4);
        // measured when written: 0.0467816411, 0.0360799702, 0.0618014162
        TumourFraction tf = TumourFraction.fitMixture(new int[] {25, 27, 24, 10, 4}, new int[] {1000, 1000, 1200, 900, 1000},
                new int[] {1000}, 3);
        assertThat(tf.estimate()).isCloseTo(r[0], within(1e-6));
        assertThat(tf.lower()).isCloseTo(r[1], within(1e-6));
        assertThat(tf.upper()).isCloseTo(r[2], within(1e-6));
        // a censored clonal miss deep in the tail (regression: 1 - I_p gave 0 or rounding noise there); R: 111.8645961843
        assertThat(-TumourFraction.logLowerTail(2500, 0.05, 5)).isCloseTo(r[3], within(1e-6 * r[3]));
    }
}
