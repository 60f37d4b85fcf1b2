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
        assertThat(TumourFraction.bin(0.04)).isEqualTo("1-5%");
        assertThat(TumourFraction.bin(0.009)).isEqualTo("<1%");
        assertThat(TumourFraction.bin(0.2)).isEqualTo(">5%");
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
}
