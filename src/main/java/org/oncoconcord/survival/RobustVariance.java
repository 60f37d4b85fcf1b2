package org.oncoconcord.survival;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Cluster-robust (sandwich) variance of a Cox model, as R's {@code coxph(..., cluster = id)}:
 * the score residuals of each row (Efron or Breslow, strata, (start, stop] rows) times the model
 * variance give its dfbeta; these are summed per cluster and the variance is D'D (Lin and Wei 1989).
 */
final class RobustVariance {
    private RobustVariance() {
    }

    /** The robust variance (p x p row-major; NaN rows and columns for aliased terms). */
    static double[] of(SurvivalData d, CoxFit f, List<String> cluster) {
        int n = d.n();
        int p = f.p();
        double[][] resid = scoreResiduals(d, f);
        Map<String, double[]> sums = new LinkedHashMap<>();
        double[] v = f.variance();
        for (int i = 0; i < n; i++) {
            double[] dfb = new double[p];
            for (int a = 0; a < p; a++) {
                if (f.aliased(a)) {
                    continue;
                }
                for (int b = 0; b < p; b++) {
                    if (!f.aliased(b)) {
                        dfb[a] += resid[i][b] * v[b * p + a];
                    }
                }
            }
            double[] s = sums.computeIfAbsent(cluster.get(i), k -> new double[p]);
            for (int a = 0; a < p; a++) {
                s[a] += dfb[a];
            }
        }
        double[] out = new double[p * p];
        for (double[] s : sums.values()) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    out[a * p + b] += s[a] * s[b];
                }
            }
        }
        for (int a = 0; a < p; a++) {
            for (int b = 0; b < p; b++) {
                if (f.aliased(a) || f.aliased(b)) {
                    out[a * p + b] = Double.NaN;
                }
            }
        }
        return out;
    }

    /** Score residuals (n x p) at the fitted coefficients, as R's residuals(fit, type = "score"). */
    static double[][] scoreResiduals(SurvivalData d, CoxFit f) {
        int n = d.n();
        int p = f.p();
        double[] beta = new double[p];
        for (int j = 0; j < p; j++) {
            beta[j] = f.aliased(j) ? 0 : f.coef()[j];
        }
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < p; j++) {
                s += (d.x()[i][j] - f.means()[j]) * beta[j];
            }
            r[i] = Math.exp(s);
        }
        double[][] res = new double[n][p];
        java.util.TreeSet<Double> deathTimes = new java.util.TreeSet<>();
        for (int i = 0; i < n; i++) {
            if (d.event()[i] == 1) {
                deathTimes.add(d.time()[i]);
            }
        }
        for (int st = 0; st < d.nStrata(); st++) {
            for (double t : deathTimes) {
                double s0 = 0;
                double d0 = 0;
                double[] s1 = new double[p];
                double[] d1 = new double[p];
                int deaths = 0;
                for (int i = 0; i < n; i++) {
                    if (!atRisk(d, i, st, t)) {
                        continue;
                    }
                    s0 += r[i];
                    boolean dies = d.event()[i] == 1 && d.time()[i] == t;
                    for (int j = 0; j < p; j++) {
                        s1[j] += r[i] * d.x()[i][j];
                        if (dies) {
                            d1[j] += r[i] * d.x()[i][j];
                        }
                    }
                    if (dies) {
                        d0 += r[i];
                        deaths++;
                    }
                }
                if (deaths == 0) {
                    continue;
                }
                boolean efron = f.ties() == Ties.EFRON && deaths > 1;
                int terms = efron ? deaths : 1;
                double[][] a = new double[terms][p];
                double[] den = new double[terms];
                for (int k = 0; k < terms; k++) {
                    double fr = efron ? (double) k / deaths : 0;
                    den[k] = s0 - fr * d0;
                    for (int j = 0; j < p; j++) {
                        a[k][j] = (s1[j] - fr * d1[j]) / den[k];
                    }
                }
                for (int i = 0; i < n; i++) {
                    if (!atRisk(d, i, st, t)) {
                        continue;
                    }
                    boolean dies = d.event()[i] == 1 && d.time()[i] == t;
                    for (int k = 0; k < terms; k++) {
                        // Breslow: each death's mean; Efron: the k-th of the d tied deaths, a dying row weighted (1 - k/d)
                        double mult = efron ? (dies ? 1 - (double) k / deaths : 1) : deaths;
                        for (int j = 0; j < p; j++) {
                            res[i][j] -= r[i] * mult * (d.x()[i][j] - a[k][j]) / den[k];
                            if (dies) {
                                res[i][j] += (d.x()[i][j] - a[k][j]) / terms;
                            }
                        }
                    }
                }
            }
        }
        return res;
    }

    private static boolean atRisk(SurvivalData d, int i, int stratum, double t) {
        return d.strata()[i] == stratum && d.time()[i] >= t && (d.start() == null || d.start()[i] < t);
    }
}
