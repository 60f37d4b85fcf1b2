package org.oncoconcord.normalize;

import org.oncoconcord.vcf.VcfLine;

/**
 * One walk of the INFO, FORMAT and sample columns from the input line's bytes straight into a
 * {@link ByteText}, numbers re-printed the htslib way only where they differ ({@link ByteValues}),
 * no String per column or value.
 */
final class ByteTail {
    private ByteTail() {
    }

    /**
     * Appends {@code INFO[\tFORMAT\tsample...]} as htslib would print them and returns
     * {@link RawCanonical#UNCHANGED}, {@link RawCanonical#REWRITTEN} or {@link RawCanonical#NEEDS_PARSE},
     * exactly as the String walk on the columns' Strings did (now ByteTailTest's oracle; same checks, same
     * {@code non_numeric_value} message). {@code bounds} holds from/to offsets in {@code b} of columns
     * 7 (INFO), 8 (FORMAT) and the samples; {@code formatRaw} is the FORMAT column's text (null when
     * the line has 8 columns), used for the header's FORMAT key cache.
     */
    static int appendTail(ByteText out, byte[] b, int[] bounds, String formatRaw, VcfHeader header) {
        int info = info(out, b, bounds[0], bounds[1], header);
        if (info == RawCanonical.NEEDS_PARSE) {
            return RawCanonical.NEEDS_PARSE;
        }
        int samples = samples(out, b, bounds, formatRaw, header);
        if (samples == RawCanonical.NEEDS_PARSE) {
            return RawCanonical.NEEDS_PARSE;
        }
        return info == RawCanonical.UNCHANGED && samples == RawCanonical.UNCHANGED ? RawCanonical.UNCHANGED : RawCanonical.REWRITTEN;
    }

    private static int indexOf(byte[] b, int from, int to, byte c) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    private static int info(ByteText out, byte[] b, int start, int n, VcfHeader header) {
        if (n == start || (n - start == 1 && b[start] == '.')) {
            out.append('.');
            return n == start ? RawCanonical.REWRITTEN : RawCanonical.UNCHANGED;
        }
        if (b[n - 1] == ';') {
            return RawCanonical.NEEDS_PARSE;
        }
        boolean same = true;
        int key = 0;
        int from = start;
        while (from < n) {
            int semi = indexOf(b, from, n, (byte) ';');
            int end = semi < 0 ? n : semi;
            if (end == from) {
                return RawCanonical.NEEDS_PARSE;
            }
            int eq = indexOf(b, from, end, (byte) '=');
            if (eq >= 0) {
                FieldDef d = header.infoAt(key++, b, from, eq);
                char type = d.type();
                if (type == 'L' || eq + 1 == end) {
                    return RawCanonical.NEEDS_PARSE;
                }
                if (!ByteValues.tokensCanonical(b, eq + 1, end, type)) {
                    if (same) {
                        out.append(b, start, from);
                        same = false;
                    }
                    out.append(b, from, eq + 1);
                    if (!ByteValues.appendCanonicalNumbers(out, type, b, eq + 1, end)) {
                        throw VcfRecord.nonNumeric("INFO/" + d.id(), VcfLine.latin1(b, eq + 1, end), type);
                    }
                } else if (!same) {
                    out.append(b, from, end);
                }
            } else if (header.infoAt(key++, b, from, end).type() != 'L') {
                return RawCanonical.NEEDS_PARSE;
            } else if (!same) {
                out.append(b, from, end);
            }
            if (!same && semi >= 0) {
                out.append(';');
            }
            from = end + 1;
        }
        if (same) {
            out.append(b, start, n);
            return RawCanonical.UNCHANGED;
        }
        return RawCanonical.REWRITTEN;
    }

    private static int samples(ByteText out, byte[] b, int[] bounds, String formatRaw, VcfHeader header) {
        if (formatRaw == null) {
            return RawCanonical.UNCHANGED;
        }
        if (formatRaw.isEmpty() || formatRaw.equals(".")) {
            return RawCanonical.NEEDS_PARSE;
        }
        String[] keys = header.formatKeys(formatRaw);
        char[] types = header.formatTypes(formatRaw);
        int ns = bounds.length / 2 - 2;
        long rewrite = 0; // bit s: sample s (< 64) needs rewriting; beyond 64 samples all are rewritten
        boolean all = true;
        for (int s = 0; s < ns; s++) {
            int st = bounds[5 + 2 * s];
            boolean same = true;
            int field = 0;
            int from = bounds[4 + 2 * s];
            while (true) {
                int colon = indexOf(b, from, st, (byte) ':');
                int end = colon < 0 ? st : colon;
                if (field >= keys.length || end == from) {
                    return RawCanonical.NEEDS_PARSE;
                }
                char t = types[field];
                if ((t == 'I' || t == 'F') && !ByteValues.tokensCanonical(b, from, end, t)) {
                    if (!ByteValues.numbersOk(b, from, end)) {
                        throw VcfRecord.nonNumeric("FORMAT/" + keys[field] + " of sample " + (s + 1), VcfLine.latin1(b, from, end), t);
                    }
                    same = false;
                }
                field++;
                if (colon < 0) {
                    break;
                }
                from = end + 1;
            }
            if (field != keys.length) {
                return RawCanonical.NEEDS_PARSE;
            }
            if (!same) {
                all = false;
                rewrite |= s < 64 ? 1L << s : 0;
            }
        }
        out.append('\t').append(b, bounds[2], bounds[3]);
        for (int s = 0; s < ns; s++) {
            int sf = bounds[4 + 2 * s];
            int st = bounds[5 + 2 * s];
            out.append('\t');
            if (all || (s < 64 && (rewrite & (1L << s)) == 0)) {
                out.append(b, sf, st);
                continue;
            }
            appendSample(out, b, sf, st, types);
        }
        return all ? RawCanonical.UNCHANGED : RawCanonical.REWRITTEN;
    }

    /** One sample column with each Integer/Float value in htslib's form. */
    private static void appendSample(ByteText out, byte[] b, int from, int st, char[] types) {
        int field = 0;
        while (true) {
            int colon = indexOf(b, from, st, (byte) ':');
            int end = colon < 0 ? st : colon;
            char t = types[field];
            if (t == 'I' || t == 'F') {
                ByteValues.appendCanonicalList(out, t, b, from, end);
            } else {
                out.append(b, from, end);
            }
            if (colon < 0) {
                return;
            }
            out.append(':');
            field++;
            from = end + 1;
        }
    }
}
