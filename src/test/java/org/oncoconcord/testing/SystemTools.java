package org.oncoconcord.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Locates system tools used as oracles (bcftools, Rscript, chromium...) and skips tests without them. */
public final class SystemTools {
    private SystemTools() {
    }

    /** The executable on PATH, or null. */
    public static Path find(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** The executable, or skips the test naming the Debian package that provides it (fails under {@code CI=true}). */
    public static Path require(String name, String debianPackage) {
        Path p = find(name);
        requireOrSkip(p != null, "skipped: " + name + " not found; install the Debian package '" + debianPackage + "'");
        return p;
    }

    /** True when running under CI ({@code CI=true}), where a missing system tool is a failure, not a skip. */
    public static boolean underCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Skips the calling test with {@code message} when {@code available} is false; under {@code CI=true}
     * (set by .ci/run, which installs every tool) fails it instead, so a green CI means the oracle ran.
     */
    public static void requireOrSkip(boolean available, String message) {
        if (!available && underCi()) {
            fail(message + " -- CI=true: .ci/run installs every system tool, so a skip here is a failure");
        }
        assumeTrue(available, message);
    }
}
