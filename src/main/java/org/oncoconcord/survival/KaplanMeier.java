package org.oncoconcord.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * The Kaplan-Meier estimate of one group, with Greenwood standard errors and pointwise confidence
 * intervals on the log (R's default), log-log or plain scale, as R's {@code survfit} computes them.
 *
 * @param time    distinct times with an event (or censoring, kept for n_risk), ascending
 * @param nRisk   number at risk at each time
 * @param nEvent  events at each time
 * @param nCensor censored at each time
 * @param surv    S(t)
 * @param greenwood standard error of the cumulative hazard (R's {@code std.err}); se of S is surv * this
 * @param lower   lower confidence limit
 * @param upper   upper confidence limit
 * @param ci      confidence interval scale
 * @param level   confidence level
 */
public record KaplanMeier(double[] time, int[] nRisk, int[] nEvent, int[] nCensor, double[] surv, double[] greenwood,
                          double[] lower, double[] upper, CiType ci, double level) {

    /** Scale of the pointwise confidence intervals; labels as {@code survfit}'s {@code conf.type}. */
    public enum CiType implements org.oncoconcord.options.Labels.Labelled {
        LOG, LOG_LOG, PLAIN;

        /** For {@code --conf-type}. */
        public static final class Converter extends org.oncoconcord.options.Labels.Converter<CiType> {
            public Converter() {
                super(CiType.class);
            }
        }
    }

    /** A point of the curve at a requested time. */
    public record Point(double time, int nRisk, int nEvent, double surv, double se, double lower, double upper) {
    }

    /** The median survival and its confidence interval (NaN when not reached). */
    public record Median(double median, double lower, double upper) {
    }

    public static KaplanMeier fit(double[] t, int[] e, CiType ci, double level) {
        return fit(t, e, null, ci, level);
    }

    /** Kaplan-Meier of the cases with {@code keep[i]} (all when null). */
    public static KaplanMeier fit(double[] t, int[] e, boolean[] keep, CiType ci, double level) {
        int[] idx = IntStream.range(0, t.length).filter(i -> keep == null || keep[i]).boxed()
                .sorted((a, b) -> Double.compare(t[a], t[b])).mapToInt(Integer::intValue).toArray();
        int m = idx.length;
        List<double[]> rows = new ArrayList<>();
        int atRisk = m;
        int k = 0;
        while (k < m) {
            double tk = t[idx[k]];
            int d = 0;
            int c = 0;
            while (k < m && t[idx[k]] == tk) {
                if (e[idx[k]] == 1) {
                    d++;
                } else {
                    c++;
                }
                k++;
            }
            rows.add(new double[] {tk, atRisk, d, c});
            atRisk -= d + c;
        }
        int r = rows.size();
        double[] time = new double[r];
        int[] nr = new int[r];
        int[] ne = new int[r];
        int[] nc = new int[r];
        double[] s = new double[r];
        double[] gw = new double[r];
        double[] lo = new double[r];
        double[] hi = new double[r];
        double z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - level) / 2);
        double surv = 1;
        double var = 0;
        for (int i = 0; i < r; i++) {
            double[] row = rows.get(i);
            time[i] = row[0];
            nr[i] = (int) row[1];
            ne[i] = (int) row[2];
            nc[i] = (int) row[3];
            if (ne[i] > 0) {
                surv *= 1 - (double) ne[i] / nr[i];
                var += nr[i] == ne[i] ? Double.POSITIVE_INFINITY : (double) ne[i] / ((double) nr[i] * (nr[i] - ne[i]));
            }
            s[i] = surv;
            gw[i] = Math.sqrt(var);
            double[] lim = limits(surv, gw[i], z, ci);
            lo[i] = lim[0];
            hi[i] = lim[1];
        }
        return new KaplanMeier(time, nr, ne, nc, s, gw, lo, hi, ci, level);
    }

    /** Confidence limits for S with cumulative-hazard standard error {@code se}, as R's survfit. */
    static double[] limits(double s, double se, double z, CiType ci) {
        if (!Double.isFinite(se) || s == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        switch (ci) {
            case PLAIN:
                return new double[] {Math.max(0, s - z * se * s), Math.min(1, s + z * se * s)};
            case LOG_LOG:
                if (s == 1) {
                    return new double[] {Double.NaN, Double.NaN};
                }
                double ll = Math.log(-Math.log(s));
                double a = Math.exp(-Math.exp(ll + z * se / Math.log(s)));
                double b = Math.exp(-Math.exp(ll - z * se / Math.log(s)));
                return new double[] {Math.min(a, b), Math.max(a, b)};
            default:
                return new double[] {Math.exp(Math.log(s) - z * se), Math.min(1, Math.exp(Math.log(s) + z * se))};
        }
    }

    /** Index of the last time <= t, or -1. */
    private int indexAt(double t) {
        int i = Arrays.binarySearch(time, t);
        return i >= 0 ? i : -i - 2;
    }

    /** S(t) (1 before the first time; NaN after the last observed time). */
    public double survival(double t) {
        if (time.length > 0 && t > time[time.length - 1]) {
            return Double.NaN;
        }
        int i = indexAt(t);
        return i < 0 ? 1 : surv[i];
    }

    /** S(t-) as a left-continuous step (used for censoring weights G(T-)). */
    public double survivalBefore(double t) {
        int i = Arrays.binarySearch(time, t);
        int j = i >= 0 ? i - 1 : -i - 2;
        return j < 0 ? 1 : surv[j];
    }

    /** S(t) carried forward past the last time (for weights). */
    public double survivalCarried(double t) {
        int i = indexAt(t);
        return i < 0 ? 1 : surv[i];
    }

    /**
     * The curve at the requested times (ascending), as R's {@code summary(fit, times=)}: n_risk is the
     * number at risk at t, n_event the events since the previous requested time. Times after the
     * last follow-up give NaN survival.
     */
    public List<Point> at(double[] times) {
        double[] ts = times.clone();
        Arrays.sort(ts);
        List<Point> out = new ArrayList<>();
        double prev = Double.NEGATIVE_INFINITY;
        double z = new NormalDistribution().inverseCumulativeProbability(1 - (1 - level) / 2);
        for (double tt : ts) {
            int risk = 0;
            int ev = 0;
            for (int i = 0; i < time.length; i++) {
                if (time[i] >= tt) {
                    risk += nEvent[i] + nCensor[i];
                }
                if (time[i] > prev && time[i] <= tt) {
                    ev += nEvent[i];
                }
            }
            prev = tt;
            int i = indexAt(tt);
            if (time.length == 0 || tt > time[time.length - 1]) {
                out.add(new Point(tt, risk, ev, Double.NaN, Double.NaN, Double.NaN, Double.NaN));
            } else if (i < 0) {
                out.add(new Point(tt, risk, ev, 1, 0, 1, 1));
            } else {
                double[] lim = limits(surv[i], greenwood[i], z, ci);
                out.add(new Point(tt, risk, ev, surv[i], surv[i] * greenwood[i], lim[0], lim[1]));
            }
        }
        return out;
    }

    /** Median and its confidence interval, as R's print.survfit (first time the curve reaches 0.5). */
    public Median median() {
        return new Median(quantileTime(surv), quantileTime(lower), quantileTime(upper));
    }

    private double quantileTime(double[] curve) {
        for (int i = 0; i < time.length; i++) {
            if (Double.isNaN(curve[i])) {
                continue;
            }
            if (Math.abs(curve[i] - 0.5) < 1e-12) {
                for (int j = i + 1; j < time.length; j++) {
                    if (nEvent[j] > 0) {
                        return (time[i] + time[j]) / 2;
                    }
                }
                return time[i];
            }
            if (curve[i] < 0.5) {
                return time[i];
            }
        }
        return Double.NaN;
    }
}
