package org.oncoconcord.survival;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.IntStream;

/**
 * Concordance between a risk score and survival, as R's {@code survival::concordance} counts it
 * for a Cox model (higher score = shorter survival): a pair is comparable when the shorter time is
 * an event (a censored time equal to an event time counts as longer); pairs tied on an event time
 * are left out; pairs tied on the score count one half. Pairs are compared within strata.
 * The standard error is R's infinitesimal-jackknife one. Each event time can carry a weight
 * (Harrell: 1; Uno: 1/G(t)^2, 0 beyond a truncation time), computed in O(n log n).
 *
 * @param c          the concordance
 * @param se         its standard error (infinitesimal jackknife)
 * @param concordant weighted concordant pairs
 * @param discordant weighted discordant pairs
 * @param tiedX      weighted pairs tied on the score
 */
public record Concordance(double c, double se, double concordant, double discordant, double tiedX) {

    /** Harrell's C. */
    public static Concordance harrell(double[] time, int[] event, int[] strata, double[] score) {
        return compute(time, event, strata, score, tt -> 1.0);
    }

    /**
     * Concordance with event-time weights {@code weight(t)} for pairs whose shorter time is the
     * event at t (pair weight 0 excludes the pair).
     */
    public static Concordance compute(double[] time, int[] event, int[] strata, double[] score, DoubleUnaryOperator weight) {
        return computeByStratum(time, event, strata, score, st -> weight);
    }

    /**
     * As {@link #compute(double[], int[], int[], double[], DoubleUnaryOperator)} with the event-time
     * weights of each stratum (e.g. Uno's 1/G(t)^2 with the censoring distribution of that stratum,
     * as R's concordance(y ~ x + strata(s), timewt = "n/G2") does).
     */
    public static Concordance computeByStratum(double[] time, int[] event, int[] strata, double[] score,
                                               java.util.function.IntFunction<DoubleUnaryOperator> weightOfStratum) {
        int n = time.length;
        double[] inflC = new double[n];
        double[] inflD = new double[n];
        double[] inflT = new double[n];
        double[] tot = new double[3];
        int[] s = strata == null ? new int[n] : strata;
        int maxS = Arrays.stream(s).max().orElse(0);
        for (int st = 0; st <= maxS; st++) {
            final int stratum = st;
            int[] idx = IntStream.range(0, n).filter(i -> s[i] == stratum).toArray();
            if (idx.length > 1) {
                stratum(idx, time, event, score, weightOfStratum.apply(stratum), inflC, inflD, inflT, tot);
            }
        }
        double npair = tot[0] + tot[1] + tot[2];
        double somers = (tot[0] - tot[1]) / npair;
        double var = 0;
        for (int k = 0; k < n; k++) {
            double db = ((inflC[k] - inflD[k]) - somers * (inflC[k] + inflD[k] + inflT[k])) / npair;
            var += db * db;
        }
        return new Concordance((somers + 1) / 2, Math.sqrt(var / 4), tot[0], tot[1], tot[2]);
    }

    private static void stratum(int[] idx, double[] time, int[] event, double[] score, DoubleUnaryOperator weight,
                                double[] inflC, double[] inflD, double[] inflT, double[] tot) {
        int m = idx.length;
        double[] xs = new double[m];
        for (int i = 0; i < m; i++) {
            xs[i] = score[idx[i]];
        }
        double[] uniq = Arrays.stream(xs).sorted().distinct().toArray();
        int[] rank = new int[m];
        for (int i = 0; i < m; i++) {
            rank[i] = Arrays.binarySearch(uniq, xs[i]) + 1;
        }
        Integer[] ord = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(ord, (a, b) -> Double.compare(time[idx[a]], time[idx[b]]));
        // pass 1 (time descending): each event against those still at risk after it
        Fenwick risk = new Fenwick(uniq.length);
        int g = m - 1;
        while (g >= 0) {
            double tg = time[idx[ord[g]]];
            int lo = g;
            while (lo > 0 && time[idx[ord[lo - 1]]] == tg) {
                lo--;
            }
            for (int q = lo; q <= g; q++) {
                int i = ord[q];
                if (event[idx[i]] == 0) {
                    risk.add(rank[i], 1);
                }
            }
            double w = weight.applyAsDouble(tg);
            for (int q = lo; q <= g; q++) {
                int i = ord[q];
                if (event[idx[i]] == 1 && w != 0) {
                    double below = risk.sum(rank[i] - 1);
                    double tied = risk.sum(rank[i]) - below;
                    double above = risk.total() - below - tied;
                    int k = idx[i];
                    inflC[k] += w * below;
                    inflD[k] += w * above;
                    inflT[k] += w * tied;
                    tot[0] += w * below;
                    tot[1] += w * above;
                    tot[2] += w * tied;
                }
            }
            for (int q = lo; q <= g; q++) {
                int i = ord[q];
                if (event[idx[i]] == 1) {
                    risk.add(rank[i], 1);
                }
            }
            g = lo - 1;
        }
        // pass 2 (time ascending): each case against the earlier events it was at risk for
        Fenwick dead = new Fenwick(uniq.length);
        int a = 0;
        while (a < m) {
            double ta = time[idx[ord[a]]];
            int hi = a;
            while (hi + 1 < m && time[idx[ord[hi + 1]]] == ta) {
                hi++;
            }
            for (int q = a; q <= hi; q++) {
                int i = ord[q];
                if (event[idx[i]] == 1) {
                    credit(dead, rank[i], idx[i], inflC, inflD, inflT);
                }
            }
            double w = weight.applyAsDouble(ta);
            for (int q = a; q <= hi; q++) {
                int i = ord[q];
                if (event[idx[i]] == 1 && w != 0) {
                    dead.add(rank[i], w);
                }
            }
            for (int q = a; q <= hi; q++) {
                int i = ord[q];
                if (event[idx[i]] == 0) {
                    credit(dead, rank[i], idx[i], inflC, inflD, inflT);
                }
            }
            a = hi + 1;
        }
    }

    /** The at-risk member k of pairs with earlier events: concordant when the event's score is higher. */
    private static void credit(Fenwick dead, int r, int k, double[] inflC, double[] inflD, double[] inflT) {
        double below = dead.sum(r - 1);
        double tied = dead.sum(r) - below;
        double above = dead.total() - below - tied;
        inflC[k] += above;
        inflD[k] += below;
        inflT[k] += tied;
    }

    /** Binary indexed tree of weights over score ranks 1..size. */
    static final class Fenwick {
        private final double[] tree;
        private double total;

        Fenwick(int size) {
            tree = new double[size + 1];
        }

        void add(int i, double w) {
            total += w;
            for (; i < tree.length; i += i & -i) {
                tree[i] += w;
            }
        }

        double sum(int i) {
            double s = 0;
            for (; i > 0; i -= i & -i) {
                s += tree[i];
            }
            return s;
        }

        double total() {
            return total;
        }
    }
}
