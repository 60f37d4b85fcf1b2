package org.oncoconcord.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.survival.SurvivalCliTest.Run;

/**
 * Competing risks (issue 16 item 3) against live R (src/test/r/competing_oracle.R): cause-specific
 * Cox ({@code cox --cause K} = coxph(Surv(time, status == K) ~ ...)), Gray's test ({@code cif
 * --group}, with {@code --strata}: cmprsk::cuminc Tests) and Fine-Gray ({@code crr} =
 * cmprsk::crr) on R's mgus2 (months, many ties) and a simulated set with three causes, all within
 * 1e-6 relative.
 */
class CompetingRisksVersusRTest {
    @TempDir
    static Path tmp;

    static Map<String, Double> r;

    @BeforeAll
    static void oracle() throws Exception {
        RScripts.run("competing_oracle.R", List.of("survival", "cmprsk"), tmp.toString());
        r = RScripts.keyValues(tmp.resolve("competing_expected.tsv"));
    }

    static void close(double actual, String key) {
        assertThat(r).containsKey(key);
        double e = r.get(key);
        assertThat(actual).as(key).isCloseTo(e, within(1e-6 * Math.max(Math.abs(e), 1e-300)));
    }

    static Run run(String... args) {
        Run run = SurvivalCliTest.run(args);
        assertThat(run.code()).as(run.err()).isZero();
        return run;
    }

    @Test
    void causeSpecificCoxCensorsTheOtherCauses() throws Exception {
        String[][] cases = {{"mgus2_c1", "mgus2_cr.csv", "etime", "1", "age,sex,hgb"}, {"mgus2_c2", "mgus2_cr.csv", "etime", "2", "age,sex,hgb"},
            {"sim_c3", "sim_cr.csv", "time", "3", "x1,grp"}};
        for (String[] c : cases) {
            Path out = tmp.resolve("cs_" + c[0]);
            run("survival", "cox", "--data", tmp.resolve(c[1]).toString(), "--time", c[2], "--event", "status", "--cause", c[3],
                    "--covariates", c[4], "--quiet", "--out", out.toString());
            List<Map<String, String>> rows = SurvivalCliTest.tsv(out.resolve("coefficients.tsv"));
            assertThat(rows).hasSize(3);
            for (Map<String, String> row : rows) {
                close(Double.parseDouble(row.get("coef")), "cs:" + c[0] + ":coef:" + rTerm(row.get("term")));
                close(Double.parseDouble(row.get("se")), "cs:" + c[0] + ":se:" + rTerm(row.get("term")));
            }
            JsonNode m = SurvivalCliTest.JSON.readTree(out.resolve("model.json").toFile());
            assertThat(m.get("events").asDouble()).isEqualTo(r.get("cs:" + c[0] + ":events"));
            assertThat(m.get("cause").asInt()).isEqualTo(Integer.parseInt(c[3]));
            close(m.get("lr_test").get("chi2").asDouble(), "cs:" + c[0] + ":lr");
        }
    }

    @Test
    void graysTestMatchesCuminc() throws Exception {
        String[][] cases = {{"mgus2_sex", "mgus2_cr.csv", "etime", "sex", null}, {"sim_grp", "sim_cr.csv", "time", "grp", null},
            {"sim_grp_strata", "sim_cr.csv", "time", "grp", "st"}};
        for (String[] c : cases) {
            Path out = tmp.resolve("gray_" + c[0]);
            List<String> a = new ArrayList<>(List.of("survival", "cif", "--data", tmp.resolve(c[1]).toString(), "--time", c[2], "--event", "status",
                    "--group", c[3], "--quiet", "--out", out.toString()));
            if (c[4] != null) {
                a.addAll(List.of("--strata", c[4]));
            }
            run(a.toArray(String[]::new));
            JsonNode byCause = SurvivalCliTest.JSON.readTree(out.resolve("cif.json").toFile()).get("gray_test").get("by_cause");
            int causes = c[1].startsWith("sim") ? 3 : 2;
            assertThat(byCause.size()).isEqualTo(causes);
            for (int k = 1; k <= causes; k++) {
                JsonNode g = byCause.get(String.valueOf(k));
                close(g.get("chi2").asDouble(), "gray:" + c[0] + ":" + k + ":stat");
                close(g.get("p").asDouble(), "gray:" + c[0] + ":" + k + ":p");
                assertThat(g.get("df").asDouble()).isEqualTo(r.get("gray:" + c[0] + ":" + k + ":df"));
            }
            List<Map<String, String>> rows = SurvivalCliTest.tsv(out.resolve("gray_test.tsv"));
            assertThat(rows).hasSize(causes);
            assertThat(Double.parseDouble(rows.get(0).get("statistic"))).isCloseTo(r.get("gray:" + c[0] + ":1:stat"), within(1e-6));
        }
    }

