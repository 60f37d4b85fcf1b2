package org.oncoconcord.vcf;

import java.io.IOException;
import java.io.InputStream;

/**
 * The read buffer the line readers ({@link ByteLineReader}, {@link TabLineReader}) share: the unread
 * bytes are buf[start, end); {@link #fill} moves them to the front (growing the buffer for a line
 * longer than it) and reads more. Fields, not accessors: the readers' scan loops use them directly.
 */
abstract class LineBuffer implements AutoCloseable {
    private final InputStream in;
    // 128 KB: refills come every ~1,500 lines, often enough that the JIT compiles the refill path
    // (a larger buffer makes the first refill after compilation a deoptimisation);
    // small too, as a batch of patients opens many readers; grows for longer lines
    byte[] buf = new byte[1 << 17];
    int start;
    int end;
    boolean eof;

    LineBuffer(InputStream in) {
        this.in = in;
    }

    /** Moves buf[start, end) to the front (doubling the buffer when it is full) and reads more; sets {@link #eof} at the end. */
    final void fill() throws IOException {
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
