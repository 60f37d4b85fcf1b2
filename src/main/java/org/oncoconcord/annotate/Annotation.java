package org.oncoconcord.annotate;

import java.util.List;

/**
 * The effect of one allele on one transcript (or intergenic, when {@code transcript} is null),
 * in VEP's terms. Positions are strings as VEP writes them ({@code 12}, {@code 12-13}); empty
 * strings mean "not applicable".
 *
 * @param consequences SO terms, most severe first
 * @param exon         {@code 2/5} or empty
 * @param intron       {@code 1/4} or empty
 * @param hgvsc        {@code NM_004985.5:c.35G>A} or empty
 * @param hgvsp        {@code NP_004976.2:p.Gly12Asp} or empty
 * @param hgvspShort   {@code p.G12D} or empty
 * @param aminoAcids   VEP's Amino_acids, e.g. {@code G/D}
 * @param codons       VEP's Codons, e.g. {@code gGt/gAt}
 * @param distance     distance to the transcript for up/downstream variants, else -1
 * @param refMismatch  the allele's REF disagrees with the transcript's CDS (wrong build?)
 */
public record Annotation(Allele allele, Transcript transcript, List<Consequence> consequences,
                         String exon, String intron, String cdnaPosition, String cdsPosition,
                         String proteinPosition, String aminoAcids, String codons,
                         String hgvsc, String hgvsp, String hgvspShort, int distance, boolean refMismatch) {

    public Annotation {
        consequences = List.copyOf(consequences);
    }

    public Consequence mostSevere() {
        return consequences.get(0);
    }

    public Impact impact() {
        return mostSevere().impact();
    }

    public String gene() {
        return transcript == null ? "" : transcript.gene();
    }

    /** Consequence terms joined by {@code &}, as in VEP's CSQ. */
    public String consequenceTerms() {
        return Consequence.joinTerms(consequences);
    }
}
