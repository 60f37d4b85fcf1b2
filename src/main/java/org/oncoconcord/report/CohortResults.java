package org.oncoconcord.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.oncoconcord.core.UserException;

/**
 * The outputs of {@code oncoconcord cohort} that the report shows. Required: gene_concordance.tsv,
 * patients.tsv, patients_summary.tsv, oncoprint.tsv; the others are null when absent (each section
 * that needs one says so). {@code swapCheck} is the sample-swap check table of {@code validate}/
 * {@code cohort} ({@link #SWAP_CHECK}), shown as written.
 */
record CohortResults(Tsv concordance, Tsv patients, Tsv summary, Tsv oncoprint, Tsv metastasisNew,
                     List<Tsv> concordanceBy, JsonNode info, Tsv features, Tsv rejects, Tsv warnings, Tsv swapCheck,
                     Tsv plasmaTumourFraction, Tsv plasmaSensitivity, Tsv plasmaCh, Tsv plasmaTimepoints, Path variantsLong) {
    /** File name of the optional swap-check table in the cohort folder. */
    static final String SWAP_CHECK = "sample_swap_check.tsv";
    /** The plasma-as-an-assay tables of the cohort step (docs/PLASMA.md), optional. */
    static final String PLASMA_TF = "plasma_tumour_fraction.tsv", PLASMA_SENSITIVITY = "plasma_sensitivity.tsv";
    /** The stratification always written by cohort: plasma tumour signal (signal, no_signal, no_plasma). */
    static final String SIGNAL_COLUMN = "plasma_tumour_signal";

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
        Tsv features = Tsv.readIfExists(dir.resolve("features.tsv"));
        if (features != null) {
            features.require("patient");
        }
        return new CohortResults(
                Tsv.read(dir.resolve("gene_concordance.tsv")).require("comparison", "feature", "kind", "n_evaluable", "opa", "opa_lower", "opa_upper"),
                Tsv.read(dir.resolve("patients.tsv")).require("patient", "shared", "primary_only", "metastasis_new", "plasma_only"),
                Tsv.read(dir.resolve("patients_summary.tsv")).require("metric", "n", "median", "q1", "q3"),
                Tsv.read(dir.resolve("oncoprint.tsv")).require("patient", "gene", "primary", "metastasis", "plasma"),
                Tsv.readIfExists(dir.resolve("metastasis_new_by_gene.tsv")),
                by, SurvivalResults.json(dir.resolve("cohort.json")), features,
                Tsv.readIfExists(dir.resolve("rejects.tsv")), Tsv.readIfExists(dir.resolve("warnings.tsv")),
                Tsv.readIfExists(dir.resolve(SWAP_CHECK)),
                require(Tsv.readIfExists(dir.resolve(PLASMA_TF)), "patient", "tumour_fraction", "tf_lower", "tf_upper", "tf_bin"),
                require(Tsv.readIfExists(dir.resolve(PLASMA_SENSITIVITY)), "tf_bin", "n_patients", "detected", "missed_informative",
                        "missed_not_informative", "sensitivity_all", "sensitivity_all_lower", "sensitivity_all_upper",
                        "sensitivity_informative", "sensitivity_informative_lower", "sensitivity_informative_upper"),
                require(Tsv.readIfExists(dir.resolve(PlasmaChSection.CH_FILE)), "patient", "variant", "label", "ch_rule"),
                require(Tsv.readIfExists(dir.resolve(PlasmaChSection.TIMEPOINTS_FILE)), "timepoint"),
                Files.isRegularFile(dir.resolve(PlasmaByVaf.FILE)) ? dir.resolve(PlasmaByVaf.FILE) : null);
    }

    private static Tsv require(Tsv t, String... columns) {
        return t == null ? null : t.require(columns);
    }

    /** The gene_concordance row of one comparison and feature, or null. */
    java.util.Map<String, String> concordanceRow(String comparison, String feature) {
        return row(concordance, comparison, feature, null);
    }

    /** The row of the plasma-tumour-signal stratification for one stratum, or null (no such table). */
    java.util.Map<String, String> signalRow(String comparison, String feature, String stratum) {
        for (Tsv t : concordanceBy) {
            if (!t.rows().isEmpty() && SIGNAL_COLUMN.equals(t.rows().get(0).get("stratum_column"))) {
                return row(t, comparison, feature, stratum);
            }
        }
        return null;
    }

    private static java.util.Map<String, String> row(Tsv t, String comparison, String feature, String stratum) {
        return t.rows().stream().filter(r -> comparison.equals(r.get("comparison")) && feature.equals(r.get("feature"))
                && (stratum == null || stratum.equals(r.get("stratum")))).findFirst().orElse(null);
    }
}
