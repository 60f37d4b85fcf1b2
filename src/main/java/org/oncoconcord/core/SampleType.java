package org.oncoconcord.core;

import java.util.Locale;

/**
 * What a sample of a patient is: a primary tumour, a metastasis, plasma (ctDNA), or {@code normal}: the
 * white blood cells (buffy coat) of a blood draw, used only to tell clonal haematopoiesis and germline
 * variants in plasma from tumour DNA (docs/PLASMA.md).
 */
public enum SampleType {
    PRIMARY, METASTASIS, PLASMA, NORMAL;

    /** The lower-case name used in files ({@code primary}, {@code metastasis}, {@code plasma}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The types concordance compares (every type but {@code normal}), in order. */
    public static final java.util.List<SampleType> COMPARED = java.util.List.of(PRIMARY, METASTASIS, PLASMA);

    /** True for primary and metastasis. */
    public boolean isTissue() {
        return this == PRIMARY || this == METASTASIS;
    }

    /** Parses {@code primary|metastasis|plasma|normal} (any case); null when {@code s} is null or none of them. */
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

    /** Parses {@code primary|metastasis|plasma|normal} (any case). */
    public static SampleType parse(String s) {
        for (SampleType t : values()) {
            if (t.label().equalsIgnoreCase(s.trim())) {
                return t;
            }
        }
        throw new IllegalArgumentException("sample type '" + s + "' is not one of primary, metastasis, plasma, normal");
    }
}
