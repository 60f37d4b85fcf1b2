package org.oncoconcord.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes outputs atomically: content goes to a temporary file beside the target, which is renamed
 * over the target only when complete, so a failed run never leaves a partial output behind.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Something that writes a complete file at the given (temporary) path. */
    @FunctionalInterface
    public interface Writer {
        void write(Path tmp) throws IOException;
    }

    /**
     * The temporary path used for {@code target}: hidden, in the same folder, so the rename stays
     * atomic; a compressed target's temporary ends in {@code .gz} too (htsjdk's indexers choose
     * BGZF by the file name, so an index can be built from the temporary).
     */
    public static Path tempFor(Path target) {
        Path abs = target.toAbsolutePath();
        String name = abs.getFileName().toString();
        String gz = name.endsWith(".gz") || name.endsWith(".bgz") ? ".gz" : "";
        return abs.resolveSibling("." + name + ".tmp" + ProcessHandle.current().pid() + gz);
    }

    /** Runs {@code writer} on a temporary file and renames it to {@code target}; deletes it on failure. */
    public static void write(Path target, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath();
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        Path tmp = tempFor(abs);
        try {
            writer.write(tmp);
            move(tmp, abs);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Writes a UTF-8 string atomically. */
    public static void writeString(Path target, String content) {
        try {
            write(target, tmp -> Files.writeString(tmp, content, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    /** Renames {@code tmp} over {@code target}, atomically where the file system allows. */
    public static void move(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
