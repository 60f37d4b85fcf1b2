package org.oncoconcord.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Fits the Cox proportional hazards model by Newton-Raphson with step halving, as R's
 * {@code coxph} does: Efron or Breslow ties, strata (separate baseline hazards), covariates centred
 * on their means, aliased (collinear or constant) columns detected and left out. A Firth-penalised
 * fit (log partial likelihood + log|I(beta)|/2) handles monotone likelihood.
 */
public final class CoxFitter {
    static final int MAX_ITER = 30;
    static final double EPS = 1e-10;
    static final double TOLER_CHOL = 1e-10;

    private final Ties ties;
    private final int n;
    private final int p;
    private final double[] xs;      // centred covariates in sorted order, n x p row-major
    private final double[] t;       // times in sorted order
    private final int[] ev;         // events in sorted order
    private final int[] blockStart; // start of each stratum in sorted order, plus n
    private final double[] entry;   // counting process: entry (start) time in sorted order, or null
    private final int[] byEntry;    // counting process: sorted positions, per stratum by entry time descending
    private final double[] means;
    private final List<String> terms;

    /** Evaluation of the log partial likelihood at one beta: value, score, information. */
    record Eval(double loglik, double[] score, double[] info) {
    }

    public CoxFitter(SurvivalData d, Ties ties) {
        this.ties = ties;
        this.n = d.n();
        this.p = d.p();
        this.terms = d.terms();
        this.means = new double[p];
        for (double[] row : d.x()) {
            for (int j = 0; j < p; j++) {
                means[j] += row[j];
            }
        }
        for (int j = 0; j < p; j++) {
            means[j] /= Math.max(n, 1);
        }
        Integer[] ord = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(ord, Comparator.<Integer>comparingInt(i -> d.strata()[i])
                .thenComparing(i -> -d.time()[i]));
        xs = new double[n * p];
        t = new double[n];
        ev = new int[n];
        List<Integer> starts = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int i = ord[k];
            if (k == 0 || d.strata()[i] != d.strata()[ord[k - 1]]) {
                starts.add(k);
            }
            t[k] = d.time()[i];
            ev[k] = d.event()[i];
            for (int j = 0; j < p; j++) {
                xs[k * p + j] = d.x()[i][j] - means[j];
            }
        }
        starts.add(n);
        blockStart = starts.stream().mapToInt(Integer::intValue).toArray();
        if (d.countingProcess()) {
            entry = new double[n];
            for (int k = 0; k < n; k++) {
                entry[k] = d.start()[ord[k]];
            }
            Integer[] be = IntStream.range(0, n).boxed().toArray(Integer[]::new);
            Arrays.sort(be, Comparator.<Integer>comparingInt(k -> blockOf(k)).thenComparing(k -> -entry[k]));
            byEntry = Arrays.stream(be).mapToInt(Integer::intValue).toArray();
        } else {
            entry = null;
            byEntry = null;
        }
    }

    private int blockOf(int k) {
        int b = 0;
        while (blockStart[b + 1] <= k) {
            b++;
        }
        return b;
    }

    /** Ordinary maximum partial likelihood fit, flagging terms whose estimate diverges. */
    public static CoxFit fit(SurvivalData d, Ties ties) {
        return new CoxFitter(d, ties).fit(false);
    }

    /** Firth-penalised fit (finite estimates under monotone likelihood). */
    public static CoxFit fitFirth(SurvivalData d, Ties ties) {
        return new CoxFitter(d, ties).fit(true);
    }

    CoxFit fit(boolean firth) {
        double[] beta = new double[p];
        Eval e0 = eval(beta, true);
        boolean[] aliased = new boolean[p];
        double[] l0 = Linalg.cholesky(e0.info, p, TOLER_CHOL, aliased);
        double score = Linalg.quadInv(l0, p, aliased, e0.score);
        double ll0 = firth ? e0.loglik + 0.5 * Linalg.logDet(l0, p, aliased) : e0.loglik;

        Eval cur = e0;
        double[] chol = l0;
        double curObj = ll0;
        double[] grad = firth ? firthScore(beta, cur, chol, aliased) : cur.score;
        int iter = 0;
        boolean converged = p == 0;
        double[] lastStep = new double[p];
        while (!converged && iter < MAX_ITER) {
            iter++;
            double[] step = Linalg.solve(chol, p, aliased.clone(), grad);
            double[] nb = new double[p];
            for (int j = 0; j < p; j++) {
                nb[j] = beta[j] + step[j];
            }
            Eval ne = null;
            double nObj = Double.NEGATIVE_INFINITY;
            double[] nchol = null;
            for (int half = 0; half < 40; half++) {
                ne = eval(nb, true);
                boolean[] al = aliased.clone();
                nchol = Linalg.cholesky(ne.info, p, TOLER_CHOL, al);
                nObj = firth ? ne.loglik + 0.5 * Linalg.logDet(nchol, p, al) : ne.loglik;
                if (Double.isFinite(nObj) && nObj >= curObj - 1e-12 * Math.abs(curObj) && Arrays.equals(al, aliased)) {
                    break;
                }
                for (int j = 0; j < p; j++) {
                    nb[j] = (nb[j] + beta[j]) / 2;
                }
            }
            for (int j = 0; j < p; j++) {
                lastStep[j] = nb[j] - beta[j];
            }
            double change = Math.abs(1 - curObj / nObj);
            beta = nb;
            cur = ne;
            chol = nchol;
            curObj = nObj;
            grad = firth ? firthScore(beta, cur, chol, aliased) : cur.score;
            double maxStep = 0;
            for (double s : lastStep) {
                maxStep = Math.max(maxStep, Math.abs(s));
            }
            if (change <= EPS || (firth && maxStep < 1e-9)) {
                converged = true;
            }
        }
        double[] var = Linalg.inverse(chol, p, aliased);
        double[] nextStep = Linalg.solve(chol, p, aliased.clone(), cur.score);
        double wald = 0;
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                wald += beta[i] * cur.info[i * p + j] * beta[j] * (aliased[i] || aliased[j] ? 0 : 1);
            }
        }
        List<String> infinite = new ArrayList<>();
        double[] coef = beta.clone();
        int df = 0;
        for (int j = 0; j < p; j++) {
            if (aliased[j]) {
                coef[j] = Double.NaN;
                for (int k = 0; k < p; k++) {
                    var[j * p + k] = Double.NaN;
                    var[k * p + j] = Double.NaN;
                }
            } else {
                df++;
                // R's rule (coxph: toler.inf = sqrt(eps)): a Newton step still large relative to the coefficient
                if (!firth && Math.abs(nextStep[j]) > 1e-6 && Math.abs(nextStep[j]) > Math.sqrt(1e-9) * Math.abs(beta[j])
                        || !firth && !converged && Math.abs(beta[j]) > 5) {
                    infinite.add(terms.get(j));
                }
            }
        }
        return new CoxFit(terms, coef, var, means.clone(), ties, ll0, curObj, score, wald, df, iter, converged,
                firth, infinite, n, countEvents());
    }

    private int countEvents() {
        int e = 0;
        for (int v : ev) {
            e += v;
        }
        return e;
    }

    /** Score of the Firth-penalised likelihood: U + tr(I^-1 dI/dbeta_j)/2, dI by central differences. */
    private double[] firthScore(double[] beta, Eval e, double[] chol, boolean[] aliased) {
        double[] inv = Linalg.inverse(chol, p, aliased);
        double[] g = e.score.clone();
        for (int j = 0; j < p; j++) {
            if (aliased[j]) {
                continue;
            }
            double h = 1e-4;
            double[] bp = beta.clone();
            double[] bm = beta.clone();
            bp[j] += h;
            bm[j] -= h;
            double[] ip = eval(bp, true).info;
            double[] im = eval(bm, true).info;
            double tr = 0;
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    tr += inv[a * p + b] * (ip[b * p + a] - im[b * p + a]) / (2 * h);
                }
            }
            g[j] += 0.5 * tr;
        }
        return g;
    }

    /** Log partial likelihood, score and information at beta (centred covariates). */
    Eval eval(double[] beta, boolean needInfo) {
        double ll = 0;
        double[] u = new double[p];
        double[] info = new double[p * p];
        double[] s1 = new double[p];
        double[] s2 = new double[p * p];
        double[] d1 = new double[p];
        double[] d2 = new double[p * p];
        double[] a = new double[p];
        double[] eta = new double[n];
        double[] risk = new double[n];
        for (int k = 0; k < n; k++) {
            double s = 0;
            int off = k * p;
            for (int j = 0; j < p; j++) {
                s += xs[off + j] * beta[j];
            }
            eta[k] = s;
            risk[k] = Math.exp(s);
        }
        for (int b = 0; b + 1 < blockStart.length; b++) {
            int end = blockStart[b + 1];
            double s0 = 0;
            Arrays.fill(s1, 0);
            if (needInfo) {
                Arrays.fill(s2, 0);
            }
            int i = blockStart[b];
            int out = blockStart[b]; // counting process: next row (by entry time descending) to leave the risk set
            while (i < end) {
                double time = t[i];
                while (entry != null && out < end && entry[byEntry[out]] >= time) {
                    int k = byEntry[out++]; // entered at or after this time: not at risk at it (and already added)
                    double r = risk[k];
                    int off = k * p;
                    s0 -= r;
                    for (int c = 0; c < p; c++) {
                        double rx = r * xs[off + c];
                        s1[c] -= rx;
                        if (needInfo) {
                            int row = c * p;
                            for (int c2 = c; c2 < p; c2++) {
                                s2[row + c2] -= rx * xs[off + c2];
                            }
                        }
                    }
                }
                int dcount = 0;
                double dd0 = 0;
                double sumEta = 0;
                boolean efronNeeded = false;
                int j = i;
                while (j < end && t[j] == time) {
                    double r = risk[j];
                    int off = j * p;
                    s0 += r;
                    for (int c = 0; c < p; c++) {
                        double rx = r * xs[off + c];
                        s1[c] += rx;
                        if (needInfo) {
                            int row = c * p;
                            for (int c2 = c; c2 < p; c2++) {
                                s2[row + c2] += rx * xs[off + c2];
                            }
                        }
                    }
                    if (ev[j] == 1) {
                        if (dcount == 0) {
                            Arrays.fill(d1, 0);
                            if (needInfo && ties == Ties.EFRON) {
                                Arrays.fill(d2, 0);
                            }
                        }
                        dcount++;
                        dd0 += r;
                        sumEta += eta[j];
                        for (int c = 0; c < p; c++) {
                            double x = xs[off + c];
                            u[c] += x;
                            d1[c] += r * x;
                            if (needInfo && ties == Ties.EFRON) {
                                int row = c * p;
                                for (int c2 = c; c2 < p; c2++) {
                                    d2[row + c2] += r * x * xs[off + c2];
                                }
                            }
                        }
                    }
                    j++;
                }
                if (dcount > 0) {
                    ll += sumEta;
                    efronNeeded = ties == Ties.EFRON && dcount > 1;
                    if (!efronNeeded) {
                        ll -= dcount * Math.log(s0);
                        for (int c = 0; c < p; c++) {
                            a[c] = s1[c] / s0;
                            u[c] -= dcount * a[c];
                        }
                        if (needInfo) {
                            for (int c = 0; c < p; c++) {
                                int row = c * p;
                                for (int c2 = c; c2 < p; c2++) {
                                    info[row + c2] += dcount * (s2[row + c2] / s0 - a[c] * a[c2]);
                                }
                            }
                        }
                    } else {
                        for (int k = 0; k < dcount; k++) {
                            double f = (double) k / dcount;
                            double den = s0 - f * dd0;
                            ll -= Math.log(den);
                            for (int c = 0; c < p; c++) {
                                a[c] = (s1[c] - f * d1[c]) / den;
                                u[c] -= a[c];
                            }
                            if (needInfo) {
                                for (int c = 0; c < p; c++) {
                                    int row = c * p;
                                    for (int c2 = c; c2 < p; c2++) {
                                        info[row + c2] += (s2[row + c2] - f * d2[row + c2]) / den - a[c] * a[c2];
                                    }
                                }
                            }
                        }
                    }
                }
                i = j;
            }
        }
        for (int c = 0; c < p; c++) {
            for (int c2 = 0; c2 < c; c2++) {
                info[c * p + c2] = info[c2 * p + c];
            }
        }
        return new Eval(ll, u, info);
    }

    /** Centred linear predictors of the rows of d under coefficients coef (aliased = 0). */
    static double[] linearPredictor(CoxFit fit, double[][] x) {
        double[] lp = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            lp[i] = fit.lp(x[i]);
        }
        return lp;
    }
}
