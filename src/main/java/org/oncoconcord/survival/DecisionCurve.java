package org.oncoconcord.survival;

import java.util.ArrayList;
import java.util.List;

/**
 * Decision-curve analysis at a horizon for survival data (Vickers, Cronin, Elkin and Gonen 2008):
 * at threshold probability pt the patients with predicted risk 1 - S(tau|x) &gt;= pt are treated;
 * with S_T the Kaplan-Meier survival at tau of the treated and n_T their number, true positives
 * are (1 - S_T) n_T / n and false positives S_T n_T / n, and the net benefit is
 * TP - FP pt / (1 - pt). Treat-all uses the Kaplan-Meier of everyone; treat-none is 0. A
 * Kaplan-Meier undefined at tau (follow-up of the treated ending before it) gives NaN.
 */
public final class DecisionCurve {
    private DecisionCurve() {
    }

    /** Net benefit at one threshold. */
    public record Point(double threshold, int treated, double netBenefit, double treatAll, double treatNone) {
    }

    public static List<Point> at(double[] time, int[] event, double[] surv, double tau, double[] thresholds) {
        int n = time.length;
        double sAll = KaplanMeier.fit(time, event, KaplanMeier.CiType.LOG, 0.95).survival(tau);
        List<Point> out = new ArrayList<>();
        for (double pt : thresholds) {
            double odds = pt / (1 - pt);
            boolean[] treated = new boolean[n];
            int nt = 0;
            for (int i = 0; i < n; i++) {
                treated[i] = 1 - surv[i] >= pt;
                nt += treated[i] ? 1 : 0;
            }
            double nb;
            if (nt == 0) {
                nb = 0;
            } else {
                double st = KaplanMeier.fit(time, event, treated, KaplanMeier.CiType.LOG, 0.95).survival(tau);
                nb = (1 - st) * nt / n - st * nt / n * odds;
            }
            double all = (1 - sAll) - sAll * odds;
            out.add(new Point(pt, nt, nb, all, 0));
        }
        return out;
    }
}
