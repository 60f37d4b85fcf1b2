package org.oncoconcord.annotate;

/** The standard genetic code and the HGVS three-letter amino-acid names ({@code *} = Ter). */
public final class AminoAcids {
    private static final String BASES = "TCAG";
    // Codon order TTT TTC TTA TTG TCT ... (first base slowest), standard code.
    private static final String CODE =
            "FFLLSSSSYY**CC*WLLLLPPPPHHQQRRRRIIIMTTTTNNKKSSRRVVVVAAAADDEEGGGG";
    private static final String ONE = "ACDEFGHIKLMNPQRSTVWY*X";
    private static final String[] THREE = {"Ala", "Cys", "Asp", "Glu", "Phe", "Gly", "His", "Ile", "Lys",
        "Leu", "Met", "Asn", "Pro", "Gln", "Arg", "Ser", "Thr", "Val", "Trp", "Tyr", "Ter", "Xaa"};

    private AminoAcids() {
    }

    /** Index in {@link #BASES} of each ASCII character (either case), else -1. */
    private static final byte[] INDEX = new byte[128];

    static {
        java.util.Arrays.fill(INDEX, (byte) -1);
        for (int i = 0; i < BASES.length(); i++) {
            INDEX[BASES.charAt(i)] = (byte) i;
            INDEX[Character.toLowerCase(BASES.charAt(i))] = (byte) i;
        }
    }

    private static int index(char base) {
        return base < 128 ? INDEX[base] : BASES.indexOf(Character.toUpperCase(base));
    }

    /** The amino acid of the codon at {@code seq[from..from+3)}; X when it holds a non-ACGT base. */
    public static char translate(CharSequence seq, int from) {
        int a = index(seq.charAt(from));
        int b = index(seq.charAt(from + 1));
        int c = index(seq.charAt(from + 2));
        if (a < 0 || b < 0 || c < 0) {
            return 'X';
        }
        return CODE.charAt(a * 16 + b * 4 + c);
    }

    /**
     * Translates whole codons from codon {@code fromCodon}; stops after the first stop codon when
     * {@code untilStop}.
     */
    public static String translate(CharSequence cds, int fromCodon, boolean untilStop) {
        StringBuilder out = new StringBuilder(Math.max(0, cds.length() / 3 - fromCodon));
        for (int i = fromCodon * 3; i + 3 <= cds.length(); i += 3) {
            char aa = translate(cds, i);
            out.append(aa);
            if (untilStop && aa == '*') {
                break;
            }
        }
        return out.toString();
    }

    /** HGVS three-letter name: {@code G -> Gly}, {@code * -> Ter}. */
    public static String three(char aa) {
        int i = ONE.indexOf(aa);
        return i < 0 ? "Xaa" : THREE[i];
    }

    /**
     * The short (one-letter) form of a three-letter HGVS protein change, with or without a
     * {@code NP_...:} prefix: {@code p.Gly12Asp -> p.G12D}, {@code p.Lys5AsnfsTer4 -> p.K5Nfs*4};
     * unknown three-letter codes are kept.
     */
    public static String shortForm(String hgvsp) {
        String p = hgvsp.substring(hgvsp.indexOf(':') + 1);
        java.util.regex.Matcher m = THREE_LETTER.matcher(p);
        StringBuilder b = new StringBuilder(p.length());
        while (m.find()) {
            int i = java.util.Arrays.asList(THREE).indexOf(m.group());
            m.appendReplacement(b, i < 0 ? m.group() : java.util.regex.Matcher.quoteReplacement(String.valueOf(ONE.charAt(i))));
        }
        m.appendTail(b);
        return b.toString();
    }

    private static final java.util.regex.Pattern THREE_LETTER = java.util.regex.Pattern.compile("[A-Z][a-z]{2}");

    /** Three-letter names of a peptide, concatenated. */
    public static String three(CharSequence peptide) {
        StringBuilder b = new StringBuilder(peptide.length() * 3);
        for (int i = 0; i < peptide.length(); i++) {
            b.append(three(peptide.charAt(i)));
        }
        return b.toString();
    }

    /** Reverse complement of an upper-case DNA string (N and other letters stay). */
    public static String reverseComplement(String dna) {
        StringBuilder b = new StringBuilder(dna.length());
        for (int i = dna.length() - 1; i >= 0; i--) {
            char c = dna.charAt(i);
            b.append(switch (c) {
                case 'A' -> 'T';
                case 'C' -> 'G';
                case 'G' -> 'C';
                case 'T' -> 'A';
                case 'a' -> 't';
                case 'c' -> 'g';
                case 'g' -> 'c';
                case 't' -> 'a';
                default -> c;
            });
        }
        return b.toString();
    }
}
