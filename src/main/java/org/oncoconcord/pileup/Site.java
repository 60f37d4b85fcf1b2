package org.oncoconcord.pileup;

/**
 * One biallelic site to count, in normalized (trimmed, left-aligned) VCF form: 1-based
 * {@code pos}; indels keep one anchor base, so REF and ALT share their first base.
 *
 * @param index position of the site in the input order (rows of the output follow it)
 * @param calledIn sample names whose genotype in the sites VCF carries this ALT (empty for TSV)
 */
public record Site(int index, String contig, int pos, String ref, String alt, java.util.Set<String> calledIn) {

    /** The kind of event, which decides how a read's alignment is matched to the ALT allele. */
    public enum Kind { SNV, INSERTION, DELETION, COMPLEX }

    public Kind kind() {
        if (ref.length() == 1 && alt.length() == 1) {
            return Kind.SNV;
        }
        if (ref.length() == 1 && alt.length() > 1 && ref.charAt(0) == alt.charAt(0)) {
            return Kind.INSERTION;
        }
        if (alt.length() == 1 && ref.length() > 1 && ref.charAt(0) == alt.charAt(0)) {
            return Kind.DELETION;
        }
        return Kind.COMPLEX;
    }

    /** Removes the bases REF and ALT share at their ends (keeping one anchor base for indels). */
    public static Site trimmed(int index, String contig, int pos, String ref, String alt, java.util.Set<String> calledIn) {
        String r = ref.toUpperCase(java.util.Locale.ROOT);
        String a = alt.toUpperCase(java.util.Locale.ROOT);
        while (r.length() > 1 && a.length() > 1 && r.charAt(r.length() - 1) == a.charAt(a.length() - 1)) {
            r = r.substring(0, r.length() - 1);
            a = a.substring(0, a.length() - 1);
        }
        while (r.length() > 1 && a.length() > 1 && r.charAt(0) == a.charAt(0) && r.charAt(1) == a.charAt(1)) {
            r = r.substring(1);
            a = a.substring(1);
            pos++;
        }
        if (r.length() > 1 && a.length() > 1 && r.charAt(0) == a.charAt(0) && r.length() == a.length()) {
            r = r.substring(1);
            a = a.substring(1);
            pos++;
        }
        return new Site(index, contig, pos, r, a, calledIn);
    }
}
