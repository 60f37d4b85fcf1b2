package org.oncoconcord.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.oncoconcord.core.UserException;

/**
 * Elastic-net penalised Cox regression by cyclical coordinate descent over a lambda path, as
 * glmnet does (Simon, Friedman, Hastie and Tibshirani 2011): minimises
 * -loglik(beta)/n + lambda * sum_j pf_j (alpha |b_j| + (1 - alpha) b_j^2 / 2) with the Breslow
 * partial likelihood, covariates standardised (1/n variance) and coefficients returned on the
 * original scale; penalty factors are rescaled to sum to the number of covariates, and a factor 0
 * leaves a covariate unpenalised. The path starts at the smallest lambda with every penalised
 * coefficient 0 and descends geometrically.
 */
public final class CoxNet {
    private final int n;
    private final int p;
    private final double[] xs;     // standardised x, n x p row-major, cases sorted by time ascending
    private final double[] time;
    private final int[] event;
    private final int[] strata;
    private final double[] mean;
    private final double[] sd;
    private final double[] pf;
    private final double alpha;
    private final int[] order;     // sorted position -> original index

    /** One point of the path: lambda and coefficients on the original scale. */
    public record Point(double lambda, double[] beta) {
    }

    public CoxNet(SurvivalData d, double alpha, double[] penaltyFactor) {
        this.n = d.n();
        this.p = d.p();
        this.alpha = alpha;
        if (alpha < 0 || alpha > 1) {
            throw new UserException("--alpha must be in [0, 1], not " + alpha);
        }
        mean = new double[p];
        sd = new double[p];
        for (double[] r : d.x()) {
            for (int j = 0; j < p; j++) {
                mean[j] += r[j] / n;
            }
        }
        for (double[] r : d.x()) {
            for (int j = 0; j < p; j++) {
                sd[j] += (r[j] - mean[j]) * (r[j] - mean[j]) / n;
            }
        }
        for (int j = 0; j < p; j++) {
            sd[j] = Math.sqrt(sd[j]);
        }
        double sum = Arrays.stream(penaltyFactor).sum();
        pf = Arrays.stream(penaltyFactor).map(v -> sum > 0 ? v * p / sum : v).toArray();
        order = IntStream.range(0, n).boxed().sorted((a, b) -> Double.compare(d.time()[a], d.time()[b]))
                .mapToInt(Integer::intValue).toArray();
        xs = new double[n * p];
        time = new double[n];
        event = new int[n];
        strata = new int[n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            time[k] = d.time()[i];
            event[k] = d.event()[i];
            strata[k] = d.strata()[i];
            for (int j = 0; j < p; j++) {
                xs[k * p + j] = sd[j] > 0 ? (d.x()[i][j] - mean[j]) / sd[j] : 0;
            }
        }
        if (Arrays.stream(strata).anyMatch(s -> s != 0)) {
            throw new UserException("--strata is not supported with --penalty elastic-net");
        }
    }

    /**
     * Gradient (d loglik / d eta, i.e. martingale residuals) and diagonal of the negative Hessian
     * at eta, Breslow ties; returns the log partial likelihood.
     */
    private double derivatives(double[] eta, double[] grad, double[] w) {
        double[] r = new double[n];
        double[] rs = new double[n + 1]; // risk sum over sorted positions k..n-1
        for (int k = 0; k < n; k++) {
            r[k] = Math.exp(eta[k]);
        }
        for (int k = n - 1; k >= 0; k--) {
            rs[k] = rs[k + 1] + r[k];
        }
        double ll = 0;
        double h = 0;   // sum over death times <= t of d/S0
        double h2 = 0;  // sum of d/S0^2
        int k = 0;
        while (k < n) {
            int j = k;
            int d = 0;
            while (j < n && time[j] == time[k]) {
                if (event[j] == 1) {
                    d++;
                    ll += eta[j];
                }
                j++;
            }
            if (d > 0) {
                double s0 = rs[k];
                ll -= d * Math.log(s0);
                h += d / s0;
                h2 += d / (s0 * s0);
            }
            for (int q = k; q < j; q++) {
                grad[q] = event[q] - r[q] * h;
                w[q] = r[q] * h - r[q] * r[q] * h2;
            }
            k = j;
        }
        return ll;
    }

    /** Log partial likelihood (Breslow) of coefficients on the standardised scale. */
    double loglikStd(double[] bStd) {
        double[] eta = eta(bStd);
        return derivatives(eta, new double[n], new double[n]);
    }

    private double[] eta(double[] b) {
        double[] eta = new double[n];
        for (int k = 0; k < n; k++) {
            double s = 0;
            for (int j = 0; j < p; j++) {
                s += xs[k * p + j] * b[j];
            }
            eta[k] = s;
        }
        return eta;
    }

