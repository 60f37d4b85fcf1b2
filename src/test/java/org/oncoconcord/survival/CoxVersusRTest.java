package org.oncoconcord.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.oncoconcord.testing.SharedData;

/** Cox fits against R's coxph/concordance on real data (expected values committed by survival_oracle.R). */
class CoxVersusRTest {
    static final RExpected R = RExpected.committed();
    static final List<String> COLON = List.of("rx", "sex", "age", "obstruct", "nodes", "differ", "extent", "surg");
    static final List<String> TCGA = List.of("age", "male", "stage", "KRAS_hotspot", "BRAF_V600E", "TP53", "APC", "hypermutated");

    static DataTable recurrence() {
        DataTable all = DataTable.read(SharedData.require("survival/colon.csv"));
        int[] rows = IntStream.range(0, all.rows()).filter(i -> all.cell("etype", i).equals("1")).toArray();
        return all.subset(rows);
    }

    static DataTable tcga() {
        return DataTable.read(SharedData.require("tcga_crc/tcga_coadread_analysis_set.tsv"));
    }

    static DataTable death() {
        return DataTable.read(SharedData.require("survival/colon_death_etype2.csv"));
    }

    static CoxModel fit(DataTable t, String time, String event, List<String> cov, Map<String, String> ref, String strata, Ties ties) {
        SurvivalData all = SurvivalData.read(t, time, event, cov, Set.of(), ref, strata, null);
        Design d = Design.infer(t, cov, SurvivalData.completeRows(t, concat(cov, time, event, strata)), Set.of(), ref);
        return CoxModel.fit(all, d, strata, ties, CoxModel.Firth.NEVER);
    }

    static List<String> concat(List<String> cov, String... more) {
        List<String> l = new java.util.ArrayList<>(cov);
        for (String m : more) {
            if (m != null) {
                l.addAll(List.of(m.split(",")));
            }
        }
        return l;
    }

    /** Coefficients and se within 1e-5 relative (issue: 1e-4), LR within 1e-4 relative, C within 1e-6. */
    static void assertMatches(String rcase, CoxModel m, SurvivalData d) {
        Map<String, Double> e = R.of(rcase);
        CoxFit f = m.fit();
        int checked = 0;
        for (int j = 0; j < f.p(); j++) {
            String term = f.terms().get(j);
            assertThat(f.coef()[j]).as(rcase + " coef " + term).isCloseTo(e.get("coef:" + term), within(1e-5 * Math.abs(e.get("coef:" + term)) + 1e-9));
            assertThat(f.se(j)).as(rcase + " se " + term).isCloseTo(e.get("se:" + term), within(1e-5 * e.get("se:" + term)));
            checked++;
        }
        assertThat(checked).as("all R terms present").isEqualTo(e.keySet().stream().filter(k -> k.startsWith("coef:")).count());
        assertThat((double) f.n()).isEqualTo(e.get("n"));
        assertThat((double) f.events()).isEqualTo(e.get("events"));
        assertThat(f.loglikNull()).isCloseTo(e.get("loglik_null"), within(1e-6 * Math.abs(e.get("loglik_null"))));
        assertThat(f.loglik()).isCloseTo(e.get("loglik"), within(1e-6 * Math.abs(e.get("loglik"))));
        assertThat(f.lrChi2()).isCloseTo(e.get("lr"), within(1e-4 * e.get("lr")));
        assertThat(f.waldChi2()).isCloseTo(e.get("wald"), within(1e-4 * e.get("wald")));
        assertThat(f.scoreChi2()).isCloseTo(e.get("score"), within(1e-6 * e.get("score")));
        Concordance c = Concordance.harrell(d.time(), d.event(), d.strata(), m.lp(d));
        assertThat(c.c()).as(rcase + " C").isCloseTo(e.get("c"), within(1e-6));
        assertThat(c.se()).as(rcase + " C se").isCloseTo(e.get("c_se"), within(1e-6));
    }

    static SurvivalData cases(DataTable t, String time, String event, List<String> cov, Map<String, String> ref, String strata) {
        return SurvivalData.read(t, time, event, cov, Set.of(), ref, strata, null);
    }

