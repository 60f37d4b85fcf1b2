package org.oncoconcord.cohort;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Writes concordance JSONs in the contract's shape for planted-truth cohorts, and copies the hand-made fixture. */
final class CohortFixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    private CohortFixtures() {
    }

    /** Copies the hand-made fixture folder (P001-P004 + clinical.csv) into {@code dir}. */
    static Path copyFixture(Path dir) throws IOException, URISyntaxException {
        Path src = Path.of(CohortFixtures.class.getResource("fixture").toURI());
        Files.createDirectories(dir);
        try (var s = Files.list(src)) {
            for (Path f : s.toList()) {
                Files.copy(f, dir.resolve(f.getFileName()));
            }
        }
        return dir;
    }

    /**
     * A tissue + plasma patient whose RAS, KRAS and BRAF V600E calls are given per type (null:
     * not evaluable), with a primary-vs-metastasis pair of the given counts and plasma signal.
     */
    static void writePatient(Path dir, String id, Boolean rasPrimary, Boolean rasMet, Boolean rasPlasma,
                             int shared, int primaryOnly, int metNew, boolean signal) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("patient", id);
        root.put("tool_version", "0.1.0");
        String t = id + "_T", m = id + "_M", p = id + "_P";
        var samples = root.putArray("samples");
        for (String[] s : new String[][] {{t, "primary"}, {m, "metastasis"}, {p, "plasma"}}) {
            samples.addObject().put("label", s[0]).put("type", s[1]).put("file", s[0] + ".vcf.gz").put("n_variants", 10);
        }
        root.putArray("pairs").addObject().put("a", t).put("b", m).put("type_a", "primary").put("type_b", "metastasis")
                .put("n_a", shared + primaryOnly).put("n_b", shared + metNew).put("shared", shared)
                .put("only_a", primaryOnly).put("only_b", metNew).put("not_evaluable", 0);
        root.putObject("classes").put("shared_all", shared).put("primary_only", primaryOnly).put("metastasis_new", metNew).put("plasma_only", 0);
        ObjectNode kras = root.putObject("genes").putObject("KRAS");
        ObjectNode st = kras.putObject("status");
        Map<String, Boolean> calls = new java.util.LinkedHashMap<>();
        calls.put(t, rasPrimary);
        calls.put(m, rasMet);
        calls.put(p, rasPlasma);
        calls.forEach((k, v) -> {
            if (v == null) {
                st.putNull(k);
            } else {
                st.put(k, v);
            }
        });
        ObjectNode ras = root.putObject("ras_status");
        ObjectNode rs = ras.putObject("status");
        calls.forEach((k, v) -> rs.put(k, v == null ? null : v ? "mutant" : "wildtype"));
        ObjectNode braf = ras.putObject("braf_v600e");
        calls.keySet().forEach(k -> braf.put(k, false));
        root.putObject("plasma").put("label", p).put("max_somatic_vaf", signal ? 0.02 : 0.0).put("tumour_signal", signal);
        Files.writeString(dir.resolve(id + ".concordance.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root));
    }
}
