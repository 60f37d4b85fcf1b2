package org.oncoconcord.survival;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Gray's (1988) k-sample test of equal cumulative incidence of one cause among groups, optionally
 * stratified, as R's {@code cmprsk::cuminc} computes it (its {@code Tests}): the score compares each
 * group's subdistribution hazard with the pooled one, weighted by (1 - F(t-))^rho, and its
 * variance follows Gray's asymptotic expression; per stratum scores and variances are summed. The
 * statistic s' V^-1 s is chi-square on (groups - 1) df; NaN when V is singular (cuminc reports -1).
 *
 * @param statistic chi-square statistic
 * @param df        groups - 1
 * @param p         upper-tail p-value
 */
public record GrayTest(double statistic, int df, double p) {

    /**
     * The test for {@code cause} among the rows.
     *
     * @param time    follow-up times
     * @param code    0 censored, 1..k the cause of the event
     * @param group   group index 0..groups-1 per row
     * @param stratum stratum index 0..strata-1 per row
     * @param rho     weight power (cuminc's default 0)
     */
    public static GrayTest of(double[] time, int[] code, int[] group, int groups, int[] stratum, int strata, int cause, double rho) {
        int m = groups - 1;
        double[] score = new double[m];
        double[][] var = new double[m][m];
        for (int st = 0; st < strata; st++) {
            final int s0 = st;
            int[] rows = java.util.stream.IntStream.range(0, time.length).filter(i -> stratum[i] == s0).boxed()
                    .sorted((a, b) -> Double.compare(time[a], time[b])).mapToInt(Integer::intValue).toArray();
            new Stratum(groups).accumulate(rows, time, code, group, cause, rho, score, var);
        }
        Array2DRowRealMatrix v = new Array2DRowRealMatrix(var);
        QRDecomposition qr = new QRDecomposition(v, 1e-7);
        if (!qr.getSolver().isNonSingular()) {
            return new GrayTest(Double.NaN, m, Double.NaN);
        }
        RealVector s = new ArrayRealVector(score);
        double stat = s.dotProduct(qr.getSolver().solve(s));
        return new GrayTest(stat, m, Stats.chi2P(stat, m));
    }

    /** Running quantities of one stratum, per group: risk set, KM and CIF just before and at the current time. */
    private static final class Stratum {
        final int ng;
        final int[] atRisk;
        final double[] kmBefore;
        final double[] km;
        final double[] cifBefore;
        final double[] cif;
        final double[][] c;
        final double[] v3;
        final double[][] v2;

        Stratum(int ng) {
            this.ng = ng;
            atRisk = new int[ng];
            kmBefore = new double[ng];
            km = new double[ng];
            cifBefore = new double[ng];
            cif = new double[ng];
            c = new double[ng][ng];
            v3 = new double[ng];
            v2 = new double[ng - 1][ng];
            Arrays.fill(kmBefore, 1);
            Arrays.fill(km, 1);
        }

