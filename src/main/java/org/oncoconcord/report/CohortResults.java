package org.oncoconcord.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.oncoconcord.cli.UserException;

/** The outputs of {@code oncoconcord cohort} that the report shows. */
record CohortResults(Tsv concordance, Tsv patients, Tsv summary, Tsv oncoprint, Tsv metastasisNew,
                     List<Tsv> concordanceBy, JsonNode info) {

    static CohortResults read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UserException(dir + ": --cohort is not a folder");
        }
        for (String f : List.of("gene_concordance.tsv", "patients.tsv", "patients_summary.tsv", "oncoprint.tsv")) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                throw new UserException(dir + ": " + f + " missing (is this the output folder of 'oncoconcord cohort'?)");
            }
        }
        List<Tsv> by = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith("gene_concordance.by_") && n.endsWith(".tsv")) {
                    by.add(Tsv.read(p).require("stratum_column", "stratum", "comparison", "feature", "opa"));
                }
            }
        } catch (IOException e) {
            throw new UserException(dir + ": cannot list: " + e.getMessage(), e);
        }
        return new CohortResults(
                Tsv.read(dir.resolve("gene_concordance.tsv")).require("comparison", "feature", "kind", "n_evaluable", "opa", "opa_lower", "opa_upper"),
                Tsv.read(dir.resolve("patients.tsv")).require("patient", "shared", "primary_only", "metastasis_new", "plasma_only"),
                Tsv.read(dir.resolve("patients_summary.tsv")).require("metric", "n", "median", "q1", "q3"),
                Tsv.read(dir.resolve("oncoprint.tsv")).require("patient", "gene", "primary", "metastasis", "plasma"),
                Tsv.readIfExists(dir.resolve("metastasis_new_by_gene.tsv")),
                by, SurvivalResults.json(dir.resolve("cohort.json")));
    }
}
