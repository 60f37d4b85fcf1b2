package org.oncoconcord.normalize;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Decomposes MNPs and complex substitutions into primitive records as bcftools 1.16
 * {@code norm --atomize} does: each ALT is compared with REF base by base (right-trimmed, no
 * alignment); each differing position (an indel keeps its anchor base) is an atom; identical atoms
 * from different ALTs become one record. In each record an original ALT maps to 1 (it carries the
 * atom), 0 (it does not overlap it, or agrees with REF there) or to the overlap allele ({@code *},
 * or missing with {@code --atom-overlaps .}). INFO/FORMAT Number=A/R values follow the atom's first
 * ALT (AD and QS summed over the ALTs sharing the atom); Number=G INFO, Number=G string FORMAT and
 * numeric fields whose value count does not fit the record are dropped, as bcftools drops them.
 * Records with fewer than two alleles or any allele other than A/C/G/T/N are passed unchanged.
 */
final class Atomizer {
    private static final String VEND = null;

    private final VcfHeader header;
    private final boolean starAllele;
    private final String oldRecTag;

    /** @param starAllele true for {@code --atom-overlaps *} (the default), false for {@code .} */
    Atomizer(VcfHeader header, boolean starAllele, String oldRecTag) {
        this.header = header;
        this.starAllele = starAllele;
        this.oldRecTag = oldRecTag;
    }

    /** One primitive difference of one ALT: REF/ALT fragments at 0-based offsets {@code beg..end} of REF. */
    private static final class Atom {
        final StringBuilder ref = new StringBuilder(2);
        final StringBuilder alt = new StringBuilder(2);
        final int ial;
        final int beg;
        int end;

        Atom(char r, char a, int ial, int beg) {
            ref.append(r);
            alt.append(a);
            this.ial = ial;
            this.beg = beg;
            this.end = beg;
        }
    }

    /** The decomposition table of one record (bcftools abuf's split table). */
    private static final class Table {
        final int nori;
        final List<Atom> outs = new ArrayList<>();
        final List<byte[]> rows = new ArrayList<>();
        final List<Boolean> overlaps = new ArrayList<>();

        Table(int nori) {
            this.nori = nori;
        }
    }

    /** True when the record is decomposed (at least two alleles, all of them A/C/G/T/N). */
    static boolean atomizable(VcfRecord r) {
        if (r.nAlleles() < 2) {
            return false;
        }
        for (String a : r.alleles) {
            for (int i = 0; i < a.length(); i++) {
                char c = Character.toUpperCase(a.charAt(i));
                if (c != 'A' && c != 'C' && c != 'G' && c != 'T' && c != 'N') {
                    return false;
                }
            }
        }
        return true;
    }

    /** The records {@code src} decomposes into, sorted by position; {@code [src]} when not atomizable. */
    List<VcfRecord> atomize(VcfRecord src) {
        if (!atomizable(src)) {
            return List.of(src);
        }
        src.ensureParsed();
        List<Atom> atoms = new ArrayList<>();
        for (int i = 1; i < src.nAlleles(); i++) {
            atomizeAllele(src.alleles[0], src.alleles[i], i, atoms);
        }
        atoms.sort(Comparator.<Atom>comparingInt(a -> a.beg)
                .thenComparing((a, b) -> strcasecmp(a.ref, b.ref))
                .thenComparing((a, b) -> strcasecmp(a.alt, b.alt))
                .thenComparingInt(a -> a.ial));
        Table t = new Table(src.nAlleles() - 1);
        for (int i = 0; i < atoms.size(); i++) {
            if (i > 0 && !inconsistent(atoms.get(i - 1), atoms.get(i))) {
                continue;
            }
            Atom a = atoms.get(i);
            byte[] row = new byte[t.nori];
            row[a.ial - 1] = 1;
            t.outs.add(a);
            t.rows.add(row);
            t.overlaps.add(false);
        }
        for (Atom a : atoms) {
            for (int j = 0; j < t.outs.size(); j++) {
                Atom o = t.outs.get(j);
                if (a == o || a.beg > o.end) {
                    continue;
                }
                if (a.end < o.beg) {
                    break;
                }
                t.rows.get(j)[a.ial - 1] = (byte) (inconsistent(a, o) ? 2 : 1);
                t.overlaps.set(j, true);
            }
        }
        List<VcfRecord> out = new ArrayList<>(t.outs.size());
        for (int j = 0; j < t.outs.size(); j++) {
            out.add(record(src, t, j));
        }
        return out;
    }

