package org.oncoconcord.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.survival.SurvivalCliTest.Run;

/**
 * {@code survival validate} (issue 16 item 4, TRIPOD) against live src/test/r/validate_oracle.R on
 * the colon trial (death; age, nodes, rx, sex; horizon 730 days): apparent Harrell's C
 * (concordance), td-AUC and Brier (riskRegression::Score), calibration slope, smoothed calibration
 * ICI/E50/E90 (Austin et al. 2020 coded in R), decision curve (Vickers et al. 2008 coded in R) and
 * S(730 | x) rebuilt from model_at_horizon.json (survfit) exactly; the bootstrap-corrected C and
 * calibration slope within Monte-Carlo error of rms::validate (same B, other random streams:
 * tolerance 4 sqrt(2) times the tool's Monte-Carlo standard error).
 */
class ValidateVersusRTest {
    @TempDir
    Path tmp;

    static final int B = 200;

    @Test
    void apparentEqualsRAndCorrectedAgreesWithRmsValidate() throws Exception {
        RScripts.run("validate_oracle.R", List.of("survival", "rms", "riskRegression"), tmp.toString(), Integer.toString(B));
        Map<String, Double> r = RScripts.keyValues(tmp.resolve("validate_expected.tsv"));
        Path out = tmp.resolve("v");
        Run run = SurvivalCliTest.run("survival", "validate", "--data", tmp.resolve("colon_death.csv").toString(), "--time", "time",
                "--event", "status", "--covariates", "age,nodes,rx,sex", "--horizon", "730", "--bootstrap", Integer.toString(B),
                "--seed", "11", "--quiet", "--out", out.toString());
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode v = SurvivalCliTest.JSON.readTree(out.resolve("validation.json").toFile());
        JsonNode m = v.get("measures");
        assertThat(v.get("bootstrap").get("used").asInt()).isEqualTo(B);
        assertThat(v.get("warnings")).isEmpty();
        assertThat(m.get("harrell_c").get("apparent").asDouble()).isCloseTo(r.get("apparent:harrell_c"), within(1e-9));
        assertThat(m.get("td_auc").get("apparent").asDouble()).isCloseTo(r.get("apparent:td_auc"), within(1e-9));
        assertThat(m.get("brier").get("apparent").asDouble()).isCloseTo(r.get("apparent:brier"), within(1e-9));
        assertThat(m.get("calibration_slope").get("apparent").asDouble()).isCloseTo(r.get("apparent:calibration_slope"), within(1e-6));
        JsonNode sm = v.get("calibration_smooth");
        for (String k : new String[] {"ici", "e50", "e90"}) {
            assertThat(sm.get(k).asDouble()).as(k).isCloseTo(r.get("smooth:" + k), within(1e-9));
        }
        // bootstrap: rms reports Dxy = 2 (C - 1/2); the two estimates have independent Monte-Carlo errors of about the same size
        double cRms = (r.get("rms:dxy_corrected") + 1) / 2;
        // rms's Dxy (Hmisc::rcorr.cens) treats tied times slightly differently from concordance(): 3e-6 here
        assertThat((r.get("rms:dxy_apparent") + 1) / 2).isCloseTo(m.get("harrell_c").get("apparent").asDouble(), within(1e-5));
        double tolC = 4 * Math.sqrt(2) * m.get("harrell_c").get("mc_se").asDouble();
        assertThat(m.get("harrell_c").get("corrected").asDouble()).isCloseTo(cRms, within(tolC));
        assertThat(m.get("harrell_c").get("optimism").asDouble()).isPositive();
        double tolSlope = 4 * Math.sqrt(2) * m.get("calibration_slope").get("mc_se").asDouble();
        assertThat(m.get("calibration_slope").get("corrected").asDouble()).isCloseTo(r.get("rms:slope_corrected"), within(tolSlope));
        for (String k : List.of("harrell_c", "td_auc", "brier", "scaled_brier", "calibration_slope")) {
            JsonNode e = m.get(k);
            assertThat(e.get("corrected").asDouble()).as(k).isCloseTo(e.get("apparent").asDouble() - e.get("optimism").asDouble(), within(1e-12));
        }

        // decision curve at three thresholds
        Map<String, Map<String, String>> dca = new java.util.HashMap<>();
        for (Map<String, String> row : SurvivalCliTest.tsv(out.resolve("decision_curve.tsv"))) {
            dca.put(row.get("threshold"), row);
        }
        for (String pt : new String[] {"0.2", "0.3", "0.4"}) {
            assertThat(Double.parseDouble(dca.get(pt).get("net_benefit"))).as(pt).isCloseTo(r.get("dca:net_benefit:" + pt), within(1e-9));
            assertThat(Double.parseDouble(dca.get(pt).get("treat_all"))).as(pt).isCloseTo(r.get("dca:treat_all:" + pt), within(1e-9));
            assertThat(dca.get(pt).get("treat_none")).isEqualTo("0");
        }

        // the written model applied by hand reproduces survfit's S(730 | x)
        JsonNode model = SurvivalCliTest.JSON.readTree(out.resolve("model_at_horizon.json").toFile());
        double s0 = model.get("baseline").get(0).get("baseline_survival").asDouble();
        Map<String, double[]> coefMean = new java.util.HashMap<>();
        double centre = 0;
        for (JsonNode t : model.get("terms")) {
            coefMean.put(t.get("term").asText(), new double[] {t.get("coef").asDouble(), t.get("mean").asDouble()});
            centre += t.get("coef").asDouble() * t.get("mean").asDouble();
        }
        assertThat(Math.pow(s0, Math.exp(-centre))).isCloseTo(r.get("base:surv_at_zero"), within(1e-9));
        int checked = 0;
        var csv = org.apache.commons.csv.CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(java.nio.file.Files.newBufferedReader(tmp.resolve("colon_death.csv")));
        for (org.apache.commons.csv.CSVRecord row : csv) {
            String key = "surv:" + row.get("id");
            if (!r.containsKey(key)) {
                continue;
            }
            String rx = row.get("rx");
            double lp = 0;
            lp += coefMean.get("age")[0] * (Double.parseDouble(row.get("age")) - coefMean.get("age")[1]);
            lp += coefMean.get("nodes")[0] * (Double.parseDouble(row.get("nodes")) - coefMean.get("nodes")[1]);
            lp += coefMean.get("sex")[0] * (Double.parseDouble(row.get("sex")) - coefMean.get("sex")[1]);
            lp += coefMean.get("rxLev+5FU")[0] * ((rx.equals("Lev+5FU") ? 1 : 0) - coefMean.get("rxLev+5FU")[1]);
            lp += coefMean.get("rxObs")[0] * ((rx.equals("Obs") ? 1 : 0) - coefMean.get("rxObs")[1]);
            assertThat(Math.pow(s0, Math.exp(lp))).as(key).isCloseTo(r.get(key), within(1e-9));
            checked++;
        }
        assertThat(checked).isEqualTo(5);

        // calibration by groups: every patient in one group, predicted within the group's range
        List<Map<String, String>> groups = SurvivalCliTest.tsv(out.resolve("calibration_groups.tsv"));
        assertThat(groups).hasSize(5);
        assertThat(groups.stream().mapToInt(g -> Integer.parseInt(g.get("n"))).sum()).isEqualTo(v.get("n").asInt());
        for (Map<String, String> g : groups) {
            double p = Double.parseDouble(g.get("predicted"));
            assertThat(p).isBetween(Double.parseDouble(g.get("risk_min")), Double.parseDouble(g.get("risk_max")));
        }
    }

    @Test
    void badOptionsAndCountingProcessDataAreRefused() throws Exception {
        Path f = tmp.resolve("d.csv");
        java.nio.file.Files.writeString(f, "t0,time,status,age\n0,10,1,50\n0,20,0,60\n0,30,1,70\n");
        Run run = SurvivalCliTest.run("survival", "validate", "--data", f.toString(), "--time", "time", "--event", "status",
                "--covariates", "age", "--bootstrap", "0", "--out", tmp.resolve("o1").toString());
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("'--bootstrap'").contains("'0' is not an integer >= 1");
        run = SurvivalCliTest.run("survival", "validate", "--data", f.toString(), "--start", "t0", "--time", "time", "--event", "status",
                "--covariates", "age", "--out", tmp.resolve("o2").toString());
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err()).contains("'survival validate'");
        assertThat(run.err()).doesNotContain("Exception");
    }
}