        void accumulate(int[] rows, double[] time, int[] code, int[] group, int cause, double rho, double[] score, double[][] var) {
            int m = ng - 1;
            double[][] v = new double[m][m];
            double[] s = new double[m];
            for (int r : rows) {
                atRisk[group[r]]++;
            }
            double fBefore = 0;
            double f = 0;
            double[][] a = new double[ng][ng];
            int lo = 0;
            while (lo < rows.length) {
                int hi = lo;
                while (hi < rows.length && time[rows[hi]] == time[rows[lo]]) {
                    hi++;
                }
                int[] d1 = new int[ng];
                int[] d2 = new int[ng];
                int nd1 = 0;
                int nd2 = 0;
                for (int q = lo; q < hi; q++) {
                    int r = rows[q];
                    if (code[r] == cause) {
                        d1[group[r]]++;
                        nd1++;
                    } else if (code[r] > 0) {
                        d2[group[r]]++;
                        nd2++;
                    }
                }
                if (nd1 + nd2 > 0) {
                    double tr = 0;
                    double tq = 0;
                    for (int g = 0; g < ng; g++) {
                        if (atRisk[g] > 0) {
                            km[g] = kmBefore[g] * (atRisk[g] - d1[g] - d2[g]) / atRisk[g];
                            cif[g] = cifBefore[g] + kmBefore[g] * d1[g] / atRisk[g];
                            tr += atRisk[g] / kmBefore[g];
                            tq += atRisk[g] * (1 - cifBefore[g]) / kmBefore[g];
                        }
                    }
                    f = fBefore + nd1 / tr;
                    double fb = Math.pow(1 - fBefore, rho);
                    for (double[] row : a) {
                        Arrays.fill(row, 0);
                    }
                    for (int i = 0; i < ng; i++) {
                        if (atRisk[i] <= 0) {
                            continue;
                        }
                        double t1 = atRisk[i] / kmBefore[i];
                        a[i][i] = fb * t1 * (1 - t1 / tr);
                        c[i][i] += a[i][i] * nd1 / (tr * (1 - fBefore));
                        for (int j = i + 1; j < ng; j++) {
                            if (atRisk[j] > 0) {
                                a[i][j] = -fb * t1 * atRisk[j] / (kmBefore[j] * tr);
                                c[i][j] += a[i][j] * nd1 / (tr * (1 - fBefore));
                            }
                        }
                    }
                    for (int i = 1; i < ng; i++) {
                        for (int j = 0; j < i; j++) {
                            a[i][j] = a[j][i];
                            c[i][j] = c[j][i];
                        }
                    }
                    for (int i = 0; i < m; i++) {
                        if (atRisk[i] > 0) {
                            s[i] += fb * (d1[i] - nd1 * atRisk[i] * (1 - cifBefore[i]) / (kmBefore[i] * tq));
                        }
                    }
                    if (nd1 > 0) {
                        for (int k = 0; k < ng; k++) {
                            if (atRisk[k] <= 0) {
                                continue;
                            }
                            double t4 = km[k] > 0 ? 1 - (1 - f) / km[k] : 1;
                            double t5 = nd1 > 1 ? 1 - (nd1 - 1) / (tr * kmBefore[k] - 1) : 1;
                            double t3 = t5 * kmBefore[k] * nd1 / (tr * atRisk[k]);
                            v3[k] += t4 * t4 * t3;
                            for (int i = 0; i < m; i++) {
                                double t1 = a[i][k] - t4 * c[i][k];
                                v2[i][k] += t1 * t4 * t3;
                                for (int j = 0; j <= i; j++) {
                                    v[i][j] += t1 * (a[j][k] - t4 * c[j][k]) * t3;
                                }
                            }
                        }
                    }
                    if (nd2 > 0) {
                        for (int k = 0; k < ng; k++) {
                            if (km[k] <= 0 || d2[k] <= 0) {
                                continue;
                            }
                            double t4 = (1 - f) / km[k];
                            double t5 = d2[k] > 1 ? 1 - (d2[k] - 1.0) / (atRisk[k] - 1.0) : 1;
                            double t3 = t5 * kmBefore[k] * kmBefore[k] * d2[k] / ((double) atRisk[k] * atRisk[k]);
                            v3[k] += t4 * t4 * t3;
                            for (int i = 0; i < m; i++) {
                                double t1 = t4 * c[i][k];
                                v2[i][k] -= t1 * t4 * t3;
                                for (int j = 0; j <= i; j++) {
                                    v[i][j] += t1 * t4 * c[j][k] * t3;
                                }
                            }
                        }
                    }
                }
                for (int q = lo; q < hi; q++) {
                    atRisk[group[rows[q]]]--;
                }
                fBefore = f;
                System.arraycopy(cif, 0, cifBefore, 0, ng);
                System.arraycopy(km, 0, kmBefore, 0, ng);
                lo = hi;
            }
            for (int i = 0; i < m; i++) {
                for (int j = 0; j <= i; j++) {
                    for (int k = 0; k < ng; k++) {
                        v[i][j] += c[i][k] * c[j][k] * v3[k] + c[i][k] * v2[j][k] + c[j][k] * v2[i][k];
                    }
                    var[i][j] += v[i][j];
                    var[j][i] = var[i][j];
                }
                score[i] += s[i];
            }
        }
    }
}
