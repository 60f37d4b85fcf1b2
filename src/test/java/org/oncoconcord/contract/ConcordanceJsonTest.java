package org.oncoconcord.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one writer and strict reader of {@code concordance.json}: round trip, missing and invalid keys. */
class ConcordanceJsonTest {
    @TempDir
    Path tmp;

    static ConcordanceJson example(boolean withPlasma) {
        ConcordanceJson.Interval sens = new ConcordanceJson.Interval(0.5, 0.1876, 0.8124, 3, 6);
        List<ConcordanceJson.Sample> samples = List.of(
                new ConcordanceJson.Sample("P1_T", "primary", "t.vcf.gz", "TUMOR", null, 0.0, 0, 6, 0.41, 0.22, 7, 7, 1, 0, 0, 0, 0, null),
                new ConcordanceJson.Sample("P1_P", "plasma", "p.vcf.gz", null, "p.bed", 0.001, 10, 4, null, null, 4, 4, 0, 0, 0, 0, 0,
                        "ref.fa"));
        List<ConcordanceJson.Pair> pairs = List.of(new ConcordanceJson.Pair("P1_T", "P1_P", "primary", "plasma", 6, 4, 3, 3, 1, 0, 0, 0,
                0.4286, sens, sens));
        Map<String, Long> classes = new LinkedHashMap<>();
        classes.put("shared_all", 3L);
        classes.put("primary_only", 3L);
        Map<String, ConcordanceJson.Gene> genes = new LinkedHashMap<>();
        genes.put("KRAS", new ConcordanceJson.Gene(Map.of("P1_T", true, "P1_P", false), false, 1, List.of("KRAS G12 (12:25398284:C>T)")));
        ConcordanceJson.RasStatus ras = new ConcordanceJson.RasStatus(Map.of("P1_T", "mutant", "P1_P", "wild_type"), false,
                Map.of("P1_T", List.of("KRAS G12 (12:25398284:C>T)"), "P1_P", List.of()), Map.of("P1_T", false, "P1_P", false), true);
        ConcordanceJson.Plasma plasma = !withPlasma ? null : new ConcordanceJson.Plasma("P1_P", 0.004, null, true, 3, 3, 3, 0, 1, 0,
                new ConcordanceJson.TumourFraction("binomial_ml_clonal_tissue_variants", 0.0137, 0.0089, 0.02, "1-5%", 4, 1, 24, 3500, null),
                new ConcordanceJson.Detection(3, 0.95, 3, 1, 2, sens, sens,
                        List.of(new ConcordanceJson.Miss("1:300:A>C", 1000, true, 0.4, 0.967416, true))),
                new ConcordanceJson.ClonalHaematopoiesis("gene_list", null, 0.3, List.of("DNMT3A", "TET2"), 0.02, "exclude", null,
                        0, 0, 1, 1, false, List.of(new ConcordanceJson.ChCall("2:3902:G>A", "DNMT3A", 0.004, 900L, null, null,
                                false, "possible_ch", "gene_list", false))));
        return new ConcordanceJson("P1", "0.1.0", "genes.tsv", false, 7, samples, pairs, classes, genes, ras, plasma, null,
                new ConcordanceJson.Consequences("shipped MANE Select GRCh37", Map.of("T", "CSQ"), false, 5, 2), null);
    }

    @Test
    void roundTripKeepsEveryValueAndWritesSnakeCaseKeysInOrder() throws Exception {
        for (boolean withPlasma : new boolean[] {true, false}) {
            Path f = tmp.resolve("P1." + withPlasma + ".concordance.json");
            ConcordanceJson c = example(withPlasma);
            ContractJson.write(f, c);
            assertThat(ConcordanceJson.read(f)).isEqualTo(c);
            String text = Files.readString(f);
            assertThat(text).contains("\"n_distinct_variants\" : 7", "\"tumor_sample\" : null", "\"braf_v600e\"", "\"not_evaluable_a\" : 0");
            assertThat(text.indexOf("\"patient\"")).isLessThan(text.indexOf("\"tool_version\""));
            assertThat(text.indexOf("\"genes\"")).isLessThan(text.indexOf("\"ras_status\""));
            // optional keys are left out when null, required ones are written as null
            assertThat(text.contains("\"plasma\" :")).isEqualTo(withPlasma);
            assertThat(text).containsOnlyOnce("\"normalized_with\"");
        }
    }

    @Test
    void missingRequiredKeyIsNamedWithItsPath() throws Exception {
        ObjectMapper om = new ObjectMapper();
        Path f = tmp.resolve("P1.concordance.json");
        ContractJson.write(f, example(true));
        ObjectNode root = (ObjectNode) om.readTree(f.toFile());
        ((ObjectNode) ((ArrayNode) root.get("pairs")).get(0)).remove("shared");
        om.writeValue(f.toFile(), root);
        assertThatThrownBy(() -> ConcordanceJson.read(f)).isInstanceOf(ContractException.class)
                .hasMessage(f + ": key 'pairs[0].shared' missing");

        root = (ObjectNode) om.readTree(f.toFile());
        root.remove("genes");
        ((ObjectNode) ((ArrayNode) root.get("pairs")).get(0)).put("shared", 3);
        om.writeValue(f.toFile(), root);
        assertThatThrownBy(() -> ConcordanceJson.read(f)).hasMessage(f + ": key 'genes' missing");

        root.putObject("genes");
        ((ObjectNode) root.get("plasma").get("detection")).remove("misses");
        om.writeValue(f.toFile(), root);
        assertThatThrownBy(() -> ConcordanceJson.read(f)).hasMessage(f + ": key 'plasma.detection.misses' missing");
    }

    @Test
    void invalidValueIsNamedWithItsPath() throws Exception {
        ObjectMapper om = new ObjectMapper();
        Path f = tmp.resolve("P1.concordance.json");
        ContractJson.write(f, example(false));
        ObjectNode root = (ObjectNode) om.readTree(f.toFile());
        ((ObjectNode) ((ArrayNode) root.get("samples")).get(1)).put("n_variants", "many");
        om.writeValue(f.toFile(), root);
        assertThatThrownBy(() -> ConcordanceJson.read(f)).hasMessageStartingWith(f + ": key 'samples[1].n_variants' invalid: ");

        ((ObjectNode) ((ArrayNode) root.get("samples")).get(1)).putNull("n_variants");
        om.writeValue(f.toFile(), root);
        assertThatThrownBy(() -> ConcordanceJson.read(f)).hasMessageStartingWith(f + ": key 'samples[1].n_variants' invalid: ");

        Files.writeString(f, "{\"patient\": \"P1\", \"samples\": [");
        assertThatThrownBy(() -> ConcordanceJson.read(f)).hasMessageStartingWith(f + ": not valid JSON at line 1");
    }

    @Test
    void unknownKeysOfANewerWriterAreIgnored() throws Exception {
        ObjectMapper om = new ObjectMapper();
        Path f = tmp.resolve("P1.concordance.json");
        ContractJson.write(f, example(true));
        ObjectNode root = (ObjectNode) om.readTree(f.toFile());
        root.putObject("clonal_haematopoiesis").put("n", 2);
        om.writeValue(f.toFile(), root);
        assertThat(ConcordanceJson.read(f)).isEqualTo(example(true));
    }
}
