package org.oncoconcord.simulate;

/** A biallelic variant in VCF coordinates (1-based POS, REF, ALT), on the reference's contig names. */
public record Variant(String chrom, int pos, String ref, String alt) {

    public boolean isSnv() {
        return ref.length() == 1 && alt.length() == 1;
    }

    public boolean isIndel() {
        return ref.length() != alt.length();
    }

    /** Last reference base covered. */
    public int end() {
        return pos + ref.length() - 1;
    }

    /** {@code chrom:pos:ref:alt}. */
    public String key() {
        return chrom + ":" + pos + ":" + ref + ":" + alt;
    }
}
