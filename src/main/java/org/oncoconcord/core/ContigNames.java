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
     * mapped to {@code MT}. Other names (e.g. {@code GL000192.1}, {@code chrUn_xxx}) lose only the prefix.
     */
    public static String canonical(String contig) {
        String c = contig;
        if (c.length() > 3 && c.regionMatches(true, 0, "chr", 0, 3)) {
            c = c.substring(3);
        }
        if (c.equals("M") || c.equals("m") || c.equalsIgnoreCase("MT")) {
            return "MT";
        }
        return c;
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
