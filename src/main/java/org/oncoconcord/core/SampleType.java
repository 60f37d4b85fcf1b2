package org.oncoconcord.core;

import java.util.Locale;

/** What a sample of a patient is: a primary tumour, a metastasis, or plasma (ctDNA). */
public enum SampleType {
    PRIMARY, METASTASIS, PLASMA;

    /** The lower-case name used in files ({@code primary}, {@code metastasis}, {@code plasma}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** True for primary and metastasis. */
    public boolean isTissue() {
        return this != PLASMA;
    }

    /** Parses {@code primary|metastasis|plasma} (any case); null when {@code s} is null or none of them. */
    public static SampleType parseOrNull(String s) {
        if (s == null) {
            return null;
        }
        for (SampleType t : values()) {
            if (t.label().equalsIgnoreCase(s.trim())) {
                return t;
            }
        }
        return null;
    }

    /** Parses {@code primary|metastasis|plasma} (any case). */
    public static SampleType parse(String s) {
        for (SampleType t : values()) {
            if (t.label().equalsIgnoreCase(s.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("sample type '" + s + "' is not one of primary, metastasis, plasma");
    }
}
