package org.oncoconcord.survival;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Accuracy of predicted survival probabilities S(tau | x) at a horizon tau, with inverse
 * probability of censoring weights (G = Kaplan-Meier of the censoring times of the evaluated
 * patients, a death preceding a censoring at the same time as in riskRegression, pec and
 * survival::concordance: {@link CensoringDistribution}), so patients censored before tau are kept,
 * never dropped:
 * <ul>
 * <li>AUC: cumulative/dynamic time-dependent AUC (Uno 2007; Blanche 2013 {@code timeROC}); cases
 * T &lt;= tau with an event, weight 1/G(T-); controls T &gt; tau, weight 1/G(tau).</li>
 * <li>Uno's C truncated at tau (pairs weighted 1/G(T)^2, R's {@code concordance(timewt="n/G2", ymax=tau)}).</li>
 * <li>Brier score at tau (Graf 1999) and scaled Brier 1 - BS/BS_null, the null being a Kaplan-Meier
 * prediction (from the training data when given).</li>
 * <li>Calibration slope (Cox coefficient of log(-log S(tau|x))) and ICI (Austin, Harrell and van
 * Klaveren 2020: mean |observed - predicted| risk at tau, observed from a Cox model on a restricted
 * cubic spline of log(-log S), knots at the 10/50/90th percentiles).</li>
 * </ul>
 *
 * @param auc         time-dependent AUC at tau
 * @param unoC        Uno's C truncated at tau
 * @param brier       Brier score at tau
 * @param brierNull   Brier score of the null (Kaplan-Meier) prediction
 * @param scaledBrier 1 - brier / brierNull
 * @param calSlope    calibration slope
 * @param ici         integrated calibration index
 */
public record Accuracy(double auc, double unoC, double brier, double brierNull, double scaledBrier, double calSlope, double ici) {

    public static final List<String> NAMES = List.of("td_auc", "uno_c", "brier", "brier_null", "scaled_brier", "calibration_slope", "ici");

    public double[] values() {
        return new double[] {auc, unoC, brier, brierNull, scaledBrier, calSlope, ici};
    }

    /**
     * @param surv     predicted S(tau | x) per patient
     * @param survNull null-model prediction per patient (e.g. the training Kaplan-Meier at tau)
     */
    public static Accuracy at(double[] time, int[] event, double[] surv, double[] survNull, double tau) {
        return at(time, event, null, surv, survNull, tau);
    }

    /**
     * As {@link #at(double[], int[], double[], double[], double)}; with {@code strata} (null for
     * none) Uno's C compares pairs within strata only, each with its own censoring distribution, as
     * R's {@code concordance(Surv(time, status) ~ risk + strata(s), timewt = "n/G2")}; the other
     * measures are computed over all patients.
     */
    public static Accuracy at(double[] time, int[] event, int[] strata, double[] surv, double[] survNull, double tau) {
        int n = time.length;
        CensoringDistribution g = CensoringDistribution.of(time, event);
        double gTau = g.at(tau);
        double bs = 0;
        double bn = 0;
        double sumCaseW = 0;
        double num = 0;
        double[] ctrlRisk = IntStream.range(0, n).filter(i -> time[i] > tau).mapToDouble(i -> 1 - surv[i]).sorted().toArray();
        for (int i = 0; i < n; i++) {
            if (time[i] <= tau && event[i] == 1) {
                double w = 1 / g.before(time[i]);
                bs += w * surv[i] * surv[i];
                bn += w * survNull[i] * survNull[i];
                sumCaseW += w;
                double r = 1 - surv[i];
                int below = lowerBound(ctrlRisk, r);
                int notAbove = upperBound(ctrlRisk, r);
                num += w * (below + 0.5 * (notAbove - below));
            } else if (time[i] > tau) {
                bs += (1 - surv[i]) * (1 - surv[i]) / gTau;
                bn += (1 - survNull[i]) * (1 - survNull[i]) / gTau;
            }
        }
        bs /= n;
        bn /= n;
        double auc = ctrlRisk.length == 0 || sumCaseW == 0 ? Double.NaN : num / (sumCaseW * ctrlRisk.length);
        double[] risk = Arrays.stream(surv).map(s -> 1 - s).toArray();
        java.util.function.IntFunction<java.util.function.DoubleUnaryOperator> unoWeight = st -> {
            CensoringDistribution gs = strata == null ? g : CensoringDistribution.of(
                    IntStream.range(0, n).filter(i -> strata[i] == st).mapToDouble(i -> time[i]).toArray(),
                    IntStream.range(0, n).filter(i -> strata[i] == st).map(i -> event[i]).toArray());
            return t -> {
                if (t > tau) {
                    return 0;
                }
                double gt = gs.before(t);
                return 1 / (gt * gt);
            };
        };
        double uno = Concordance.computeByStratum(time, event, strata, risk, unoWeight).c();
        double[] cal = calibration(time, event, surv, tau);
        return new Accuracy(auc, uno, bs, bn, 1 - bs / bn, cal[0], cal[1]);
    }

