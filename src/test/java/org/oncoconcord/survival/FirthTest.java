package org.oncoconcord.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Monotone likelihood: a covariate whose carriers all die before any non-carrier event. The
 * ordinary fit is flagged, and the Firth fit matches R's direct maximisation of the penalised
 * likelihood (src/test/r/firth_separation.R).
 */
class FirthTest {
    @TempDir
    Path tmp;

    static Path resource(String name) {
        try {
            return Path.of(FirthTest.class.getResource("/org/oncoconcord/survival/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void separationIsDetectedAndFirthMatchesR() {
        RExpected r = RExpected.read(resource("firth_expected.tsv"));
        DataTable t = DataTable.read(resource("firth_separation.csv"));
        for (Ties ties : Ties.values()) {
            String rc = "firth_" + ties.name().toLowerCase();
            SurvivalData d = SurvivalData.read(t, "time", "status", List.of("x", "z"), Set.of(), Map.of(), null, "patient");
            Design design = new Design(List.of(Covariate.numeric("x"), Covariate.numeric("z")));
            CoxFit ordinary = CoxFitter.fit(d, ties);
            assertThat(ordinary.infinite()).as("flagged").containsExactly("x");
            assertThat(ordinary.coef()[0]).as("ordinary estimate runs away").isGreaterThan(10);
            CoxModel m = CoxModel.fit(d, design, null, ties, CoxModel.Firth.AUTO);
            assertThat(m.fit().firth()).isTrue();
            assertThat(m.warnings()).anyMatch(w -> w.contains("monotone likelihood") && w.contains("Firth"));
            assertThat(m.fit().coef()[0]).as(rc + " x").isCloseTo(r.get(rc, "coef:x"), within(1e-4));
            assertThat(m.fit().coef()[1]).as(rc + " z").isCloseTo(r.get(rc, "coef:z"), within(1e-4));
            assertThat(m.fit().loglik()).as(rc + " penalised loglik").isCloseTo(r.get(rc, "penalized_loglik"), within(1e-6));
            assertThat(m.fit().se(0)).isFinite().isPositive();
        }
    }

    @Test
    void cliWarnsAndReportsTheFirthFit() throws Exception {
        Path out = tmp.resolve("o");
        var run = SurvivalCliTest.run("survival", "cox", "--data", resource("firth_separation.csv").toString(), "--time", "time",
                "--event", "status", "--covariates", "x,z", "--quiet", "--out", out.toString());
        assertThat(run.code()).isZero();
        JsonNode m = new ObjectMapper().readTree(out.resolve("model.json").toFile());
        assertThat(m.get("method").asText()).isEqualTo("firth");
        assertThat(m.get("monotone_likelihood_terms").get(0).asText()).isEqualTo("x");
        assertThat(m.get("warnings").get(0).asText()).contains("monotone likelihood");
        var never = SurvivalCliTest.run("survival", "cox", "--data", resource("firth_separation.csv").toString(), "--time", "time",
                "--event", "status", "--covariates", "x,z", "--firth", "never", "--quiet", "--out", tmp.resolve("n").toString());
        assertThat(never.code()).isZero();
        JsonNode mn = new ObjectMapper().readTree(tmp.resolve("n/model.json").toFile());
        assertThat(mn.get("method").asText()).isEqualTo("partial_likelihood");
        assertThat(mn.get("warnings").get(0).asText()).contains("not finite");
    }

    @Test
    void noFalseAlarmOnOrdinaryData() {
        DataTable t = CoxVersusRTest.death();
        SurvivalData d = SurvivalData.read(t, "time", "status", CoxVersusRTest.COLON, Set.of(), Map.of("rx", "Obs"), null, null);
        assertThat(CoxFitter.fit(d, Ties.EFRON).infinite()).isEmpty();
    }
}
