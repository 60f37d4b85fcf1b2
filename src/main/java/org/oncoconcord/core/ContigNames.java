package org.oncoconcord.core;

import java.util.Locale;

/**
 * Harmonises contig names between the UCSC ({@code chr1}, {@code chrM}) and Ensembl/NCBI ({@code 1},
 * {@code MT}) styles. Compare contigs by {@link #canonical(String)}; print them with
 * {@link #inStyleOf(String, String)} to keep the style of a reference or first input.
 */
public final class ContigNames {
    private ContigNames() {
    }

    /**
     * The style-free name: {@code chr} prefix (any case) removed, {@code M}/{@code chrM}/{@code MT}
     * mapped to {@code MT}, RefSeq's accessions of the human chromosomes (NCBI's GFF3 and FASTA:
     * {@code NC_000001.11} .. {@code NC_000024.10}, {@code NC_012920.1}; any version, GRCh37's too) mapped
     * to {@code 1} .. {@code 22}, {@code X}, {@code Y}, {@code MT}. Other names (e.g. {@code GL000192.1},
     * {@code chrUn_xxx}, {@code NT_187361.1}) lose only the prefix.
     */
    public static String canonical(String contig) {
        if (contig.startsWith("NC_0")) {
            String chromosome = refSeqChromosome(contig);
            if (chromosome != null) {
                return chromosome;
            }
        }
        String c = contig;
        if (c.length() > 3 && c.regionMatches(true, 0, "chr", 0, 3)) {
            c = c.substring(3);
        }
        if (c.equals("M") || c.equals("m") || c.equalsIgnoreCase("MT")) {
            return "MT";
        }
        return c;
    }

    /** The chromosome of a RefSeq human chromosome accession {@code NC_0000NN.V} (NN 01-24) or {@code NC_012920.V}; else null. */
    private static String refSeqChromosome(String c) {
        int dot = c.indexOf('.');
        if (dot != 9 || c.length() == 10) {
            return null;
        }
        for (int i = dot + 1; i < c.length(); i++) {
            if (!digit(c.charAt(i))) {
                return null;
            }
        }
        if (c.startsWith("NC_012920")) {
            return "MT";
        }
        if (!c.startsWith("NC_0000") || !digit(c.charAt(7)) || !digit(c.charAt(8))) {
            return null;
        }
        int n = Integer.parseInt(c, 7, 9, 10);
        return n >= 1 && n <= 22 ? Integer.toString(n) : n == 23 ? "X" : n == 24 ? "Y" : null;
    }

    private static boolean digit(char ch) {
        return ch >= '0' && ch <= '9';
    }

    /** True when the name uses the UCSC style ({@code chr} prefix). */
    public static boolean isChrStyle(String contig) {
        return contig.length() > 3 && contig.regionMatches(true, 0, "chr", 0, 3);
    }

    /** {@code canonicalName} written in the style of {@code example} ({@code chr} prefix or not). */
    public static String inStyleOf(String canonicalName, String example) {
        return isChrStyle(example) ? toChrStyle(canonicalName) : canonicalName;
    }

    /** UCSC style: {@code 1 -> chr1}, {@code MT -> chrM}. */
    public static String toChrStyle(String canonicalName) {
        String c = canonical(canonicalName);
        return c.equals("MT") ? "chrM" : "chr" + c;
    }

    /** True when the two names denote the same contig. */
    public static boolean same(String a, String b) {
        return canonical(a).equals(canonical(b));
    }

    /**
     * A karyotypic sort key for contigs that no header orders: 1..22 first, then X, Y, MT, then
     * others by name. Used only as a fallback after header order.
     */
    public static String naturalKey(String contig) {
        String c = canonical(contig).toUpperCase(Locale.ROOT);
        int rank;
        if (c.matches("\\d{1,2}")) {
            rank = Integer.parseInt(c);
        } else if (c.equals("X")) {
            rank = 23;
        } else if (c.equals("Y")) {
            rank = 24;
        } else if (c.equals("MT")) {
            rank = 25;
        } else {
            rank = 99;
        }
        return String.format(Locale.ROOT, "%02d:%s", rank, c);
    }
}