    /** Calibration slope and ICI at tau. */
    static double[] calibration(double[] time, int[] event, double[] surv, double tau) {
        Smoothed c = smoothed(time, event, surv, tau);
        return new double[] {c.slope(), c.ici()};
    }

    /**
     * Smoothed calibration at tau (Austin, Harrell and van Klaveren 2020): the observed risk of each
     * patient from a Cox model on a 3-knot restricted cubic spline of log(-log S(tau|x)) (knots at the
     * 10/50/90th percentiles, Efron ties and the Efron-type baseline), and the absolute differences from the predicted risk
     * summarised as ICI (mean), E50 (median) and E90 (90th percentile, R's quantile type 7).
     *
     * @param slope    calibration slope (Cox coefficient of log(-log S(tau|x)))
     * @param observed smoothed observed risk at tau per patient (NaN when not estimable)
     */
    record Smoothed(double slope, double ici, double e50, double e90, double[] observed) {
    }

    static Smoothed smoothed(double[] time, int[] event, double[] surv, double tau) {
        int n = time.length;
        double[] cll = Arrays.stream(surv).map(s -> Math.log(-Math.log(s))).toArray();
        if (Arrays.stream(cll).anyMatch(v -> !Double.isFinite(v)) || Arrays.stream(cll).distinct().count() < 2) {
            double[] nan = new double[n];
            Arrays.fill(nan, Double.NaN);
            return new Smoothed(Double.NaN, Double.NaN, Double.NaN, Double.NaN, nan);
        }
        int[] strata = new int[n];
        List<String> ids = IntStream.range(0, n).mapToObj(Integer::toString).toList();
        double[][] x1 = new double[n][];
        for (int i = 0; i < n; i++) {
            x1[i] = new double[] {cll[i]};
        }
        SurvivalData d1 = new SurvivalData(time, event, strata, List.of(""), x1, List.of("cll"), new int[n], ids, 0);
        CoxFit slopeFit = CoxFitter.fit(d1, Ties.EFRON);
        double slope = slopeFit.coef()[0];
        Percentile pct = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        pct.setData(cll);
        double k1 = pct.evaluate(10);
        double k2 = pct.evaluate(50);
        double k3 = pct.evaluate(90);
        double[][] x2 = new double[n][];
        boolean spline = k1 < k2 && k2 < k3;
        for (int i = 0; i < n; i++) {
            double v = cll[i];
            x2[i] = spline ? new double[] {v, rcs(v, k1, k2, k3)} : new double[] {v};
        }
        SurvivalData d2 = d1.withX(x2, spline ? List.of("cll", "cll'") : List.of("cll"));
        CoxFit calFit = CoxFitter.fit(d2, Ties.EFRON);
        // Efron-type baseline for the Efron calibration fit, as cph + survest (Austin et al.'s code) and survfit's default give
        BaselineHazard h = BaselineHazard.efron(d2, calFit);
        double[] observed = new double[n];
        double[] diff = new double[n];
        for (int i = 0; i < n; i++) {
            observed[i] = 1 - h.survival(0, tau, calFit.lp(x2[i]));
            diff[i] = Math.abs(observed[i] - (1 - surv[i]));
        }
        Percentile q = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
        q.setData(diff);
        return new Smoothed(slope, Arrays.stream(diff).average().orElse(Double.NaN), q.evaluate(50), q.evaluate(90), observed);
    }

    /** The non-linear term of a restricted cubic spline with three knots (Harrell's, normalised by (k3-k1)^2). */
    static double rcs(double x, double k1, double k2, double k3) {
        return (cube(x - k1) - cube(x - k2) * (k3 - k1) / (k3 - k2) + cube(x - k3) * (k2 - k1) / (k3 - k2)) / ((k3 - k1) * (k3 - k1));
    }

    private static double cube(double v) {
        return v > 0 ? v * v * v : 0;
    }

    private static int lowerBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (a[m] < v) {
                lo = m + 1;
            } else {
                hi = m;
            }
        }
        return lo;
    }

    private static int upperBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (a[m] <= v) {
                lo = m + 1;
            } else {
                hi = m;
            }
        }
        return lo;
    }
}
