package org.oncoconcord.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.testing.SharedData;
import org.oncoconcord.testing.SystemTools;

/**
 * Runs the R oracle script live (skipped without Rscript, r-cran-survival and r-cran-glmnet): its
 * fresh output must agree with the committed expected values, and the Cox fits with it.
 */
class LiveROracleTest {
    @TempDir
    Path tmp;

    @Test
    void freshROutputAgreesWithCommittedValuesAndWithOurFit() throws Exception {
        Path rscript = SystemTools.require("Rscript", "r-base-core");
        Path shared = SharedData.require("survival/colon.csv").getParent().getParent();
        Process probe = new ProcessBuilder(rscript.toString(), "-e", "library(survival); library(glmnet)").redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        org.oncoconcord.testing.SystemTools.requireOrSkip(probe.waitFor(120, TimeUnit.SECONDS) && probe.exitValue() == 0, "skipped: R packages survival/glmnet missing (r-cran-survival, r-cran-glmnet)");
        Path out = tmp.resolve("r_expected.tsv");
        Process p = new ProcessBuilder(rscript.toString(), SharedData.projectDir().resolve("src/test/r/survival_oracle.R").toString(),
                shared.toString(), out.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(600, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        RExpected fresh = RExpected.read(out);
        RExpected committed = RExpected.committed();
        assertThat(fresh.all().keySet()).isEqualTo(committed.all().keySet());
        for (var c : committed.all().entrySet()) {
            for (var e : c.getValue().entrySet()) {
                double v = fresh.get(c.getKey(), e.getKey());
                if (Double.isNaN(e.getValue())) {
                    assertThat(v).isNaN();
                } else {
                    assertThat(v).as(c.getKey() + " " + e.getKey()).isCloseTo(e.getValue(), within(1e-7 * Math.max(1, Math.abs(e.getValue()))));
                }
            }
        }
        DataTable t = CoxVersusRTest.death();
        SurvivalData d = SurvivalData.read(t, "time", "status", CoxVersusRTest.COLON, Set.of(), Map.of("rx", "Obs"), null, null);
        CoxFit f = CoxFitter.fit(d, Ties.EFRON);
        List<String> terms = f.terms();
        for (int j = 0; j < terms.size(); j++) {
            assertThat(f.coef()[j]).isCloseTo(fresh.get("colon_death_efron", "coef:" + terms.get(j)), within(1e-6 * Math.abs(f.coef()[j])));
        }
    }
}
