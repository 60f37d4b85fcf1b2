package org.oncoconcord.vcf;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte searches eight bytes at a time (one {@code long} word tested for a byte value), shared by the
 * line readers and {@link VcfLine}: the scans of every input byte for line breaks and tabs.
 */
final class Swar {
    static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    static final long ONES = 0x0101010101010101L;
    static final long HIGHS = 0x8080808080808080L;
    static final long TABS = ONES * '\t';
    static final long NEWLINES = ONES * '\n';
    /** Times 1 << 8k puts k in the top byte. */
    private static final long BYTE_INDEX = 0x0001020304050607L;

    private Swar() {
    }

    /** The eight bytes b[i, i + 8) as a little-endian word (i + 8 <= b.length). */
    static long word(byte[] b, int i) {
        return (long) LONGS.get(b, i);
    }

    /**
     * Non-zero where a byte of {@code w} equals the byte repeated in {@code pattern} (its high bit set);
     * the lowest flagged byte is exact, higher flags may be false (borrows).
     */
    static long match(long w, long pattern) {
        long x = w ^ pattern;
        return (x - ONES) & ~x & HIGHS;
    }

    /** Index (0-7) of the lowest flagged byte of a non-zero {@link #match} result (one multiplication, also fast under C1). */
    static int lowest(long m) {
        return (int) ((((m & -m) >>> 7) * BYTE_INDEX) >>> 56);
    }

    /** Offset of the first {@code \n} in b[from, to), or -1. */
    static int indexOfNewline(byte[] b, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long m = match(word(b, i), NEWLINES);
            if (m != 0) {
                return i + lowest(m);
            }
        }
        for (; i < to; i++) {
            if (b[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
