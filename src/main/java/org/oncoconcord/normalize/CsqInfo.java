package org.oncoconcord.normalize;

import java.nio.charset.StandardCharsets;

/** Adds {@code CSQ=value} at the end of the INFO column of a written VCF line (bytes, no re-parsing). */
final class CsqInfo {
    private static final byte[] PREFIX = "CSQ=".getBytes(StandardCharsets.ISO_8859_1);

    private CsqInfo() {
    }

    /** {@code line} (without line break) with {@code ;CSQ=value} after its INFO, or {@code CSQ=value} instead of a {@code .} INFO. */
    static byte[] insert(byte[] line, org.oncoconcord.annotate.CsqBytes value) {
        int from = infoStart(line);
        int to = infoEnd(line, from);
        boolean dot = to - from == 1 && line[from] == '.';
        int keep = dot ? from : to;
        int n = value.length();
        byte[] out = new byte[keep + (dot ? 0 : 1) + PREFIX.length + n + line.length - to];
        System.arraycopy(line, 0, out, 0, keep);
        int k = keep;
        if (!dot) {
            out[k++] = ';';
        }
        System.arraycopy(PREFIX, 0, out, k, PREFIX.length);
        k += PREFIX.length;
        System.arraycopy(value.array(), 0, out, k, n);
        k += n;
        System.arraycopy(line, to, out, k, line.length - to);
        return out;
    }

    /** Index of the first byte of the INFO column (after the 7th tab). */
    private static int infoStart(byte[] line) {
        int tabs = 0;
        for (int i = 0; i < line.length; i++) {
            if (line[i] == '\t' && ++tabs == 7) {
                return i + 1;
            }
        }
        throw new IllegalStateException("a written VCF line without INFO column");
    }

    /** Index just after the INFO column starting at {@code from}. */
    private static int infoEnd(byte[] line, int from) {
        for (int i = from; i < line.length; i++) {
            if (line[i] == '\t') {
                return i;
            }
        }
        return line.length;
    }
}
