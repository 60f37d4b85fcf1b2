package org.oncoconcord.annotate;

import htsjdk.samtools.util.IOUtil;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.oncoconcord.core.UserException;

/**
 * Opens a transcript-model file (GTF, GFF3) as UTF-8 text: plain, gzip or BGZF (as Ensembl and
 * GENCODE ship them, {@code .gtf.gz}), told apart by the file's first bytes, not its name.
 * Bytes that are not UTF-8 are reported, not replaced: {@link #notText} names the file and the line.
 */
final class ModelText {
    private static final int BUFFER = 1 << 16;

    private ModelText() {
    }

    /** A reader of {@code file}'s text (gzip and BGZF decompressed: the JDK's reader takes concatenated members). */
    static BufferedReader open(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(bytes(file), strictUtf8()), BUFFER);
    }

    /** {@code file}'s bytes, gunzipped when its first bytes are gzip's. */
    private static InputStream bytes(Path file) throws IOException {
        InputStream raw = new BufferedInputStream(Files.newInputStream(file), BUFFER);
        try {
            return IOUtil.isGZIPInputStream(raw) ? new GZIPInputStream(raw, BUFFER) : raw;
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    /** A UTF-8 decoder that reports bytes which are not UTF-8 instead of replacing them. */
    private static java.nio.charset.CharsetDecoder strictUtf8() {
        return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /**
     * The error for bytes of {@code file} that are not UTF-8 text ({@code kind}: GTF, GFF3), naming the first
     * such line: the reader decodes ahead, so the line is found by reading the file again (only on this error).
     */
    static UserException notText(Path file, String kind, CharacterCodingException e) {
        String where = file.toString();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(bytes(file), StandardCharsets.ISO_8859_1), BUFFER)) {
            long lineNo = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (!isUtf8(line)) {
                    where = file + ":" + lineNo;
                    break;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // the file's name alone, then
        }
        return new UserException(where + ": not UTF-8 text: a binary or otherwise compressed file? " + kind
                + " is read as plain, gzip or BGZF text", e);
    }

    /** Whether a line read as ISO-8859-1 (one char per byte) holds valid UTF-8 bytes. */
    private static boolean isUtf8(String latin1) {
        try {
            strictUtf8().decode(java.nio.ByteBuffer.wrap(latin1.getBytes(StandardCharsets.ISO_8859_1)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
