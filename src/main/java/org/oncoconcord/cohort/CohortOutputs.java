package org.oncoconcord.cohort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.oncoconcord.core.UserException;
import org.oncoconcord.io.AtomicFiles;

/**
 * Writes all of the cohort's files or none: every file goes into a hidden temporary folder beside
 * {@code out}, and only when all are written are they renamed into {@code out}. On any failure the
 * temporary folder and the files already moved are removed, and the error names the file.
 */
final class CohortOutputs {
    private CohortOutputs() {
    }

    static void writeAll(Path out, Map<String, String> files) {
        Path abs = out.toAbsolutePath();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new UserException(out + ": --out exists and is not a folder");
        }
        Path tmp = abs.resolveSibling("." + abs.getFileName() + ".tmp" + ProcessHandle.current().pid());
        List<Path> moved = new ArrayList<>();
        Path current = tmp;
        try {
            Files.createDirectories(tmp);
            for (var f : files.entrySet()) {
                current = tmp.resolve(f.getKey());
                Files.writeString(current, f.getValue(), StandardCharsets.UTF_8);
            }
            Files.createDirectories(abs);
            for (String name : files.keySet()) {
                current = abs.resolve(name);
                AtomicFiles.move(tmp.resolve(name), current);
                moved.add(current);
            }
        } catch (IOException | RuntimeException e) {
            for (Path m : moved) {
                try {
                    Files.deleteIfExists(m);
                } catch (IOException ignored) {
                    // best effort: the error below is what matters
                }
            }
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
            throw new UserException("cannot write " + (current.startsWith(tmp) ? abs.resolve(tmp.relativize(current)) : current)
                    + " (" + why + "); no cohort output written", e);
        } finally {
            deleteTree(tmp);
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a leftover hidden temporary folder is harmless
        }
    }
}
