package org.oncoconcord.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.oncoconcord.core.UserException;

/**
 * The outputs of one command, written all or none. Each output file is written to a temporary file
 * beside it ({@link #add}); an output folder (a report, a cohort's tables) is written into a
 * temporary folder beside it ({@link #addFolder}). {@link #commit} renames them all into place once
 * every one is complete (a folder that exists already receives the new files, replacing same-named
 * ones). Closing an uncommitted set deletes its temporaries, anything a failed commit already moved,
 * and the folders it created, so a failed run leaves neither partial outputs nor hidden temporaries.
 */
public final class OutputSet implements AutoCloseable {
    private final Map<Path, Path> tempByTarget = new LinkedHashMap<>();
    private final Map<Path, Boolean> isFolder = new LinkedHashMap<>();
    private final List<Path> createdFolders = new ArrayList<>();
    private final List<Path> moved = new ArrayList<>();
    private final List<Path> movedFolders = new ArrayList<>();
    private boolean committed;

    /**
     * Registers the output file {@code target} and creates its (empty) temporary file, so an
     * unwritable folder is found before any work is done; returns the temporary path to write.
     */
    public Path add(Path target) throws IOException {
        Path abs = register(target);
        if (Files.isDirectory(abs)) {
            throw new IOException(target + ": is a directory, not an output file");
        }
        Path tmp = AtomicFiles.tempFor(abs);
        try {
            createParents(abs);
            Files.deleteIfExists(tmp);
            Files.createFile(tmp);
        } catch (IOException e) {
            throw new IOException(target + ": cannot write: " + reason(e), e);
        }
        tempByTarget.put(abs, tmp);
        isFolder.put(abs, false);
        return tmp;
    }

    /**
     * Registers the output folder {@code target} and creates its empty temporary folder beside it;
     * returns the temporary folder to write the folder's files into.
     */
    public Path addFolder(Path target) throws IOException {
        Path abs = register(target);
        if (abs.getParent() == null) {
            throw new IOException(target + ": cannot write into the root folder");
        }
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new IOException(target + ": exists and is not a folder");
        }
        Path tmp = AtomicFiles.tempFor(abs);
        try {
            createParents(abs);
            deleteTree(tmp);
            Files.createDirectory(tmp);
        } catch (IOException e) {
            throw new IOException(target + ": cannot write: " + reason(e), e);
        }
        tempByTarget.put(abs, tmp);
        isFolder.put(abs, true);
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

    /**
     * Runs {@code writer} on the temporary of the registered {@code target} (a file, or a folder to
     * fill); an I/O failure (also one wrapped in a runtime exception, as htsjdk's) becomes a
     * {@link UserException} naming {@code target} and the system's reason ("No space left on device").
     */
    public void write(Path target, AtomicFiles.Writer writer) {
        Path tmp = temp(target);
        run(target, tmp, tmp, writer);
    }

    /** Writes the file {@code name} (may contain '/') of the registered output folder {@code folder}; errors name FOLDER/NAME. */
    public void write(Path folder, String name, AtomicFiles.Writer writer) {
        Path tmp = temp(folder).resolve(name);
        Path shown = folder.resolve(name);
        try {
            Files.createDirectories(tmp.getParent());
        } catch (IOException e) {
            throw cannotWrite(shown, e);
        }
        run(shown, temp(folder), tmp, writer);
    }

    /** Writes a UTF-8 text as {@link #write(Path, String, AtomicFiles.Writer)}. */
    public void writeString(Path folder, String name, String text) {
        write(folder, name, tmp -> Files.writeString(tmp, text, java.nio.charset.StandardCharsets.UTF_8));
    }

    private void run(Path shown, Path tmpRoot, Path tmp, AtomicFiles.Writer writer) {
        try {
            writer.write(tmp);
        } catch (IOException e) {
            throw cannotWrite(shown, tmpRoot, e);
        } catch (UserException e) {
            throw e;
        } catch (RuntimeException e) {
            if (hasIoCause(e)) {
                throw cannotWrite(shown, tmpRoot, e);
            }
            throw e;
        }
    }

    private UserException cannotWrite(Path shown, Path tmpRoot, Throwable e) {
        Path target = tempByTarget.entrySet().stream().filter(en -> en.getValue().equals(tmpRoot)).map(Map.Entry::getKey)
                .findFirst().orElse(tmpRoot);
        String why = reason(e).replace(tmpRoot.toString(), target.toString());
        return new UserException(shown + ": cannot write: " + why, e);
    }

    /**
     * Registers {@code targets} ({@link #add}; nulls skipped), failing as a {@link UserException} that
     * names the target; on failure the set is closed (its temporaries deleted), as it may be used in
     * the resource expression of a try-with-resources, which would not close it.
     */
    public OutputSet addAll(Path... targets) {
        for (Path t : targets) {
            if (t != null) {
                try {
                    add(t);
                } catch (IOException e) {
                    close();
                    throw new UserException(e.getMessage(), e);
                }
            }
        }
        return this;
    }

