package org.oncoconcord.cohort;

import java.util.Locale;

/** The kind of sample a label stands for, as in the samplesheet's {@code type} column. */
public enum SampleType {
    PRIMARY, METASTASIS, PLASMA;

    /** Parses {@code primary|metastasis|plasma}; null when it is none of them. */
    public static SampleType parse(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "primary" -> PRIMARY;
            case "metastasis" -> METASTASIS;
            case "plasma" -> PLASMA;
            default -> null;
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isTissue() {
        return this != PLASMA;
    }
}
