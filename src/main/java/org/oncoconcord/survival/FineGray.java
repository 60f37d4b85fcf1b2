package org.oncoconcord.survival;

import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Fine and Gray's (1999) proportional subdistribution hazards model, fitted as R's
 * {@code cmprsk::crr} does by default (no time-varying terms, one censoring group):
 * <ul>
 * <li>censoring weights from the Kaplan-Meier of censoring, G(t-) just before each time;</li>
 * <li>at a failure time T of the cause, the risk set holds everyone with t &gt;= T (weight 1) and
 * everyone who failed from another cause before T, weighted G(T-)/G(t-);</li>
 * <li>tied failures as Breslow (each failure its own term with the same risk set);</li>
 * <li>Newton-Raphson from 0 with crr's step halving and its stopping rule (gtol 1e-6, 10
 * iterations), so the same iterate is returned;</li>
 * <li>the sandwich variance H^-1 (sum over subjects of (eta_i + psi_i)(eta_i + psi_i)') H^-1 with
 * psi_i the term for the estimated censoring distribution (Fine and Gray, section 3).</li>
 * </ul>
 *
 * @param coef        coefficients (log subdistribution hazard ratios)
 * @param variance    p x p robust variance
 * @param loglik      log pseudo-likelihood at the estimate
 * @param loglikNull  log pseudo-likelihood at 0
 * @param iterations  Newton steps taken
 * @param converged   crr's convergence flag
 */
public record FineGray(double[] coef, double[][] variance, double loglik, double loglikNull, int iterations, boolean converged) {
    static final double GTOL = 1e-6;
    static final int MAX_ITER = 10;

    /** The standard error of coefficient j. */
    public double se(int j) {
        return Math.sqrt(variance[j][j]);
    }

    /**
     * Fits the model.
     *
     * @param time  follow-up times
     * @param code  0 censored, 1 failure from the cause of interest, 2 failure from another cause
     * @param x     covariate rows
     */
    public static FineGray fit(double[] time, int[] code, double[][] x) {
        Data d = Data.sorted(time, code, x);
        int p = d.p;
        double[] b = new double[p];
        Eval z = null;
        boolean converged = false;
        int iter = 0;
        for (int ll = 0; ll <= MAX_ITER; ll++) {
            z = d.eval(b, true);
            double gmax = 0;
            for (int j = 0; j < p; j++) {
                gmax = Math.max(gmax, Math.abs(z.grad[j]) * Math.max(Math.abs(b[j]), 1));
            }
            if (gmax < Math.max(Math.abs(z.negLik), 1) * GTOL) {
                converged = true;
                break;
            }
            if (ll == MAX_ITER) {
                break;
            }
            double[] sc = new LUDecomposition(new Array2DRowRealMatrix(z.hess)).getSolver().solve(new ArrayRealVector(z.grad)).mapMultiply(-1).toArray();
            double slope = 0;
            for (int j = 0; j < p; j++) {
                slope += sc[j] * z.grad[j];
            }
            double[] bn = add(b, sc);
            double fbn = d.eval(bn, false).negLik;
            int halvings = 0;
            while (Double.isNaN(fbn) || fbn > z.negLik + 1e-4 * slope) {
                halvings++;
                for (int j = 0; j < p; j++) {
                    sc[j] *= 0.5;
                }
                bn = add(b, sc);
                fbn = d.eval(bn, false).negLik;
                if (halvings > 20) {
                    break;
                }
            }
            if (halvings > 20) {
                break;
            }
            b = bn;
            iter++;
        }
        z = d.eval(b, true);
        double[][] v = d.sandwich(b, z.hess);
        return new FineGray(b, v, -z.negLik, -d.eval(new double[p], false).negLik, iter, converged);
    }

    private static double[] add(double[] a, double[] b) {
        double[] r = a.clone();
        for (int j = 0; j < r.length; j++) {
            r[j] += b[j];
        }
        return r;
    }

    /** Negative log pseudo-likelihood, its gradient and Hessian. */
    private record Eval(double negLik, double[] grad, double[][] hess) {
    }

    /** The data sorted by time, with G(t-) of every row and the index ranges of tied times. */
    private static final class Data {
        final int n;
        final int p;
        final double[] t;
        final int[] e;
        final double[][] x;
        final double[] gMinus;

        Data(double[] t, int[] e, double[][] x, double[] gMinus) {
            this.n = t.length;
            this.p = n == 0 ? 0 : x[0].length;
            this.t = t;
            this.e = e;
            this.x = x;
            this.gMinus = gMinus;
        }

        static Data sorted(double[] time, int[] code, double[][] x) {
            Integer[] ord = new Integer[time.length];
            for (int i = 0; i < ord.length; i++) {
                ord[i] = i;
            }
            Arrays.sort(ord, (a, b) -> Double.compare(time[a], time[b]));
            int n = ord.length;
            double[] t = new double[n];
            int[] e = new int[n];
            double[][] xx = new double[n][];
            for (int i = 0; i < n; i++) {
                t[i] = time[ord[i]];
                e[i] = code[ord[i]];
                xx[i] = x[ord[i]];
            }
            // Kaplan-Meier of censoring (censoring = the event), G(t-) = product over censoring times before t
            double[] g = new double[n];
            double surv = 1;
            int lo = 0;
            while (lo < n) {
                int hi = lo;
                int c = 0;
                while (hi < n && t[hi] == t[lo]) {
                    c += e[hi] == 0 ? 1 : 0;
                    hi++;
                }
                for (int i = lo; i < hi; i++) {
                    g[i] = surv;
                }
                surv *= 1 - (double) c / (n - lo);
                lo = hi;
            }
            return new Data(t, e, xx, g);
        }

        /** First row of the tie block ending at hi (exclusive) ... iterates blocks of equal time. */
        int blockEnd(int lo) {
            int hi = lo;
            while (hi < n && t[hi] == t[lo]) {
                hi++;
            }
            return hi;
        }

        double xb(double[] b, int i) {
            double s = 0;
            for (int j = 0; j < p; j++) {
                s += x[i][j] * b[j];
            }
            return s;
        }

        /**
         * Risk-set sums S0, S1, S2 at each failure time, from suffix sums of everyone still at risk
         * plus G(T-) times the sums of other-cause failures before T weighted 1/G(t-).
         */
        Eval eval(double[] b, boolean derivatives) {
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                r[i] = Math.exp(xb(b, i));
            }
            double atRisk0 = 0;
            double[] atRisk1 = new double[p];
            double[][] atRisk2 = new double[p][p];
            for (int i = 0; i < n; i++) {
                atRisk0 += r[i];
                accumulate(atRisk1, atRisk2, x[i], r[i], derivatives);
            }
            double other0 = 0;
            double[] other1 = new double[p];
            double[][] other2 = new double[p][p];
            double negLik = 0;
            double[] grad = new double[p];
            double[][] hess = new double[p][p];
            int lo = 0;
            while (lo < n) {
                int hi = blockEnd(lo);
                int failures = 0;
                for (int i = lo; i < hi; i++) {
                    if (e[i] == 1) {
                        failures++;
                        negLik -= Math.log(r[i]);
                        for (int j = 0; j < p; j++) {
                            grad[j] -= x[i][j];
                        }
                    }
                }
                if (failures > 0) {
                    double gt = gMinus[lo];
                    double s0 = atRisk0 + gt * other0;
                    negLik += failures * Math.log(s0);
                    if (derivatives) {
                        for (int j = 0; j < p; j++) {
                            double s1j = atRisk1[j] + gt * other1[j];
                            grad[j] += failures * s1j / s0;
                            for (int k = 0; k < p; k++) {
                                double s1k = atRisk1[k] + gt * other1[k];
                                double s2 = atRisk2[j][k] + gt * other2[j][k];
                                hess[j][k] += failures * (s2 / s0 - s1j * s1k / (s0 * s0));
                            }
                        }
                    }
                }
                for (int i = lo; i < hi; i++) {
                    atRisk0 -= r[i];
                    accumulate(atRisk1, atRisk2, x[i], -r[i], derivatives);
                    if (e[i] > 1) {
                        other0 += r[i] / gMinus[i];
                        accumulate(other1, other2, x[i], r[i] / gMinus[i], derivatives);
                    }
                }
                lo = hi;
            }
            return new Eval(negLik, grad, hess);
        }

        private void accumulate(double[] s1, double[][] s2, double[] xi, double w, boolean derivatives) {
            if (!derivatives) {
                return;
            }
            for (int j = 0; j < p; j++) {
                s1[j] += w * xi[j];
                for (int k = 0; k < p; k++) {
                    s2[j][k] += w * xi[j] * xi[k];
                }
            }
        }

        /** H^-1 V H^-1, V the sum of outer products of each subject's eta + psi. */
        double[][] sandwich(double[] b, double[][] hess) {
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                r[i] = Math.exp(xb(b, i));
            }
            // S0 and mean covariate xbar at each row's time when that time has failures
            double[] s0 = new double[n];
            double[][] xbar = new double[n][p];
            boolean[] failTime = new boolean[n];
            {
                double a0 = 0;
                double[] a1 = new double[p];
                for (int i = 0; i < n; i++) {
                    a0 += r[i];
                    for (int j = 0; j < p; j++) {
                        a1[j] += r[i] * x[i][j];
                    }
                }
                double o0 = 0;
                double[] o1 = new double[p];
                int lo = 0;
                while (lo < n) {
                    int hi = blockEnd(lo);
                    double gt = gMinus[lo];
                    for (int i = lo; i < hi; i++) {
                        s0[i] = a0 + gt * o0;
                        for (int j = 0; j < p; j++) {
                            xbar[i][j] = (a1[j] + gt * o1[j]) / s0[i];
                        }
                        failTime[i] = e[i] == 1;
                    }
                    for (int i = lo; i < hi; i++) {
                        a0 -= r[i];
                        for (int j = 0; j < p; j++) {
                            a1[j] -= r[i] * x[i][j];
                        }
                        if (e[i] > 1) {
                            o0 += r[i] / gMinus[i];
                            for (int j = 0; j < p; j++) {
                                o1[j] += r[i] * x[i][j] / gMinus[i];
                            }
                        }
                    }
                    lo = hi;
                }
            }
            // prefix sums over failure rows up to and including each time (B), suffix sums after it (C)
            double[] b0 = new double[n];
            double[][] b1 = new double[n][p];
            double[] c0 = new double[n];
            double[][] c1 = new double[n][p];
            // suffix sums over failure rows at or after each time for q(u): Q0 = sum G/S0, Q1 = sum G xbar/S0
            double[] q0 = new double[n];
            double[][] q1 = new double[n][p];
            {
                double acc0 = 0;
                double[] acc1 = new double[p];
                int lo = 0;
                while (lo < n) {
                    int hi = blockEnd(lo);
                    for (int i = lo; i < hi; i++) {
                        if (failTime[i]) {
                            acc0 += 1 / s0[i];
                            for (int j = 0; j < p; j++) {
                                acc1[j] += xbar[i][j] / s0[i];
                            }
                        }
                    }
                    for (int i = lo; i < hi; i++) {
                        b0[i] = acc0;
                        b1[i] = acc1.clone();
                    }
                    lo = hi;
                }
                double after0 = 0;
                double[] after1 = new double[p];
                int hi = n;
                while (hi > 0) {
                    int lo2 = hi - 1;
                    while (lo2 > 0 && t[lo2 - 1] == t[hi - 1]) {
                        lo2--;
                    }
                    for (int i = lo2; i < hi; i++) {
                        c0[i] = after0;
                        c1[i] = after1.clone();
                    }
                    for (int i = lo2; i < hi; i++) {
                        if (failTime[i]) {
                            after0 += gMinus[i] / s0[i];
                            for (int j = 0; j < p; j++) {
                                after1[j] += gMinus[i] * xbar[i][j] / s0[i];
                            }
                        }
                    }
                    for (int i = lo2; i < hi; i++) {
                        q0[i] = after0;
                        q1[i] = after1.clone();
                    }
                    hi = lo2;
                }
            }
            double[][] v = new double[p][p];
            double[] psiCum = new double[p];
            double[] qu = new double[p];
            // sums over other-cause failures before the current time, weighted e^xb / G(t-)
            double a0 = 0;
            double[] a1 = new double[p];
            int lo = 0;
            while (lo < n) {
                int hi = blockEnd(lo);
                int censored = 0;
                for (int i = lo; i < hi; i++) {
                    censored += e[i] == 0 ? 1 : 0;
                }
                int atRisk = n - lo;
                if (censored > 0) {
                    // q(u) = sum over failures at or after u of G(T-) (A1 - xbar(T) A0) / S0(T)
                    for (int j = 0; j < p; j++) {
                        qu[j] = a1[j] * q0[lo] - a0 * q1[lo][j];
                    }
                    for (int j = 0; j < p; j++) {
                        psiCum[j] -= censored * qu[j] / ((double) atRisk * atRisk);
                    }
                }
                for (int i = lo; i < hi; i++) {
                    double[] st = new double[p];
                    for (int j = 0; j < p; j++) {
                        st[j] = -r[i] * (x[i][j] * b0[i] - b1[i][j]);
                        if (e[i] > 1) {
                            st[j] -= r[i] / gMinus[i] * (x[i][j] * c0[i] - c1[i][j]);
                        }
                        if (e[i] == 1) {
                            st[j] += x[i][j] - xbar[i][j];
                        }
                        st[j] += psiCum[j];
                        if (e[i] == 0) {
                            st[j] += qu[j] / atRisk;
                        }
                    }
                    for (int j = 0; j < p; j++) {
                        for (int k = 0; k < p; k++) {
                            v[j][k] += st[j] * st[k];
                        }
                    }
                }
                for (int i = lo; i < hi; i++) {
                    if (e[i] > 1) {
                        a0 += r[i] / gMinus[i];
                        for (int j = 0; j < p; j++) {
                            a1[j] += r[i] * x[i][j] / gMinus[i];
                        }
                    }
                }
                lo = hi;
            }
            RealMatrix hInv = new LUDecomposition(new Array2DRowRealMatrix(hess)).getSolver().getInverse();
            return hInv.multiply(new Array2DRowRealMatrix(v)).multiply(hInv.transpose()).getData();
        }
    }
}
