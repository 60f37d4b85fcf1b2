package org.oncoconcord.normalize;

import htsjdk.variant.vcf.VCFCompoundHeaderLine;
import htsjdk.variant.vcf.VCFFormatHeaderLine;
import htsjdk.variant.vcf.VCFHeaderVersion;
import htsjdk.variant.vcf.VCFInfoHeaderLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The header of a VCF as its lines, with the INFO/FORMAT definitions parsed by htsjdk and the
 * sample names. Lines can be added or rewritten before the header is written out.
 */
final class VcfHeader {
    private final List<String> meta = new ArrayList<>();
    private final Map<String, FieldDef> info = new HashMap<>();
    private final Map<String, FieldDef> format = new HashMap<>();
    private final List<String> contigs = new ArrayList<>();
    private String chromLine;
    private String[] samples = new String[0];

    /** INFO definitions by a region of a line ({@link #info(String, int, int)}); null until needed, reset on change. */
    private RegionTable infoByRegion;

    /**
     * The last FORMAT columns given to {@link #formatKeys}/{@link #formatTypes}, their keys and types:
     * callers alternate a few layouts (Strelka2: one for SNVs, one for indels), so a few are kept.
     */
    private final String[] formatRaws = new String[FORMAT_CACHE];
    private final String[][] formatKeysCache = new String[FORMAT_CACHE][];
    private final char[][] formatTypesCache = new char[FORMAT_CACHE][];
    private int formatNext;
    private static final int FORMAT_CACHE = 4;

    /** Adds one {@code ##} line as read from the file. */
    void addMeta(String line) {
        infoByRegion = null;
        java.util.Arrays.fill(infoAtPosition, null);
        java.util.Arrays.fill(infoAtPrevious, null);
        java.util.Arrays.fill(formatRaws, null);
        if (line.startsWith("##INFO=")) {
            FieldDef d = parseDef(line, true);
            if (d != null) {
                info.putIfAbsent(d.id(), d);
            }
        } else if (line.startsWith("##FORMAT=")) {
            FieldDef d = parseDef(line, false);
            if (d != null) {
                format.putIfAbsent(d.id(), d);
            }
        } else if (line.startsWith("##contig=")) {
            String id = attribute(line, "ID");
            if (id != null) {
                contigs.add(id);
            }
        }
        meta.add(line);
    }

    void setChromLine(String line) {
        chromLine = line;
        String[] cols = VcfValues.split(line, '\t');
        if (cols.length > 9) {
            samples = new String[cols.length - 9];
            System.arraycopy(cols, 9, samples, 0, samples.length);
        }
    }

    String chromLine() {
        return chromLine;
    }

    List<String> meta() {
        return meta;
    }

    String[] samples() {
        return samples;
    }

    List<String> contigs() {
        return contigs;
    }

    FieldDef info(String id) {
        FieldDef d = info.get(id);
        return d != null ? d : FieldDef.undeclared(id);
    }

    /**
     * {@link #info(String)} of {@code raw.substring(from, to)} without making the substring (the
     * per-record lookup of every INFO key).
     */
    FieldDef info(String raw, int from, int to) {
        RegionTable t = infoByRegion;
        if (t == null) {
            t = infoByRegion = new RegionTable(info.values());
        }
        FieldDef d = t.get(raw, from, to);
        return d != null ? d : FieldDef.undeclared(raw.substring(from, to));
    }

    /** The definition found for the k-th INFO key of the last records ({@link #infoAt}). */
    private FieldDef[] infoAtPosition = new FieldDef[32];
    /** The definition found there before the last one (callers alternate layouts: Strelka2's QSS/QSI at key 1). */
    private FieldDef[] infoAtPrevious = new FieldDef[32];

    /**
     * {@link #info(String, int, int)} of the {@code k}-th key (0-based) of an INFO column: callers repeat
     * the same keys in the same order record after record (a caller's INFO layout), so the definition
     * found at that position last time is tried first (one comparison, no hashing).
     */
    FieldDef infoAt(int k, String raw, int from, int to) {
        FieldDef[] cache = infoAtPosition;
        if (k < cache.length) {
            FieldDef c = cache[k];
            int len = to - from;
            if (c != null && c.id().length() == len && raw.startsWith(c.id(), from)) {
                return c;
            }
            return cache[k] = info(raw, from, to);
        }
        return info(raw, from, to);
    }

