package org.oncoconcord.concordance;

import java.io.IOException;
import java.io.OutputStream;

/**
 * A buffered writer of ASCII/ISO-8859-1 text straight to bytes (no charset encoder), for the
 * large variants.tsv. Strings with characters above 0xFF are not expected (VCF data columns are ASCII).
 */
final class AsciiWriter implements AutoCloseable {
    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int n;

    AsciiWriter(OutputStream out) {
        this.out = out;
    }

    AsciiWriter write(char c) throws IOException {
        if (n == buf.length) {
            flushBuffer();
        }
        buf[n++] = (byte) c;
        return this;
    }

    @SuppressWarnings("deprecation")
    AsciiWriter write(String s) throws IOException {
        int len = s.length();
        if (len > buf.length - n) {
            flushBuffer();
            if (len > buf.length) {
                out.write(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return this;
            }
        }
        s.getBytes(0, len, buf, n);
        n += len;
        return this;
    }

    AsciiWriter write(long v) throws IOException {
        if (v < 0) {
            write('-');
            v = -v;
        }
        if (n + 20 > buf.length) {
            flushBuffer();
        }
        if (v == 0) {
            buf[n++] = '0';
            return this;
        }
        int start = n;
        while (v > 0) {
            buf[n++] = (byte) ('0' + v % 10);
            v /= 10;
        }
        for (int i = start, j = n - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
        return this;
    }

    /** x in [0, 1e9) rounded to 4 decimals, trailing zeros dropped but one kept ("0.3", "1.0", "0.0125"). */
    AsciiWriter writeFraction(double x) throws IOException {
        if (!(x >= 0 && x < 1e9)) {
            return write(Double.toString(x));
        }
        long v = Math.round(x * 10_000);
        write(v / 10_000).write('.');
        long frac = v % 10_000;
        if (frac == 0) {
            return write('0');
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
            write('0');
            scale /= 10;
        }
        return write(frac);
    }

    private void flushBuffer() throws IOException {
        out.write(buf, 0, n);
        n = 0;
    }

    @Override
    public void close() throws IOException {
        flushBuffer();
        out.close();
    }
}
