package org.oncoconcord.concordance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines from a byte stream without a character decoder: header lines are decoded as UTF-8,
 * data lines as ISO-8859-1 (a plain byte copy; VCF data columns are ASCII). Strips {@code \r\n}.
 */
final class ByteLineReader implements AutoCloseable {
    private final InputStream in;
    private byte[] buf = new byte[1 << 16]; // grows for longer lines; small, as a batch opens many readers
    private int start;
    private int end;
    private boolean eof;

    ByteLineReader(InputStream in) {
        this.in = in;
    }

    /** The next line decoded as UTF-8, or null at the end. */
    String readUtf8Line() throws IOException {
        return readLine(StandardCharsets.UTF_8);
    }

    /** The next line decoded as ISO-8859-1, or null at the end. */
    String readLatin1Line() throws IOException {
        return readLine(StandardCharsets.ISO_8859_1);
    }

    private String readLine(Charset cs) throws IOException {
        int scanFrom = start;
        while (true) {
            for (int i = scanFrom; i < end; i++) {
                if (buf[i] == '\n') {
                    int len = i - start;
                    if (len > 0 && buf[i - 1] == '\r') {
                        len--;
                    }
                    String s = new String(buf, start, len, cs);
                    start = i + 1;
                    return s;
                }
            }
            if (eof) {
                if (start == end) {
                    return null;
                }
                int len = end - start;
                if (len > 0 && buf[end - 1] == '\r') {
                    len--;
                }
                String s = new String(buf, start, len, cs);
                start = end;
                return s;
            }
            scanFrom = end - start;
            fillMore();
            scanFrom += start;
        }
    }

    private void fillMore() throws IOException {
        if (start > 0) {
            System.arraycopy(buf, start, buf, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buf.length) {
            byte[] bigger = new byte[buf.length * 2];
            System.arraycopy(buf, 0, bigger, 0, end);
            buf = bigger;
        }
        int n = in.read(buf, end, buf.length - end);
        if (n < 0) {
            eof = true;
        } else {
            end += n;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
