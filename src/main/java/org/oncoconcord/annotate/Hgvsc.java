package org.oncoconcord.annotate;

/** HGVS c. descriptions (without the transcript accession). */
final class Hgvsc {
    private Hgvsc() {
    }

    /**
     * A change inside the CDS, {@code cds[cStart..cEnd]} to {@code alt} (transcript orientation):
     * deletions and insertions are shifted 3' within their exon; an insertion repeating the bases
     * before it is a duplication.
     */
    static String coding(Transcript t, int cStart, int cEnd, String ref, String alt) {
        String cds = t.cds();
        if (ref.length() == 1 && alt.length() == 1) {
            return "c." + (cStart + 1) + ref + ">" + alt;
        }
        if (alt.isEmpty()) {
            int limit = t.exonCdsLastIndex(cStart);
            int a = cStart;
            int b = cEnd;
            while (b + 1 <= limit && cds.charAt(a) == cds.charAt(b + 1)) {
                a++;
                b++;
            }
            return "c." + range(a + 1, b + 1) + "del";
        }
        if (ref.isEmpty()) {
            int limit = t.exonCdsLastIndex(cStart);
            int a = cStart;
            String x = alt;
            while (a + 1 <= limit && x.charAt(0) == cds.charAt(a)) {
                x = x.substring(1) + cds.charAt(a);
                a++;
            }
            int n = x.length();
            if (a - n >= 0 && cds.startsWith(x, a - n)) {
                return "c." + range(a - n + 1, a) + "dup";
            }
            return "c." + a + "_" + (a + 1) + "ins" + x;
        }
        return "c." + range(cStart + 1, cEnd + 1) + "delins" + alt;
    }

    /** A change not (wholly) inside the CDS, at the input position, in c. coordinates; empty outside the transcript. */
    static String genomic(Transcript t, Allele allele, int from, int to) {
        String ref = Annotator.oriented(t, allele.ref());
        String alt = Annotator.oriented(t, allele.alt());
        String first = t.cPos(t.plus() ? from : to);
        String last = from == to ? first : t.cPos(t.plus() ? to : from);
        if (first == null || last == null) {
            return "";
        }
        if (allele.isInsertion()) {
            return "c." + first + "_" + last + "ins" + alt;
        }
        String pos = first.equals(last) ? first : first + "_" + last;
        if (ref.length() == 1 && alt.length() == 1) {
            return "c." + pos + ref + ">" + alt;
        }
        return "c." + pos + (alt.isEmpty() ? "del" : "delins" + alt);
    }

    private static String range(int a, int b) {
        return a == b ? Integer.toString(a) : a + "_" + b;
    }
}
