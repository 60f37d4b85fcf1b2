package org.oncoconcord.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that the files a command reads and writes are all different files, comparing their real
 * paths (symbolic links and {@code ..} resolved; for a file not yet created, its folder's real path),
 * so that no output replaces an input or another output.
 */
public final class DistinctPaths {
    private DistinctPaths() {
    }

    /**
     * The first clash among {@code named} (role -> path, null paths ignored), as a message naming both
     * roles and the file, or empty when all are different files.
     */
    public static Optional<String> firstClash(Map<String, Path> named) {
        Map<Path, String> seen = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : named.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            Path real = realPath(e.getValue());
            String before = seen.putIfAbsent(real, e.getKey());
            if (before != null) {
                return Optional.of(before + " and " + e.getKey() + " are the same file (" + real + ")");
            }
        }
        return Optional.empty();
    }

    /** The real path of {@code p}, or of its nearest existing ancestor joined with the rest. */
    public static Path realPath(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        Path existing = abs;
        Path rest = null;
        while (existing != null && !Files.exists(existing)) {
            Path name = existing.getFileName();
            rest = rest == null ? name : name.resolve(rest);
            existing = existing.getParent();
        }
        if (existing == null) {
            return abs;
        }
        try {
            Path real = existing.toRealPath();
            return rest == null ? real : real.resolve(rest);
        } catch (IOException e) {
            return abs;
        }
    }
}
