package org.oncoconcord.survival;

import java.util.ArrayList;
import java.util.List;

/**
 * Over-fitting checks of a fitted Cox model (TRIPOD): events per variable, the apparent Cox-Snell
 * R^2 = 1 - exp(-LR/n) and its maximum 1 - exp(2 loglik_null / n) (R's summary(coxph) rsq), van
 * Houwelingen's heuristic shrinkage 1 - df/LR, and Riley et al.'s (BMJ 2020; Stat Med 2019)
 * minimum sample size for expected shrinkage 0.9 (criterion i): n = p / ((S - 1) ln(1 - R2/S)),
 * with the anticipated R2 = the apparent one times the heuristic shrinkage (their recommendation
 * when starting from an existing model).
 *
 * @param parameters   model degrees of freedom (estimated terms)
 * @param events       events
 * @param n            patients
 * @param epv          events per parameter
 * @param r2cs         apparent Cox-Snell R^2
 * @param r2max        its maximum
 * @param shrinkage    heuristic shrinkage factor (NaN when LR <= 0)
 * @param r2Adjusted   anticipated R^2 (apparent times shrinkage)
 * @param minimumN     Riley criterion (i) minimum sample size (NaN when not computable)
 * @param warnings     over-fitting warnings (empty when none)
 */
public record SampleSize(int parameters, int events, int n, double epv, double r2cs, double r2max, double shrinkage,
                         double r2Adjusted, double minimumN, List<String> warnings) {

    /** Riley criterion (i): patients needed for a mean shrinkage of {@code s} with p parameters and anticipated R2_CS. */
    public static double rileyShrinkageCriterion(int p, double r2cs, double s) {
        if (!(r2cs > 0 && r2cs < s)) {
            return Double.NaN;
        }
        return Math.ceil(p / ((s - 1) * Math.log(1 - r2cs / s)));
    }

    public static SampleSize of(CoxFit f) {
        int p = f.df();
        double lr = f.lrChi2();
        double r2 = 1 - Math.exp(-lr / f.n());
        double r2max = 1 - Math.exp(2 * f.loglikNull() / f.n());
        double shrink = lr > 0 ? 1 - p / lr : Double.NaN;
        double adj = r2 * shrink;
        double minN = shrink > 0 ? rileyShrinkageCriterion(p, adj, 0.9) : Double.NaN;
        double epv = p == 0 ? Double.NaN : (double) f.events() / p;
        List<String> w = new ArrayList<>();
        if (p > 0 && epv < 10) {
            w.add(String.format(java.util.Locale.ROOT, "over-fitting risk: %d events for %d parameters (%.1f events per parameter, fewer than 10)",
                    f.events(), p, epv));
        }
        if (p > 0 && !(shrink >= 0.9)) {
            w.add("over-fitting risk: heuristic shrinkage 1 - df/LR = " + Output.num(shrink) + " (below 0.9; predictions too extreme)");
        }
        if (Double.isFinite(minN) && f.n() < minN) {
            w.add(String.format(java.util.Locale.ROOT, "over-fitting risk: %d patients, fewer than the %d that Riley et al.'s criterion "
                    + "(expected shrinkage 0.9) asks for %d parameters", f.n(), (long) minN, p));
        }
        return new SampleSize(p, f.events(), f.n(), epv, r2, r2max, shrink, adj, minN, List.copyOf(w));
    }

    org.oncoconcord.contract.SampleSizeCheck toJson() {
        return new org.oncoconcord.contract.SampleSizeCheck(parameters, events, n, Output.jnum(epv), Output.jnum(r2cs), Output.jnum(r2max),
                Output.jnum(shrinkage), Output.jnum(r2Adjusted), Output.jnum(minimumN), !warnings.isEmpty(), warnings);
    }
}
