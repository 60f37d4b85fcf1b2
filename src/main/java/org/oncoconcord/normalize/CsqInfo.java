package org.oncoconcord.normalize;

import java.nio.charset.StandardCharsets;

/** Adds {@code CSQ=value} at the end of the INFO column of a written VCF line (bytes, no re-parsing). */
final class CsqInfo {
    private CsqInfo() {
    }

    /** {@code line} (without line break) with {@code ;CSQ=value} after its INFO, or {@code CSQ=value} instead of a {@code .} INFO. */
    static byte[] insert(byte[] line, String value) {
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
        byte[] add = ((dot ? "" : ";") + "CSQ=" + value).getBytes(StandardCharsets.ISO_8859_1);
        int keep = dot ? from : to;
        byte[] out = new byte[keep + add.length + line.length - to];
        System.arraycopy(line, 0, out, 0, keep);
        System.arraycopy(add, 0, out, keep, add.length);
        System.arraycopy(line, to, out, keep + add.length, line.length - to);
        return out;
    }
}
