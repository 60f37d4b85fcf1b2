package org.oncoconcord.cohort;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oncoconcord.contract.ContractFixtures;

/** Writes concordance JSONs through the contract writer (contract.ContractFixtures) for planted-truth cohorts, and copies the hand-made fixture. */
final class CohortFixtures {
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
        String t = id + "_T", m = id + "_M", p = id + "_P";
        Map<String, Boolean> calls = new LinkedHashMap<>();
        calls.put(t, rasPrimary);
        calls.put(m, rasMet);
        calls.put(p, rasPlasma);
        Map<String, String> words = new LinkedHashMap<>();
        calls.forEach((k, v) -> words.put(k, v == null ? null : v ? "mutant" : "wildtype"));
        Map<String, Boolean> braf = new LinkedHashMap<>();
        calls.keySet().forEach(k -> braf.put(k, false));
        Map<String, Long> classes = new LinkedHashMap<>();
        classes.put("shared_all", (long) shared);
        classes.put("primary_only", (long) primaryOnly);
        classes.put("metastasis_new", (long) metNew);
        classes.put("plasma_only", 0L);
        ContractFixtures.write(dir, ContractFixtures.concordance(id,
                List.of(ContractFixtures.sample(t, "primary", 10), ContractFixtures.sample(m, "metastasis", 10),
                        ContractFixtures.sample(p, "plasma", 10)),
                List.of(ContractFixtures.pair(t, "primary", m, "metastasis", shared, primaryOnly, metNew, 0)),
                classes, Map.of("KRAS", ContractFixtures.gene(calls)), ContractFixtures.ras(words, braf),
                ContractFixtures.plasma(p, signal ? 0.02 : 0.0, signal)));
    }
}