    /** Atoms of one ALT: right-trim, then a greedy base-by-base comparison from the left. */
    private static void atomizeAllele(String ref, String alt, int ial, List<Atom> atoms) {
        int rlen = ref.length();
        int alen = alt.length();
        while (rlen > 1 && alen > 1 && ref.charAt(rlen - 1) == alt.charAt(alen - 1)) {
            rlen--;
            alen--;
        }
        int mlen = Math.max(rlen, alen);
        Atom atom = null;
        for (int i = 0; i < mlen; i++) {
            char rb = i < rlen ? ref.charAt(i) : '-';
            char ab = i < alen ? alt.charAt(i) : '-';
            if (rb != ab) {
                if (rb == '-' || ab == '-') {
                    if (ab != '-') {
                        atom.alt.append(ab);
                    }
                    if (rb != '-') {
                        atom.ref.append(rb);
                        atom.end++;
                    }
                    continue;
                }
                atom = new Atom(rb, ab, ial, i);
                atoms.add(atom);
                continue;
            }
            if (i + 1 >= rlen || i + 1 >= alen) {
                atom = new Atom(rb, ab, ial, i);
                atoms.add(atom);
            }
        }
    }

    private static boolean inconsistent(Atom a, Atom b) {
        return a.beg != b.beg || strcasecmp(a.ref, b.ref) != 0 || strcasecmp(a.alt, b.alt) != 0;
    }

