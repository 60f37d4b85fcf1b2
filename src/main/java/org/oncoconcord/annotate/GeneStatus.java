package org.oncoconcord.annotate;

import java.util.Locale;

/** Which variants make a gene "mutated" ({@code --gene-status}). */
public enum GeneStatus {
    /** Any variant overlapping the gene (UTR, intron and synonymous included). */
    ALL,
    /** Variants changing the CDS (synonymous included) or a splice donor/acceptor site. */
    CODING,
    /** HIGH or MODERATE impact (missense, truncating, in-frame, start/stop, splice donor/acceptor): the default. */
    PROTEIN_ALTERING,
    /** Only variants at a hotspot of the gene table. */
    HOTSPOT;

    /** The option value, e.g. {@code protein-altering}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@code all|coding|protein-altering|hotspot}; null when unknown. */
    public static GeneStatus parse(String value) {
        for (GeneStatus g : values()) {
            if (g.label().equalsIgnoreCase(value) || g.name().equalsIgnoreCase(value)) {
                return g;
            }
        }
        return null;
    }
}
