package org.oncoconcord.normalize;

/**
 * Writes raw INFO and sample columns unchanged when they are already in the form htslib would
 * print (checked without allocating per value); returns false so the caller falls back to
 * parsing and reformatting when a value would change.
 */
final class RawCanonical {
    private RawCanonical() {
    }

    /**
     * True when the raw line would be written unchanged: QUAL, INFO and sample values canonical,
     * every sample with all FORMAT fields, no empty ID/FILTER, 8 or 9+ columns as given.
     */
    static boolean lineCanonical(boolean emptyColumn, String qual, String infoRaw, String formatRaw, String[] sampleRaw,
            VcfHeader header) {
        if (!VcfValues.isCanonicalFloat(qual, 0, qual.length())) {
            return false;
        }
        if (emptyColumn) {
            return false;
        }
        StringBuilder probe = PROBE.get();
        probe.setLength(0);
        if (!appendInfo(probe, infoRaw, header)) {
            return false;
        }
        probe.setLength(0);
        return appendSamples(probe, formatRaw, sampleRaw, header) && (formatRaw == null || !formatRaw.isEmpty());
    }

    private static final ThreadLocal<StringBuilder> PROBE = ThreadLocal.withInitial(() -> new StringBuilder(1024));

    static boolean appendInfo(StringBuilder sb, String raw, VcfHeader header) {
        return appendInfo(sb, raw, header, false);
    }

    /**
     * As {@link #appendInfo(StringBuilder, String, VcfHeader)}; with {@code rewrite} numeric values not
     * in htslib's form are rewritten in place (as the parsed record would print them) instead of
     * failing, so such records need not be parsed. Still false for what only parsing handles.
     */
    static boolean appendInfo(StringBuilder sb, String raw, VcfHeader header, boolean rewrite) {
        return info(sb, raw, header, rewrite) != NEEDS_PARSE;
    }

    /** {@link ByteTail#appendTail}: the columns need the parsed record (a form only parsing handles). */
    static final int NEEDS_PARSE = -1;
    /** {@link ByteTail#appendTail}: every value already in htslib's form; what was appended is the raw text. */
    static final int UNCHANGED = 0;
    /** {@link ByteTail#appendTail}: some numbers were rewritten into htslib's form. */
    static final int REWRITTEN = 1;

    private static int info(StringBuilder sb, String raw, VcfHeader header, boolean rewrite) {
        if (raw.isEmpty() || raw.equals(".")) {
            sb.append('.');
            return raw.isEmpty() ? REWRITTEN : UNCHANGED;
        }
        int from = 0;
        int n = raw.length();
        if (raw.charAt(n - 1) == ';') {
            return NEEDS_PARSE;
        }
        boolean same = true;
        int key = 0;
        while (from < n) {
            int semi = raw.indexOf(';', from);
            int end = semi < 0 ? n : semi;
            if (end == from) {
                return NEEDS_PARSE;
            }
            int eq = raw.indexOf('=', from);
            if (eq >= 0 && eq < end) {
                FieldDef d = header.infoAt(key++, raw, from, eq);
                if (d.type() == 'L' || eq + 1 == end) {
                    return NEEDS_PARSE;
                }
                if (!tokensCanonical(raw, eq + 1, end, d.type())) {
                    if (!rewrite) {
                        return NEEDS_PARSE;
                    }
                    if (same) {
                        sb.append(raw, 0, from);
                        same = false;
                    }
                    sb.append(raw, from, eq + 1);
                    VcfValues.appendCanonicalList(sb, d.type(), raw, eq + 1, end);
                } else if (!same) {
                    sb.append(raw, from, end);
                }
            } else if (header.infoAt(key++, raw, from, end).type() != 'L') {
                return NEEDS_PARSE;
            } else if (!same) {
                sb.append(raw, from, end);
            }
            if (!same && semi >= 0) {
                sb.append(';');
            }
            from = end + 1;
        }
        if (same) {
            sb.append(raw);
            return UNCHANGED;
        }
        return REWRITTEN;
    }

    static boolean appendSamples(StringBuilder sb, String formatRaw, String[] sampleRaw, VcfHeader header) {
        return appendSamples(sb, formatRaw, sampleRaw, header, false);
    }

    /** As {@link #appendInfo(StringBuilder, String, VcfHeader, boolean)}, for the FORMAT and sample columns. */
    static boolean appendSamples(StringBuilder sb, String formatRaw, String[] sampleRaw, VcfHeader header, boolean rewrite) {
        return samples(sb, formatRaw, sampleRaw, header, rewrite) != NEEDS_PARSE;
    }

    private static int samples(StringBuilder sb, String formatRaw, String[] sampleRaw, VcfHeader header, boolean rewrite) {
        if (formatRaw == null) {
            return UNCHANGED;
        }
        if (formatRaw.isEmpty() || formatRaw.equals(".")) {
            return NEEDS_PARSE;
        }
        String[] keys = header.formatKeys(formatRaw);
        char[] types = header.formatTypes(formatRaw);
        boolean[] canonical = new boolean[sampleRaw.length];
        boolean all = true;
        for (int s = 0; s < sampleRaw.length; s++) {
            String smp = sampleRaw[s];
            boolean same = true;
            int field = 0;
            int from = 0;
            int n = smp.length();
            while (true) {
                int colon = smp.indexOf(':', from);
                int end = colon < 0 ? n : colon;
                if (field >= keys.length) {
                    return NEEDS_PARSE;
                }
                if (end == from) {
                    return NEEDS_PARSE;
                }
                char t = types[field];
                if ((t == 'I' || t == 'F') && !tokensCanonical(smp, from, end, t)) {
                    if (!rewrite) {
                        return NEEDS_PARSE;
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
                return NEEDS_PARSE;
            }
            canonical[s] = same;
            all &= same;
        }
        sb.append('\t').append(formatRaw);
        for (int s = 0; s < sampleRaw.length; s++) {
            String smp = sampleRaw[s];
            sb.append('\t');
            if (all || canonical[s]) {
                sb.append(smp);
                continue;
            }
            int field = 0;
            int from = 0;
            int n = smp.length();
            while (true) {
                int colon = smp.indexOf(':', from);
                int end = colon < 0 ? n : colon;
                char t = types[field];
                if (t == 'I' || t == 'F') {
                    VcfValues.appendCanonicalList(sb, t, smp, from, end);
                } else {
                    sb.append(smp, from, end);
                }
                if (colon < 0) {
                    break;
                }
                sb.append(':');
                field++;
                from = end + 1;
            }
        }
        return all ? UNCHANGED : REWRITTEN;
    }

    /** True when every comma-separated token of s[from,to) prints unchanged for its type. */
    static boolean tokensCanonical(String s, int from, int to, char type) {
        if (from >= to) {
            return false;
        }
        if (type != 'I' && type != 'F') {
            return true;
        }
        int start = from;
        for (int i = from; i <= to; i++) {
            if (i == to || s.charAt(i) == ',') {
                boolean ok = type == 'I' ? VcfValues.isCanonicalInt(s, start, i) : VcfValues.isCanonicalFloat(s, start, i);
                if (!ok) {
                    return false;
                }
                start = i + 1;
            }
        }
        return true;
    }
}
