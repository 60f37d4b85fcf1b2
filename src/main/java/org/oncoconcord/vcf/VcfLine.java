package org.oncoconcord.vcf;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A byte-level view of one VCF data line: its columns located by offsets into the reader's buffer
 * (nothing is copied or decoded until asked), the FORMAT keys split once and reused while lines
 * repeat the same FORMAT column. The one record parser of normalize and concordance: one instance
 * is reused line after line (no allocation per line) and is valid until the next {@link #set}.
 * Numbers in the columns are read with {@link VcfNumbers}.
 */
public final class VcfLine {
    private static final String[] ONE_CHAR = new String[128];

    static {
        for (int c = 0; c < 128; c++) {
            ONE_CHAR[c] = String.valueOf((char) c).intern();
        }
    }

    private final int maxTabs;
    private byte[] buf;
    private int start;
    private int end;
    private int[] tabs;
    private int nTabs;
    private int firstNul;
    private int scannedTo;
    private byte[] lastFormat;
    private String[] formatKeys;

    /** A view that locates every column. */
    public VcfLine() {
        this(Integer.MAX_VALUE);
    }

    /** A view that locates only the first {@code maxColumns} columns (a reader needing only those stops early). */
    public VcfLine(int maxColumns) {
        this.maxTabs = Math.max(0, maxColumns - 1);
        this.tabs = new int[Math.min(maxTabs, 16)];
    }

    /** Points the view at the line b[start, end) (without its line break) and locates its tabs. */
    public VcfLine set(byte[] b, int start, int end) {
        this.buf = b;
        this.start = start;
        this.end = end;
        int[] t = tabs;
        int need = maxTabs;
        int nt = 0;
        int nul = -1;
        int i = start;
        for (; i < end && nt < need; i++) {
            // eight bytes at a time past those with no tab and no NUL (most of INFO)
            while (i + 8 <= end) {
                long w = Swar.word(b, i);
                long m = Swar.match(w, Swar.TABS) | Swar.match(w, 0L);
                if (m != 0) {
                    i += Swar.lowest(m); // the first tab or NUL of the word
                    break;
                }
                i += 8;
            }
            if (i >= end) {
                break;
            }
            byte c = b[i];
            if (c <= '\t') { // one compare for the common bytes; tabs and NUL (binary data) below
                if (c == '\t') {
                    if (nt == t.length) {
                        t = tabs = Arrays.copyOf(t, Math.min(need, t.length * 2));
                    }
                    t[nt++] = i;
                } else if (c == 0 && nul < 0) {
                    nul = i;
                }
            }
        }
        nTabs = nt;
        firstNul = nul;
        scannedTo = i;
        return this;
    }

    /**
     * Offset of the first NUL byte in the line, or -1 (binary data, not VCF text): found during
     * {@link #set}'s scan for tabs, so a caller checking every line needs no second pass.
     */
    public int firstNul() {
        return firstNul >= 0 ? firstNul : indexOf(buf, scannedTo, end, (byte) 0);
    }

    /** A view of a whole line given as text (tests, callers holding Strings). */
    public static VcfLine of(String line) {
        byte[] b = line.getBytes(StandardCharsets.ISO_8859_1);
        return new VcfLine().set(b, 0, b.length);
    }

    /** The buffer holding the line. */
    public byte[] buffer() {
        return buf;
    }

    /** Start of the line in {@link #buffer()}. */
    public int start() {
        return start;
    }

    /** End of the line (exclusive) in {@link #buffer()}. */
    public int end() {
        return end;
    }

    /** Number of tabs located (at most maxColumns - 1). */
    public int tabCount() {
        return nTabs;
    }

    /** Offset of the k-th tab (0-based) in {@link #buffer()}. */
    public int tab(int k) {
        return tabs[k];
    }

    /** Number of columns located: tabs + 1. */
    public int columns() {
        return nTabs + 1;
    }

    /** Start offset of column {@code col} (0-based: 0 CHROM, 7 INFO, 8 FORMAT, 9 the first sample). */
    public int from(int col) {
        return col == 0 ? start : tabs[col - 1] + 1;
    }

    /** End offset (exclusive) of column {@code col}. */
    public int to(int col) {
        return col < nTabs ? tabs[col] : end;
    }

    /** Column {@code col} as a String (ISO-8859-1; one-character ASCII values shared). */
    public String string(int col) {
        return string(buf, from(col), to(col));
    }

    /** The whole line as a String. */
    public String text() {
        return latin1(buf, start, end);
    }

    /** A copy of the line's bytes. */
    public byte[] copy() {
        return Arrays.copyOfRange(buf, start, end);
    }

    /** True when column {@code col} is the missing value {@code .}. */
    public boolean isDot(int col) {
        return isDot(buf, from(col), to(col));
    }

    /** True when two located columns in a row are separated by an empty one (two adjacent tabs). */
    public boolean hasAdjacentTabs() {
        for (int k = 1; k < nTabs; k++) {
            if (tabs[k] == tabs[k - 1] + 1) {
                return true;
            }
        }
        return false;
    }

    /** Offset of the first byte {@code c} in the line, or -1. */
    public int indexOf(byte c) {
        return indexOf(buf, start, end, c);
    }

    /**
     * The keys of the FORMAT column (column 8), split once while lines repeat the same FORMAT
     * column (the same array is returned: do not modify it); an empty array for {@code .} or an
     * empty column; null when the line has no FORMAT column.
     */
    public String[] formatKeys() {
        if (nTabs < 8) {
            return null;
        }
        int f = tabs[7] + 1;
        int t = to(8);
        int len = t - f;
        if (lastFormat == null || lastFormat.length != len || !Arrays.equals(buf, f, t, lastFormat, 0, len)) {
            lastFormat = Arrays.copyOfRange(buf, f, t);
            formatKeys = len == 0 || isDot(buf, f, t) ? new String[0] : split(buf, f, t, (byte) ':');
        }
        return formatKeys;
    }

    /** b[from, to) split at every {@code sep} (empty pieces kept). */
    public static String[] split(byte[] b, int from, int to, byte sep) {
        int n = 1 + count(b, from, to, sep);
        String[] out = new String[n];
        int s = from;
        for (int k = 0; k < n; k++) {
            int e = indexOfOrEnd(b, s, to, sep);
            out[k] = string(b, s, e);
            s = e + 1;
        }
        return out;
    }

    /** Offset of the first byte {@code c} in b[from, to), or -1. */
    public static int indexOf(byte[] b, int from, int to, byte c) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }

    /** Offset of the first byte {@code c} in b[from, to), or {@code to}. */
    public static int indexOfOrEnd(byte[] b, int from, int to, byte c) {
        int i = indexOf(b, from, to, c);
        return i < 0 ? to : i;
    }

    /** Number of bytes {@code c} in b[from, to). */
    public static int count(byte[] b, int from, int to, byte c) {
        int n = 0;
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                n++;
            }
        }
        return n;
    }

    /** True when b[from, to) is {@code .}. */
    public static boolean isDot(byte[] b, int from, int to) {
        return to - from == 1 && b[from] == '.';
    }

    /**
     * b[from, to) as ISO-8859-1 text (each byte one char: the hibyte-0 constructor is that decoding
     * with no charset lookup, a smaller method for the JIT than {@code new String(b, off, len, ISO_8859_1)}).
     */
    @SuppressWarnings("deprecation")
    public static String latin1(byte[] b, int from, int to) {
        return new String(b, 0, from, to - from);
    }

    /** b[from, to) as a String, one-character ASCII strings shared. */
    public static String string(byte[] b, int from, int to) {
        if (to - from == 1 && b[from] >= 0) {
            return ONE_CHAR[b[from]];
        }
        return latin1(b, from, to);
    }
}
