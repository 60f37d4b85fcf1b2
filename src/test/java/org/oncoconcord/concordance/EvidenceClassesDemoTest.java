package org.oncoconcord.concordance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.cli.Main;
import org.oncoconcord.testing.SharedData;

/**
 * The demo cohort's patients with reads (assets/demo: BAMs for the tissue samples of P003 and P005), run as
 * the pipeline runs them (normalize, {@code pileup --ignore-genotypes} over the union of the patient's
 * normalized sites, {@code concordance --evidence}, then the cohort step): the VCF-only classes
 * ({@code evidence.classes_vcf}) and the evidence classes add up to the same number of variants (the
 * patient's distinct compared variants, one variants.tsv row each); {@code classes_vcf} equals the classes of
 * a second run without the evidence, and {@code class_changes} is what the two runs' variants.tsv rows say;
 * evidence_summary.tsv's rows over all sample types carry both views and each adds up to the variants.
 */
class EvidenceClassesDemoTest {
    @TempDir
    Path dir;

    private record Row(String patient, String sample, String type, Path vcf, String tumorSample, Path bam) {
    }

    private static int run(String... args) {
        var cl = Main.commandLine();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        int code = cl.execute(args);
        assertThat(code).as(String.join(" ", args) + "\n" + err.toString(StandardCharsets.UTF_8)).isZero();
        return code;
    }

    @Test
    void beforeAndAfterAddUpOnTheDemoPatientsWithReads() throws Exception {
        Path demo = SharedData.projectDir().resolve("assets/demo");
        List<String> sheet = Files.readAllLines(demo.resolve("samplesheet.csv"));
        List<String> head = List.of(sheet.get(0).split(",", -1));
        List<Row> rows = new ArrayList<>();
        for (String line : sheet.subList(1, sheet.size())) {
            String[] f = line.split(",", -1);
            String bam = f[head.indexOf("bam")];
            rows.add(new Row(f[0], f[1], f[2], demo.resolve(f[3]), f[head.indexOf("tumor_sample")], bam.isEmpty() ? null : demo.resolve(bam)));
        }
        String fasta = demo.resolve("reference.fa").toString();
        List<String> withReads = rows.stream().filter(r -> r.bam() != null).map(Row::patient).distinct().toList();
        assertThat(withReads).as("demo patients with BAMs").containsExactly("P003", "P005");
        Path conc = Files.createDirectories(dir.resolve("concordance"));
        Map<String, Long> distinct = new LinkedHashMap<>();
        for (String patient : withReads) {
            List<Row> samples = rows.stream().filter(r -> r.patient().equals(patient)).toList();
            List<String> pileup = new ArrayList<>(List.of("pileup", "--quiet", "--ignore-genotypes", "--fasta", fasta));
            List<String> compare = new ArrayList<>(List.of("concordance", "--quiet", "--patient", patient, "--plasma-min-alt", "5",
                    "--genes", demo.resolve("genes.tsv").toString(), "--gtf", demo.resolve("genes.gtf").toString(), "--reference", fasta));
            for (Row s : samples) {
                Path norm = dir.resolve(s.sample() + ".norm.vcf.gz");
                run("normalize", "--quiet", "-m", "-any", "--lenient", "-f", fasta, "--tumor-sample", s.tumorSample(), "-o", norm.toString(),
                        s.vcf().toString());
                compare.addAll(List.of("--sample", s.sample() + "=" + s.type() + ":" + norm));
                if (!s.type().equals("normal")) {
                    pileup.addAll(List.of("--sites", norm.toString()));
                }
                if (s.bam() != null) {
                    pileup.addAll(List.of("--bam", s.bam().toString(), "--label", s.tumorSample() + "=" + s.sample()));
                }
            }
            Path evidence = dir.resolve(patient + ".evidence.tsv");
            pileup.addAll(List.of("-o", evidence.toString()));
            run(pileup.toArray(String[]::new));
            List<String> vcfOnlyArgs = new ArrayList<>(compare);
            vcfOnlyArgs.addAll(List.of("--out", dir.resolve("vcf-only").toString()));
            run(vcfOnlyArgs.toArray(String[]::new));
            compare.addAll(List.of("--evidence", evidence.toString(), "--out", conc.toString()));
            run(compare.toArray(String[]::new));

            JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(conc.resolve(patient + ".concordance.json").toFile());
            JsonNode vcfOnly = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                    dir.resolve("vcf-only/" + patient + ".concordance.json").toFile());
            long n = json.get("n_distinct_variants").asLong();
            distinct.put(patient, n);
            List<String> variantRows = Files.readAllLines(conc.resolve(patient + ".variants.tsv"));
            assertThat(variantRows).hasSize(1 + (int) n);
            assertThat(sum(json.get("classes"))).as(patient + " classes with the reads").isEqualTo(n);
            assertThat(sum(json.get("evidence").get("classes_vcf"))).as(patient + " classes from the VCFs alone").isEqualTo(n);
            assertThat(vcfOnly.get("n_distinct_variants").asLong()).isEqualTo(n);
            assertThat(nonZero(json.get("evidence").get("classes_vcf"))).isEqualTo(nonZero(vcfOnly.get("classes")));
            json.get("evidence").get("samples").forEach(s -> assertThat(s.get("variants").asLong()).isEqualTo(n));
            Map<String, Long> changes = new LinkedHashMap<>();
            json.get("evidence").get("class_changes").forEach(c -> changes.put(c.get("from").asText() + ">" + c.get("to").asText(),
                    c.get("variants").asLong()));
            assertThat(changes).isEqualTo(changedClasses(dir.resolve("vcf-only/" + patient + ".variants.tsv"),
                    conc.resolve(patient + ".variants.tsv")));
            System.out.printf("EvidenceClassesDemoTest: %s: %d variants; VCFs alone %s; with reads %s; changes %s%n", patient, n,
                    nonZero(json.get("evidence").get("classes_vcf")), nonZero(json.get("classes")), changes);
        }

