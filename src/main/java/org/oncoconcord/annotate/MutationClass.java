package org.oncoconcord.annotate;

import java.util.Locale;

/**
 * The oncoprint class of a counted mutation (cBioPortal/maftools groups): missense, truncating
 * (stop gained, frameshift, stop/start lost), in-frame indel, splice donor/acceptor, more than one
 * mutation in the gene ({@link #MULTI_HIT}), or any other consequence.
 */
public enum MutationClass {
    MISSENSE, TRUNCATING, INFRAME, SPLICE, MULTI_HIT, OTHER;

    /** The value written in tables ({@code missense}, ..., {@code multi_hit}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The class of one consequence term; null for a term outside the protein-altering classes. */
    public static MutationClass of(Consequence c) {
        return switch (c) {
            case TRANSCRIPT_ABLATION, STOP_GAINED, FRAMESHIFT_VARIANT, STOP_LOST, START_LOST -> TRUNCATING;
            case SPLICE_ACCEPTOR_VARIANT, SPLICE_DONOR_VARIANT -> SPLICE;
            case INFRAME_INSERTION, INFRAME_DELETION, PROTEIN_ALTERING_VARIANT -> INFRAME;
            case MISSENSE_VARIANT -> MISSENSE;
            default -> null;
        };
    }

    /**
     * The class of a VEP-style consequence ({@code &}-joined SO terms): that of its most severe
     * term with a class ({@code stop_gained&inframe_insertion} is truncating,
     * {@code splice_donor_variant&coding_sequence_variant} splice); {@link #OTHER} when no term has
     * one (synonymous, intronic, ...) or a term is unknown; null for {@code .} or empty (no annotation).
     */
    public static MutationClass ofConsequence(String consequence) {
        if (consequence == null || consequence.isEmpty() || consequence.equals(".")) {
            return null;
        }
        MutationClass best = null;
        Consequence bestTerm = null;
        for (String term : consequence.split("&")) {
            Consequence c = Consequence.ofTerm(term.trim());
            MutationClass k = c == null ? null : of(c);
            if (k != null && (bestTerm == null || c.compareTo(bestTerm) < 0)) {
                best = k;
                bestTerm = c;
            }
        }
        return best == null ? OTHER : best;
    }
}
