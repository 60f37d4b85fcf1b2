package org.oncoconcord.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Breslow estimate of the baseline cumulative hazard of a Cox fit, per stratum, for covariates at
 * the fit's centring means: H0(t) = sum over event times s <= t of d(s) / sum_{at risk} exp(lp).
 * Then S(t | x) = exp(-H0(t) exp(lp(x))). Strata without cases have no baseline.
 *
 * @param strata stratum names
 * @param times  event times per stratum, ascending
 * @param cumhaz cumulative hazard at those times
 */
public record BaselineHazard(List<String> strata, List<double[]> times, List<double[]> cumhaz) {

    public static BaselineHazard breslow(SurvivalData d, CoxFit fit) {
        List<double[]> ts = new ArrayList<>();
        List<double[]> hs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        double[] lp = CoxFitter.linearPredictor(fit, d.x());
        for (int s = 0; s < d.nStrata(); s++) {
            final int st = s;
            int[] idx = IntStream.range(0, d.n()).filter(i -> d.strata()[i] == st).boxed()
                    .sorted((a, b) -> Double.compare(d.time()[b], d.time()[a])).mapToInt(Integer::intValue).toArray();
            if (idx.length == 0) {
                continue; // no cases in this stratum (e.g. a CV training part): no baseline, predictions NaN
            }
            names.add(d.strataNames().get(s));
            List<double[]> pts = new ArrayList<>();
            double risk = 0;
            int q = 0;
            // counting process: rows leave the risk set at times at or before their entry (start)
            int[] byEntry = d.countingProcess() ? IntStream.of(idx).boxed()
                    .sorted((a, b) -> Double.compare(d.start()[b], d.start()[a])).mapToInt(Integer::intValue).toArray() : new int[0];
            int out = 0;
            while (q < idx.length) {
                double tq = d.time()[idx[q]];
                while (out < byEntry.length && d.start()[byEntry[out]] >= tq) {
                    risk -= Math.exp(lp[byEntry[out++]]);
                }
                int deaths = 0;
                while (q < idx.length && d.time()[idx[q]] == tq) {
                    risk += Math.exp(lp[idx[q]]);
                    deaths += d.event()[idx[q]];
                    q++;
                }
                if (deaths > 0) {
                    pts.add(new double[] {tq, deaths / risk});
                }
            }
            int m = pts.size();
            double[] t = new double[m];
            double[] h = new double[m];
            double cum = 0;
            for (int i = 0; i < m; i++) {
                double[] pt = pts.get(m - 1 - i);
                cum += pt[1];
                t[i] = pt[0];
                h[i] = cum;
            }
            ts.add(t);
            hs.add(h);
        }
        return new BaselineHazard(names, ts, hs);
    }

    /** H0(t) in stratum s (step function, right-continuous). */
    public double cumulativeHazard(int s, double t) {
        double[] tt = times.get(s);
        int i = Arrays.binarySearch(tt, t);
        int j = i >= 0 ? i : -i - 2;
        return j < 0 ? 0 : cumhaz.get(s)[j];
    }

    /** S(t | lp) in stratum s, lp centred as the fit's. */
    public double survival(int s, double t, double lp) {
        return Math.exp(-cumulativeHazard(s, t) * Math.exp(lp));
    }

    public int strataIndex(String name) {
        return strata.indexOf(name);
    }
}
