package org.oncoconcord.vcf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines from a byte stream without a character decoder: header lines are decoded as UTF-8,
 * data lines as ISO-8859-1 (a plain byte copy; VCF data columns are ASCII), or left in place as
 * bytes ({@link #nextLine()}), e.g. for a {@link VcfLine} view. Strips {@code \r\n}. The one line reader of
 * normalize and concordance.
 */
public final class ByteLineReader extends LineBuffer {
    private int lineStart;
    private int lineEnd;

    public ByteLineReader(InputStream in) {
        super(in);
    }

    /** The next line decoded as UTF-8, or null at the end. */
    public String readUtf8Line() throws IOException {
        return readLine(StandardCharsets.UTF_8);
    }

    /** The next line decoded as ISO-8859-1, or null at the end. */
    public String readLatin1Line() throws IOException {
        return readLine(StandardCharsets.ISO_8859_1);
    }

    /**
     * Advances to the next line without copying it: afterwards {@link #buffer()} holds it in
     * [{@link #lineStart()}, {@link #lineEnd()}) (without the line break) until the next read.
     * False at the end.
     */
    public boolean nextLine() throws IOException {
        int scanFrom = start;
        while (true) {
            byte[] b = buf;
            int i = Swar.indexOfNewline(b, scanFrom, end);
            if (i >= 0) {
                int len = i - start;
                if (len > 0 && b[i - 1] == '\r') {
                    len--;
                }
                lineStart = start;
                lineEnd = start + len;
                start = i + 1;
                return true;
            }
            if (eof) {
                if (start == end) {
                    return false;
                }
                int len = end - start;
                if (len > 0 && buf[end - 1] == '\r') {
                    len--;
                }
                lineStart = start;
                lineEnd = start + len;
                start = end;
                return true;
            }
            scanFrom = end - start;
            fill();
            scanFrom += start;
        }
    }

    /** The buffer holding the line of the last {@link #nextLine()}. */
    public byte[] buffer() {
        return buf;
    }

    /** Start of the last {@link #nextLine()} line in {@link #buffer()}. */
    public int lineStart() {
        return lineStart;
    }

    /** End (exclusive, before any line break) of the last {@link #nextLine()} line in {@link #buffer()}. */
    public int lineEnd() {
        return lineEnd;
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
            fill();
            scanFrom += start;
        }
    }
}
