package org.oncoconcord.normalize;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Adds {@code CSQ=value} at the end of the INFO column of a written VCF line (bytes, no re-parsing). */
final class CsqInfo {
    private static final byte[] PREFIX = "CSQ=".getBytes(StandardCharsets.ISO_8859_1);

    private CsqInfo() {
    }

    /** {@code line} (without line break) with {@code ;CSQ=value} after its INFO, or {@code CSQ=value} instead of a {@code .} INFO. */
    static byte[] insert(byte[] line, org.oncoconcord.annotate.CsqBytes value) {
        Line out = new Line(line.length + PREFIX.length + 1 + value.length());
        insert(line, 0, line.length, value, out);
        return out.len == out.buf.length ? out.buf : Arrays.copyOf(out.buf, out.len);
    }

    /** As {@link #insert(byte[], org.oncoconcord.annotate.CsqBytes)} for {@code line[off, off + len)}, into the reused {@code out}. */
    static void insert(byte[] line, int off, int len, org.oncoconcord.annotate.CsqBytes value, Line out) {
        int end = off + len;
        int from = infoStart(line, off, end);
        int to = infoEnd(line, from, end);
        boolean dot = to - from == 1 && line[from] == '.';
        int keep = dot ? from : to;
        int n = value.length();
        out.len = 0;
        out.ensure(keep - off + 1 + PREFIX.length + n + end - to);
        byte[] o = out.buf;
        System.arraycopy(line, off, o, 0, keep - off);
        int k = keep - off;
        if (!dot) {
            o[k++] = ';';
        }
        System.arraycopy(PREFIX, 0, o, k, PREFIX.length);
        k += PREFIX.length;
        System.arraycopy(value.array(), 0, o, k, n);
        k += n;
        System.arraycopy(line, to, o, k, end - to);
        out.len = k + end - to;
    }

    /** Index of the first byte of the INFO column (after the 7th tab). */
    private static int infoStart(byte[] line, int off, int end) {
        int tabs = 0;
        for (int i = off; i < end; i++) {
            if (line[i] == '\t' && ++tabs == 7) {
                return i + 1;
            }
        }
        throw new IllegalStateException("a written VCF line without INFO column");
    }

    /** Index just after the INFO column starting at {@code from}. */
    private static int infoEnd(byte[] line, int from, int end) {
        for (int i = from; i < end; i++) {
            if (line[i] == '\t') {
                return i;
            }
        }
        return end;
    }

    /** A reused, growable line: bytes [0, len) of {@code buf}. */
    static final class Line {
        byte[] buf;
        int len;

        Line(int capacity) {
            buf = new byte[Math.max(16, capacity)];
        }

        void ensure(int capacity) {
            if (capacity > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(capacity, buf.length * 2));
            }
        }
    }
}
