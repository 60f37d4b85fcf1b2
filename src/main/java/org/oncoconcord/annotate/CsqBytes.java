package org.oncoconcord.annotate;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A reusable, growable byte buffer for one record's CSQ value (ISO-8859-1 text): the direct
 * writer ({@link CsqWriter}) appends bytes, numbers and cached per-transcript parts to it, and the
 * VCF writer copies it into the output line without a String in between.
 */
public final class CsqBytes {
    private byte[] buf;
    private int len;

    public CsqBytes(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    /** Empties the buffer (keeps its capacity). */
    public void clear() {
        len = 0;
    }

    public int length() {
        return len;
    }

    /** The backing array: bytes {@code 0..length()-1} are the value. */
    public byte[] array() {
        return buf;
    }

    /** The value as text (tests and messages). */
    @Override
    public String toString() {
        return new String(buf, 0, len, StandardCharsets.ISO_8859_1);
    }

    CsqBytes append(byte b) {
        ensure(1);
        buf[len++] = b;
        return this;
    }

    CsqBytes append(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, len, b.length);
        len += b.length;
        return this;
    }

    /** Appends a text of characters up to U+00FF (others as {@code ?}, as ISO-8859-1 encoding does). */
    CsqBytes append(CharSequence s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            buf[len++] = c > 0xFF ? (byte) '?' : (byte) c;
        }
        return this;
    }

    /** Appends a non-negative number in decimal. */
    CsqBytes append(int v) {
        if (v < 10) {
            return append((byte) ('0' + v));
        }
        int digits = 1;
        for (int x = v / 10; x > 0; x /= 10) {
            digits++;
        }
        ensure(digits);
        for (int i = len + digits - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        len += digits;
        return this;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