    private static int strcasecmp(CharSequence a, CharSequence b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            int d = Character.toLowerCase(a.charAt(i)) - Character.toLowerCase(b.charAt(i));
            if (d != 0) {
                return d;
            }
        }
        return a.length() - b.length();
    }

    private VcfRecord record(VcfRecord src, Table t, int iout) {
        Atom atom = t.outs.get(iout);
        byte[] row = t.rows.get(iout);
        boolean star = starAllele && t.overlaps.get(iout);
        VcfRecord d = new VcfRecord();
        d.chrom = src.chrom;
        d.pos = src.pos + atom.beg;
        d.id = src.id;
        d.qual = src.qual;
        d.filter = src.filter;
        d.line = src.line;
        d.alleles = star ? new String[] {atom.ref.toString(), atom.alt.toString(), "*"}
                : new String[] {atom.ref.toString(), atom.alt.toString()};
        d.info = new ArrayList<>();
        for (String[] kv : src.info) {
            FieldDef def = header.info(kv[0]);
            if (def.type() == 'L' || kv[1] == null) {
                d.info.add(new String[] {kv[0], def.type() == 'L' ? null : kv[1]});
                continue;
            }
            String v = info(src, def, kv[1], atom, row, star);
            if (v != null) {
                d.info.add(new String[] {kv[0], v});
            }
        }
        if (oldRecTag != null) {
            StringBuilder h = new StringBuilder(Splitter.oldRec(src)).append('|');
            boolean first = true;
            for (int j = 0; j < t.nori; j++) {
                if (row[j] == 1) {
                    if (!first) {
                        h.append(',');
                    }
                    h.append(j + 1);
                    first = false;
                }
            }
            d.setInfo(oldRecTag, h.toString());
        }
        int ns = src.samples.length;
        if (src.format == null) {
            d.samples = new String[ns][0];
            return d;
        }
        List<String> keys = new ArrayList<>();
        List<String[]> cols = new ArrayList<>();
        for (int f = 0; f < src.format.length; f++) {
            String[] col = format(src, f, atom, row, star);
            if (col != null) {
                keys.add(src.format[f]);
                cols.add(col);
            }
        }
        d.format = keys.toArray(new String[0]);
        d.samples = new String[ns][keys.size()];
        for (int s = 0; s < ns; s++) {
            for (int k = 0; k < keys.size(); k++) {
                d.samples[s][k] = cols.get(k)[s];
            }
        }
        return d;
    }

    private static boolean sums(String tag, FieldDef def) {
        return def.type() == 'I' && (tag.equals("AD") || tag.equals("QS"));
    }

    /** The INFO value for one output row, or null when bcftools drops the field. */
    private static String info(VcfRecord src, FieldDef def, String value, Atom atom, byte[] row, boolean star) {
        if (!def.perAllele()) {
            return value;
        }
        if (def.number() == 'G') {
            return null;
        }
        String[] v = VcfValues.split(value, ',');
        int n = src.nAlleles();
        List<String> o = new ArrayList<>(3);
        if (def.number() == 'A') {
            if (def.numeric()) {
                if (v.length != n - 1) {
                    return null;
                }
                o.add(v[atom.ial - 1]);
            } else {
                o.add(field(v, atom.ial - 1));
            }
        } else if (def.numeric()) {
            if (v.length != n) {
                return null;
            }
            o.add(v[0]);
            o.add(sums(def.id(), def) ? sum(v, atom.ial, row) : v[atom.ial]);
        } else {
            o.add(field(v, 0));
            o.add(field(v, atom.ial));
        }
        if (star) {
            o.add(".");
        }
        return join(o);
    }

    /** The FORMAT column (one value per sample) for one output row, or null when dropped. */
    private String[] format(VcfRecord src, int f, Atom atom, byte[] row, boolean star) {
        String tag = src.format[f];
        int ns = src.samples.length;
        String[] col = new String[ns];
        if (tag.equals("GT")) {
            for (int s = 0; s < ns; s++) {
                Genotype g = Genotype.parse(src.samples[s][f]);
                for (int k = 0; k < g.alleles.length; k++) {
                    int a = g.alleles[k];
                    if (a < 0) {
                        continue;
                    }
                    if (a >= src.nAlleles()) {
                        throw new Splitter.FieldCountException("out-of-bounds genotype " + src.samples[s][f] + " at "
                                + src.chrom + ":" + src.pos);
                    }
                    int ial = a == 0 ? 0 : row[a - 1];
                    g.alleles[k] = ial == 2 && !star ? -1 : ial;
                }
                col[s] = g.toString();
            }
            return col;
        }
        FieldDef def = header.format(tag);
        if (!def.perAllele()) {
            for (int s = 0; s < ns; s++) {
                col[s] = src.samples[s][f];
            }
            return col;
        }
        if (!def.numeric() && def.number() == 'G') {
            return null;
        }
        int n = src.nAlleles();
        String[][] vals = new String[ns][];
        int max = 0;
        for (int s = 0; s < ns; s++) {
            vals[s] = VcfValues.split(src.samples[s][f], ',');
            max = Math.max(max, vals[s].length);
        }
        int ial = atom.ial;
        if (!def.numeric()) {
            for (int s = 0; s < ns; s++) {
                List<String> o = new ArrayList<>(3);
                if (def.number() == 'R') {
                    o.add(field(vals[s], 0));
                    o.add(field(vals[s], ial));
                } else {
                    o.add(field(vals[s], ial - 1));
                }
                if (star) {
                    o.add(".");
                }
                col[s] = join(o);
            }
            return col;
        }
        int ng = VcfValues.nGenotypes(n);
        if ((def.number() == 'G' && max != n && max != ng) || (def.number() == 'A' && max != n - 1)
                || (def.number() == 'R' && max != n)) {
            return null;
        }
        for (int s = 0; s < ns; s++) {
            String[] v = vals[s];
            List<String> o = new ArrayList<>(6);
            switch (def.number()) {
                case 'A':
                    o.add(ial - 1 < v.length ? v[ial - 1] : ".");
                    if (star) {
                        o.add(".");
                    }
                    break;
                case 'R':
                    o.add(v[0]);
                    if (sums(tag, def)) {
                        o.add(sum(v, ial, row));
                    } else {
                        o.add(ial < v.length ? v[ial] : VEND);
                    }
                    if (star) {
                        o.add(".");
                    }
                    break;
                default:
                    o.add(v[0]);
                    if (v.length == n) {
                        o.add(v[ial]);
                        if (star) {
                            o.add(".");
                        }
                    } else if (v.length == max) {
                        o.add(v[VcfValues.gtIndex(0, ial)]);
                        o.add(v[VcfValues.gtIndex(ial, ial)]);
                        if (star) {
                            o.addAll(List.of(".", ".", "."));
                        }
                    } else if (v.length != 1 || !VcfValues.isMissing(v[0])) {
                        throw new Splitter.FieldCountException("incorrect number of values in FORMAT/" + tag + " at "
                                + src.chrom + ":" + src.pos + " (Number=G, " + n + " alleles, " + v.length + " values in sample "
                                + (s + 1) + ")");
                    }
                    break;
            }
            col[s] = join(o);
        }
        return col;
    }

    /** Field {@code i} of a string list, "." when absent. */
    private static String field(String[] v, int i) {
        return i < v.length ? v[i] : ".";
    }

    /**
     * Value {@code ial} plus those of the later ALTs that carry the same atom, with htslib's 32-bit
     * integer arithmetic (missing is INT32_MIN, a value past the sample's end INT32_MIN+1).
     */
    private static String sum(String[] v, int ial, byte[] row) {
        int acc = intAt(v, ial);
        for (int j = ial; j < row.length; j++) {
            if (row[j] == 1) {
                acc += intAt(v, j + 1);
            }
        }
        if (acc == Integer.MIN_VALUE) {
            return ".";
        }
        if (acc == Integer.MIN_VALUE + 1) {
            return VEND;
        }
        return Integer.toString(acc);
    }

    private static int intAt(String[] v, int i) {
        if (i >= v.length) {
            return Integer.MIN_VALUE + 1;
        }
        if (VcfValues.isMissing(v[i])) {
            return Integer.MIN_VALUE;
        }
        return (int) Long.parseLong(v[i].trim());
    }

    /** Comma-joins values up to the first vector end ("." when none). */
    private static String join(List<String> o) {
        StringBuilder sb = new StringBuilder();
        int k = 0;
        for (String x : o) {
            if (x == VEND) {
                break;
            }
            if (k++ > 0) {
                sb.append(',');
            }
            sb.append(x);
        }
        return k == 0 ? "." : sb.toString();
    }
}
