package org.oncoconcord.normalize;

import java.nio.charset.StandardCharsets;

/** Adds {@code CSQ=value} at the end of the INFO column of a written VCF line (bytes, no re-parsing). */
final class CsqInfo {
    private static final byte[] PREFIX = "CSQ=".getBytes(StandardCharsets.ISO_8859_1);

    private CsqInfo() {
    }

    /**
     * Writes {@code line[0, len)} (without line break) into {@code out} (cleared first) with
     * {@code ;CSQ=value} after its INFO, or {@code CSQ=value} instead of a {@code .} INFO, the value being
     * {@code value[0, valueLen)}: one copy of the line into a reused buffer, no array or String per record.
     */
    static void insert(byte[] line, int len, byte[] value, int valueLen, ByteText out) {
        int from = infoStart(line, len);
        int to = infoEnd(line, from, len);
        boolean dot = to - from == 1 && line[from] == '.';
        out.clear();
        out.append(line, 0, dot ? from : to);
        if (!dot) {
            out.append(';');
        }
        out.append(PREFIX, 0, PREFIX.length).append(value, 0, valueLen).append(line, to, len);
    }

    /** Index of the first byte of the INFO column (after the 7th tab). */
    private static int infoStart(byte[] line, int len) {
        int tabs = 0;
        for (int i = 0; i < len; i++) {
            if (line[i] == '\t' && ++tabs == 7) {
                return i + 1;
            }
        }
        throw new IllegalStateException("a written VCF line without INFO column");
    }

    /** Index just after the INFO column starting at {@code from}. */
    private static int infoEnd(byte[] line, int from, int len) {
        for (int i = from; i < len; i++) {
            if (line[i] == '\t') {
                return i;
            }
        }
        return len;
    }
}
