package org.oncoconcord.vcf;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads the lines of a VCF byte stream and, in the same pass, locates the first {@code maxTabs} tabs
 * of each line: one scan of the bytes instead of a line scan followed by a column scan
 * ({@code vcf.ByteLineReader} + {@code vcf.VcfLine}). Scans eight bytes at a time (one {@code long}
 * word tested for a tab or newline byte), which also pays under the C1-only JIT concordance runs with.
 * Strips {@code \r\n}; a last line without a line break is a line. The line and its tab offsets are
 * valid in {@link #buffer()} until the next {@link #next()}.
 */
public final class TabLineReader extends LineBuffer {
    private int maxTabs;
    private int[] tabs;
    private int lineStart;
    private int lineEnd;
    private int nTabs;

    /** A reader locating at most {@code maxTabs} tabs per line. */
    public TabLineReader(InputStream in, int maxTabs) {
        super(in);
        this.maxTabs = maxTabs;
        this.tabs = new int[Math.max(1, maxTabs)];
    }

    /** From the next line on, locates at most {@code maxTabs} tabs per line. */
    public void setMaxTabs(int maxTabs) {
        this.maxTabs = maxTabs;
        this.tabs = new int[Math.max(1, maxTabs)];
    }

    /** Advances to the next line; false at the end. */
    public boolean next() throws IOException {
        int i = start;
        int nt = 0;
        int[] t = tabs;
        int max = maxTabs;
        while (true) {
            byte[] b = buf;
            int e = end;
            if (i + 8 <= e) {
                long w = Swar.word(b, i);
                long m = nt < max ? Swar.match(w, Swar.NEWLINES) | Swar.match(w, Swar.TABS) : Swar.match(w, Swar.NEWLINES);
                if (m == 0) {
                    i += 8;
                    continue;
                }
                // the first tab or newline of these 8 bytes: the lowest flagged byte (exact; higher flags may be
                // false), its index by one multiplication (Long.numberOfTrailingZeros is no single instruction under C1)
                i += Swar.lowest(m);
            } else if (i >= e) {
                if (eof) {
                    if (start == end) {
                        return false;
                    }
                    endLine(i, nt);
                    start = end;
                    return true;
                }
                int shift = start;
                fill();
                shift -= start; // bytes the buffer moved down by
                i -= shift;
                for (int k = 0; k < nt; k++) {
                    t[k] -= shift;
                }
                continue;
            }
            byte c = b[i];
            if (c == '\n') {
                endLine(i, nt);
                start = i + 1;
                return true;
            }
            if (c == '\t' && nt < max) {
                t[nt++] = i;
            }
            i++;
        }
    }

    private void endLine(int i, int nt) {
        int len = i - start;
        if (len > 0 && buf[i - 1] == '\r') {
            len--;
        }
        lineStart = start;
        lineEnd = start + len;
        nTabs = nt;
    }

    /** The current line decoded as UTF-8 (header lines). */
    public String utf8() {
        return new String(buf, lineStart, lineEnd - lineStart, StandardCharsets.UTF_8);
    }

    public byte[] buffer() {
        return buf;
    }

    public int lineStart() {
        return lineStart;
    }

    public int lineEnd() {
        return lineEnd;
    }

    /** Tabs located in the current line (at most maxTabs). */
    public int tabCount() {
        return nTabs;
    }

    /** Offset of the k-th tab of the current line in {@link #buffer()}. */
    public int tab(int k) {
        return tabs[k];
    }

    /** Start of column {@code col} (0-based) of the current line. */
    public int from(int col) {
        return col == 0 ? lineStart : tabs[col - 1] + 1;
    }

    /** End (exclusive) of column {@code col}: its tab, or the line end for the last located column. */
    public int to(int col) {
        return col < nTabs ? tabs[col] : lineEnd;
    }
}
