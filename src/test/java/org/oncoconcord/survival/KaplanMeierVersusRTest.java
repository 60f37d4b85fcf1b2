package org.oncoconcord.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Kaplan-Meier, medians, log-rank and Peto-Peto against R's survfit/survdiff (committed expected values). */
class KaplanMeierVersusRTest {
    static final RExpected R = RExpected.committed();
    static final double[] AT = {365, 730, 1825};

    private static void check(String rcase, DataTable t, String time, String event, String group) {
        List<String> cov = group == null ? List.of() : List.of(group);
        SurvivalData d = SurvivalData.read(t, time, event, cov, group == null ? Set.of() : Set.of(group), Map.of(), null, null);
        List<String> levels = group == null ? List.of("all") : new ArrayList<>(Design.infer(t, cov,
                SurvivalData.completeRows(t, List.of(group, time, event)), Set.of(group), Map.of()).covariates().get(0).levels());
        int[] g = new int[d.n()];
        for (int i = 0; i < d.n(); i++) {
            g[i] = group == null ? 0 : levels.indexOf(t.cell(group, d.rows()[i]));
        }
        Map<String, Double> e = R.of(rcase);
        int compared = 0;
        for (KaplanMeier.CiType ci : KaplanMeier.CiType.values()) {
            String ct = switch (ci) {
                case LOG -> "log";
                case LOG_LOG -> "log-log";
                case PLAIN -> "plain";
            };
            for (int k = 0; k < levels.size(); k++) {
                boolean[] keep = new boolean[d.n()];
                for (int i = 0; i < d.n(); i++) {
                    keep[i] = g[i] == k;
                }
                KaplanMeier km = KaplanMeier.fit(d.time(), d.event(), keep, ci, 0.95);
                for (KaplanMeier.Point p : km.at(AT)) {
                    String key = ct + ":" + levels.get(k) + ":" + Output.num(p.time());
                    if (!e.containsKey(key + ":surv")) {
                        assertThat(p.surv()).as(key + " beyond follow-up").isNaN();
                        continue;
                    }
                    assertThat(p.surv()).as(key).isCloseTo(e.get(key + ":surv"), within(1e-9));
                    assertThat(p.se()).as(key + " se").isCloseTo(e.get(key + ":se"), within(1e-9));
                    assertThat(p.lower()).as(key + " lower").isCloseTo(e.get(key + ":lower"), within(1e-9));
                    assertThat(p.upper()).as(key + " upper").isCloseTo(e.get(key + ":upper"), within(1e-9));
                    assertThat((double) p.nRisk()).as(key + " n_risk").isEqualTo(e.get(key + ":n_risk"));
                    assertThat((double) p.nEvent()).as(key + " n_event").isEqualTo(e.get(key + ":n_event"));
                    compared++;
                }
                if (ci == KaplanMeier.CiType.LOG) {
                    KaplanMeier.Median m = km.median();
                    assertThat(m.median()).as("median " + levels.get(k)).isEqualTo(e.get("median:" + levels.get(k)));
                    assertThat(m.lower()).as("median lower " + levels.get(k)).isEqualTo(e.get("median_lower:" + levels.get(k)));
                    assertThat(m.upper()).as("median upper " + levels.get(k)).isEqualTo(e.get("median_upper:" + levels.get(k)));
                }
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(3 * levels.size());
        if (group != null) {
            LogRank lr = LogRank.test(d.time(), d.event(), g, levels.size(), null, 0);
            assertThat(lr.chi2()).isCloseTo(e.get("logrank_chi2"), within(1e-8 * e.get("logrank_chi2")));
            assertThat((double) lr.df()).isEqualTo(e.get("logrank_df"));
            LogRank pp = LogRank.test(d.time(), d.event(), g, levels.size(), null, 1);
            assertThat(pp.chi2()).isCloseTo(e.get("peto_chi2"), within(1e-8 * e.get("peto_chi2")));
        }
    }

    @Test
    void colonDeathAndRecurrenceByArm() {
        check("km_colon_death_rx", CoxVersusRTest.death(), "time", "status", "rx");
        check("km_colon_recurrence_rx", CoxVersusRTest.recurrence(), "time", "status", "rx");
    }

    @Test
    void tcgaByStageAndOverall() {
        check("km_tcga_stage", CoxVersusRTest.tcga(), "OS.time", "OS", "stage");
        check("km_tcga_all", CoxVersusRTest.tcga(), "OS.time", "OS", null);
    }

    @Test
    void stratifiedLogRank() {
        DataTable t = CoxVersusRTest.death();
        SurvivalData d = SurvivalData.read(t, "time", "status", List.of("rx"), Set.of(), Map.of(), "sex", null);
        List<String> lv = List.of("Lev", "Lev+5FU", "Obs");
        int[] g = new int[d.n()];
        for (int i = 0; i < d.n(); i++) {
            g[i] = lv.indexOf(t.cell("rx", d.rows()[i]));
        }
        LogRank lr = LogRank.test(d.time(), d.event(), g, 3, d.strata(), 0);
        double e = R.get("km_colon_death_rx_strata_sex", "logrank_chi2");
        assertThat(lr.chi2()).isCloseTo(e, within(1e-8 * e));
    }
}
