package org.oncoconcord.annotate;

/**
 * One alternate allele in minimal form: {@code ref} occupies genomic positions
 * {@code start..start+ref.length()-1} (1-based) and is replaced by {@code alt}; an insertion has an
 * empty {@code ref} and goes between {@code start-1} and {@code start}.
 */
public record Allele(String chrom, int start, String ref, String alt) {

    /** Last reference position ({@code start-1} for an insertion). */
    public int end() {
        return start + ref.length() - 1;
    }

    public boolean isInsertion() {
        return ref.isEmpty();
    }

    public boolean isDeletion() {
        return alt.isEmpty();
    }

    /** From VCF fields: removes the bases shared by REF and ALT at the start (the VCF anchor), then at the end. */
    public static Allele fromVcf(String chrom, int pos, String ref, String alt) {
        String r = ref.toUpperCase(java.util.Locale.ROOT);
        String a = alt.toUpperCase(java.util.Locale.ROOT);
        int prefix = 0;
        while (prefix < r.length() && prefix < a.length() && r.charAt(prefix) == a.charAt(prefix)) {
            prefix++;
        }
        r = r.substring(prefix);
        a = a.substring(prefix);
        int suffix = 0;
        while (suffix < r.length() && suffix < a.length()
                && r.charAt(r.length() - 1 - suffix) == a.charAt(a.length() - 1 - suffix)) {
            suffix++;
        }
        r = r.substring(0, r.length() - suffix);
        a = a.substring(0, a.length() - suffix);
        return new Allele(chrom, pos + prefix, r, a);
    }

    /** MAF Variant_Type: SNP, DNP, TNP, ONP, INS or DEL. */
    public String mafVariantType() {
        if (ref.length() == alt.length()) {
            return switch (ref.length()) {
                case 1 -> "SNP";
                case 2 -> "DNP";
                case 3 -> "TNP";
                default -> "ONP";
            };
        }
        return ref.length() < alt.length() ? "INS" : "DEL";
    }
}
