package org.oncoconcord.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.testing.SmallDisk;

/** Issue 12, cohort side: bad concordance results are errors, outputs are all or none, NA for missing, the swap check. */
class CohortReliabilityTest {
    @TempDir
    Path tmp;

    private Path goodInputs() throws Exception {
        Path in = tmp.resolve("conc");
        Files.createDirectories(in);
        CohortFixtures.writePatient(in, "P1", true, true, true, 5, 1, 2, true);
        CohortFixtures.writePatient(in, "P2", false, false, false, 3, 1, 1, false);
        Files.writeString(in.resolve("clinical.csv"), "patient,os_days,os_event\nP1,100,1\nP2,200,0\n");
        return in;
    }

    /** Item 17: a keyless or truncated concordance.json is an error naming the file and the key (exit 0 before). */
    @Test
    void keylessOrTruncatedConcordanceJsonIsAnError() throws Exception {
        Path in = goodInputs();
        Path out = tmp.resolve("out");
        // a complete file but for its 'genes' section
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var p3 = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(in.resolve("P1.concordance.json").toFile());
        p3.put("patient", "P3").remove("genes");
        json.writeValue(in.resolve("P3.concordance.json").toFile(), p3);
        CohortCommandTest.Run r = CohortCommandTest.run("cohort", "--concordance", in.toString(), "--clinical", in.resolve("clinical.csv").toString(),
                "--out", out.toString(), "--quiet");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("P3.concordance.json: key 'genes' missing; no cohort output written");
        assertThat(out).doesNotExist();

        // a pair count of the wrong type names its key path
        p3.set("genes", json.createObjectNode());
        ((com.fasterxml.jackson.databind.node.ObjectNode) p3.withArray("pairs").get(0)).put("shared", "many");
        json.writeValue(in.resolve("P3.concordance.json").toFile(), p3);
        r = CohortCommandTest.run("cohort", "--concordance", in.toString(), "--clinical", in.resolve("clinical.csv").toString(),
                "--out", out.toString(), "--quiet");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("P3.concordance.json: key 'pairs[0].shared' invalid");
        assertThat(out).doesNotExist();

        Files.writeString(in.resolve("P3.concordance.json"), "{\"patient\": \"P3\", \"samples\": [");
        r = CohortCommandTest.run("cohort", "--concordance", in.toString(), "--clinical", in.resolve("clinical.csv").toString(),
                "--out", out.toString(), "--quiet");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("P3.concordance.json: not valid JSON at line 1");
        assertThat(out).doesNotExist();
    }

