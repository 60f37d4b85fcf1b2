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
 * Planted truth (truth.json): every call the simulated caller missed ({@code missed_by_caller}; the reads keep
 * its ALT reads) is BELOW_CALL_THRESHOLD in its sample (as are only the sample's own filtered artefact calls), each is the only (variant, sample)
 * change ({@code subthreshold}), only those variants change class (to a shared one: one more sample), every site whose reads carry
 * no planted ALT read is ABSENT at depth >= 10, and no counted call is shown as below the threshold.
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
        JsonNode truth = new com.fasterxml.jackson.databind.ObjectMapper().readTree(demo.resolve("truth.json").toFile());
        Path conc = Files.createDirectories(dir.resolve("concordance"));
        Map<String, Long> distinct = new LinkedHashMap<>();
        int missedTotal = 0;
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
            Planted planted = planted(truth, patient);
            assertThat(planted.missed()).as(patient + " caller misses planted in the demo").isNotEmpty();
            checkAgainstTruth(patient, planted, evidence, conc.resolve(patient + ".variants.evidence.tsv"),
                    dir.resolve("vcf-only/" + patient + ".variants.tsv"), conc.resolve(patient + ".variants.tsv"));
            missedTotal += planted.missed().size();
            System.out.printf("EvidenceClassesDemoTest: %s: %d variants; VCFs alone %s; with reads %s; changes %s%n", patient, n,
                    nonZero(json.get("evidence").get("classes_vcf")), nonZero(json.get("classes")), changes);
        }

        assertThat(missedTotal).as("caller misses in the demo (assets/demo/simulation.yaml)").isBetween(2, 4);
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

    /** Planted truth of one patient: "sample site" pairs missed by the caller, and those whose reads carry no ALT read. */
    private record Planted(java.util.Set<String> missed, java.util.Set<String> noAltReads, java.util.Set<String> artefacts) {
    }

    /** A site as "contig-without-chr:pos:ref:alt" (the demo's files use both contig styles). */
    private static String site(String contig, String pos, String ref, String alt) {
        return contig.replaceFirst("^chr", "") + ":" + pos + ":" + ref + ":" + alt;
    }

    private static Planted planted(JsonNode truth, String patient) {
        java.util.Set<String> missed = new java.util.TreeSet<>();
        java.util.Set<String> noAlt = new java.util.TreeSet<>();
        java.util.Set<String> artefacts = new java.util.TreeSet<>();
        for (JsonNode p : truth.get("patients")) {
            if (!p.get("patient").asText().equals(patient)) {
                continue;
            }
            for (JsonNode s : p.get("samples")) {
                String sample = s.get("sample").asText();
                for (JsonNode m : s.path("missed_by_caller")) {
                    missed.add(sample + " " + site(m.get("chrom").asText(), m.get("pos").asText(), m.get("ref").asText(), m.get("alt").asText()));
                }
                for (JsonNode m : s.path("artefacts")) {
                    artefacts.add(sample + " " + site(m.get("chrom").asText(), m.get("pos").asText(), m.get("ref").asText(), m.get("alt").asText()));
                }
                for (JsonNode b : s.path("bam_sites")) {
                    if (b.get("alt_reads").asInt() == 0) {
                        noAlt.add(sample + " " + site(b.get("chrom").asText(), b.get("pos").asText(), b.get("ref").asText(), b.get("alt").asText()));
                    }
                }
            }
        }
        return new Planted(missed, noAlt, artefacts);
    }

    private static List<Map<String, String>> table(Path tsv) throws Exception {
        List<String> lines = Files.readAllLines(tsv);
        List<String> head = List.of(lines.get(0).split("\t"));
        List<Map<String, String>> out = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < head.size(); i++) {
                row.put(head.get(i), f[i]);
            }
            out.add(row);
        }
        return out;
    }

    private static void checkAgainstTruth(String patient, Planted planted, Path pileup, Path sidecar, Path vcfOnly, Path withReads)
            throws Exception {
        java.util.Set<String> below = new java.util.TreeSet<>();
        int absent = 0;
        for (Map<String, String> r : table(pileup)) {
            String key = r.get("sample") + " " + site(r.get("contig"), r.get("pos"), r.get("ref"), r.get("alt"));
            if (r.get("state").equals("BELOW_CALL_THRESHOLD")) {
                below.add(key);
            }
            if (planted.noAltReads().contains(key) && Integer.parseInt(r.get("depth")) >= 10) {
                assertThat(r.get("state")).as(patient + " " + key + ": no planted ALT read, depth " + r.get("depth")).isEqualTo("ABSENT");
                absent++;
            }
        }
        assertThat(absent).as(patient + " truly absent sites with depth").isPositive();
        // reads above the error rate where the VCF has no unfiltered call: the caller misses, and the sample's own
        // filtered artefact calls (their reads carry the VCF's ALT reads; filtered records are not counted)
        assertThat(below).as(patient + " BELOW_CALL_THRESHOLD rows of the pileup").containsAll(planted.missed());
        java.util.Set<String> others = new java.util.TreeSet<>(below);
        others.removeAll(planted.missed());
        assertThat(planted.artefacts()).as(patient + " other BELOW_CALL_THRESHOLD rows: the sample's filtered calls").containsAll(others);
        java.util.Set<String> changed = new java.util.TreeSet<>();
        for (Map<String, String> r : table(sidecar)) {
            String key = r.get("sample") + " " + site(r.get("chrom"), r.get("pos"), r.get("ref"), r.get("alt"));
            if (!r.get("change").equals("none")) {
                assertThat(r.get("change")).as(key).isEqualTo("subthreshold");
                changed.add(key);
            }
            if (r.get("vcf_present").equals("1")) {
                assertThat(r.get("state")).as(key + ": a counted call is never shown below the call threshold").isNotEqualTo("BELOW_CALL_THRESHOLD");
            }
        }
        assertThat(changed).as(patient + " (variant, sample) changes = the planted caller misses").isEqualTo(planted.missed());
        java.util.Set<String> missedSites = new java.util.TreeSet<>();
        planted.missed().forEach(k -> missedSites.add(k.substring(k.indexOf(' ') + 1)));
        java.util.Set<String> classChanged = new java.util.TreeSet<>();
        List<Map<String, String>> a = table(vcfOnly);
        List<Map<String, String>> b = table(withReads);
        for (int i = 0; i < a.size(); i++) {
            Map<String, String> x = a.get(i);
            String key = site(x.get("chrom"), x.get("pos"), x.get("ref"), x.get("alt"));
            if (!x.get("class").equals(b.get(i).get("class"))) {
                classChanged.add(key);
                assertThat(b.get(i).get("class")).as(patient + " " + key + " with the reads").startsWith("shared");
            }
        }
        assertThat(classChanged).as(patient + " variants whose class the reads change = the missed ones").isEqualTo(missedSites);
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
