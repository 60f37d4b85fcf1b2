package org.oncoconcord.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the real public data of {@code ../shared/data} (system property {@code oncoconcord.shared},
 * set by the pom) and skips the calling test, with a message, when it is absent.
 */
public final class SharedData {
    private SharedData() {
    }

    /** The shared data folder, or null when absent. */
    public static Path root() {
        String p = System.getProperty("oncoconcord.shared");
        Path dir = p != null ? Paths.get(p) : Paths.get("..", "shared", "data");
        return Files.isDirectory(dir) ? dir.toAbsolutePath().normalize() : null;
    }

    /** Resolves {@code relative} inside the shared data, skipping the test when it is missing. */
    public static Path require(String relative) {
        Path root = root();
        assumeTrue(root != null, "skipped: ../shared/data is absent (the real public test data)");
        Path f = root.resolve(relative);
        assumeTrue(Files.exists(f), "skipped: " + f + " is absent from ../shared/data");
        return f;
    }

    /** The project root folder (system property {@code project.basedir}, else the working folder). */
    public static Path projectDir() {
        String p = System.getProperty("project.basedir");
        return (p != null ? Paths.get(p) : Paths.get("")).toAbsolutePath().normalize();
    }
}