        Path clinical = Files.writeString(dir.resolve("clinical.csv"), "patient,os_days,os_event\nP003,100,0\nP005,200,1\n");
        Path out = dir.resolve("cohort");
        run("cohort", "--concordance", conc.toString(), "--clinical", clinical.toString(), "--out", out.toString(), "--quiet");
        List<String> lines = Files.readAllLines(out.resolve("evidence_summary.tsv"));
        List<String> header = List.of(lines.get(0).split("\t"));
        int variants = header.indexOf("variants");
        for (String line : lines.subList(1, lines.size())) {
            String[] r = line.split("\t", -1);
            if (!r[2].equals("all")) {
                continue;
            }
            long expected = r[0].equals("patient") ? distinct.get(r[1]) : distinct.values().stream().mapToLong(Long::longValue).sum();
            assertThat(Long.parseLong(r[variants])).as(line).isEqualTo(expected);
            long before = 0;
            long after = 0;
            for (String g : List.of("shared", "primary_only", "metastasis_new", "plasma_only", "not_evaluable", "other")) {
                before += Long.parseLong(r[header.indexOf(g + "_vcf")]);
                after += Long.parseLong(r[header.indexOf(g + "_evidence")]);
            }
            assertThat(before).as(line).isEqualTo(expected);
            assertThat(after).as(line).isEqualTo(expected);
        }
    }

    private static long sum(JsonNode counts) {
        long s = 0;
        for (JsonNode v : counts) {
            s += v.asLong();
        }
        return s;
    }

    private static Map<String, Long> nonZero(JsonNode classes) {
        Map<String, Long> out = new java.util.TreeMap<>();
        classes.properties().forEach(e -> {
            if (e.getValue().asLong() != 0) {
                out.put(e.getKey(), e.getValue().asLong());
            }
        });
        return out;
    }

    /** "vcf class>evidence class" -> variants, from the two runs' variants.tsv (same rows, same order). */
    private static Map<String, Long> changedClasses(Path before, Path after) throws Exception {
        List<String> a = Files.readAllLines(before);
        List<String> b = Files.readAllLines(after);
        assertThat(b).hasSameSizeAs(a);
        int col = List.of(a.get(0).split("\t")).indexOf("class");
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 1; i < a.size(); i++) {
            String[] x = a.get(i).split("\t", -1);
            String[] y = b.get(i).split("\t", -1);
            assertThat(y[0] + ":" + y[1] + y[2] + ">" + y[3]).isEqualTo(x[0] + ":" + x[1] + x[2] + ">" + x[3]);
            if (!x[col].equals(y[col])) {
                out.merge(x[col] + ">" + y[col], 1L, Long::sum);
            }
        }
        return out;
    }
}
