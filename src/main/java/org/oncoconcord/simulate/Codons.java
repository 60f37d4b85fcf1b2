package org.oncoconcord.simulate;

/** The standard genetic code and base complements (the simulator's own, independent of annotate). */
final class Codons {
    private static final String BASES = "TCAG";
    /** Amino acids in TCAG x TCAG x TCAG order (NCBI translation table 1). */
    private static final String AA = "FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG";

    private Codons() {
    }

    /** One-letter amino acid of a codon ({@code *} for a stop). */
    static char translate(CharSequence codon) {
        int i = 0;
        for (int k = 0; k < 3; k++) {
            int b = BASES.indexOf(codon.charAt(k));
            if (b < 0) {
                throw new IllegalArgumentException("not a codon: " + codon);
            }
            i = i * 4 + b;
        }
        return AA.charAt(i);
    }

    /** Translation of {@code seq} from its first base until the first stop (included) or the last whole codon. */
    static String translateUntilStop(CharSequence seq) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i + 3 <= seq.length(); i += 3) {
            char aa = translate(seq.subSequence(i, i + 3));
            b.append(aa);
            if (aa == '*') {
                break;
            }
        }
        return b.toString();
    }

    static char complement(char b) {
        return switch (b) {
            case 'A' -> 'T';
            case 'C' -> 'G';
            case 'G' -> 'C';
            case 'T' -> 'A';
            default -> 'N';
        };
    }

    static String reverseComplement(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = s.length() - 1; i >= 0; i--) {
            b.append(complement(s.charAt(i)));
        }
        return b.toString();
    }
}
