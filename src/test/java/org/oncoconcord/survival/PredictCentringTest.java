package org.oncoconcord.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.survival.SurvivalCliTest.Run;
import org.oncoconcord.testing.SharedData;

/**
 * Issue 16 item 6: {@code predict --centre r} gives R's predict.coxph(type = "lp") (coxph centres
 * on the means, 0/1 columns at 0) and {@code --centre zero} x'beta (reference = "zero"), live from
 * src/test/r/predict_oracle.R on the colon trial; S(t|x) does not depend on the centring.
 */
class PredictCentringTest {
    @TempDir
    Path tmp;

    @Test
    void centringsMatchRPredictCoxph() throws Exception {
        Path data = SharedData.require("survival/colon_death_etype2.csv");
        Path expected = tmp.resolve("r.tsv");
        RScripts.run("predict_oracle.R", List.of("survival"), data.toString(), expected.toString());
        Run fit = SurvivalCliTest.run("survival", "cox", "--data", data.toString(), "--time", "time", "--event", "status",
                "--covariates", "rx,sex,age,nodes,extent", "--factor", "extent", "--ref-level", "rx=Obs", "--id", "id", "--quiet",
                "--out", tmp.resolve("cox").toString());
        assertThat(fit.code()).as(fit.err()).isZero();
        Map<String, Map<String, String>> r = SurvivalCliTest.tsv(expected).stream().collect(Collectors.toMap(m -> m.get("id"), m -> m));
        Map<String, Map<String, String>> byCentre = new java.util.HashMap<>();
        for (String centre : List.of("means", "r", "zero")) {
            Path out = tmp.resolve("p_" + centre);
            Run p = SurvivalCliTest.run("survival", "predict", "--model", tmp.resolve("cox/fitted_model.json").toString(), "--data",
                    data.toString(), "--id", "id", "--centre", centre, "--quiet", "--out", out.toString());
            assertThat(p.code()).as(p.err()).isZero();
            for (Map<String, String> row : SurvivalCliTest.tsv(out.resolve("predictions.tsv"))) {
                if (r.containsKey(row.get("id"))) {
                    byCentre.put(centre + ":" + row.get("id"), row);
                }
            }
        }
        assertThat(r).hasSize(25);
        for (String id : r.keySet()) {
            double lpR = Double.parseDouble(r.get(id).get("lp_r"));
            double lpZero = Double.parseDouble(r.get(id).get("lp_zero"));
            assertThat(Double.parseDouble(byCentre.get("r:" + id).get("lp"))).as("r " + id).isCloseTo(lpR, within(1e-6));
            assertThat(Double.parseDouble(byCentre.get("zero:" + id).get("lp"))).as("zero " + id).isCloseTo(lpZero, within(1e-6));
            // the default (means of every column, indicators included) differs from R's, the survival does not
            assertThat(Double.parseDouble(byCentre.get("means:" + id).get("lp"))).isNotCloseTo(lpR, within(1e-3));
            assertThat(byCentre.get("r:" + id).get("surv")).isEqualTo(byCentre.get("means:" + id).get("surv"));
        }
        assertThat(Files.readString(tmp.resolve("cox/fitted_model.json"))).contains("\"r_means\"");
    }
}
