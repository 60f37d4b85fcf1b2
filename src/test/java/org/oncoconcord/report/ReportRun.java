package org.oncoconcord.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.oncoconcord.cli.Main;

/** Runs cohort then report on a simulated 40-patient fixture and the R-made survival fixture, once per JVM. */
final class ReportRun {
    private static Path out;

    private ReportRun() {
    }

    record Result(int exit, String err) {
    }

    static Result run(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream old = System.err;
        try (PrintStream ps = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            System.setErr(ps);
            var cl = Main.commandLine();
            cl.setErr(new PrintWriter(ps, true));
            return new Result(cl.execute(args), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(old);
        }
    }

    /** The folder holding conc/, cohort/ and report/ (kept under target/ so a person can open the report). */
    static synchronized Path report() throws Exception {
        if (out != null) {
            return out;
        }
        Path root = Path.of("target", "report-test").toAbsolutePath();
        if (Files.exists(root)) {
            try (var s = Files.walk(root)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Path conc = root.resolve("conc");
        ReportFixture.cohort(conc, 40, 2026);
        Result c = run("cohort", "--concordance", conc.toString(), "--clinical", conc.resolve("clinical.csv").toString(),
                "--by", "metastatic_site", "--out", root.resolve("cohort").toString(), "--quiet");
        assertThat(c.exit()).as(c.err()).isZero();
        Path params = root.resolve("params.yaml");
        Files.writeString(params, "input: samplesheet.csv\nclinical: clinical.csv\ngenome: GRCh37\nhorizon: 730\nmin_vaf:\n  plasma: 0.002\n  tissue: 0.05\n");
        Result r = run("report", "--cohort", root.resolve("cohort").toString(), "--survival", ReportFixture.survival().toString(),
                "--concordance", conc.toString(), "--params", params.toString(), "--out", root.resolve("report").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        out = root;
        return out;
    }
}
