package org.oncoconcord.testing;

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

    /** The executable, or skips the test naming the Debian package that provides it. */
    public static Path require(String name, String debianPackage) {
        Path p = find(name);
        assumeTrue(p != null, "skipped: " + name + " not found; install the Debian package '" + debianPackage + "'");
        return p;
    }
}
