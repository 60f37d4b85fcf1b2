package org.oncoconcord.annotate;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What one allele does to one gene's transcript, as gene status needs it: from our engine
 * ({@link #of(Annotation)}) or from an annotation the VCF already carries ({@link #of(ExistingAnnotations.Entry)}).
 *
 * @param gene         gene symbol ({@code ""} for an intergenic allele)
 * @param consequences SO terms, most severe first (empty when the tool's terms are unknown to us)
 * @param impact       IMPACT (null when unknown)
 * @param hgvsc        {@code NM_004985.5:c.35G>A} or {@code ""}
 * @param hgvspShort   {@code p.G12D} or {@code ""}
 * @param inCds        the allele changes the coding sequence (synonymous included)
 * @param firstCodon   first codon changed (0 when none)
 * @param lastCodon    last codon changed (0 when none)
 */
public record GeneEffect(String gene, List<Consequence> consequences, Impact impact, String hgvsc, String hgvspShort,
                         boolean inCds, int firstCodon, int lastCodon) {

    /** Terms that mean the coding sequence is changed (VEP's coding terms). */
    private static final Set<Consequence> CODING = EnumSet.of(Consequence.STOP_GAINED, Consequence.FRAMESHIFT_VARIANT,
            Consequence.STOP_LOST, Consequence.START_LOST, Consequence.INFRAME_INSERTION, Consequence.INFRAME_DELETION,
            Consequence.MISSENSE_VARIANT, Consequence.PROTEIN_ALTERING_VARIANT, Consequence.INCOMPLETE_TERMINAL_CODON_VARIANT,
            Consequence.START_RETAINED_VARIANT, Consequence.STOP_RETAINED_VARIANT, Consequence.SYNONYMOUS_VARIANT,
            Consequence.CODING_SEQUENCE_VARIANT);

    public GeneEffect {
        consequences = List.copyOf(consequences);
    }

    /** Our engine's annotation. */
    public static GeneEffect of(Annotation a) {
        String p = a.proteinPosition();
        int first = 0;
        int last = 0;
        if (!p.isEmpty()) {
            int dash = p.indexOf('-');
            first = Integer.parseInt(dash < 0 ? p : p.substring(0, dash));
            last = Integer.parseInt(dash < 0 ? p : p.substring(dash + 1));
        }
        return new GeneEffect(a.gene(), a.consequences(), a.impact(), a.hgvsc(), a.hgvspShort(), !a.cdsPosition().isEmpty(),
                first, last);
    }

    /** A VEP/SnpEff/Funcotator entry: HGVSc prefixed by its transcript, codons read from the protein change. */
    public static GeneEffect of(ExistingAnnotations.Entry e) {
        String hgvsc = e.hgvsc().isEmpty() || e.transcript().isEmpty() ? e.hgvsc() : e.transcript() + ":" + e.hgvsc();
        boolean inCds = false;
        for (Consequence c : e.consequences()) {
            inCds |= CODING.contains(c);
        }
        int[] codons = codons(e.hgvspShort());
        return new GeneEffect(e.gene(), e.consequences(), e.impact(), hgvsc, e.hgvspShort(), inCds, codons[0], codons[1]);
    }

    /** The first and last codon numbers of a short protein change ({@code p.G12D}: 12, 12; {@code p.G12_G13del}: 12, 13); 0, 0 when none. */
    static int[] codons(String hgvspShort) {
        int[] out = new int[2];
        int k = 0;
        int i = hgvspShort.startsWith("p.") ? 2 : 0;
        while (i < hgvspShort.length() && k < 2) {
            char c = hgvspShort.charAt(i);
            if (Character.isDigit(c)) {
                int v = 0;
                while (i < hgvspShort.length() && Character.isDigit(hgvspShort.charAt(i))) {
                    v = v * 10 + (hgvspShort.charAt(i++) - '0');
                }
                out[k++] = v;
                // only a range's second position follows "_"; anything else (fs*4, ext*) ends the positions
                if (i >= hgvspShort.length() || hgvspShort.charAt(i) != '_') {
                    break;
                }
            } else {
                i++;
            }
        }
        if (k == 1) {
            out[1] = out[0];
        }
        return out;
    }

    /** The most severe term, or null when none is known. */
    public Consequence mostSevere() {
        return consequences.isEmpty() ? null : consequences.get(0);
    }

    /** HIGH or MODERATE impact. */
    public boolean proteinAltering() {
        return impact == Impact.HIGH || impact == Impact.MODERATE;
    }

    /** Consequence terms joined by {@code &}, as in VEP's CSQ ({@code ""} when none). */
    public String consequenceTerms() {
        return Consequence.joinTerms(consequences);
    }
}
