package org.oncoconcord.contract;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code cohort/features.tsv} (one row per patient: survival features) and its sidecar
 * {@code features.columns.tsv} ({@code column kind available_at}), docs/CONTRACTS.md section
 * "cohort -> survival": the column names written by cohort and named by survival, report and
 * simulate-recovery, and a typed reader of the sidecar.
 */
public final class FeaturesTsv {
    public static final String FILE = "features.tsv", COLUMNS_FILE = "features.columns.tsv";
    public static final String PATIENT = "patient";
    /** Suffix of a gene mutated in the primary ({@code KRAS_primary}). */
    public static final String PRIMARY_SUFFIX = "_primary";
    /** Suffix of a gene with a variant new in the metastasis ({@code KRAS_metastasis_new}). */
    public static final String METASTASIS_NEW_SUFFIX = "_metastasis_new";
    public static final String RAS_MUTANT_PRIMARY = "ras_mutant_primary", BRAF_V600E_PRIMARY = "braf_v600e_primary",
            RAS_MUTANT_METASTASIS = "ras_mutant_metastasis", N_METASTASIS_NEW = "n_metastasis_new",
            ANY_DRIVER_METASTASIS_NEW = "any_driver_metastasis_new", PLASMA_DETECTED = "plasma_detected";
    /** The sidecar's columns. */
    public static final String COLUMN = "column", KIND = "kind", AVAILABLE_AT = "available_at";
    /** The value of a missing feature. */
    public static final String NA = "NA";

    private FeaturesTsv() {
    }

    /** {@code <GENE>_primary}. */
    public static String primary(String gene) {
        return gene + PRIMARY_SUFFIX;
    }

    /** {@code <GENE>_metastasis_new}. */
    public static String metastasisNew(String gene) {
        return gene + METASTASIS_NEW_SUFFIX;
    }

    /** What a column holds. */
    public enum Kind {
        ID, CLINICAL, OUTCOME, MUTATION, MUTATION_COUNT, CTDNA, DAY;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** When a column's value is known: at diagnosis of the primary, once the metastasis is sequenced, or at the post-operative plasma draw. */
    public enum AvailableAt {
        BASELINE, POST_METASTASIS, POST_OPERATIVE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static AvailableAt parse(String s) {
            for (AvailableAt a : values()) {
                if (a.label().equals(s)) {
                    return a;
                }
            }
            return null;
        }
    }

    /** One line of {@code features.columns.tsv}; {@code availableAt} null for a value this reader does not know. */
    public record Column(String name, String kind, AvailableAt availableAt) {
    }

    /**
     * Reads {@code features.columns.tsv}: a header line, then {@code column kind available_at} lines
     * (blank lines skipped); a line with fewer than three fields is an error naming file and line.
     */
    public static List<Column> readColumns(Path file) throws ContractException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ContractException(file + ": cannot read: " + e.getMessage(), e);
        }
        List<Column> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] f = lines.get(i).split("\t", -1);
            if (f.length < 3) {
                throw new ContractException(file + " line " + (i + 1) + ": " + f.length + " fields, expected " + COLUMN + " " + KIND
                        + " " + AVAILABLE_AT, null);
            }
            out.add(new Column(f[0], f[1], AvailableAt.parse(f[2])));
        }
        return out;
    }
}
