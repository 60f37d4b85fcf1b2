package org.oncoconcord.normalize;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks REF against the reference, fixes it ({@code -c s}) and left-aligns/trims alleles, with
 * bcftools norm's rules: trim the common last base of all alleles (padding from the reference on
 * the left when an allele empties), then trim common leading bases keeping one.
 */
final class Realigner {
    enum Result { OK, CHANGED, REF_MISMATCH, DUP_ALLELE, SYMBOLIC, SPANNING_DELETION }

    private static final int ALN_WIN = 100;
    private final ReferenceGenome ref;
    /** Message of the last REF_MISMATCH, for warnings and errors. */
    String lastMismatch;

    Realigner(ReferenceGenome ref) {
        this.ref = ref;
    }

    /** A, C, G, T, N in either case: no other char upper-cases to one of them (a table, not a case mapping per base). */
    private static final boolean[] ACGTN = new boolean[128];

    static {
        for (char c : "ACGTNacgtn".toCharArray()) {
            ACGTN[c] = true;
        }
    }

    static boolean isAcgtn(char c) {
        return c < 128 && ACGTN[c];
    }

    static boolean hasNonAcgtn(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (!isAcgtn(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Replaces IUPAC ambiguity (any non-ACGTN) with N; returns how many were replaced. */
    static String replaceIupac(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            if (!isAcgtn(s.charAt(i))) {
                if (sb == null) {
                    sb = new StringBuilder(s);
                }
                sb.setCharAt(i, 'N');
            }
        }
        return sb == null ? s : sb.toString();
    }

    /**
     * {@code -c s}: sets a missing/N REF, replaces ambiguity codes, swaps REF with a matching ALT,
     * else sets REF to the reference bases.
     */
    boolean fixRef(VcfRecord r) {
        String[] al = r.alleles;
        int maxlen = 0;
        for (String a : al) {
            maxlen = Math.max(maxlen, a.length());
        }
        String fa = replaceIupac(ref.fetch(r.chrom, r.pos - 1, r.pos - 1 + maxlen));
        int reflen = al[0].length();
        if (regionEqualsIgnoreCase(al[0], fa, reflen)) {
            return false;
        }
        if (fa.isEmpty()) {
            return false;
        }
        if (reflen == 1 && (al[0].equals(".") || al[0].equalsIgnoreCase("N"))) {
            al[0] = fa.substring(0, 1);
            return true;
        }
        boolean nonAcgtn = false;
        for (int i = 0; i < al.length; i++) {
            if (al[i].startsWith("<")) {
                continue;
            }
            String rep = replaceIupac(al[i]);
            if (!rep.equals(al[i])) {
                nonAcgtn = true;
                al[i] = rep;
            }
        }
        if (nonAcgtn && regionEqualsIgnoreCase(al[0], fa, reflen)) {
            return true;
        }
        boolean fixedN = false;
        for (int i = 0; i < reflen && i < fa.length(); i++) {
            if (al[0].charAt(i) == 'N') {
                al[0] = setChar(al[0], i, fa.charAt(i));
                fixedN = true;
                for (int j = 1; j < al.length; j++) {
                    if (i < al[j].length() && al[j].charAt(i) == 'N') {
                        al[j] = setChar(al[j], i, fa.charAt(i));
                    }
                }
            }
        }
        if (fixedN && regionEqualsIgnoreCase(al[0], fa, reflen)) {
            return true;
        }
        int i;
        for (i = 1; i < al.length; i++) {
            if (regionEqualsIgnoreCase(al[i], fa, al[i].length())) {
                break;
            }
        }
        if (i == al.length) {
            // no ALT matches the reference: set REF to the reference bases, alleles and GT otherwise
            // unchanged (bcftools 1.16 fix_ref)
            al[0] = fa.substring(0, Math.min(reflen, fa.length()));
            return true;
        }
        String tmp = al[0];
        al[0] = al[i];
        al[i] = tmp;
        r.alleles = al;
        swapGenotypes(r, i);
        return true;
    }

    /**
     * {@code -c s} on a record with an ALT equal to REF: drops such ALTs and maps genotypes calling
     * them to REF (bcftools 1.16 fix_dup_alt; like it, other Number=A/R/G fields are left as they are).
     */
    static void fixDuplicateAlts(VcfRecord r) {
        String[] al = r.alleles;
        int[] map = new int[al.length];
        List<String> kept = new ArrayList<>();
        kept.add(al[0]);
        for (int i = 1; i < al.length; i++) {
            if (al[i].equalsIgnoreCase(al[0])) {
                map[i] = 0;
            } else {
                map[i] = kept.size();
                kept.add(al[i]);
            }
        }
        r.alleles = kept.toArray(String[]::new);
        r.ensureParsed();
        int gi = r.formatIndex("GT");
        if (gi < 0) {
            return;
        }
        for (String[] smp : r.samples) {
            if (gi >= smp.length) {
                continue;
            }
            Genotype g = Genotype.parse(smp[gi]);
            boolean changed = false;
            for (int k = 0; k < g.alleles.length; k++) {
                int a = g.alleles[k];
                if (a > 0) {
                    int b = a < map.length ? map[a] : 0;
                    changed |= a != b;
                    g.alleles[k] = b;
                }
            }
            if (changed) {
                smp[gi] = g.toString();
            }
        }
    }

    private static void swapGenotypes(VcfRecord r, int i) {
        r.ensureParsed();
        int gi = r.formatIndex("GT");
        int ni = 0;
        if (gi >= 0) {
            for (String[] smp : r.samples) {
                Genotype g = Genotype.parse(smp[gi]);
                for (int k = 0; k < g.alleles.length; k++) {
                    if (g.alleles[k] == 0) {
                        g.alleles[k] = i;
                        ni++;
                    } else if (g.alleles[k] == i) {
                        g.alleles[k] = 0;
                    }
                }
                smp[gi] = g.toString();
            }
        }
        String ac = r.infoValue("AC");
        if (ac != null) {
            String[] v = VcfValues.split(ac, ',');
            if (i <= v.length) {
                v[i - 1] = Integer.toString(ni);
                r.setInfo("AC", String.join(",", v));
            }
        }
    }

    private static String setChar(String s, int i, char c) {
        char[] a = s.toCharArray();
        a[i] = c;
        return new String(a);
    }

    private static boolean regionEqualsIgnoreCase(String a, String fa, int n) {
        if (fa.length() < n || a.length() < n) {
            return false;
        }
        return a.regionMatches(true, 0, fa, 0, n);
    }

    /** The SNV case of {@link #realign}: only the checks, nothing can move. */
    private Result checkSnv(VcfRecord r) {
        char rc = r.alleles[0].charAt(0);
        char ac = r.alleles[1].charAt(0);
        char fb = ref.base(r.chrom, r.pos - 1);
        char fu = isAcgtn(fb) ? Character.toUpperCase(fb) : 'N';
        if (fb == 0) {
            fu = ' ';
        }
        if (!isAcgtn(rc)) {
            lastMismatch = "non-ACGTN reference allele at " + r.chrom + ":" + r.pos + " .. REF_SEQ:'" + fu + "' vs VCF:'" + rc + "'";
            return Result.REF_MISMATCH;
        }
        if (Character.toUpperCase(rc) != fu) {
            lastMismatch = "reference allele mismatch at " + r.chrom + ":" + r.pos + " .. REF_SEQ:'" + fu + "' vs VCF:'" + rc + "'";
            return Result.REF_MISMATCH;
        }
        if (ac == '<') {
            return Result.SYMBOLIC;
        }
        if (ac == '*') {
            return Result.SPANNING_DELETION;
        }
        if (!isAcgtn(ac)) {
            lastMismatch = "non-ACGTN alternate allele at " + r.chrom + ":" + r.pos + " .. VCF:'" + ac + "'";
            return Result.REF_MISMATCH;
        }
        if (Character.toUpperCase(ac) == Character.toUpperCase(rc)) {
            return Result.DUP_ALLELE;
        }
        return Result.OK;
    }

    /** Upper case of a char of an allele or of padding (only A, C, G, T, N in either case reach here). */
    private static char up(char c) {
        return (char) (c & ~0x20);
    }

    /** True when {@code fetched} (bases as in the FASTA) upper-cased, with non-ACGTN as N, equals {@code allele} ignoring case. */
    private static boolean refMatches(String fetched, String allele) {
        int n = allele.length();
        if (fetched.length() != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char f = Character.toUpperCase(fetched.charAt(i));
            if (!isAcgtn(f)) {
                f = 'N';
            }
            if (f != up(allele.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Left-aligns and trims; updates the record in place. */
    Result realign(VcfRecord r) {
        String[] al = r.alleles;
        if (al.length == 2 && al[0].length() == 1 && al[1].length() == 1) {
            return checkSnv(r);
        }
        String ref0 = al[0];
        int reflen = ref0.length();
        String fetched = ref.fetch(r.chrom, r.pos - 1, r.pos - 1 + reflen);
        if (hasNonAcgtn(ref0)) {
            lastMismatch = "non-ACGTN reference allele at " + r.chrom + ":" + r.pos + " .. REF_SEQ:'" + refSeq(fetched) + "' vs VCF:'" + ref0 + "'";
            return Result.REF_MISMATCH;
        }
        if (!refMatches(fetched, ref0)) {
            lastMismatch = "reference allele mismatch at " + r.chrom + ":" + r.pos + " .. REF_SEQ:'" + refSeq(fetched) + "' vs VCF:'" + ref0 + "'";
            return Result.REF_MISMATCH;
        }
        if (al.length == 1) {
            if (reflen > 1) {
                al[0] = ref0.substring(0, 1); // as bcftools: not counted nor tagged as realigned
            }
            return Result.OK;
        }
        if ((VariantType.of(al) & ~VariantType.BND) == 0 && VariantType.of(al) == VariantType.BND) {
            return Result.SYMBOLIC;
        }
        for (int i = 1; i < al.length; i++) {
            Result bad = checkAlt(r, al[i], ref0);
            if (bad != null) {
                return bad;
            }
        }
        return leftAlign(r, al, reflen);
    }

    /** The reference bases of a REF_MISMATCH message: upper case, non-ACGTN as N. */
    private static String refSeq(String fetched) {
        return replaceIupac(fetched.toUpperCase());
    }

    /** Why ALT {@code a} stops the realignment (symbolic, spanning deletion, non-ACGTN, equal to REF), or null. */
    private Result checkAlt(VcfRecord r, String a, String ref0) {
        if (a.startsWith("<")) {
            return Result.SYMBOLIC;
        }
        if (a.startsWith("*")) {
            return Result.SPANNING_DELETION;
        }
        if (hasNonAcgtn(a)) {
            lastMismatch = "non-ACGTN alternate allele at " + r.chrom + ":" + r.pos + " .. VCF:'" + a + "'";
            return Result.REF_MISMATCH;
        }
        return a.equalsIgnoreCase(ref0) ? Result.DUP_ALLELE : null;
    }

    /**
     * bcftools' realign_left on alleles of A/C/G/T/N: trims the common last base of all alleles
     * (padding every allele with up to {@link #ALN_WIN} reference bases on the left when one empties),
     * then the common leading bases keeping one. Alleles are held as char arrays (content [0, len)).
     */
    private Result leftAlign(VcfRecord r, String[] al, int reflen) {
        int n = al.length;
        char[][] als = new char[n][];
        int[] len = new int[n];
        for (int i = 0; i < n; i++) {
            als[i] = al[i].toCharArray();
            len[i] = als[i].length;
        }
        int pos0 = r.pos - 1;
        int oriPos = pos0;
        while (true) {
            int minLen = len[0];
            char last0 = up(als[0][len[0] - 1]);
            int i;
            for (i = 1; i < n; i++) {
                if (last0 != up(als[i][len[i] - 1])) {
                    break;
                }
                minLen = Math.min(minLen, len[i]);
            }
            if (i != n || (minLen <= 1 && pos0 == 0)) {
                break;
            }
            boolean pad = false;
            for (int k = 0; k < n; k++) {
                pad |= --len[k] == 0;
            }
            if (pad) {
                int npad = Math.min(pos0, ALN_WIN);
                char[] p = replaceIupac(ref.fetch(r.chrom, pos0 - npad, pos0)).toCharArray();
                for (int k = 0; k < n; k++) {
                    char[] a = new char[p.length + len[k]];
                    System.arraycopy(p, 0, a, 0, p.length);
                    System.arraycopy(als[k], 0, a, p.length, len[k]);
                    als[k] = a;
                    len[k] = a.length;
                }
                pos0 -= npad;
            }
        }
        int ntrim = 0;
        while (true) {
            int minLen = len[0] - ntrim;
            char c0 = up(als[0][ntrim]);
            int i;
            for (i = 1; i < n; i++) {
                if (ntrim >= len[i] || c0 != up(als[i][ntrim])) {
                    break;
                }
                minLen = Math.min(minLen, len[i] - ntrim);
            }
            if (i != n || minLen <= 1) {
                break;
            }
            ntrim++;
        }
        pos0 += ntrim;
        if (oriPos == pos0 && same(al[0], als[0], ntrim, len[0])) {
            return Result.OK;
        }
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            out[i] = new String(als[i], ntrim, len[i] - ntrim);
        }
        shiftEnd(r, oriPos + reflen, pos0 + out[0].length());
        r.alleles = out;
        r.pos = pos0 + 1;
        return Result.CHANGED;
    }

    /** True when {@code s} equals a[from, to). */
    private static boolean same(String s, char[] a, int from, int to) {
        if (s.length() != to - from) {
            return false;
        }
        for (int i = from; i < to; i++) {
            if (a[i] != s.charAt(i - from)) {
                return false;
            }
        }
        return true;
    }

    /** Moves INFO/END by as much as REF's end moved (from {@code oriEnd} to {@code newEnd}, 0-based exclusive). */
    private static void shiftEnd(VcfRecord r, int oriEnd, int newEnd) {
        String end = r.infoValue("END");
        if (end != null) {
            try {
                int e = Integer.parseInt(end);
                r.setInfo("END", Integer.toString(e - (oriEnd - newEnd)));
            } catch (NumberFormatException ignored) {
                // leave as is
            }
        }
    }
}
