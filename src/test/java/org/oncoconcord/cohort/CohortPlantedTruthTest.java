package org.oncoconcord.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real chain in process on a simulated study: simulate -> normalize every VCF -> concordance
 * per patient -> cohort; per-patient shared / primary-only / new-in-metastasis counts and the RAS,
 * BRAF V600E and new-driver features must equal the simulator's planted truth.json, and the
 * per-gene 2x2 cells must equal a count over the planted gene status.
 */
class CohortPlantedTruthTest {

    static void ok(String... args) {
        CohortCommandTest.Run r = CohortCommandTest.run(args);
        assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isZero();
    }

    @Test
    void cohortTablesMatchPlantedTruth(@TempDir Path tmp) throws Exception {
        Path sim = tmp.resolve("sim");
        ok("simulate", "--patients", "24", "--seed", "13", "--out", sim.toString(), "--quiet");
        Map<String, List<String[]>> samples = new LinkedHashMap<>();
        for (String line : Files.readAllLines(sim.resolve("samplesheet.csv")).subList(1, Files.readAllLines(sim.resolve("samplesheet.csv")).size())) {
            String[] f = line.split(",");
            Path norm = tmp.resolve("norm").resolve(f[1] + ".vcf.gz");
            Files.createDirectories(norm.getParent());
            List<String> args = new ArrayList<>(List.of("normalize", "-f", sim.resolve("reference.fa").toString(), "-m-both", "--quiet", "-o", norm.toString()));
            if (f.length > 4 && !f[4].isEmpty()) {
                args.addAll(List.of("--tumor-sample", f[4]));
            }
            args.add(sim.resolve(f[3]).toString());
            ok(args.toArray(String[]::new));
            samples.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new String[] {f[1], f[2], norm.toString()});
        }
        Path conc = tmp.resolve("conc");
        for (var e : samples.entrySet()) {
            // with the simulator's transcript models (as the pipeline): in-gene passengers (synonymous, intronic, UTR) do not count
            List<String> args = new ArrayList<>(List.of("concordance", "--patient", e.getKey(), "--genes", sim.resolve("genes.tsv").toString(),
                    "--gtf", sim.resolve("genes.gtf").toString(), "--reference", sim.resolve("reference.fa").toString(),
                    "--out", conc.toString(), "--quiet"));
            for (String[] s : e.getValue()) {
                args.addAll(List.of("--sample", s[0] + "=" + s[1] + ":" + s[2]));
            }
            ok(args.toArray(String[]::new));
        }
        Path out = tmp.resolve("cohort");
        ok("cohort", "--concordance", conc.toString(), "--clinical", sim.resolve("clinical.csv").toString(), "--by", "metastatic_site",
                "--out", out.toString(), "--quiet");

        JsonNode truth = new ObjectMapper().readTree(sim.resolve("truth.json").toFile());
        var patients = CohortCommandTest.tsv(out.resolve("patients.tsv"));
        var features = CohortCommandTest.tsv(out.resolve("features.tsv"));
        assertThat(patients).hasSize(samples.size());
        int checkedPairs = 0, newDrivers = 0;
        int[] krasCells = new int[4];
        for (JsonNode p : truth.get("patients")) {
            String id = p.get("patient").asText();
            Set<String> types = new HashSet<>();
            p.get("samples").forEach(s -> types.add(s.get("type").asText()));
            var row = CohortCommandTest.row(patients, "patient", id);
            var feat = CohortCommandTest.row(features, "patient", id);
            if (types.contains("primary")) {
                assertThat(feat.get("ras_mutant_primary")).as(id + " RAS").isEqualTo(p.get("ras_mutant_primary").asBoolean() ? "1" : "0");
                assertThat(feat.get("braf_v600e_primary")).as(id + " BRAF").isEqualTo(p.get("braf_v600e_primary").asBoolean() ? "1" : "0");
            }
            if (types.contains("primary") && types.contains("metastasis")) {
                int shared = 0, primaryOnly = 0, metNew = 0;
                boolean krasP = false, krasM = false;
                for (JsonNode v : p.get("variants")) {
                    boolean a = v.get("primary").asBoolean(), b = v.get("metastasis").asBoolean();
                    shared += a && b ? 1 : 0;
                    primaryOnly += a && !b ? 1 : 0;
                    metNew += !a && b ? 1 : 0;
                    if (v.get("gene").asText().equals("KRAS")) {
                        krasP |= a;
                        krasM |= b;
                    }
                }
                assertThat(List.of(row.get("shared"), row.get("primary_only"), row.get("metastasis_new"))).as(id + " counts")
                        .isEqualTo(List.of(shared + "", primaryOnly + "", metNew + ""));
                assertThat(feat.get("any_driver_metastasis_new")).as(id + " new driver")
                        .isEqualTo(p.get("any_driver_new_in_metastasis").asBoolean() ? "1" : "0");
                newDrivers += p.get("any_driver_new_in_metastasis").asBoolean() ? 1 : 0;
                krasCells[krasP && krasM ? 0 : krasP ? 1 : krasM ? 2 : 3]++;
                checkedPairs++;
            }
        }
        assertThat(checkedPairs).as("patients with a primary and a metastasis").isGreaterThanOrEqualTo(8);
        assertThat(newDrivers).as("the seed plants new drivers, so the flag is tested both ways").isPositive();
        var kras = CohortCommandTest.row(CohortCommandTest.tsv(out.resolve("gene_concordance.tsv")),
                "comparison", "primary_vs_metastasis", "feature", "KRAS");
        assertThat(List.of(kras.get("both_mutated"), kras.get("reference_only"), kras.get("test_only"), kras.get("both_wildtype")))
                .isEqualTo(List.of(krasCells[0] + "", krasCells[1] + "", krasCells[2] + "", krasCells[3] + ""));
        assertThat(CohortCommandTest.tsv(out.resolve("rejects.tsv"))).isEmpty();
        System.err.println("planted truth: " + checkedPairs + " primary/metastasis pairs checked, " + newDrivers + " with a new driver");
    }
}
