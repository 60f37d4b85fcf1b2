package org.oncoconcord.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outputs of one command, written all or none: each target is written to a temporary file
 * beside it ({@link #add}), and {@link #commit} renames them all into place once every one is
 * complete. Closing an uncommitted set deletes its temporaries (and any target it already renamed),
 * so a failed run leaves neither partial outputs nor hidden temporaries.
 */
public final class OutputSet implements AutoCloseable {
    private final Map<Path, Path> tempByTarget = new LinkedHashMap<>();
    private final List<Path> renamed = new ArrayList<>();
    private boolean committed;

    /**
     * Registers {@code target} and creates its (empty) temporary file, so an unwritable folder is
     * found before any work is done; returns the temporary path to write.
     */
    public Path add(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        if (tempByTarget.containsKey(abs)) {
            throw new IllegalArgumentException("output registered twice: " + abs);
        }
        if (Files.isDirectory(abs)) {
            throw new IOException(target + ": is a directory, not an output file");
        }
        Path tmp = AtomicFiles.tempFor(abs);
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            Files.deleteIfExists(tmp);
            Files.createFile(tmp);
        } catch (IOException e) {
            throw new IOException(target + ": cannot write: " + reason(e), e);
        }
        tempByTarget.put(abs, tmp);
        return tmp;
    }

    /** The temporary path of a registered target. */
    public Path temp(Path target) {
        Path tmp = tempByTarget.get(target.toAbsolutePath().normalize());
        if (tmp == null) {
            throw new IllegalArgumentException("not an output of this set: " + target);
        }
        return tmp;
    }

    /** Renames every temporary to its target; on failure undoes what it renamed and rethrows. */
    public void commit() throws IOException {
        if (committed) {
            return;
        }
        for (Map.Entry<Path, Path> e : tempByTarget.entrySet()) {
            try {
                AtomicFiles.move(e.getValue(), e.getKey());
            } catch (IOException ex) {
                throw new IOException(e.getKey() + ": cannot write: " + reason(ex), ex);
            }
            renamed.add(e.getKey());
        }
        committed = true;
    }

    /** Deletes the temporaries (and targets renamed by a failed commit) unless committed. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        for (Path p : renamed) {
            deleteQuietly(p);
        }
        for (Path tmp : tempByTarget.values()) {
            deleteQuietly(tmp);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: nothing else to do with a file that cannot be deleted
        }
    }

    /**
     * The system's reason of an I/O error (e.g. "No space left on device"): the file-system reason,
     * else the message of the innermost cause (htsjdk wraps it in "Write error; BinaryCodec ...").
     */
    public static String reason(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
                return fse.getReason();
            }
        }
        String deepest = null;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.isBlank()) {
                deepest = m.replaceAll("\\s*\\R\\s*", " ").trim(); // the innermost is the system's own words
            }
        }
        return deepest != null ? deepest : e.getClass().getSimpleName();
    }
}