    @Test
    void fineGrayMatchesCrr() throws Exception {
        String[][] cases = {{"mgus2_c1", "mgus2_cr.csv", "etime", "1", "age,sex,hgb"}, {"mgus2_c2", "mgus2_cr.csv", "etime", "2", "age,sex,creat"},
            {"sim_c1", "sim_cr.csv", "time", "1", "x1,grp"}, {"sim_c3", "sim_cr.csv", "time", "3", "x1,grp"}};
        for (String[] c : cases) {
            Path out = tmp.resolve("crr_" + c[0]);
            run("survival", "crr", "--data", tmp.resolve(c[1]).toString(), "--time", c[2], "--event", "status", "--cause", c[3],
                    "--covariates", c[4], "--quiet", "--out", out.toString());
            List<Map<String, String>> rows = SurvivalCliTest.tsv(out.resolve("coefficients.tsv"));
            assertThat(rows).hasSize(3);
            for (Map<String, String> row : rows) {
                String term = rTerm(row.get("term"));
                close(Double.parseDouble(row.get("coef")), "crr:" + c[0] + ":coef:" + term);
                close(Double.parseDouble(row.get("se")), "crr:" + c[0] + ":se:" + term);
                close(Double.parseDouble(row.get("p")), "crr:" + c[0] + ":p:" + term);
                close(Double.parseDouble(row.get("shr_lower")), "crr:" + c[0] + ":lower:" + term);
            }
            JsonNode m = SurvivalCliTest.JSON.readTree(out.resolve("model.json").toFile());
            close(m.get("loglik").asDouble(), "crr:" + c[0] + ":loglik");
            close(m.get("loglik_null").asDouble(), "crr:" + c[0] + ":loglik_null");
            assertThat(m.get("n").asDouble()).isEqualTo(r.get("crr:" + c[0] + ":n"));
            assertThat(m.get("converged").asBoolean()).isEqualTo(r.get("crr:" + c[0] + ":converged") == 1);
            assertThat(m.get("events").asInt() + m.get("competing_events").asInt() + m.get("censored").asInt()).isEqualTo(m.get("n").asInt());
        }
    }

    /** R's model-matrix name of a term ("sex=M" -> "sexM"). */
    static String rTerm(String term) {
        return term.replace("=", "");
    }

    @Test
    void coxOnCauseCodesWithoutCauseIsRefusedAndKmWarns() throws Exception {
        Path data = tmp.resolve("sim_cr.csv");
        Run bad = SurvivalCliTest.run("survival", "cox", "--data", data.toString(), "--time", "time", "--event", "status",
                "--covariates", "x1", "--quiet", "--out", tmp.resolve("refused").toString());
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).contains("sim_cr.csv line").contains("'status'").contains("[2, 3]").contains("--cause");
        assertThat(tmp.resolve("refused")).doesNotExist();
        // KM on a competing-risk endpoint: any cause is the event, with a warning in logrank.json
        Path km = tmp.resolve("km_any");
        run("survival", "km", "--data", data.toString(), "--time", "time", "--event", "status", "--quiet", "--out", km.toString());
        JsonNode j = SurvivalCliTest.JSON.readTree(km.resolve("logrank.json").toFile());
        assertThat(j.get("events").asInt()).isEqualTo(109 + 54 + 40);
        assertThat(j.get("warnings").get(0).asText()).contains("'status'").contains("[2, 3]").contains("survival cif");
        Path km1 = tmp.resolve("km_c1");
        run("survival", "km", "--data", data.toString(), "--time", "time", "--event", "status", "--cause", "1", "--quiet", "--out", km1.toString());
        j = SurvivalCliTest.JSON.readTree(km1.resolve("logrank.json").toFile());
        assertThat(j.get("events").asInt()).isEqualTo(109);
        assertThat(j.get("warnings").get(0).asText()).contains("overestimates");
        // --cause must be a cause code >= 1 (usage error)
        Run zero = SurvivalCliTest.run("survival", "cox", "--data", data.toString(), "--time", "time", "--event", "status", "--cause", "0",
                "--covariates", "x1", "--out", tmp.resolve("zero").toString());
        assertThat(zero.code()).isEqualTo(2);
        assertThat(zero.err()).contains("--cause");
        Files.deleteIfExists(tmp.resolve("zero"));
    }
}
