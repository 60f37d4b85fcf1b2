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

    /** Adds one {@code ##} line as read from the file. */
    void addMeta(String line) {
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