    /** {@link #infoAt(int, String, int, int)} of the key b[from, to) of a line's bytes (Latin-1). */
    FieldDef infoAt(int k, byte[] b, int from, int to) {
        FieldDef[] cache = infoAtPosition;
        if (k < cache.length) {
            FieldDef c = cache[k];
            if (c != null && RegionTable.same(c.id(), b, from, to)) {
                return c;
            }
            FieldDef p = infoAtPrevious[k];
            FieldDef d = p != null && RegionTable.same(p.id(), b, from, to) ? p : info(b, from, to);
            infoAtPrevious[k] = c;
            return cache[k] = d;
        }
        return info(b, from, to);
    }

    /** {@link #info(String)} of the Latin-1 text b[from, to). */
    FieldDef info(byte[] b, int from, int to) {
        RegionTable t = infoByRegion;
        if (t == null) {
            t = infoByRegion = new RegionTable(info.values());
        }
        FieldDef d = t.get(b, from, to);
        return d != null ? d : FieldDef.undeclared(org.oncoconcord.vcf.VcfLine.latin1(b, from, to));
    }

    /** An open-addressing table of definitions looked up by a region of a String (no allocation). */
    private static final class RegionTable {
        private final String[] keys;
        private final FieldDef[] defs;
        private final int mask;

        RegionTable(java.util.Collection<FieldDef> all) {
            int size = Integer.highestOneBit(Math.max(4, all.size() * 4) - 1) << 1;
            keys = new String[size];
            defs = new FieldDef[size];
            mask = size - 1;
            for (FieldDef d : all) {
                int i = slot(hash(d.id(), 0, d.id().length()));
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = d.id();
                defs[i] = d;
            }
        }

        private static int hash(String s, int from, int to) {
            int h = 0;
            for (int i = from; i < to; i++) {
                h = 31 * h + s.charAt(i);
            }
            return h;
        }

        private int slot(int h) {
            return (h ^ (h >>> 16)) & mask;
        }

        private static int hash(byte[] b, int from, int to) {
            int h = 0;
            for (int i = from; i < to; i++) {
                h = 31 * h + (b[i] & 0xFF);
            }
            return h;
        }

        static boolean same(String k, byte[] b, int from, int to) {
            int len = to - from;
            if (k.length() != len) {
                return false;
            }
            for (int i = 0; i < len; i++) {
                if (k.charAt(i) != (b[from + i] & 0xFF)) {
                    return false;
                }
            }
            return true;
        }

        FieldDef get(byte[] b, int from, int to) {
            for (int i = slot(hash(b, from, to)); keys[i] != null; i = (i + 1) & mask) {
                if (same(keys[i], b, from, to)) {
                    return defs[i];
                }
            }
            return null;
        }

        FieldDef get(String s, int from, int to) {
            int len = to - from;
            for (int i = slot(hash(s, from, to)); keys[i] != null; i = (i + 1) & mask) {
                String k = keys[i];
                if (k.length() == len && s.regionMatches(from, k, 0, len)) {
                    return defs[i];
                }
            }
            return null;
        }
    }

    /** The keys of a raw FORMAT column (not {@code .} or empty), split once while records repeat it; do not modify. */
    String[] formatKeys(String formatRaw) {
        return formatKeysCache[cacheFormat(formatRaw)];
    }

    /** The declared type of each key of {@link #formatKeys} ('G' for GT); do not modify. */
    char[] formatTypes(String formatRaw) {
        return formatTypesCache[cacheFormat(formatRaw)];
    }

    /** The cache slot of {@code formatRaw}: found by identity (records share their FORMAT String), equality, else filled. */
    private int cacheFormat(String formatRaw) {
        String[] raws = formatRaws;
        for (int i = 0; i < FORMAT_CACHE; i++) {
            if (raws[i] == formatRaw) {
                return i;
            }
        }
        for (int i = 0; i < FORMAT_CACHE; i++) {
            if (formatRaw.equals(raws[i])) {
                return i;
            }
        }
        String[] keys = VcfValues.split(formatRaw, ':');
        char[] types = new char[keys.length];
        for (int i = 0; i < keys.length; i++) {
            types[i] = keys[i].equals("GT") ? 'G' : format(keys[i]).type();
        }
        int slot = formatNext;
        formatNext = (slot + 1) % FORMAT_CACHE;
        formatKeysCache[slot] = keys;
        formatTypesCache[slot] = types;
        raws[slot] = formatRaw;
        return slot;
    }

