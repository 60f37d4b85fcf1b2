package org.oncoconcord.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.cli.Main;
import picocli.CommandLine;

/**
 * Issue 12 item 8 for pileup, multiqc-stats and simulate: an unwritable output is found before any
 * work (exit 1, the output named, no stack trace), and simulate's study folder appears only whole.
 */
class SingleOutputCommandsTest {
    @TempDir
    Path dir;

    private record Run(int exit, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        return new Run(cl.execute(args), err.toString());
    }

    @Test
    void pileupNamesAnUnwritableOutputBeforeReadingAnyBam() throws Exception {
        Path out = Files.createDirectories(dir.resolve("counts.tsv"));
        Run r = run("pileup", "--quiet", "--sites", dir.resolve("absent.vcf").toString(), "--bam", dir.resolve("absent.bam").toString(),
                "-o", out.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(out + ": is a directory").doesNotContain("\tat ");
        assertThat(hiddenTemporaries()).isZero();
    }

    @Test
    void multiqcStatsNamesAnUnwritableOutput() throws Exception {
        Path out = Files.createDirectories(dir.resolve("general_stats_mqc.tsv"));
        Path sheet = Files.writeString(dir.resolve("sheet.csv"), "patient,sample,type,vcf\nP1,P1_T,primary,a.vcf\n");
        Run r = run("multiqc-stats", "--samplesheet", sheet.toString(), "--out", out.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(out.toString()).doesNotContain("\tat ");
        assertThat(hiddenTemporaries()).isZero();
    }

    @Test
    void simulateWritesTheWholeStudyOrNothing() throws Exception {
        Path out = Files.createDirectories(dir.resolve("study"));
        Files.createDirectories(out.resolve("truth.json")); // a folder where the study's truth.json goes
        Run r = run("simulate", "--quiet", "--patients", "3", "--seed", "5", "--out", out.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("truth.json").doesNotContain("\tat ");
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("truth.json");
        }
        assertThat(hiddenTemporaries()).isZero();
        Files.delete(out.resolve("truth.json"));
        r = run("simulate", "--quiet", "--patients", "3", "--seed", "5", "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(out.resolve("samplesheet.csv")).isRegularFile();
        assertThat(out.resolve("vcf")).isDirectory();
        assertThat(hiddenTemporaries()).isZero();
    }

    private long hiddenTemporaries() throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".") && p.getFileName().toString().contains("tmp")).count();
        }
    }
}
