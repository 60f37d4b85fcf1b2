package org.oncoconcord.testing;

/** Reading BGZF block headers in tests (SAM spec 4.1: BSIZE at bytes 16-17, ISIZE in the last 4 bytes). */
public final class BgzfBlocks {
    private BgzfBlocks() {
    }

    /** The text of the BGZF blocks wholly inside the first {@code cut} bytes (from the blocks' BSIZE and ISIZE fields). */
    public static int intactText(byte[] bgzf, int cut) {
        int off = 0;
        int text = 0;
        while (off + 18 <= cut) {
            int bsize = ((bgzf[off + 16] & 0xff) | (bgzf[off + 17] & 0xff) << 8) + 1;
            if (off + bsize > cut) {
                break;
            }
            int e = off + bsize - 4;
            text += (bgzf[e] & 0xff) | (bgzf[e + 1] & 0xff) << 8 | (bgzf[e + 2] & 0xff) << 16 | (bgzf[e + 3] & 0xff) << 24;
            off += bsize;
        }
        return text;
    }
}