    FieldDef format(String id) {
        FieldDef d = format.get(id);
        return d != null ? d : FieldDef.undeclared(id);
    }

    boolean hasFormat(String id) {
        return format.containsKey(id);
    }

    boolean hasInfo(String id) {
        return info.containsKey(id);
    }

    /** The value of a {@code ##key=value} line, or null. */
    String metaValue(String key) {
        String prefix = "##" + key + "=";
        for (String m : meta) {
            if (m.startsWith(prefix)) {
                return m.substring(prefix.length()).trim();
            }
        }
        return null;
    }

    /** Appends a meta line before the #CHROM line (and registers INFO/FORMAT definitions). */
    void append(String line) {
        addMeta(line);
    }

    /** Replaces the meta lines with {@code lines} (used for contig renaming). */
    void replaceMeta(List<String> lines) {
        infoByRegion = null;
        java.util.Arrays.fill(infoAtPosition, null);
        java.util.Arrays.fill(infoAtPrevious, null);
        java.util.Arrays.fill(formatRaws, null);
        meta.clear();
        info.clear();
        format.clear();
        contigs.clear();
        for (String l : lines) {
            addMeta(l);
        }
    }

    /** The text of the whole header, newline-terminated. */
    String text() {
        StringBuilder sb = new StringBuilder();
        for (String m : meta) {
            sb.append(m).append('\n');
        }
        sb.append(chromLine).append('\n');
        return sb.toString();
    }

    private static FieldDef parseDef(String line, boolean isInfo) {
        int eq = line.indexOf('=');
        String body = line.substring(eq + 1);
        try {
            VCFCompoundHeaderLine h = isInfo ? new VCFInfoHeaderLine(body, VCFHeaderVersion.VCF4_2)
                    : new VCFFormatHeaderLine(body, VCFHeaderVersion.VCF4_2);
            char number;
            int count = 0;
            switch (h.getCountType()) {
                case A -> number = 'A';
                case R -> number = 'R';
                case G -> number = 'G';
                case INTEGER -> {
                    number = 'N';
                    count = h.getCount();
                }
                default -> number = '.';
            }
            char type = switch (h.getType()) {
                case Integer -> 'I';
                case Float -> 'F';
                case Flag -> 'L';
                case Character -> 'C';
                default -> 'S';
            };
            return new FieldDef(h.getID(), number, count, type);
        } catch (RuntimeException e) {
            String id = attribute(line, "ID");
            if (id == null) {
                return null;
            }
            String n = attribute(line, "Number");
            String t = attribute(line, "Type");
            char number = n == null ? '.' : switch (n) {
                case "A" -> 'A';
                case "R" -> 'R';
                case "G" -> 'G';
                default -> n.matches("\\d+") ? 'N' : '.';
            };
            int count = number == 'N' ? Integer.parseInt(n) : 0;
            char type = t == null ? 'S' : switch (t) {
                case "Integer" -> 'I';
                case "Float" -> 'F';
                case "Flag" -> 'L';
                case "Character" -> 'C';
                default -> 'S';
            };
            return new FieldDef(id, number, count, type);
        }
    }

    /** The value of {@code key=} inside a structured header line {@code ##X=<...>}. */
    static String attribute(String line, String key) {
        int lt = line.indexOf('<');
        if (lt < 0) {
            return null;
        }
        int i = lt + 1;
        while (i < line.length()) {
            int eq = line.indexOf('=', i);
            if (eq < 0) {
                return null;
            }
            String k = line.substring(i, eq).trim();
            int j = eq + 1;
            String v;
            if (j < line.length() && line.charAt(j) == '"') {
                int close = j + 1;
                while (close < line.length() && !(line.charAt(close) == '"' && line.charAt(close - 1) != '\\')) {
                    close++;
                }
                v = line.substring(j + 1, Math.min(close, line.length()));
                j = close + 1;
            } else {
                int end = j;
                while (end < line.length() && line.charAt(end) != ',' && line.charAt(end) != '>') {
                    end++;
                }
                v = line.substring(j, end);
                j = end;
            }
            if (k.equals(key)) {
                return v;
            }
            while (j < line.length() && line.charAt(j) != ',') {
                j++;
            }
            i = j + 1;
        }
        return null;
    }
}
