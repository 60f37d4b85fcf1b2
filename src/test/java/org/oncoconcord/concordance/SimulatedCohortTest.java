package org.oncoconcord.concordance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.cli.Main;
import picocli.CommandLine;

/**
 * Planted truth end to end: {@code oncoconcord simulate} writes raw caller-dialect VCFs with a
 * truth.json, {@code oncoconcord normalize} normalizes them against the simulated reference, and
 * concordance must find exactly the planted presence of every variant in every sample, the pair
 * counts that follow from it, and the planted RAS / BRAF V600E status of the primary.
 */
class SimulatedCohortTest {
    @TempDir
    Path dir;

    private static void cli(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        assertThat(exit).as(String.join(" ", args) + "\n" + err).isZero();
    }

    @Test
    void concordanceRecoversPlantedPresenceOfEveryVariant() throws Exception {
        Path sim = dir.resolve("sim");
        cli("simulate", "--quiet", "--patients", "8", "--seed", "11", "--out", sim.toString());
        JsonNode truth = new ObjectMapper().readTree(sim.resolve("truth.json").toFile());
        int checkedVariants = 0;
        int patientsWithPlasma = 0;
        int withFasta = 0;
        for (JsonNode p : truth.get("patients")) {
            String id = p.get("patient").asText();
            List<String> args = new ArrayList<>(List.of("--genes", sim.resolve("genes.tsv").toString()));
            List<String> rawArgs = new ArrayList<>(List.of("--genes", sim.resolve("genes.tsv").toString(),
                    "--fasta", sim.resolve("reference.fa").toString()));
            List<String> labels = new ArrayList<>();
            Map<String, String> typeOf = new HashMap<>();
            for (JsonNode s : p.get("samples")) {
                String label = s.get("sample").asText();
                Path norm = dir.resolve("norm").resolve(label + ".vcf.gz");
                Files.createDirectories(norm.getParent());
                cli("normalize", "--quiet", "-f", sim.resolve("reference.fa").toString(), "-m", "-", "-o", norm.toString(),
                        sim.resolve(s.get("file").asText()).toString());
                args.add("--sample");
                args.add(label + "=" + s.get("type").asText() + ":" + norm);
                labels.add(label);
                rawArgs.add("--sample");
                rawArgs.add(label + "=" + s.get("type").asText() + ":" + sim.resolve(s.get("file").asText()));
                typeOf.put(label, s.get("type").asText());
            }
            ConcordanceRunner.Result r = ConcordanceRunner.run(dir.resolve("out"), id, args.toArray(String[]::new));
            assertThat(r.exit()).as(r.err()).isZero();
            Map<String, String[]> rows = new HashMap<>();
            for (String[] row : r.rows()) {
                rows.put(row[0].replace("chr", "") + ":" + row[1] + ":" + row[2] + ">" + row[3], row);
            }
            int expectedRows = 0;
            for (JsonNode v : p.get("variants")) {
                String key = v.get("chrom").asText().replace("chr", "") + ":" + v.get("pos").asInt() + ":"
                        + v.get("ref").asText() + ">" + v.get("alt").asText();
                boolean anywhere = false;
                for (String l : labels) {
                    anywhere |= v.get(typeOf.get(l)).asBoolean();
                }
                if (!anywhere) {
                    assertThat(rows).as(id + " " + key + " is planted nowhere").doesNotContainKey(key);
                    continue;
                }
                expectedRows++;
                assertThat(rows).as(id + " " + key).containsKey(key);
                for (String l : labels) {
                    assertThat(rows.get(key)[r.col(l + ".present")]).as(id + " " + key + " in " + l)
                            .isEqualTo(v.get(typeOf.get(l)).asBoolean() ? "1" : "0");
                }
                checkedVariants++;
            }
            assertThat(r.rows()).as(id + ": no variant that was not planted").hasSize(expectedRows);
            String primary = labels.stream().filter(l -> typeOf.get(l).equals("primary")).findFirst().orElseThrow();
            assertThat(r.json().at("/ras_status/status/" + primary).asText()).as(id + " RAS")
                    .isEqualTo(p.get("ras_mutant_primary").asBoolean() ? "mutant" : "wild_type");
            assertThat(r.json().at("/ras_status/braf_v600e/" + primary).asBoolean()).as(id + " BRAF")
                    .isEqualTo(p.get("braf_v600e_primary").asBoolean());
            patientsWithPlasma += r.json().has("plasma") ? 1 : 0;
            if (withFasta < 3) {
                // the same from the raw caller VCFs, normalized internally with --fasta
                ConcordanceRunner.Result raw = ConcordanceRunner.run(dir.resolve("raw"), id, rawArgs.toArray(String[]::new));
                assertThat(raw.exit()).as(raw.err()).isZero();
                assertThat(Files.readString(dir.resolve("raw").resolve(id + ".variants.tsv")))
                        .isEqualTo(Files.readString(dir.resolve("out").resolve(id + ".variants.tsv")));
                assertThat(raw.json().get("pairs")).isEqualTo(r.json().get("pairs"));
                assertThat(raw.json().at("/samples/0/file").asText()).endsWith(p.get("samples").get(0).get("file").asText());
                try (var left = Files.list(dir.resolve("raw"))) {
                    assertThat(left).as("temporary normalized files removed").hasSize(2 * (withFasta + 1));
                }
                withFasta++;
            }
        }
        assertThat(checkedVariants).isGreaterThan(100);
        assertThat(patientsWithPlasma).isPositive();
        assertThat(withFasta).isEqualTo(3);
    }
}