    /** Largest useful lambda: every penalised coefficient 0 there (after fitting the unpenalised ones). */
    public double lambdaMax() {
        double[] b = solve(Double.POSITIVE_INFINITY, new double[p], 1e-12);
        double[] g = new double[n];
        derivatives(eta(b), g, new double[n]);
        double max = 0;
        for (int j = 0; j < p; j++) {
            if (pf[j] > 0) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    s += xs[k * p + j] * g[k];
                }
                max = Math.max(max, Math.abs(s) / n / pf[j]);
            }
        }
        return max / Math.max(alpha, 1e-3);
    }

    /** The default glmnet-style sequence: nlambda values from lambdaMax down to ratio * lambdaMax. */
    public double[] lambdaSequence(int nlambda, double ratio) {
        double lmax = lambdaMax();
        double[] l = new double[nlambda];
        for (int i = 0; i < nlambda; i++) {
            l[i] = lmax * Math.pow(ratio, (double) i / (nlambda - 1));
        }
        return l;
    }

    /** The path at the given lambdas (descending), warm-started. */
    public List<Point> path(double[] lambdas, double tol) {
        List<Point> out = new ArrayList<>();
        double[] b = new double[p];
        for (double lam : lambdas) {
            b = solve(lam, b, tol);
            double[] orig = new double[p];
            for (int j = 0; j < p; j++) {
                orig[j] = sd[j] > 0 ? b[j] / sd[j] : 0;
            }
            out.add(new Point(lam, orig));
        }
        return out;
    }

    /** Coordinate descent on the quadratic approximation, re-expanded until the coefficients settle. */
    double[] solve(double lambda, double[] start, double tol) {
        double[] b = start.clone();
        double[] grad = new double[n];
        double[] w = new double[n];
        for (int outer = 0; outer < 200; outer++) {
            double[] eta = eta(b);
            derivatives(eta, grad, w);
            // residual of the working response, weighted: wr = w * (z - eta) = grad
            double[] res = grad.clone();
            double[] xw2 = new double[p];
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int k = 0; k < n; k++) {
                    double x = xs[k * p + j];
                    s += w[k] * x * x;
                }
                xw2[j] = s / n;
            }
            double[] bOld = b.clone();
            for (int inner = 0; inner < 10_000; inner++) {
                double maxChange = 0;
                for (int j = 0; j < p; j++) {
                    if (sd[j] == 0 || !(xw2[j] > 0)) {
                        continue; // constant term, or no information (no event in this risk set)
                    }
                    double gj = 0;
                    for (int k = 0; k < n; k++) {
                        gj += xs[k * p + j] * res[k];
                    }
                    gj = gj / n + xw2[j] * b[j];
                    double nb;
                    if (Double.isInfinite(lambda)) {
                        nb = pf[j] == 0 ? gj / xw2[j] : 0;
                    } else {
                        double thr = lambda * alpha * pf[j];
                        // a gradient that exceeds the threshold only by rounding (|gj| = thr in exact
                        // arithmetic, e.g. at the lambda where the term enters) leaves the term at zero
                        double excess = Math.abs(gj) - thr;
                        double soft = excess <= 1e-12 * thr ? 0 : Math.signum(gj) * excess;
                        nb = soft / (xw2[j] + lambda * (1 - alpha) * pf[j]);
                    }
                    double delta = nb - b[j];
                    if (delta != 0) {
                        for (int k = 0; k < n; k++) {
                            res[k] -= w[k] * xs[k * p + j] * delta;
                        }
                        b[j] = nb;
                        maxChange = Math.max(maxChange, xw2[j] * delta * delta);
                    }
                }
                if (Double.isNaN(maxChange)) {
                    throw new IllegalStateException("elastic net: coordinate descent produced NaN at lambda " + lambda);
                }
                if (maxChange < tol) {
                    break;
                }
            }
            double outerChange = 0;
            for (int j = 0; j < p; j++) {
                outerChange = Math.max(outerChange, Math.abs(b[j] - bOld[j]));
            }
            if (outerChange < Math.sqrt(tol) * 1e-2) {
                break;
            }
        }
        return b;
    }

    /** Coefficients on the original scale to the standardised one. */
    double[] toStd(double[] beta) {
        double[] b = new double[p];
        for (int j = 0; j < p; j++) {
            b[j] = beta[j] * sd[j];
        }
        return b;
    }

    /** Cross-validated choice of lambda (grouped partial-likelihood deviance, Verweij and van Houwelingen). */
    public record CvPath(double[] lambda, double[] cvm, double[] cvsd, int best, int oneSe) {
    }

    public static CvPath crossValidate(SurvivalData d, double alpha, double[] pfac, double[] lambdas, int folds, Random rnd) {
        return crossValidate(d, alpha, pfac, lambdas, CrossValidation.stratifiedFolds(d.event(), folds, rnd));
    }

    /** As cv.glmnet(family = "cox", grouped = TRUE) with the given fold (0-based) of each case. */
    public static CvPath crossValidate(SurvivalData d, double alpha, double[] pfac, double[] lambdas, int[] fold) {
        int folds = Arrays.stream(fold).max().orElse(0) + 1;
        int L = lambdas.length;
        double[][] dev = new double[folds][L];
        double[] wFold = new double[folds];
        CoxNet full = new CoxNet(d, alpha, pfac);
        for (int f = 0; f < folds; f++) {
            final int ff = f;
            SurvivalData train = d.subset(IntStream.range(0, d.n()).filter(i -> fold[i] != ff).toArray());
            if (train.events() == 0) {
                throw new UserException("elastic net: the inner cross-validation's training set without fold " + (f + 1)
                        + " has no events (" + d.events() + " events in " + folds + " folds): too few events to choose lambda");
            }
            CoxNet net = new CoxNet(train, alpha, pfac);
            List<Point> path = net.path(lambdas, 1e-9);
            for (int l = 0; l < L; l++) {
                double[] beta = path.get(l).beta();
                double llFull = full.loglikStd(full.toStd(beta));
                double llTrain = net.loglikStd(net.toStd(beta));
                dev[f][l] = -2 * (llFull - llTrain);
            }
            for (int i = 0; i < d.n(); i++) {
                if (fold[i] == f) {
                    wFold[f] += d.event()[i];
                }
            }
        }
        double totalW = Arrays.stream(wFold).sum();
        double[] cvm = new double[L];
        double[] cvsd = new double[L];
        for (int l = 0; l < L; l++) {
            double m = 0;
            for (int f = 0; f < folds; f++) {
                m += dev[f][l];
            }
            m /= totalW;
            double v = 0;
            for (int f = 0; f < folds; f++) {
                double per = wFold[f] > 0 ? dev[f][l] / wFold[f] : m;
                v += wFold[f] * (per - m) * (per - m);
            }
            cvm[l] = m;
            cvsd[l] = Math.sqrt(v / totalW / (folds - 1));
        }
        int best = 0;
        for (int l = 1; l < L; l++) {
            if (cvm[l] < cvm[best]) {
                best = l;
            }
        }
        int oneSe = best;
        for (int l = 0; l < best; l++) {
            if (cvm[l] <= cvm[best] + cvsd[best]) {
                oneSe = l;
                break;
            }
        }
        return new CvPath(lambdas, cvm, cvsd, best, oneSe);
    }

    /** Penalty factors (1, or 0 for terms of the unpenalised covariates). */
    static double[] penaltyFactors(Design design, List<String> unpenalized) {
        List<Double> pf = new ArrayList<>();
        for (Covariate c : design.covariates()) {
            for (String ignored : c.terms()) {
                pf.add(unpenalized.contains(c.name()) ? 0.0 : 1.0);
            }
        }
        for (String u : unpenalized) {
            if (design.covariates().stream().noneMatch(c -> c.name().equals(u))) {
                throw new UserException("--unpenalized " + u + ": not one of the --covariates");
            }
        }
        return pf.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /**
     * A fitted elastic-net model at the CV-chosen lambda, with its Breslow baseline, and the inner
     * CV fold (0-based) of each case, so that the lambda choice can be reproduced (cv.glmnet foldid).
     */
    public record Fitted(CvPath cv, List<Point> path, double lambda, CoxModel model, int[] fold) {
    }

    public static Fitted fit(SurvivalData d, Design design, List<String> unpenalized, double alpha, int innerFolds, boolean oneSe, long seed) {
        if (d.events() == 0) {
            throw new UserException("no events among the " + d.n() + " complete cases: an elastic-net Cox model cannot be fitted");
        }
        if (d.events() < 2) {
            throw new UserException("a single event among the " + d.n() + " complete cases: too few to choose lambda by cross-validation");
        }
        double[] pfac = penaltyFactors(design, unpenalized);
        CoxNet net = new CoxNet(d, alpha, pfac);
        double ratio = d.n() > d.p() ? 1e-4 : 1e-2;
        double[] lambdas = net.lambdaSequence(50, ratio);
        List<Point> path = net.path(lambdas, 1e-9);
        int[] fold = CrossValidation.stratifiedFolds(d.event(), innerFolds, new Random(seed));
        CvPath cv = crossValidate(d, alpha, pfac, lambdas, fold);
        int pick = oneSe ? cv.oneSe() : cv.best();
        double[] beta = path.get(pick).beta();
        double[] means = new double[d.p()];
        for (double[] r : d.x()) {
            for (int j = 0; j < d.p(); j++) {
                means[j] += r[j] / d.n();
            }
        }
        double[] var = new double[d.p() * d.p()];
        Arrays.fill(var, Double.NaN);
        CoxFit f = new CoxFit(d.terms(), beta, var, means, Ties.BRESLOW, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                (int) Arrays.stream(beta).filter(b -> b != 0).count(), 0, true, false, List.of(), d.n(), d.events());
        CoxModel m = new CoxModel(design, f, BaselineHazard.breslow(d, f), null, List.of());
        return new Fitted(cv, path, lambdas[pick], m, fold);
    }

    static Learner learner(Design design, List<String> unpenalized, double alpha, int innerFolds, boolean oneSe, long seed) {
        return train -> {
            CoxModel m = fit(train, design, unpenalized, alpha, innerFolds, oneSe, seed).model();
            return new Learner.Predictor() {
                @Override
                public double[] survivalAt(SurvivalData cases, double tau) {
                    return m.survivalAt(cases, tau);
                }

                @Override
                public double[] lp(SurvivalData cases) {
                    return m.lp(cases);
                }
            };
        };
    }
}
