package org.oncoconcord.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Breslow (or Efron-type) estimate of the baseline cumulative hazard of a Cox fit, per stratum, for
 * covariates at the fit's centring means: H0(t) = sum over event times s <= t of d(s) / sum_{at risk} exp(lp).
 * Then S(t | x) = exp(-H0(t) exp(lp(x))). Strata without cases have no baseline.
 *
 * @param strata stratum names
 * @param times  event times per stratum, ascending
 * @param cumhaz cumulative hazard at those times
 */
public record BaselineHazard(List<String> strata, List<double[]> times, List<double[]> cumhaz) {

    public static BaselineHazard breslow(SurvivalData d, CoxFit fit) {
        return estimate(d, fit, false);
    }

    /**
     * The Efron-type (Fleming-Harrington) estimate: at a time with d tied deaths whose risk scores sum
     * to D, the hazard increment is sum_{k=0}^{d-1} 1 / (R - k D / d) instead of d / R (R the risk
     * set's sum); equal to Breslow's without ties. R: {@code survfit(coxph(..., ties = "efron"), ctype = 2)},
     * survfit's default for an Efron fit, and what {@code rms::cph} + {@code survest} use.
     */
    public static BaselineHazard efron(SurvivalData d, CoxFit fit) {
        return estimate(d, fit, true);
    }

    private static BaselineHazard estimate(SurvivalData d, CoxFit fit, boolean efron) {
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
                double deathRisk = 0;
                while (q < idx.length && d.time()[idx[q]] == tq) {
                    double r = Math.exp(lp[idx[q]]);
                    risk += r;
                    deaths += d.event()[idx[q]];
                    deathRisk += d.event()[idx[q]] == 1 ? r : 0;
                    q++;
                }
                if (deaths > 0) {
                    double inc = deaths / risk;
                    if (efron && deaths > 1) {
                        inc = 0;
                        for (int k = 0; k < deaths; k++) {
                            inc += 1 / (risk - (double) k / deaths * deathRisk);
                        }
                    }
                    pts.add(new double[] {tq, inc});
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
