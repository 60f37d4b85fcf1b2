package org.oncoconcord.normalize;

/**
 * Test oracle of {@link ByteTail#appendTail}: the same walk on the columns' Strings (the String
 * rules of {@link VcfValues} and {@link VcfRecord#numbersOk}, no byte code path), as main code ran it
 * before the byte walk. It appends {@code INFO[\tFORMAT\tsample...]} as htslib would print them and
 * returns {@link RawCanonical#UNCHANGED}, {@link RawCanonical#REWRITTEN} or
 * {@link RawCanonical#NEEDS_PARSE}; a value of an Integer/Float field that is not in htslib's form
 * and not a number throws {@link BadRecordException} {@code non_numeric_value}.
 */
final class StringTail {
    private static final int NEEDS_PARSE = RawCanonical.NEEDS_PARSE;
    private static final int UNCHANGED = RawCanonical.UNCHANGED;
    private static final int REWRITTEN = RawCanonical.REWRITTEN;

    private StringTail() {
    }

    static int appendTail(StringBuilder sb, String infoRaw, String formatRaw, String[] sampleRaw, VcfHeader header) {
        int info = info(sb, infoRaw, header, true, true);
        if (info == NEEDS_PARSE) {
            return NEEDS_PARSE;
        }
        int samples = samples(sb, formatRaw, sampleRaw, header, true, true);
        if (samples == NEEDS_PARSE) {
            return NEEDS_PARSE;
        }
        return info == UNCHANGED && samples == UNCHANGED ? UNCHANGED : REWRITTEN;
    }

    private static int info(StringBuilder sb, String raw, VcfHeader header, boolean rewrite, boolean check) {
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
                    if (check && !VcfRecord.numbersOk(raw, eq + 1, end)) {
                        throw VcfRecord.nonNumeric("INFO/" + d.id(), raw.substring(eq + 1, end), d.type());
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

    private static int samples(StringBuilder sb, String formatRaw, String[] sampleRaw, VcfHeader header, boolean rewrite,
            boolean check) {
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
                    if (check && !VcfRecord.numbersOk(smp, from, end)) {
                        throw VcfRecord.nonNumeric("FORMAT/" + keys[field] + " of sample " + (s + 1), smp.substring(from, end), t);
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

    private static boolean tokensCanonical(String s, int from, int to, char type) {
        return RawCanonical.tokensCanonical(s, from, to, type);
    }
}
