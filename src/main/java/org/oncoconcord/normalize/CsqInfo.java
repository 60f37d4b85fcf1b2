package org.oncoconcord.normalize;

import java.nio.charset.StandardCharsets;

/** Adds {@code CSQ=value} at the end of the INFO column of a written VCF line (bytes, no re-parsing). */
final class CsqInfo {
    private static final byte[] PREFIX = "CSQ=".getBytes(StandardCharsets.ISO_8859_1);

    private CsqInfo() {
    }

    /** {@code line} (without line break) with {@code ;CSQ=value} after its INFO, or {@code CSQ=value} instead of a {@code .} INFO. */
    static byte[] insert(byte[] line, CharSequence value) {
        int tabs = 0;
        int from = -1;
        int to = line.length;
        for (int i = 0; i < line.length; i++) {
            if (line[i] == '\t') {
                tabs++;
                if (tabs == 7) {
                    from = i + 1;
                } else if (tabs == 8) {
                    to = i;
                    break;
                }
            }
        }
        if (from < 0) {
            throw new IllegalStateException("a written VCF line without INFO column");
        }
        boolean dot = to - from == 1 && line[from] == '.';
        int keep = dot ? from : to;
        int add = (dot ? 0 : 1) + PREFIX.length + value.length();
        byte[] out = new byte[keep + add + line.length - to];
        System.arraycopy(line, 0, out, 0, keep);
        int k = keep;
        if (!dot) {
            out[k++] = ';';
        }
        System.arraycopy(PREFIX, 0, out, k, PREFIX.length);
        k += PREFIX.length;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out[k++] = c > 0xFF ? (byte) '?' : (byte) c; // as ISO-8859-1 encoding does
        }
        System.arraycopy(line, to, out, k, line.length - to);
        return out;
    }
}
