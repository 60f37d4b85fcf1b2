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
    static boolean lineCanonical(String line, String qual, String infoRaw, String formatRaw, String[] sampleRaw, VcfHeader header) {
        if (!VcfValues.isCanonicalFloat(qual, 0, qual.length())) {
            return false;
        }
        if (line.contains("\t\t")) {
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
        if (raw.isEmpty() || raw.equals(".")) {
            sb.append('.');
            return true;
        }
        int from = 0;
        int n = raw.length();
        while (from < n) {
            int semi = raw.indexOf(';', from);
            int end = semi < 0 ? n : semi;
            if (end == from) {
                return false;
            }
            int eq = raw.indexOf('=', from);
            if (eq >= 0 && eq < end) {
                FieldDef d = header.info(raw.substring(from, eq));
                if (d.type() == 'L' || !tokensCanonical(raw, eq + 1, end, d.type())) {
                    return false;
                }
            } else if (header.info(raw.substring(from, end)).type() != 'L') {
                return false;
            }
            from = end + 1;
        }
        if (raw.charAt(n - 1) == ';') {
            return false;
        }
        sb.append(raw);
        return true;
    }

    static boolean appendSamples(StringBuilder sb, String formatRaw, String[] sampleRaw, VcfHeader header) {
        if (formatRaw == null) {
            return true;
        }
        if (formatRaw.isEmpty() || formatRaw.equals(".")) {
            return false;
        }
        String[] keys = VcfValues.split(formatRaw, ':');
        char[] types = new char[keys.length];
        for (int i = 0; i < keys.length; i++) {
            types[i] = keys[i].equals("GT") ? 'G' : header.format(keys[i]).type();
        }
        for (String smp : sampleRaw) {
            int field = 0;
            int from = 0;
            int n = smp.length();
            while (true) {
                int colon = smp.indexOf(':', from);
                int end = colon < 0 ? n : colon;
                if (field >= keys.length) {
                    return false;
                }
                if (end == from) {
                    return false;
                }
                char t = types[field];
                if ((t == 'I' || t == 'F') && !tokensCanonical(smp, from, end, t)) {
                    return false;
                }
                field++;
                if (colon < 0) {
                    break;
                }
                from = end + 1;
            }
            if (field != keys.length) {
                return false;
            }
        }
        sb.append('\t').append(formatRaw);
        for (String smp : sampleRaw) {
            sb.append('\t').append(smp);
        }
        return true;
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
