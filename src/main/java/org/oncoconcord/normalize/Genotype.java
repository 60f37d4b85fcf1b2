package org.oncoconcord.normalize;

/** A parsed GT value: allele indexes (-1 missing) and the separators ('/' or '|') between them. */
final class Genotype {
    int[] alleles;
    char[] seps;
    /** True when the value was a bare "." with no alleles. */
    boolean empty;

    static Genotype parse(String s) {
        Genotype g = new Genotype();
        if (s == null || s.isEmpty()) {
            g.alleles = new int[] {-1};
            g.seps = new char[0];
            return g;
        }
        int n = 1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '/' || c == '|') {
                n++;
            }
        }
        g.alleles = new int[n];
        g.seps = new char[n - 1];
        int k = 0;
        int start = 0;
        for (int i = 0; i <= s.length(); i++) {
            char c = i < s.length() ? s.charAt(i) : 0;
            if (c == '/' || c == '|' || c == 0) {
                String tok = s.substring(start, i);
                g.alleles[k] = tok.equals(".") || tok.isEmpty() ? -1 : Integer.parseInt(tok);
                if (c != 0) {
                    g.seps[k] = c;
                }
                k++;
                start = i + 1;
            }
        }
        return g;
    }

    /** A copy with one more (missing) allele after an unphased separator. */
    Genotype extended() {
        Genotype g = new Genotype();
        g.alleles = java.util.Arrays.copyOf(alleles, alleles.length + 1);
        g.alleles[alleles.length] = -1;
        g.seps = java.util.Arrays.copyOf(seps, seps.length + 1);
        g.seps[seps.length] = '/';
        return g;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(4);
        for (int i = 0; i < alleles.length; i++) {
            if (i > 0) {
                sb.append(seps[i - 1]);
            }
            sb.append(alleles[i] < 0 ? "." : Integer.toString(alleles[i]));
        }
        return sb.toString();
    }
}
