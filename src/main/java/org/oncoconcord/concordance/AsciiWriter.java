package org.oncoconcord.concordance;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A buffered writer of ASCII/ISO-8859-1 text straight to bytes (no charset encoder), for the
 * large variants.tsv. Strings with characters above 0xFF are not expected (VCF data columns are ASCII).
 * Rows are written with {@link #reserve(int)} (one capacity check per row) followed by the unchecked
 * {@code put} methods.
 */
final class AsciiWriter implements AutoCloseable {
    /** Upper bound of the bytes {@link #putLong(long)} writes. */
    static final int MAX_LONG = 20;
    /** Upper bound of the bytes {@link #putFraction(double)} writes. */
    static final int MAX_FRACTION = 32;

    private final OutputStream out;
    private byte[] buf = new byte[1 << 16];
    private int n;

    AsciiWriter(OutputStream out) {
        this.out = out;
    }

    /** Makes room for at least {@code len} bytes (flushing, and growing the buffer for a longer row). */
    void reserve(int len) throws IOException {
        if (len > buf.length - n) {
            flushBuffer();
            if (len > buf.length) {
                buf = new byte[len];
            }
        }
    }

    /** Writes s with its own capacity check. */
    AsciiWriter write(String s) throws IOException {
        reserve(s.length());
        put(s);
        return this;
    }

    /** Unchecked: see {@link #reserve(int)}. */
    void put(char c) {
        buf[n++] = (byte) c;
    }

    /** Unchecked: see {@link #reserve(int)}. */
    @SuppressWarnings("deprecation")
    void put(String s) {
        int len = s.length();
        s.getBytes(0, len, buf, n);
        n += len;
    }

    /** Unchecked: see {@link #reserve(int)}. */
    void put(byte[] b) {
        System.arraycopy(b, 0, buf, n, b.length);
        n += b.length;
    }

    /** Unchecked (at most {@link #MAX_LONG} bytes): see {@link #reserve(int)}. */
    void putLong(long v) {
        if (v < 0) {
            buf[n++] = '-';
            v = -v;
            if (v < 0) {
                return; // Long.MIN_VALUE: as before, only the sign
            }
        }
        if (v <= Integer.MAX_VALUE) {
            putInt((int) v);
            return;
        }
        int len = 1;
        for (long p = 10; len < 19 && v >= p; p *= 10) {
            len++;
        }
        int end = n + len;
        for (int i = end - 1; i >= n; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        n = end;
    }

    private void putInt(int v) {
        int len = 1; // a loop, not a chain of comparisons: no branch the JIT could find unused until late
        for (int p = 10; len < 10 && v >= p; p *= 10) {
            len++;
        }
        int end = n + len;
        for (int i = end - 1; i >= n; i--) {
            buf[i] = (byte) ('0' + v % 10);
            v /= 10;
        }
        n = end;
    }

    /**
     * Unchecked (at most {@link #MAX_FRACTION} bytes): x in [0, 1e9) rounded to 4 decimals, trailing
     * zeros dropped but one kept ("0.3", "1.0", "0.0125"); other values as Double.toString.
     */
    void putFraction(double x) {
        if (!(x >= 0 && x < 1e9)) {
            put(Double.toString(x));
            return;
        }
        long v = Math.round(x * 10_000);
        putLong(v / 10_000);
        put('.');
        long frac = v % 10_000;
        if (frac == 0) {
            put('0');
            return;
        }
        int digits = 4;
        while (frac % 10 == 0) {
            frac /= 10;
            digits--;
        }
        long scale = 1;
        for (int k = 1; k < digits; k++) {
            scale *= 10;
        }
        while (frac < scale) {
            put('0');
            scale /= 10;
        }
        putLong(frac);
    }

    private void flushBuffer() throws IOException {
        out.write(buf, 0, n);
        n = 0;
    }

    @Override
    public void close() throws IOException {
        try {
            flushBuffer();
        } finally {
            out.close(); // also when the flush fails (full disk): never leave the file open
        }
    }
}
