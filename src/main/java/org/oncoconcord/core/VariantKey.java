package org.oncoconcord.core;

/**
 * One allele of a normalized, biallelic variant: contig (any style; compare with
 * {@link #sameAllele(VariantKey)}), 1-based position, REF and one ALT allele.
 */
public record VariantKey(String chrom, int pos, String ref, String alt) {

    /** True when both denote the same allele, contig styles harmonised. */
    public boolean sameAllele(VariantKey o) {
        return pos == o.pos && ref.equals(o.ref) && alt.equals(o.alt) && ContigNames.same(chrom, o.chrom);
    }

    /** Last reference base covered by the REF allele. */
    public int end() {
        return pos + ref.length() - 1;
    }

    /** {@code chrom:pos:ref>alt}. */
    @Override
    public String toString() {
        return chrom + ":" + pos + ":" + ref + ">" + alt;
    }
}
