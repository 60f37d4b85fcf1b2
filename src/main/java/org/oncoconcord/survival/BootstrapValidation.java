package org.oncoconcord.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.IntConsumer;
import org.oncoconcord.core.UserException;

/**
 * Harrell's bootstrap optimism correction (Harrell, Lee and Mark 1996; R's {@code rms::validate}):
 * the model is refitted on each of B resamples drawn with replacement; its optimism is the measure
 * on the resample minus the measure of the same fit on the original data; the corrected value is
 * the apparent one minus the mean optimism. A resample where the model cannot be fitted or a
 * measure is not defined (no events, a stratum unseen) is left out and counted.
 *
 * @param names      measure names
 * @param apparent   each measure of the model fitted and evaluated on all the data
 * @param optimism   mean optimism over the resamples used
 * @param optimismSd standard deviation of the optimism across resamples (Monte-Carlo error of the
 *                   corrected value: optimismSd / sqrt(used))
 * @param corrected  apparent - optimism
 * @param used       resamples used
 * @param failed     resamples left out
 */
public record BootstrapValidation(List<String> names, double[] apparent, double[] optimism, double[] optimismSd,
                                  double[] corrected, int used, int failed) {

    /** Measures validated, in this order. */
    public static final List<String> NAMES = List.of("harrell_c", "td_auc", "brier", "scaled_brier", "calibration_slope");

    /** Measures of predictions of {@code m} on {@code d} at tau (the null Brier reference being the Kaplan-Meier of {@code train}). */
    static double[] measures(CoxModel m, SurvivalData train, SurvivalData d, double tau) {
        double[] lp = m.lp(d);
        double[] s = m.survivalAt(d, tau);
        if (Arrays.stream(s).anyMatch(Double::isNaN)) {
            return null;
        }
        int[] st = d.nStrata() > 1 ? d.strata() : null;
        double c = Concordance.harrell(d.time(), d.event(), st, lp).c();
        double km = KaplanMeier.fit(train.time(), train.event(), KaplanMeier.CiType.LOG, 0.95).survivalCarried(tau);
        double[] nul = new double[d.n()];
        Arrays.fill(nul, km);
        Accuracy a = Accuracy.at(d.time(), d.event(), st, s, nul, tau);
        return new double[] {c, a.auc(), a.brier(), a.scaledBrier(), a.calSlope()};
    }

    /** Runs B resamples with the given seed, calling {@code done} after each. */
    public static BootstrapValidation run(SurvivalData d, Design design, String strataColumn, Ties ties, double tau,
                                          int b, long seed, IntConsumer done) {
        CoxModel full = CoxModel.fit(d, design, strataColumn, ties, CoxModel.Firth.AUTO);
        double[] app = measures(full, d, d, tau);
        if (app == null) {
            throw new UserException("the model cannot predict S(" + Output.num(tau) + ") for every patient");
        }
        int k = NAMES.size();
        Random rnd = new Random(seed);
        List<double[]> opt = new ArrayList<>();
        int failed = 0;
        int n = d.n();
        for (int r = 0; r < b; r++) {
            int[] idx = new int[n];
            for (int i = 0; i < n; i++) {
                idx[i] = rnd.nextInt(n);
            }
            SurvivalData boot = d.subset(idx);
            double[] o = null;
            try {
                CoxModel m = CoxModel.fit(boot, design, strataColumn, ties, CoxModel.Firth.AUTO);
                double[] train = measures(m, boot, boot, tau);
                double[] test = measures(m, boot, d, tau);
                if (train != null && test != null) {
                    o = new double[k];
                    for (int j = 0; j < k; j++) {
                        o[j] = train[j] - test[j];
                    }
                    if (Arrays.stream(o).anyMatch(v -> !Double.isFinite(v))) {
                        o = null;
                    }
                }
            } catch (UserException | ArithmeticException e) {
                o = null;
            }
            if (o == null) {
                failed++;
            } else {
                opt.add(o);
            }
            done.accept(r + 1);
        }
        double[] mean = new double[k];
        double[] sd = new double[k];
        double[] corr = new double[k];
        for (int j = 0; j < k; j++) {
            final int jj = j;
            double[] v = opt.stream().mapToDouble(o -> o[jj]).toArray();
            mean[j] = v.length == 0 ? Double.NaN : Stats.mean(v);
            sd[j] = v.length < 2 ? Double.NaN : Stats.sd(v);
            corr[j] = app[j] - mean[j];
        }
        return new BootstrapValidation(NAMES, app, mean, sd, corr, opt.size(), failed);
    }
}
