package org.oncoconcord.vcf;

import htsjdk.samtools.util.BlockCompressedInputStream;
import htsjdk.tribble.TribbleException;
import htsjdk.tribble.readers.LineIteratorImpl;
import htsjdk.tribble.readers.SynchronousLineReader;
import htsjdk.variant.vcf.VCFCodec;
import htsjdk.variant.vcf.VCFHeader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.oncoconcord.core.UserException;

/**
 * The one way VCF input is opened: plain text, gzip, BGZF or BCF, detected from the content (magic
 * bytes), and always read as VCF text (BCF records are decoded by htsjdk and re-encoded as VCF
 * lines, {@link BcfAsVcfText}), so every reader parses one format. Errors name the file.
 */
public final class VcfInput {
    private static final int BUFFER = 1 << 16;

    private VcfInput() {
    }

    /** The encoding of {@code file}, from its first bytes. */
    public static VcfEncoding detect(Path file) {
        requireReadableFile(file);
        try (BufferedInputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
            return detect(in, file.toString());
        } catch (IOException e) {
            throw cannotRead(file.toString(), e);
        }
    }

    /**
     * Opens {@code file} as a stream of VCF text (decompressed; BCF converted), on the caller's thread; BGZF
     * reads stop at block ends ({@link BgzfBlockReads}), so a truncated file yields every byte of its intact blocks.
     */
    public static InputStream openText(Path file) {
        return openText(file, false);
    }

    /**
     * As {@link #openText(Path)}, but a compressed file is inflated (and BCF decoded) ahead on a daemon
     * thread ({@link ReadAheadInputStream}), off the caller's thread; plain text is read as it is.
     * Close the stream to stop the thread.
     */
    public static InputStream openTextAhead(Path file) {
        return openText(file, true);
    }

    /** {@link #openTextAhead} when {@code ahead}, else {@link #openText(Path)}: a truncated file fails after the same bytes either way. */
    public static InputStream openText(Path file, boolean ahead) {
        requireReadableFile(file);
        try {
            InputStream raw = Files.newInputStream(file);
            BufferedInputStream b = new BufferedInputStream(raw, BUFFER);
            VcfEncoding enc = detect(b, file.toString());
            InputStream text;
            if (enc == VcfEncoding.BGZF) {
                b.close();
                BlockCompressedInputStream bgzf = new BlockCompressedInputStream(file.toFile());
                text = ahead ? bgzf : new BgzfBlockReads(bgzf);
            } else {
                text = open(b, enc, file.toString());
            }
            return ahead && enc != VcfEncoding.TEXT ? ReadAheadInputStream.of(text) : text;
        } catch (IOException e) {
            throw cannotRead(file.toString(), e);
        }
    }

    /** Opens a stream (e.g. stdin) called {@code name} in messages as a stream of VCF text. */
    public static InputStream openText(InputStream raw, String name) {
        try {
            BufferedInputStream b = new BufferedInputStream(raw, BUFFER);
            return open(b, detect(b, name), name);
        } catch (IOException e) {
            throw cannotRead(name, e);
        }
    }

    /** The header of {@code file} parsed by htsjdk; a clear error naming the file when it is not a VCF/BCF. */
    public static VCFHeader readHeader(Path file) {
        try (InputStream in = openText(file)) {
            var lines = new LineIteratorImpl(new SynchronousLineReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            Object header = new VCFCodec().readActualHeader(lines);
            if (!(header instanceof VCFHeader h)) {
                throw new UserException(file + ": no VCF header");
            }
            return h;
        } catch (TribbleException e) {
            throw new UserException(file + ": bad VCF header: " + oneLine(e.getMessage()), e);
        } catch (IOException e) {
            throw cannotRead(file.toString(), e);
        }
    }

    private static InputStream open(BufferedInputStream b, VcfEncoding enc, String name) throws IOException {
        return switch (enc) {
            case TEXT -> b;
            case GZIP -> gunzip(b, name);
            case BGZF -> new BlockCompressedInputStream(b);
            case BCF -> new BcfAsVcfText(bcfBytes(b, name), name);
        };
    }

    /** The decompressed BCF bytes of a stream detected as BCF. */
    private static InputStream bcfBytes(BufferedInputStream b, String name) throws IOException {
        b.mark(2);
        int m1 = b.read();
        int m2 = b.read();
        b.reset();
        return m1 == 0x1f && m2 == 0x8b ? new BlockCompressedInputStream(b) : b;
    }

    private static InputStream gunzip(InputStream b, String name) throws IOException {
        try {
            return new GZIPInputStream(b, BUFFER);
        } catch (ZipException e) {
            throw new UserException(name + ": not a readable gzip/BGZF file (" + e.getMessage() + ")");
        }
    }

    /** Detects the encoding from the first bytes of {@code b}, which is reset to its start. */
    static VcfEncoding detect(BufferedInputStream b, String name) throws IOException {
        b.mark(BUFFER);
        byte[] head = b.readNBytes(18);
        b.reset();
        if (head.length >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) {
            if (head.length < 4 || head[2] != 8) {
                throw new UserException(name + ": gzip header with an unsupported compression method; not a gzip/BGZF VCF");
            }
            boolean bgzf = head.length >= 16 && (head[3] & 4) != 0 && head[12] == 'B' && head[13] == 'C';
            byte[] first = inflatedStart(b, name);
            if (first.length >= 3 && first[0] == 'B' && first[1] == 'C' && first[2] == 'F') {
                return VcfEncoding.BCF;
            }
            return bgzf ? VcfEncoding.BGZF : VcfEncoding.GZIP;
        }
        if (head.length >= 3 && head[0] == 'B' && head[1] == 'C' && head[2] == 'F') {
            return VcfEncoding.BCF;
        }
        return VcfEncoding.TEXT;
    }

    /** The first decompressed bytes of a gzip stream, leaving {@code b} at its start. */
    private static byte[] inflatedStart(BufferedInputStream b, String name) throws IOException {
        b.mark(BUFFER);
        try {
            InputStream limited = new InputStream() {
                private int left = BUFFER / 2;

                @Override
                public int read() throws IOException {
                    return left-- > 0 ? b.read() : -1;
                }

                @Override
                public int read(byte[] buf, int off, int len) throws IOException {
                    if (left <= 0) {
                        return -1;
                    }
                    int n = b.read(buf, off, Math.min(len, left));
                    if (n > 0) {
                        left -= n;
                    }
                    return n;
                }
            };
            GZIPInputStream z = new GZIPInputStream(limited, 512);
            return z.readNBytes(5);
        } catch (java.io.EOFException e) {
            return new byte[0]; // shorter than the peek: the reader reports truncation
        } catch (ZipException e) {
            throw new UserException(name + ": not a readable gzip/BGZF file (" + e.getMessage() + ")");
        } finally {
            b.reset();
        }
    }

    private static void requireReadableFile(Path file) {
        if (Files.isDirectory(file)) {
            throw new UserException(file + ": is a directory, not a VCF file");
        }
        if (!Files.isReadable(file)) {
            throw new UserException(file + ": VCF not found or not readable");
        }
    }

    private static UserException cannotRead(String name, IOException e) {
        return new UserException(name + ": cannot read: " + org.oncoconcord.io.OutputSet.reason(e), e);
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }
}
