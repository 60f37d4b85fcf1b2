package org.oncoconcord.concordance;

import org.oncoconcord.annotate.ExistingAnnotations;

/**
 * One ALT allele of one VCF record of one sample (multiallelic records give one call per ALT).
 *
 * @param contig   canonical contig name (see {@link org.oncoconcord.core.ContigNames#canonical})
 * @param display  the contig name as written in the file
 * @param vaf      tumour VAF of this allele, NaN when unknown
 * @param depth    tumour depth at the site, -1 when unknown
 * @param record   1-based data-record number in the file (for messages)
 * @param existing the record's VEP/SnpEff/Funcotator annotation of this allele, null when the header
 *                 declares none or the record has none
 */
public record Call(String contig, String display, int pos, String ref, String alt,
                   double vaf, int depth, CallStatus status, long record, ExistingAnnotations.Raw existing) {

    /** A call without an existing annotation. */
    public Call(String contig, String display, int pos, String ref, String alt, double vaf, int depth, CallStatus status,
                long record) {
        this(contig, display, pos, ref, alt, vaf, depth, status, record, null);
    }

    /** Same allele (contig, position, REF, ALT). */
    public boolean sameAllele(Call o) {
        return pos == o.pos && contig.equals(o.contig) && ref.equals(o.ref) && alt.equals(o.alt);
    }
}