    /** {@link #addFolder}, failing as a {@link UserException} that names the folder. */
    public Path folder(Path target) {
        try {
            return addFolder(target);
        } catch (IOException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    /** {@link #commit}, failing as a {@link UserException} that names the output. */
    public void commitOrFail() {
        try {
            commit();
        } catch (IOException e) {
            throw new UserException(e.getMessage(), e);
        }
    }

    /** Renames every temporary to its target; on failure undoes what it moved and rethrows. */
    public void commit() throws IOException {
        if (committed) {
            return;
        }
        for (Map.Entry<Path, Path> e : tempByTarget.entrySet()) {
            if (isFolder.get(e.getKey())) {
                checkMerge(e.getValue(), e.getKey());
            }
        }
        for (Map.Entry<Path, Path> e : tempByTarget.entrySet()) {
            Path target = e.getKey();
            try {
                if (!isFolder.get(target)) {
                    AtomicFiles.move(e.getValue(), target);
                    moved.add(target);
                } else if (!Files.exists(target)) {
                    Files.move(e.getValue(), target);
                    movedFolders.add(target);
                } else {
                    merge(e.getValue(), target);
                }
            } catch (IOException ex) {
                throw new IOException(target + ": cannot write: " + reason(ex), ex);
            }
        }
        committed = true;
        for (Path tmp : tempByTarget.values()) {
            deleteTree(tmp); // the emptied temporary folders of merged outputs
        }
    }

    /** Deletes the temporaries, what a failed commit moved and the folders this set created, unless committed. */
    @Override
    public void close() {
        if (committed) {
            return;
        }
        for (Path p : moved) {
            deleteQuietly(p);
        }
        for (Path p : movedFolders) {
            deleteTree(p);
        }
        for (Path tmp : tempByTarget.values()) {
            deleteTree(tmp);
        }
        for (int i = createdFolders.size() - 1; i >= 0; i--) {
            deleteQuietly(createdFolders.get(i)); // only when empty: a folder holding anything else is kept
        }
    }

    /** A {@link UserException} "TARGET: cannot write: REASON". */
    public static UserException cannotWrite(Path target, Throwable e) {
        return new UserException(target + ": cannot write: " + reason(e), e);
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

    private Path register(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        if (tempByTarget.containsKey(abs)) {
            throw new IllegalArgumentException("output registered twice: " + abs);
        }
        return abs;
    }

    /** Creates the missing parent folders of {@code abs}, remembering them so a failed run removes them. */
    private void createParents(Path abs) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path p = abs.getParent(); p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        for (Path p : missing) {
            Files.createDirectory(p);
            createdFolders.add(p);
        }
    }

    /** Refuses, before anything is moved, a new file where the existing folder has a folder, or the reverse. */
    private static void checkMerge(Path tmpDir, Path target) throws IOException {
        if (!Files.isDirectory(target)) {
            return;
        }
        try (Stream<Path> s = Files.walk(tmpDir)) {
            for (Path p : s.skip(1).toList()) {
                Path dest = target.resolve(tmpDir.relativize(p).toString());
                if (Files.isDirectory(p) ? Files.exists(dest) && !Files.isDirectory(dest) : Files.isDirectory(dest)) {
                    throw new IOException(dest + ": cannot write: " + (Files.isDirectory(dest) ? "is a directory" : "exists and is not a folder"));
                }
            }
        }
    }

    /** Moves every file of {@code tmpDir} into the existing folder {@code target}, creating sub-folders. */
    private void merge(Path tmpDir, Path target) throws IOException {
        try (Stream<Path> s = Files.walk(tmpDir)) {
            for (Path p : s.skip(1).toList()) {
                Path dest = target.resolve(tmpDir.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    if (!Files.exists(dest)) {
                        Files.createDirectory(dest);
                        createdFolders.add(dest);
                    }
                } else {
                    AtomicFiles.move(p, dest);
                    moved.add(dest);
                }
            }
        }
    }

    private static boolean hasIoCause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException || t instanceof htsjdk.samtools.util.RuntimeIOException) {
                return true;
            }
        }
        return false;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort: nothing else to do with a file that cannot be deleted
        }
    }

    /** Deletes {@code p} and, for a folder, everything in it (best effort). */
    static void deleteTree(Path p) {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> s = Files.walk(p)) {
                for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                    deleteQuietly(q);
                }
            } catch (IOException | UncheckedIOException ignored) {
                // a leftover hidden temporary is harmless
            }
        } else {
            deleteQuietly(p);
        }
    }
}