    @Test
    void colonDeathEfronBreslowAndStrata() {
        DataTable t = death();
        Map<String, String> ref = Map.of("rx", "Obs");
        SurvivalData d = cases(t, "time", "status", COLON, ref, null);
        assertThat(d.dropped()).isEqualTo(41);
        assertMatches("colon_death_efron", fit(t, "time", "status", COLON, ref, null, Ties.EFRON), d);
        assertMatches("colon_death_breslow", fit(t, "time", "status", COLON, ref, null, Ties.BRESLOW), d);
        List<String> noSurg = COLON.subList(0, 7);
        assertMatches("colon_death_strata_surg", fit(t, "time", "status", noSurg, ref, "surg", Ties.EFRON),
                cases(t, "time", "status", noSurg, ref, "surg"));
    }

    @Test
    void colonDeathTwoStrataColumnsAndNumericFactor() {
        DataTable t = death();
        Map<String, String> ref = Map.of("rx", "Obs");
        List<String> cov = List.of("rx", "age", "obstruct", "nodes", "differ", "extent");
        assertMatches("colon_death_strata_sex_surg", fit(t, "time", "status", cov, ref, "sex,surg", Ties.EFRON),
                cases(t, "time", "status", cov, ref, "sex,surg"));
        List<String> cov2 = List.of("rx", "age", "nodes", "differ");
        SurvivalData d = SurvivalData.read(t, "time", "status", cov2, Set.of("differ"), ref, null, null);
        Design design = Design.infer(t, cov2, SurvivalData.completeRows(t, List.of("rx", "age", "nodes", "differ", "time", "status")), Set.of("differ"), ref);
        CoxModel m = CoxModel.fit(d, design, null, Ties.BRESLOW, CoxModel.Firth.NEVER);
        assertThat(m.fit().terms()).containsExactly("rxLev", "rxLev+5FU", "age", "nodes", "differ2", "differ3");
        assertMatches("colon_death_factor_differ_breslow", m, d);
    }

    @Test
    void colonRecurrence() {
        DataTable t = recurrence();
        Map<String, String> ref = Map.of("rx", "Obs");
        assertMatches("colon_recurrence_efron", fit(t, "time", "status", COLON, ref, null, Ties.EFRON),
                cases(t, "time", "status", COLON, ref, null));
    }

    @Test
    void tcgaWithFactorStageStrataAndReferenceLevel() {
        DataTable t = tcga();
        assertMatches("tcga_os_efron", fit(t, "OS.time", "OS", TCGA, Map.of(), null, Ties.EFRON),
                cases(t, "OS.time", "OS", TCGA, Map.of(), null));
        assertMatches("tcga_os_breslow_strata_cohort", fit(t, "OS.time", "OS", TCGA, Map.of(), "cohort", Ties.BRESLOW),
                cases(t, "OS.time", "OS", TCGA, Map.of(), "cohort"));
        List<String> two = List.of("age", "stage");
        CoxModel m = fit(t, "OS.time", "OS", two, Map.of("stage", "III"), null, Ties.EFRON);
        assertThat(m.fit().terms()).containsExactly("age", "stageI", "stageII", "stageIV");
        assertMatches("tcga_os_stage_ref_III", m, cases(t, "OS.time", "OS", two, Map.of("stage", "III"), null));
    }

    @Test
    void breslowBaselineSurvivalMatchesSurvfit() {
        DataTable t = death();
        Map<String, String> ref = Map.of("rx", "Obs");
        SurvivalData d = SurvivalData.read(t, "time", "status", COLON, Set.of(), ref, null, "id");
        CoxModel m = fit(t, "time", "status", COLON, ref, null, Ties.EFRON);
        double[] s = m.survivalAt(d, 730);
        Map<String, Double> e = R.of("predict_colon_death");
        for (int i = 0; i < 20; i++) {
            assertThat(s[i]).as("S(730) id " + d.ids().get(i)).isCloseTo(e.get("surv730:" + d.ids().get(i)), within(1e-6));
        }
        DataTable tc = tcga();
        SurvivalData ds = SurvivalData.read(tc, "OS.time", "OS", TCGA, Set.of(), Map.of(), "cohort", "patient");
        CoxModel ms = fit(tc, "OS.time", "OS", TCGA, Map.of(), "cohort", Ties.EFRON);
        double[] ss = ms.survivalAt(ds, 730);
        Map<String, Double> et = R.of("predict_tcga_strata");
        for (int i = 0; i < 10; i++) {
            assertThat(ss[i]).as("S(730) " + ds.ids().get(i)).isCloseTo(et.get("surv730:" + ds.ids().get(i)), within(1e-6));
        }
    }
}
