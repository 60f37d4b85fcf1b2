package org.oncoconcord.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.survival.SurvivalCliTest.Run;

/**
 * Cluster-robust variance ({@code survival cox --cluster}, issue 16 item 2) against R's
 * coxph(..., cluster = id), live from src/test/r/robust_oracle.R: retinopathy (two eyes per
 * patient; Efron, Breslow, strata) and the heart transplant (start, stop] rows: coefficients,
 * robust se and robust Wald test within 1e-6 relative.
 */
class ClusterRobustVersusRTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private void check(Map<String, Double> r, String name, String... args) throws Exception {
        List<String> a = new ArrayList<>(List.of("survival", "cox", "--cluster", "id", "--quiet", "--out", tmp.resolve(name).toString()));
        a.addAll(List.of(args));
        Run run = SurvivalCliTest.run(a.toArray(String[]::new));
        assertThat(run.code()).as(run.err()).isZero();
        List<Map<String, String>> rows = SurvivalCliTest.tsv(tmp.resolve(name + "/coefficients.tsv"));
        assertThat(rows).isNotEmpty();
        for (Map<String, String> row : rows) {
            String term = row.get("term");
            double se = r.get(name + ":robust_se:" + term);
            assertThat(Double.parseDouble(row.get("coef"))).as(name + " coef " + term)
                    .isCloseTo(r.get(name + ":coef:" + term), within(1e-6 * Math.abs(r.get(name + ":coef:" + term))));
            assertThat(Double.parseDouble(row.get("se"))).as(name + " robust se " + term).isCloseTo(se, within(1e-6 * se));
        }
        JsonNode m = JSON.readTree(tmp.resolve(name + "/model.json").toFile());
        double wald = r.get(name + ":wald");
        assertThat(m.get("wald_test").get("chi2").asDouble()).as(name + " robust Wald").isCloseTo(wald, within(1e-6 * wald));
        assertThat(m.get("variance").asText()).isEqualTo("robust");
        assertThat(m.get("robust").get("naive_se").size()).isEqualTo(rows.size());
        // TRIPOD sample-size block: R's summary(coxph)$rsq (Cox-Snell R2 and its maximum)
        JsonNode size = m.get("sample_size");
        assertThat(size.get("r2_cox_snell").asDouble()).as(name + " rsq").isCloseTo(r.get(name + ":rsq"), within(1e-9));
        assertThat(size.get("r2_max").asDouble()).as(name + " maxrsq").isCloseTo(r.get(name + ":maxrsq"), within(1e-9));
        double lr = m.get("lr_test").get("chi2").asDouble();
        int df = m.get("lr_test").get("df").asInt();
        assertThat(size.get("heuristic_shrinkage").asDouble()).isCloseTo(1 - df / lr, within(1e-12));
        assertThat(size.get("events_per_parameter").asDouble()).isEqualTo(m.get("events").asDouble() / df);
    }

    @Test
    void robustVarianceMatchesCoxphCluster() throws Exception {
        RScripts.run("robust_oracle.R", List.of("survival"), tmp.toString());
        Map<String, Double> r = RScripts.keyValues(tmp.resolve("robust_expected.tsv"));
        String retina = tmp.resolve("retinopathy.csv").toString();
        check(r, "retinopathy_efron", "--data", retina, "--time", "futime", "--event", "status", "--covariates", "trt,argon,right,risk");
        check(r, "retinopathy_breslow", "--data", retina, "--time", "futime", "--event", "status", "--covariates", "trt,argon,right,risk",
                "--ties", "breslow");
        check(r, "retinopathy_strata", "--data", retina, "--time", "futime", "--event", "status", "--covariates", "trt,argon,risk",
                "--strata", "right");
        check(r, "heart_efron", "--data", tmp.resolve("heart.csv").toString(), "--start", "start", "--time", "stop", "--event", "event",
                "--covariates", "age,year,surgery,transplant");
    }
}
