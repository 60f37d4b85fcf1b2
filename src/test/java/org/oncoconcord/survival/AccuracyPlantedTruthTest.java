package org.oncoconcord.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Planted truth: patients simulated from a known Cox model, so the true S(tau | x) and the
 * uncensored event times are known. The IPCW estimates from censored data must agree with the
 * same measures computed on the complete (uncensored) data, the true model must be calibrated
 * (slope near 1, ICI near 0), and cross-validation must recover an AUC near the truth's.
 */
class AccuracyPlantedTruthTest {
    static final double TAU = 730;

    record Cohort(double[] time, int[] event, double[] trueTime, double[] x, double[] trueSurv) {
    }

    static Cohort simulate(int n, long seed) {
        Random r = new Random(seed);
        double[] time = new double[n];
        int[] event = new int[n];
        double[] tt = new double[n];
        double[] x = new double[n];
        double[] s = new double[n];
        double base = 0.0004;
        for (int i = 0; i < n; i++) {
            x[i] = r.nextGaussian();
            double rate = base * Math.exp(0.8 * x[i]);
            tt[i] = -Math.log(r.nextDouble()) / rate;
            double c = r.nextDouble() * 2500;
            time[i] = Math.min(tt[i], c);
            event[i] = tt[i] <= c ? 1 : 0;
            s[i] = Math.exp(-rate * TAU);
        }
        return new Cohort(time, event, tt, x, s);
    }

    @Test
    void ipcwEstimatesMatchTheUncensoredTruth() {
        Cohort c = simulate(6000, 11);
        int n = c.time().length;
        double[] nul = new double[n];
        double km = KaplanMeier.fit(c.time(), c.event(), KaplanMeier.CiType.LOG, 0.95).survival(TAU);
        java.util.Arrays.fill(nul, km);
        Accuracy a = Accuracy.at(c.time(), c.event(), c.trueSurv(), nul, TAU);
        // the same measures on complete data (no censoring, all weights 1)
        int[] all = new int[n];
        java.util.Arrays.fill(all, 1);
        Accuracy full = Accuracy.at(c.trueTime(), all, c.trueSurv(), nul, TAU);
        double cases = 0;
        double auc = 0;
        List<Double> ctrl = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (c.trueTime()[i] > TAU) {
                ctrl.add(1 - c.trueSurv()[i]);
            }
        }
        double[] ctrlRisk = ctrl.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        for (int i = 0; i < n; i++) {
            if (c.trueTime()[i] <= TAU) {
                cases++;
                double rr = 1 - c.trueSurv()[i];
                auc += IntStream.range(0, ctrlRisk.length).filter(j -> ctrlRisk[j] < rr).count();
            }
        }
        auc /= cases * ctrlRisk.length;
        assertThat(full.auc()).as("complete-data AUC is the plain AUC").isCloseTo(auc, within(1e-12));
        assertThat(a.auc()).as("IPCW AUC vs complete-data AUC").isCloseTo(auc, within(0.02));
        assertThat(a.brier()).as("IPCW Brier vs complete-data Brier").isCloseTo(full.brier(), within(0.01));
        assertThat(a.calSlope()).as("true model calibration slope").isCloseTo(1.0, within(0.1));
        assertThat(a.ici()).as("true model ICI").isLessThan(0.02);
        // a reversed score is anti-concordant
        double[] bad = java.util.Arrays.stream(c.trueSurv()).map(s -> 1 - s).toArray();
        assertThat(Accuracy.at(c.time(), c.event(), bad, nul, TAU).auc()).isCloseTo(1 - a.auc(), within(1e-9));
    }

    @Test
    void crossValidatedAccuracyOfACoxModelIsNearTheTruths() {
        Cohort c = simulate(1500, 5);
        int n = c.time().length;
        double[][] x = new double[n][];
        double[][] noise = new double[n][];
        Random r = new Random(9);
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {c.x()[i]};
            noise[i] = new double[] {r.nextGaussian()};
        }
        List<String> ids = IntStream.range(0, n).mapToObj(Integer::toString).toList();
        SurvivalData d = new SurvivalData(c.time(), c.event(), new int[n], List.of(""), x, List.of("x"), new int[n], ids, 0);
        Design design = new Design(List.of(Covariate.numeric("x")));
        CrossValidation.Result res = CrossValidation.run(d, Learner.cox(design, null, Ties.EFRON), 5, 3, 1, TAU);
        double[] nul = new double[n];
        java.util.Arrays.fill(nul, KaplanMeier.fit(c.time(), c.event(), KaplanMeier.CiType.LOG, 0.95).survival(TAU));
        Accuracy truth = Accuracy.at(c.time(), c.event(), c.trueSurv(), nul, TAU);
        assertThat(Stats.mean(res.column(0))).as("CV AUC near the true model's").isCloseTo(truth.auc(), within(0.02));
        assertThat(Stats.mean(res.column(5))).as("CV calibration slope").isCloseTo(1.0, within(0.15));
        assertThat(Stats.mean(res.column(4))).as("scaled Brier positive").isPositive();
        assertThat(res.predictions()).hasSize(3 * n);
        // pure noise: out-of-sample AUC near 0.5 and no skill over the null
        SurvivalData dn = d.withX(noise, List.of("x"));
        CrossValidation.Result rn = CrossValidation.run(dn, Learner.cox(design, null, Ties.EFRON), 5, 3, 1, TAU);
        assertThat(Stats.mean(rn.column(0))).as("noise AUC").isCloseTo(0.5, within(0.05));
        assertThat(Stats.mean(rn.column(4))).as("noise scaled Brier").isLessThan(0.01);
    }
}
