package org.oncoconcord.vcf;

import htsjdk.samtools.util.BlockCompressedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * BGZF text whose reads stop at the end of the current block: a read that crosses into a corrupt or
 * missing block throws and drops the bytes it had already copied, so bounding each read hands every
 * byte of the intact blocks to the caller before the failure (the line an error names does not move
 * with the caller's buffer size).
 */
final class BgzfBlockReads extends FilterInputStream {
    BgzfBlockReads(BlockCompressedInputStream in) {
        super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return in.read(b, off, want(in, len));
    }

    /** How much of {@code space} to ask {@code in} for: with BGZF, no more than the rest of the current block. */
    static int want(InputStream in, int space) throws IOException {
        if (in instanceof BlockCompressedInputStream) {
            int left = in.available(); // the rest of the current block (reads the next one when it is used up)
            if (left > 0) {
                return Math.min(left, space);
            }
        }
        return space;
    }
}
