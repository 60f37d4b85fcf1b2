package org.oncoconcord.vcf;

import htsjdk.tribble.TribbleException;
import htsjdk.tribble.readers.PositionalBufferedStream;
import htsjdk.variant.bcf2.BCF2Codec;
import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFHeader;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import org.oncoconcord.core.UserException;

/**
 * BCF read as VCF text: the header text stored in the BCF (its {@code IDX=} attributes removed), then
 * one line per record decoded by htsjdk's {@link BCF2Codec} and written by {@link VcfLineEncoder}
 * the way {@code bcftools view} writes it. Records are converted on demand, in small batches.
 */
final class BcfAsVcfText extends InputStream {
    private static final int BATCH_BYTES = 1 << 16;
    private final String name;
    private final BCF2Codec codec = new Bcf22Codec();
    private final PositionalBufferedStream records;
    private final VcfLineEncoder encoder;
    private final StringBuilder sb = new StringBuilder(BATCH_BYTES + 4096);
    private byte[] buf;
    private int at;
    private long recordNo;

    BcfAsVcfText(InputStream bcf, String name) throws IOException {
        this.name = name;
        DataInputStream d = new DataInputStream(bcf);
        byte[] magic = new byte[5];
        byte[] len = new byte[4];
        byte[] text;
        try {
            d.readFully(magic);
            d.readFully(len);
            int n = (len[0] & 0xff) | (len[1] & 0xff) << 8 | (len[2] & 0xff) << 16 | (len[3] & 0xff) << 24;
            if (n < 0 || n > (1 << 28)) {
                throw new UserException(name + ": corrupt BCF header (length " + n + ")");
            }
            text = new byte[n];
            d.readFully(text);
        } catch (java.io.EOFException e) {
            throw new UserException(name + ": truncated BCF header");
        }
        InputStream whole = new SequenceInputStream(new ByteArrayInputStream(concat(magic, len, text)), bcf);
        records = new PositionalBufferedStream(whole);
        VCFHeader header;
        try {
            header = (VCFHeader) codec.readHeader(records).getHeaderValue();
        } catch (TribbleException | IllegalStateException e) {
            throw new UserException(name + ": bad BCF header: " + e.getMessage(), e);
        }
        encoder = new VcfLineEncoder(header);
        buf = headerText(text).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int k = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, k, p.length);
            k += p.length;
        }
        return out;
    }

    /** The VCF header text of the BCF: NUL terminator and htslib's {@code IDX=} dictionary indices removed. */
    static String headerText(byte[] text) {
        int n = text.length;
        while (n > 0 && text[n - 1] == 0) {
            n--;
        }
        String s = new String(text, 0, n, StandardCharsets.UTF_8).replaceAll(",IDX=\\d+>", ">");
        return s.endsWith("\n") ? s : s + "\n";
    }

    private boolean refill() throws IOException {
        sb.setLength(0);
        try {
            while (sb.length() < BATCH_BYTES && !codec.isDone(records)) {
                recordNo++;
                VariantContext vc = codec.decode(records);
                encoder.append(sb, vc);
                sb.append('\n');
            }
        } catch (TribbleException | IllegalStateException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new UserException(name + ": BCF record " + recordNo + ": cannot decode: " + e.getMessage(), e);
        } catch (htsjdk.samtools.util.RuntimeIOException e) {
            throw new IOException(e.getMessage(), e);
        }
        if (sb.length() == 0) {
            return false;
        }
        buf = sb.toString().getBytes(StandardCharsets.UTF_8);
        at = 0;
        return true;
    }

    @Override
    public int read() throws IOException {
        if (at == buf.length && !refill()) {
            return -1;
        }
        return buf[at++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (at == buf.length && !refill()) {
            return -1;
        }
        int n = Math.min(len, buf.length - at);
        System.arraycopy(buf, at, b, off, n);
        at += n;
        return n;
    }

    @Override
    public void close() throws IOException {
        records.close();
    }
}
