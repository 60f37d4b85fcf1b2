package org.oncoconcord.normalize;

import java.util.Arrays;

/**
 * A reusable, growable Latin-1 byte buffer for one output line: records append their columns here
 * and the sink writes the bytes, with no String per line (VCF data lines are ASCII, our Strings of
 * them Latin-1).
 */
final class ByteText {
    private byte[] buf = new byte[1024];
    private int len;

    void clear() {
        len = 0;
    }

    int length() {
        return len;
    }

    /** The bytes; valid in [0, {@link #length()}) until the next append. */
    byte[] buffer() {
        return buf;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }

    /** Appends {@code s} as Latin-1 bytes (each char's low byte, as {@code getBytes(ISO_8859_1)} for Latin-1 text). */
    @SuppressWarnings("deprecation")
    ByteText append(String s) {
        int n = s.length();
        ensure(n);
        s.getBytes(0, n, buf, len);
        len += n;
        return this;
    }

    /** Appends b[from, to). */
    ByteText append(byte[] b, int from, int to) {
        int n = to - from;
        ensure(n);
        System.arraycopy(b, from, buf, len, n);
        len += n;
        return this;
    }

    /** Appends what another buffer holds. */
    ByteText append(ByteText t) {
        return append(t.buf, 0, t.len);
    }

    /** A copy of the bytes. */
    byte[] toArray() {
        return Arrays.copyOf(buf, len);
    }

    ByteText append(char c) {
        ensure(1);
        buf[len++] = (byte) c;
        return this;
    }

    /** Appends {@code v} in decimal, as {@code Integer.toString}. */
    ByteText append(int v) {
        if (v < 0) {
            return append(Integer.toString(v));
        }
        // do-while loops ended by the value, not counted loops: a one-digit number after many longer ones
        // (a contig's first records) would fail the compiled counted loop's limit check and deoptimise it
        int digits = 0;
        int x = v;
        do {
            digits++;
            x /= 10;
        } while (x != 0);
        ensure(digits);
        int i = len + digits;
        x = v;
        do {
            buf[--i] = (byte) ('0' + x % 10);
            x /= 10;
        } while (x != 0);
        len += digits;
        return this;
    }
}