    /** Item 8: a file that cannot be written leaves no output at all (10 of 15 files stayed before), and the error names it. */
    @Test
    void failingOutputLeavesNothing() throws Exception {
        Path in = goodInputs();
        Path out = tmp.resolve("out");
        Files.createDirectories(out.resolve("patients.tsv").resolve("blocker")); // a non-empty folder where a file must go
        CohortCommandTest.Run r = CohortCommandTest.run("cohort", "--concordance", in.toString(), "--clinical", in.resolve("clinical.csv").toString(),
                "--out", out.toString(), "--quiet");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(out.toAbsolutePath().resolve("patients.tsv") + ": cannot write: is a directory");
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("patients.tsv");
        }
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList()).as("temporary folder").isEmpty();
        }
        Path file = Files.writeString(tmp.resolve("afile"), "x");
        r = CohortCommandTest.run("cohort", "--concordance", in.toString(), "--clinical", in.resolve("clinical.csv").toString(),
                "--out", file.toString(), "--quiet");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("afile: exists and is not a folder");
    }

    /** Item 8 on a real full disk: exit 1 naming the file and "No space left on device"; no file, folder or temporary left. */
    @Test
    void fullDiskLeavesNothing() throws Exception {
        Path in = goodInputs();
        try (SmallDisk disk = SmallDisk.full(tmp.resolve("disk"))) {
            Path out = disk.path().resolve("cohort");
            CohortCommandTest.Run r = CohortCommandTest.run("cohort", "--concordance", in.toString(), "--clinical",
                    in.resolve("clinical.csv").toString(), "--out", out.toString(), "--quiet");
            assertThat(r.exit()).as(r.err()).isEqualTo(1);
            assertThat(r.err().lines().findFirst().orElse("")).contains(out.toString(), "No space left on device")
                    .doesNotContain("Exception");
            assertThat(disk.leftovers()).isEmpty();
        }
    }

    /** Item 17: a binary or folder clinical table is named in a one-line error. */
    @Test
    void binaryOrFolderClinicalTableIsNamed() throws Exception {
        Path in = goodInputs();
        Path bin = Files.write(tmp.resolve("bin.csv"), new byte[] {'p', 'a', 't', 'i', 'e', 'n', 't', '\n', (byte) 0xC3, (byte) 0x28, '\n'});
        CohortCommandTest.Run r = CohortCommandTest.run("cohort", "--concordance", in.toString(), "--clinical", bin.toString(),
                "--out", tmp.resolve("o").toString(), "--quiet");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("bin.csv: not UTF-8 text (a binary file?)").doesNotContain("Input length");
        r = CohortCommandTest.run("cohort", "--concordance", in.toString(), "--clinical", tmp.toString(), "--out", tmp.resolve("o").toString(), "--quiet");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(": is a folder, not a clinical table").doesNotContain("Is a directory");
    }

    /** Item 19: a sample type a patient lacks is NA in the oncoprint table, as every missing value of the cohort TSVs. */
    @Test
    void missingValuesAreNa(@TempDir Path t) throws Exception {
        Path in = CohortFixtures.copyFixture(t.resolve("conc"));
        Path out = t.resolve("out");
        CohortCommandTest.Run r = CohortCommandTest.run("cohort", "--concordance", in.resolve("P001.concordance.json").toString(),
                in.resolve("P002.concordance.json").toString(), "--clinical", in.resolve("clinical.csv").toString(), "--out", out.toString(), "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        var onco = CohortCommandTest.tsv(out.resolve("oncoprint.tsv"));
        assertThat(CohortCommandTest.row(onco, "patient", "P002", "gene", "KRAS").get("plasma")).isEqualTo("NA");
        try (Stream<Path> s = Files.list(out)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".tsv") && !p.toString().endsWith("_mqc.tsv")).toList()) {
                for (String line : Files.readAllLines(f)) {
                    assertThat(line).as(f.getFileName() + ": " + line).doesNotContain("\t\t").doesNotEndWith("\t");
                }
            }
        }
    }

    /**
     * Item 6: a simulated cohort with the metastasis VCFs of two patients swapped: both swapped
     * metastases are flagged, pointing at each other's patient, and no sample of another patient is
     * (unrelated tumours share only a few recurrent hotspots; in a two-sample patient the swap flags both).
     */
    @Test
    void plantedSampleSwapIsFlagged() throws Exception {
        Path sim = tmp.resolve("sim");
        CohortPlantedTruthTest.ok("simulate", "--patients", "24", "--seed", "13", "--out", sim.toString(), "--quiet");
        List<String> lines = Files.readAllLines(sim.resolve("samplesheet.csv"));
        Map<String, List<String[]>> samples = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            Path norm = tmp.resolve("norm").resolve(f[1] + ".vcf.gz");
            Files.createDirectories(norm.getParent());
            List<String> args = new ArrayList<>(List.of("normalize", "-f", sim.resolve("reference.fa").toString(), "-m-both", "--quiet", "-o", norm.toString()));
            if (f.length > 4 && !f[4].isEmpty()) {
                args.addAll(List.of("--tumor-sample", f[4]));
            }
            args.add(sim.resolve(f[3]).toString());
            CohortPlantedTruthTest.ok(args.toArray(String[]::new));
            samples.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new String[] {f[1], f[2], norm.toString()});
        }
        // the first two patients with a metastasis get each other's metastasis VCF
        List<String[]> mets = new ArrayList<>();
        List<String> metPatients = new ArrayList<>();
        for (var e : samples.entrySet()) {
            for (String[] s : e.getValue()) {
                if (s[1].equals("metastasis") && mets.size() < 2 && e.getValue().stream().anyMatch(x -> x[1].equals("primary"))) {
                    mets.add(s);
                    metPatients.add(e.getKey());
                }
            }
        }
        assertThat(mets).hasSize(2);
        String vcf0 = mets.get(0)[2];
        mets.get(0)[2] = mets.get(1)[2];
        mets.get(1)[2] = vcf0;
        Path conc = tmp.resolve("conc");
        for (var e : samples.entrySet()) {
            List<String> args = new ArrayList<>(List.of("concordance", "--patient", e.getKey(), "--genes", sim.resolve("genes.tsv").toString(),
                    "--out", conc.toString(), "--quiet"));
            for (String[] s : e.getValue()) {
                args.addAll(List.of("--sample", s[0] + "=" + s[1] + ":" + s[2]));
            }
            CohortPlantedTruthTest.ok(args.toArray(String[]::new));
        }
        Path out = tmp.resolve("cohort");
        CohortPlantedTruthTest.ok("cohort", "--concordance", conc.toString(), "--clinical", sim.resolve("clinical.csv").toString(),
                "--out", out.toString(), "--quiet");
        var swap = CohortCommandTest.tsv(out.resolve("sample_swap_check.tsv"));
        assertThat(swap).hasSize(lines.size() - 1);
        List<String> flagged = swap.stream().filter(r -> r.get("flagged").equals("1")).map(r -> r.get("patient") + "/" + r.get("sample")).toList();
        assertThat(flagged).contains(metPatients.get(0) + "/" + mets.get(0)[0], metPatients.get(1) + "/" + mets.get(1)[0])
                .allSatisfy(f -> assertThat(f).matches(metPatients.get(0) + "/.*|" + metPatients.get(1) + "/.*"));
        assertThat(swap.stream().filter(r -> !metPatients.contains(r.get("patient"))).filter(r -> Integer.parseInt(r.get("other_shared")) > 0))
                .as("unrelated patients do share some hotspots, so the thresholds are exercised").isNotEmpty();
        var row = CohortCommandTest.row(swap, "patient", metPatients.get(0), "sample", mets.get(0)[0]);
        assertThat(row.get("other_best_patient")).isEqualTo(metPatients.get(1));
        assertThat(Integer.parseInt(row.get("other_shared"))).isGreaterThan(Integer.parseInt(row.get("own_shared")));
    }
}
