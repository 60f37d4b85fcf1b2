package org.oncoconcord.normalize;

/**
 * Variant classes of an allele pair with the same rules as htslib's {@code bcf_get_variant_types}
 * (bit set: REF 0, SNP 1, MNP 2, INDEL 4, OTHER 8, BND 16, OVERLAP 32).
 */
final class VariantType {
    static final int REF = 0;
    static final int SNP = 1;
    static final int MNP = 2;
    static final int INDEL = 4;
    static final int OTHER = 8;
    static final int BND = 16;
    static final int OVERLAP = 32;

    private VariantType() {
    }

    /** The union of the classes of all ALT alleles against REF. */
    static int of(String[] alleles) {
        int t = 0;
        for (int i = 1; i < alleles.length; i++) {
            t |= of(alleles[0], alleles[i]);
        }
        return t;
    }

    static int of(String ref, String alt) {
        if (alt.equals("*")) {
            return OVERLAP;
        }
        int rl = ref.length();
        int al = alt.length();
        if (rl == 1 && al == 1) {
            char a = alt.charAt(0);
            if (a == '.' || up(ref.charAt(0)) == up(a) || a == 'X') {
                return REF;
            }
            return SNP;
        }
        if (al > 0 && alt.charAt(0) == '<') {
            if (alt.equals("<X>") || alt.equals("<*>") || alt.equals("<NON_REF>")) {
                return REF;
            }
            return OTHER;
        }
        if (al > 0 && (alt.charAt(0) == '[' || alt.charAt(0) == ']' || alt.charAt(al - 1) == '[' || alt.charAt(al - 1) == ']')) {
            return BND;
        }
        int r = 0;
        int a = 0;
        while (r < rl && a < al && up(ref.charAt(r)) == up(alt.charAt(a))) {
            r++;
            a++;
        }
        if (a < al && r == rl) {
            return INDEL;
        }
        if (r < rl && a == al) {
            return INDEL;
        }
        if (r == rl && a == al) {
            return REF;
        }
        int re = rl - 1;
        int ae = al - 1;
        while (re > r && ae > a && up(ref.charAt(re)) == up(alt.charAt(ae))) {
            re--;
            ae--;
        }
        if (ae == a) {
            if (re == r) {
                return SNP;
            }
            return up(ref.charAt(re)) == up(alt.charAt(ae)) ? INDEL : OTHER;
        } else if (re == r) {
            return up(ref.charAt(re)) == up(alt.charAt(ae)) ? INDEL : OTHER;
        }
        return (re - r == ae - a) ? MNP : OTHER;
    }

    private static char up(char c) {
        return (c >= 'a' && c <= 'z') ? (char) (c - 32) : c;
    }
}
