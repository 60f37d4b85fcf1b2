package org.oncoconcord.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.survival.SurvivalCliTest.Run;

/**
 * Counting-process Cox ({@code survival cox --start}, issue 16 item 1) against R's
 * coxph(Surv(start, stop, event) ~ ...) on the Stanford heart transplant data (survival::heart,
 * transplant time-varying), exported and fitted live by src/test/r/counting_process_oracle.R:
 * Efron, Breslow and stratified, coefficients, se and log-likelihoods within 1e-6 relative.
 */
class CountingProcessVersusRTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private Run cox(String out, String... extra) {
        List<String> a = new ArrayList<>(List.of("survival", "cox", "--data", tmp.resolve("heart.csv").toString(), "--start", "start",
                "--time", "stop", "--event", "event", "--quiet", "--out", tmp.resolve(out).toString()));
        a.addAll(List.of(extra));
        return SurvivalCliTest.run(a.toArray(String[]::new));
    }

    private static void close(double actual, double expected, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(1e-6 * Math.max(Math.abs(expected), 1e-3)));
    }

    @Test
    void heartTransplantMatchesCoxph() throws Exception {
        RScripts.run("counting_process_oracle.R", List.of("survival"), tmp.toString());
        Map<String, Double> r = RScripts.keyValues(tmp.resolve("heart_expected.tsv"));
        for (String ties : List.of("efron", "breslow")) {
            Run run = cox(ties, "--covariates", "age,year,surgery,transplant", "--ties", ties);
            assertThat(run.code()).as(run.err()).isZero();
            for (Map<String, String> row : SurvivalCliTest.tsv(tmp.resolve(ties + "/coefficients.tsv"))) {
                String term = row.get("term");
                close(Double.parseDouble(row.get("coef")), r.get(ties + ":coef:" + term), ties + " coef " + term);
                close(Double.parseDouble(row.get("se")), r.get(ties + ":se:" + term), ties + " se " + term);
            }
            JsonNode m = JSON.readTree(tmp.resolve(ties + "/model.json").toFile());
            close(m.get("loglik_null").asDouble(), r.get(ties + ":loglik_null"), ties + " loglik_null");
            close(m.get("loglik").asDouble(), r.get(ties + ":loglik"), ties + " loglik");
            close(m.get("score_test").get("chi2").asDouble(), r.get(ties + ":score"), ties + " score test");
            assertThat(m.get("n").asInt()).isEqualTo(r.get(ties + ":n").intValue());
            assertThat(m.get("events").asInt()).isEqualTo(r.get(ties + ":events").intValue());
            assertThat(m.get("counting_process").asBoolean()).isTrue();
        }
        Run s = cox("strata", "--covariates", "age,year,transplant", "--strata", "surgery");
        assertThat(s.code()).as(s.err()).isZero();
        for (Map<String, String> row : SurvivalCliTest.tsv(tmp.resolve("strata/coefficients.tsv"))) {
            close(Double.parseDouble(row.get("coef")), r.get("strata:coef:" + row.get("term")), "strata coef " + row.get("term"));
        }
        close(JSON.readTree(tmp.resolve("strata/model.json").toFile()).get("loglik").asDouble(), r.get("strata:loglik"), "strata loglik");
    }

    @Test
    void startNotBeforeStopAndUnsupportedCommandsAreRefused() throws Exception {
        Files.writeString(tmp.resolve("heart.csv"), "id,start,stop,event,age\n1,0,50,1,-17\n2,0,6,1,3\n3,10,10,0,5\n4,1,16,1,6\n");
        Run r = cox("o", "--covariates", "age");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("heart.csv line 4").contains("must be before the stop time");
        for (String cmd : List.of("km", "cv", "univariable")) {
            List<String> a = new ArrayList<>(List.of("survival", cmd, "--data", tmp.resolve("heart.csv").toString(), "--start", "start",
                    "--time", "stop", "--event", "event", "--out", tmp.resolve("x").toString()));
            if (!cmd.equals("km")) {
                a.addAll(List.of("--covariates", "age"));
            }
            Run k = SurvivalCliTest.run(a.toArray(String[]::new));
            assertThat(k.code()).as(cmd).isEqualTo(1);
            assertThat(k.err()).contains("supported by 'survival cox' only");
        }
    }
}
