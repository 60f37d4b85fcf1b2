package org.oncoconcord.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Accuracy at 730 days against R: a model fitted on the odd ids of the colon death rows, evaluated
 * on the even ids; AUC, Brier and ICI from the literature's formulas hand-coded in R, Uno's C from
 * survival::concordance(timewt = "n/G2", ymax = 730).
 */
class AccuracyVersusRTest {
    static final RExpected R = RExpected.committed();

    @Test
    void splitSampleAccuracyMatchesR() {
        DataTable t = CoxVersusRTest.death();
        List<String> cov = List.of("rx", "nodes", "extent");
        Map<String, String> ref = Map.of("rx", "Obs");
        int[] odd = IntStream.range(0, t.rows()).filter(i -> Integer.parseInt(t.cell("id", i)) % 2 == 1).toArray();
        int[] even = IntStream.range(0, t.rows()).filter(i -> Integer.parseInt(t.cell("id", i)) % 2 == 0).toArray();
        DataTable train = t.subset(odd);
        DataTable test = t.subset(even);
        Design design = Design.infer(train, cov, SurvivalData.completeRows(train, List.of("rx", "nodes", "extent", "time", "status")), Set.of(), ref);
        SurvivalData dTrain = SurvivalData.from(train, "time", "status", design, null, "id");
        SurvivalData dTest = SurvivalData.from(test, "time", "status", design, null, "id");
        CoxModel m = CoxModel.fit(dTrain, design, null, Ties.EFRON, CoxModel.Firth.NEVER);
        double[] s = m.survivalAt(dTest, 730);
        Map<String, Double> e = R.of("accuracy_colon_split");
        for (int i = 0; i < 5; i++) {
            assertThat(s[i]).isCloseTo(e.get("surv730:" + dTest.ids().get(i)), within(1e-7));
        }
        double km = KaplanMeier.fit(dTrain.time(), dTrain.event(), KaplanMeier.CiType.LOG, 0.95).survival(730);
        double[] nul = new double[dTest.n()];
        java.util.Arrays.fill(nul, km);
        Accuracy a = Accuracy.at(dTest.time(), dTest.event(), s, nul, 730);
        assertThat(a.auc()).as("td-AUC").isCloseTo(e.get("auc"), within(1e-6));
        assertThat(a.brier()).as("Brier").isCloseTo(e.get("brier"), within(1e-7));
        assertThat(a.brierNull()).as("null Brier").isCloseTo(e.get("brier_null"), within(1e-7));
        assertThat(a.scaledBrier()).as("scaled Brier").isCloseTo(e.get("scaled_brier"), within(1e-6));
        assertThat(a.unoC()).as("Uno C").isCloseTo(e.get("uno_c"), within(1e-6));
        assertThat(a.calSlope()).as("calibration slope").isCloseTo(e.get("cal_slope"), within(1e-5));
        assertThat(a.ici()).as("ICI").isCloseTo(e.get("ici"), within(1e-5));
    }
}
