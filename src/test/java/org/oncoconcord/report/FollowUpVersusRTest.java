package org.oncoconcord.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.oncoconcord.survival.KaplanMeier;
import org.oncoconcord.testing.SystemTools;

/**
 * Median survival with its 95% CI and the reverse-Kaplan-Meier median follow-up of Table 1 against
 * R's {@code survfit} (log CI, {@code summary(fit)$table}) on the report fixture's features.tsv,
 * overall and per RAS group; skipped (a failure under CI=true) without Rscript and r-cran-survival.
 */
class FollowUpVersusRTest {
    static final String SCRIPT = String.join("\n",
            "suppressPackageStartupMessages(library(survival))",
            "d <- read.delim(commandArgs(trailingOnly = TRUE)[1], na.strings = 'NA')",
            "out <- function(label, x) {",
            "  a <- summary(survfit(Surv(os_days, os_event) ~ 1, data = x))$table",
            "  b <- summary(survfit(Surv(os_days, 1 - os_event) ~ 1, data = x))$table",
            "  cat(label, a['median'], a['0.95LCL'], a['0.95UCL'], b['median'], b['0.95LCL'], b['0.95UCL'], sum(x$os_event), '\\n', sep = '\\t')",
            "}",
            "out('all', d)",
            "for (g in c(0, 1)) out(paste0('ras', g), d[!is.na(d$ras_mutant_primary) & d$ras_mutant_primary == g, ])");

    @Test
    void medianSurvivalAndFollowUpEqualSurvfit() throws Exception {
        Path rscript = SystemTools.require("Rscript", "r-base-core");
        Path features = ReportRun.report().resolve("cohort/features.tsv");
        Path script = Files.writeString(Files.createTempFile("followup", ".R"), SCRIPT);
        Process p = new ProcessBuilder(rscript.toString(), script.toString(), features.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        SystemTools.requireOrSkip(p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0, "skipped: R package survival missing (r-cran-survival): " + out);
        Tsv f = Tsv.read(features);
        int compared = 0;
        for (String line : out.lines().filter(l -> l.contains("\t")).toList()) {
            String[] x = line.split("\t");
            List<Map<String, String>> rows = switch (x[0]) {
                case "all" -> f.rows();
                default -> f.rows().stream().filter(r -> x[0].substring(3).equals(r.get("ras_mutant_primary"))).toList();
            };
            FollowUp fu = FollowUp.of(rows, "os_days", "os_event");
            check(x[0] + " survival", fu.survival(), x[1], x[2], x[3]);
            check(x[0] + " follow-up", fu.followUp(), x[4], x[5], x[6]);
            assertThat(fu.events()).isEqualTo(Integer.parseInt(x[7].trim()));
            compared++;
        }
        assertThat(compared).as(out).isEqualTo(3);
    }

    private static void check(String what, KaplanMeier.Median m, String med, String lo, String hi) {
        assertThat(m.median()).as(what + " median").satisfies(v -> same(v, med));
        assertThat(m.lower()).as(what + " lower").satisfies(v -> same(v, lo));
        assertThat(m.upper()).as(what + " upper").satisfies(v -> same(v, hi));
    }

    private static void same(double v, String r) {
        if (r.equals("NA")) {
            assertThat(v).isNaN();
        } else {
            assertThat(v).isCloseTo(Double.parseDouble(r), within(1e-9));
        }
    }
}
