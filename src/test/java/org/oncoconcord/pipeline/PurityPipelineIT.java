package org.oncoconcord.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/**
 * The samplesheet's {@code purity} and {@code segments} columns through the real pipeline (docs/PILEUP.md
 * "Clonality"): the demo cohort's samplesheet (its own purity column dropped), built here with absolute paths plus a purity for P005_T
 * (a sample with reads), one for a plasma row (ignored with a warning) and a copy-number-3 segment file
 * for P003_T. The values must reach the PILEUP task's clonality command line and its ccf.tsv (purity and
 * its source {@code samplesheet}; P005_M, without one, keeps the estimate; P003_T's copy number 3). The
 * patients with reads also carry their VCF-only classes beside the evidence classes, both adding up to
 * the distinct variants (concordance.json, evidence_summary.tsv, the report's table).
 */
class PurityPipelineIT {
    Path tmp;

    @BeforeEach
    void nextflowAvailable(TestInfo info) throws Exception {
        NextflowRun.requireNextflow();
        tmp = NextflowRun.freshDir(NextflowRun.projectDir().resolve("target/pipeline-it").resolve("purity"));
    }

    @Test
    void samplesheetPurityAndSegmentsReachClonality() throws Exception {
        Path demo = NextflowRun.projectDir().resolve("assets/demo");
        List<String> demoSheet = Files.readAllLines(demo.resolve("samplesheet.csv"));
        List<String> header = new ArrayList<>(Arrays.asList(demoSheet.get(0).split(",", -1)));
        int demoPurity = header.indexOf("purity"); // the demo's own column (planted purity): replaced below
        if (demoPurity >= 0) {
            header.remove(demoPurity);
        }
        Path segments = Files.writeString(tmp.resolve("P003_T.seg.tsv"), "chrom\tstart\tend\tcopy_number\n"
                + String.join("", Files.readAllLines(demo.resolve("reference.fa.fai")).stream()
                        .map(l -> l.split("\t")).map(f -> f[0] + "\t1\t" + f[1] + "\t3\n").toList()));
        List<String> sheet = new ArrayList<>(List.of(String.join(",", header) + ",purity,segments"));
        for (String line : demoSheet.subList(1, demoSheet.size())) {
            List<String> cells = new ArrayList<>(Arrays.asList(line.split(",", -1)));
            if (demoPurity >= 0) {
                cells.remove(demoPurity);
            }
            String[] f = cells.toArray(String[]::new);
            for (String col : List.of("vcf", "bam")) {
                int i = header.indexOf(col);
                if (!f[i].isEmpty()) {
                    f[i] = demo.resolve(f[i]).toAbsolutePath().toString();
                }
            }
            String sample = f[header.indexOf("sample")];
            String purity = switch (sample) {
                case "P005_T" -> "0.55";
                case "P005_P" -> "0.2"; // plasma: ignored with a warning
                default -> "";
            };
            sheet.add(String.join(",", f) + "," + purity + "," + (sample.equals("P003_T") ? segments.toString() : ""));
        }
        Path input = Files.write(tmp.resolve("samplesheet.csv"), sheet);
        NextflowRun run = NextflowRun.run(tmp.resolve("launch"), "-profile", "test", "--input", input.toString(), "--skip_multiqc");
        assertThat(run.exit).as(run.describe()).isZero();

        assertThat(Files.readString(run.outdir.resolve("validate/validation.log")))
                .contains("column 'purity': a plasma sample has a purity");
        List<String> validated = Files.readAllLines(run.outdir.resolve("validate/validated_samplesheet.csv"));
        assertThat(validated.get(0)).endsWith(",purity,segments");
        assertThat(validated).anySatisfy(l -> assertThat(l).startsWith("P005,P005_T,").endsWith(",0.55,"));
        assertThat(validated).anySatisfy(l -> assertThat(l).startsWith("P005,P005_P,").endsWith(",,"));

        String commands;
        try (Stream<Path> walk = Files.walk(run.launchDir.resolve("work"))) {
            commands = String.join("\n", walk.filter(p -> p.getFileName().toString().equals("clonality.commands")).map(p -> {
                try {
                    return Files.readString(p);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList());
        }
        String p005 = commands.lines().filter(l -> l.contains("--patient P005 ")).findFirst().orElseThrow();
        assertThat(p005).contains("--purity P005_T=0.55").contains("--purity-source samplesheet").doesNotContain("--purity P005_M")
                .doesNotContain("--purity P005_P");
        String p003 = commands.lines().filter(l -> l.contains("--patient P003 ")).findFirst().orElseThrow();
        assertThat(p003).containsPattern("--sample-segments P003_T=segments_\\d+/P003_T.seg.tsv").doesNotContain("--purity ");

        List<String[]> ccf005 = rows(run.outdir.resolve("pileup/P005.ccf.tsv"));
        assertThat(ccf005.stream().filter(r -> r[1].equals("P005_T"))).isNotEmpty()
                .allSatisfy(r -> assertThat(r[11] + " " + r[12]).isEqualTo("0.5500 samplesheet"));
        assertThat(ccf005.stream().filter(r -> r[1].equals("P005_M")).map(r -> r[12]).distinct().toList())
                .hasSize(1).isSubsetOf("estimated", "not_estimable");
        List<String[]> ccf003 = rows(run.outdir.resolve("pileup/P003.ccf.tsv"));
        assertThat(ccf003.stream().filter(r -> r[1].equals("P003_T") && !r[14].equals("NA")).map(r -> r[13])).isNotEmpty().containsOnly("3.0000");
        assertThat(ccf003.stream().filter(r -> r[1].equals("P003_M") && !r[14].equals("NA")).map(r -> r[13])).containsOnly("2.0000");

        // class level (docs/PILEUP.md): the patients with reads have their classes from the VCFs alone beside the
        // evidence classes, both adding up to the distinct variants, in concordance.json, evidence_summary.tsv and the report
        List<String> summary = Files.readAllLines(run.outdir.resolve("cohort/evidence_summary.tsv"));
        List<String> columns = List.of(summary.get(0).split("\t"));
        for (String patient : List.of("P003", "P005")) {
            com.fasterxml.jackson.databind.JsonNode c = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(run.outdir.resolve("concordance/" + patient + ".concordance.json").toFile());
            long n = c.get("n_distinct_variants").asLong();
            assertThat(sum(c.get("classes"))).as(patient + " classes").isEqualTo(n);
            assertThat(sum(c.get("evidence").get("classes_vcf"))).as(patient + " classes_vcf").isEqualTo(n);
            String[] all = summary.stream().map(l -> l.split("\t", -1)).filter(r -> r[0].equals("patient") && r[1].equals(patient)
                    && r[2].equals("all")).findFirst().orElseThrow();
            assertThat(Long.parseLong(all[columns.indexOf("variants")])).isEqualTo(n);
            for (String view : List.of("_vcf", "_evidence")) {
                long groups = 0;
                for (String g : List.of("shared", "primary_only", "metastasis_new", "plasma_only", "not_evaluable", "other")) {
                    groups += Long.parseLong(all[columns.indexOf(g + view)]);
                }
                assertThat(groups).as(patient + view).isEqualTo(n);
            }
        }
        assertThat(Files.readString(run.outdir.resolve("report/report.html"))).contains("Variant classes: VCFs alone \u2192 with the reads");
    }

    private static long sum(com.fasterxml.jackson.databind.JsonNode counts) {
        long s = 0;
        for (com.fasterxml.jackson.databind.JsonNode v : counts) {
            s += v.asLong();
        }
        return s;
    }

    private static List<String[]> rows(Path tsv) throws IOException {
        List<String> lines = Files.readAllLines(tsv);
        assertThat(lines.get(0).split("\t")[11]).isEqualTo("purity");
        return lines.subList(1, lines.size()).stream().map(l -> l.split("\t", -1)).toList();
    }
}
