package org.oncoconcord.concordance;

/**
 * One ALT allele of one VCF record of one sample (multiallelic records give one call per ALT).
 *
 * @param contig  canonical contig name (see {@link org.oncoconcord.core.ContigNames#canonical})
 * @param display the contig name as written in the file
 * @param vaf     tumour VAF of this allele, NaN when unknown
 * @param depth   tumour depth at the site, -1 when unknown
 * @param record  1-based data-record number in the file (for messages)
 */
public record Call(String contig, String display, int pos, String ref, String alt,
                   double vaf, int depth, CallStatus status, long record) {

    /** Same allele (contig, position, REF, ALT). */
    public boolean sameAllele(Call o) {
        return pos == o.pos && contig.equals(o.contig) && ref.equals(o.ref) && alt.equals(o.alt);
    }
}
