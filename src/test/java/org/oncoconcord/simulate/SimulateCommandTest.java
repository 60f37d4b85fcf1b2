package org.oncoconcord.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.cli.Main;
import org.oncoconcord.testing.SharedData;
import picocli.CommandLine;

class SimulateCommandTest {

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void writesAStudyThatFollowsTheContracts(@TempDir Path out) throws IOException {
        StringWriter err = new StringWriter();
        assertThat(run(new StringWriter(), err, "simulate", "--patients", "5", "--seed", "11", "--out", out.toString(), "--quiet")).as(err.toString()).isZero();
        List<String> sheet = Files.readAllLines(out.resolve("samplesheet.csv"));
        assertThat(sheet.get(0)).isEqualTo("patient,sample,type,vcf,tumor_sample,collection_day,timepoint,purity");
        for (String line : sheet.subList(1, sheet.size())) {
            String[] f = line.split(",");
            assertThat(f[0]).matches("^[A-Za-z0-9][A-Za-z0-9._-]*$");
            assertThat(f[2]).isIn("primary", "metastasis", "plasma");
            assertThat(out.resolve(f[3])).exists();
        }
        List<String> clinical = Files.readAllLines(out.resolve("clinical.csv"));
        assertThat(clinical.get(0)).startsWith("patient,os_days,os_event,rfs_days,rfs_event,age,sex,stage,metastatic_site");
        assertThat(clinical).hasSize(6);
        List<String> genes = Files.readAllLines(out.resolve("genes.tsv"));
        assertThat(genes).contains("kind\tgene\tchrom\tstart\tend\tref\talt\tlabel\tgroup\tsource");
        assertThat(genes).anyMatch(l -> l.startsWith("hotspot\tKRAS\tchr12\t") && l.contains("\tG12\tRAS\t"));
        assertThat(genes).anyMatch(l -> l.startsWith("hotspot\tBRAF\tchr7\t") && l.contains("\tV600E\tBRAF_V600E\t"));
        // every sample has >= 2 samples per patient
        assertThat(sheet.stream().skip(1).map(l -> l.split(",")[0]).distinct().count()).isEqualTo(5);
        assertThat(sheet.size() - 1).isGreaterThanOrEqualTo(10);
        // the project's own validator accepts the samplesheet and clinical table (assets/schema_*.json)
        StringWriter verr = new StringWriter();
        assertThat(run(new StringWriter(), verr, "validate", "--quiet", "-i", out.resolve("samplesheet.csv").toString(), "-c",
                out.resolve("clinical.csv").toString())).as(verr.toString()).isZero();
        // no temporary files left behind
        try (Stream<Path> s = Files.walk(out)) {
            assertThat(s.map(Path::toString)).noneMatch(p -> p.contains(".tmp"));
        }
    }

    @Test
    void badConfigIsOneLineErrorExit1WithoutOutput(@TempDir Path tmp) throws IOException {
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, "plasma:\n  depth_mean: -3\n");
        StringWriter err = new StringWriter();
        Path out = tmp.resolve("out");
        assertThat(run(new StringWriter(), err, "simulate", "--patients", "3", "--seed", "1", "--out", out.toString(), "--config", cfg.toString())).isEqualTo(1);
        assertThat(err.toString().lines().findFirst().orElseThrow()).contains("c.yaml").contains("plasma.depth_mean");
        assertThat(out).doesNotExist();
    }

    @Test
    void usageErrorsExit2(@TempDir Path tmp) {
        assertThat(run(new StringWriter(), new StringWriter(), "simulate", "--seed", "1", "--out", tmp.toString())).isEqualTo(2);
        assertThat(run(new StringWriter(), new StringWriter(), "simulate", "--patients", "0", "--seed", "1", "--out", tmp.toString())).isEqualTo(2);
    }

    @Test
    void printDefaultsShowsTheYamlWithSources() {
        StringWriter out = new StringWriter();
        assertThat(run(out, new StringWriter(), "simulate", "--print-defaults")).isZero();
        assertThat(out.toString()).contains("discordance: 0.08").contains("Bhullar");
    }

    /** The committed demo cohort is exactly what its documented command produces. */
    @Test
    void committedDemoCohortIsReproducedByItsCommand(@TempDir Path out) throws IOException {
        Path demo = SharedData.projectDir().resolve("assets/demo");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(demo), "assets/demo not present");
        assertThat(run(new StringWriter(), new StringWriter(), "simulate", "--patients", "12", "--seed", "20261127", "--config",
                demo.resolve("simulation.yaml").toString(), "--out", out.toString(), "--quiet")).isZero();
        List<Path> files;
        try (Stream<Path> s = Files.walk(out)) {
            files = s.filter(Files::isRegularFile).map(out::relativize).sorted().toList();
        }
        for (Path f : files) {
            assertThat(Files.readAllBytes(demo.resolve(f))).as(f.toString()).isEqualTo(Files.readAllBytes(out.resolve(f)));
        }
    }
}

