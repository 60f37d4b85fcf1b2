package org.oncoconcord.annotate;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Sequence Ontology consequence terms in VEP's vocabulary, declared in VEP's severity order (most
 * severe first, as in Ensembl's "Calculated variant consequences" table) with VEP's IMPACT.
 */
public enum Consequence {
    TRANSCRIPT_ABLATION(Impact.HIGH),
    SPLICE_ACCEPTOR_VARIANT(Impact.HIGH),
    SPLICE_DONOR_VARIANT(Impact.HIGH),
    STOP_GAINED(Impact.HIGH),
    FRAMESHIFT_VARIANT(Impact.HIGH),
    STOP_LOST(Impact.HIGH),
    START_LOST(Impact.HIGH),
    INFRAME_INSERTION(Impact.MODERATE),
    INFRAME_DELETION(Impact.MODERATE),
    MISSENSE_VARIANT(Impact.MODERATE),
    PROTEIN_ALTERING_VARIANT(Impact.MODERATE),
    SPLICE_REGION_VARIANT(Impact.LOW),
    INCOMPLETE_TERMINAL_CODON_VARIANT(Impact.LOW),
    START_RETAINED_VARIANT(Impact.LOW),
    STOP_RETAINED_VARIANT(Impact.LOW),
    SYNONYMOUS_VARIANT(Impact.LOW),
    CODING_SEQUENCE_VARIANT(Impact.MODIFIER),
    FIVE_PRIME_UTR_VARIANT(Impact.MODIFIER, "5_prime_UTR_variant"),
    THREE_PRIME_UTR_VARIANT(Impact.MODIFIER, "3_prime_UTR_variant"),
    NON_CODING_TRANSCRIPT_EXON_VARIANT(Impact.MODIFIER),
    INTRON_VARIANT(Impact.MODIFIER),
    UPSTREAM_GENE_VARIANT(Impact.MODIFIER),
    DOWNSTREAM_GENE_VARIANT(Impact.MODIFIER),
    INTERGENIC_VARIANT(Impact.MODIFIER);

    private static final Map<String, Consequence> BY_TERM = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(Consequence::term, Function.identity()));

    private final Impact impact;
    private final String term;

    Consequence(Impact impact) {
        this(impact, null);
    }

    Consequence(Impact impact, String term) {
        this.impact = impact;
        this.term = term != null ? term : name().toLowerCase(Locale.ROOT);
    }

    public Impact impact() {
        return impact;
    }

    /** The SO term as VEP writes it, e.g. {@code missense_variant}. */
    public String term() {
        return term;
    }

    /** The term's constant, or null when the term is not one of ours (e.g. a newer VEP term). */
    public static Consequence ofTerm(String term) {
        return BY_TERM.get(term);
    }

    /** The most severe of the terms (null for none). */
    public static Consequence mostSevere(Collection<Consequence> terms) {
        return terms.stream().min(Enum::compareTo).orElse(null);
    }

    /** True for what a clinician counts as protein-altering: HIGH or MODERATE impact. */
    public boolean proteinAltering() {
        return impact == Impact.HIGH || impact == Impact.MODERATE;
    }

    /** Consequence terms joined by {@code &}, as in VEP's CSQ ({@code ""} when none). */
    public static String joinTerms(Iterable<Consequence> consequences) {
        StringBuilder b = new StringBuilder();
        for (Consequence c : consequences) {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(c.term());
        }
        return b.toString();
    }
}
