package org.oncoconcord.survival;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The G-rho family of k-sample tests as R's {@code survdiff}: rho = 0 is the log-rank test,
 * rho = 1 the Peto-Peto modification of the Gehan-Wilcoxon test (weights S(t-)^rho from the
 * pooled Kaplan-Meier), optionally stratified.
 *
 * @param chi2     test statistic
 * @param df       degrees of freedom (groups with expected events > 0, minus 1)
 * @param p        p-value
 * @param observed observed (weighted) events per group
 * @param expected expected (weighted) events per group
 */
public record LogRank(double chi2, int df, double p, double[] observed, double[] expected) {

    /**
     * @param group  group index 0..k-1 per case
     * @param strata stratum index per case (null for none)
     */
    public static LogRank test(double[] time, int[] event, int[] group, int k, int[] strata, double rho) {
        int n = time.length;
        int[] s = strata == null ? new int[n] : strata;
        double[] obs = new double[k];
        double[] exp = new double[k];
        double[][] v = new double[k][k];
        int maxS = Arrays.stream(s).max().orElse(0);
        for (int st = 0; st <= maxS; st++) {
            final int stratum = st;
            int[] idx = IntStream.range(0, n).filter(i -> s[i] == stratum).boxed()
                    .sorted((a, b) -> Double.compare(time[a], time[b])).mapToInt(Integer::intValue).toArray();
            double[] atRisk = new double[k];
            for (int i : idx) {
                atRisk[group[i]]++;
            }
            double nTot = idx.length;
            double km = 1;
            int q = 0;
            while (q < idx.length) {
                double tq = time[idx[q]];
                double[] d = new double[k];
                double[] leaving = new double[k];
                double dTot = 0;
                while (q < idx.length && time[idx[q]] == tq) {
                    int i = idx[q];
                    leaving[group[i]]++;
                    if (event[i] == 1) {
                        d[group[i]]++;
                        dTot++;
                    }
                    q++;
                }
                if (dTot > 0 && nTot > 0) {
                    double w = rho == 0 ? 1 : Math.pow(km, rho);
                    for (int g = 0; g < k; g++) {
                        obs[g] += w * d[g];
                        exp[g] += w * dTot * atRisk[g] / nTot;
                    }
                    if (nTot > 1) {
                        double f = w * w * dTot * (nTot - dTot) / (nTot - 1);
                        for (int g = 0; g < k; g++) {
                            for (int h = 0; h < k; h++) {
                                v[g][h] += f * atRisk[g] / nTot * ((g == h ? 1 : 0) - atRisk[h] / nTot);
                            }
                        }
                    }
                    km *= 1 - dTot / nTot;
                }
                for (int g = 0; g < k; g++) {
                    atRisk[g] -= leaving[g];
                    nTot -= leaving[g];
                }
            }
        }
        // generalised inverse: use the groups with expected > 0, dropping the last of them
        int[] use = IntStream.range(0, k).filter(g -> exp[g] > 0).toArray();
        int df = use.length - 1;
        if (df < 1) {
            return new LogRank(0, 0, Double.NaN, obs, exp);
        }
        int m = df;
        double[] a = new double[m * m];
        double[] u = new double[m];
        for (int i = 0; i < m; i++) {
            u[i] = obs[use[i]] - exp[use[i]];
            for (int j = 0; j < m; j++) {
                a[i * m + j] = v[use[i]][use[j]];
            }
        }
        boolean[] aliased = new boolean[m];
        double[] l = Linalg.cholesky(a, m, 1e-10, aliased);
        double chi2 = Linalg.quadInv(l, m, aliased, u);
        int rank = 0;
        for (boolean b : aliased) {
            rank += b ? 0 : 1;
        }
        double p = Stats.chi2P(chi2, rank);
        return new LogRank(chi2, rank, p, obs, exp);
    }
}
