package org.oncoconcord.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;

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

    /**
     * Set to {@code required} by .ci/run when {@code ../shared/data} exists: under {@code CI=true} a
     * test that cannot use the data then fails instead of skipping, so a green CI means the oracle
     * tests on real data ran.
     */
    public static final String REQUIRED_ENV = "ONCOCONCORD_SHARED_DATA";

    /** The message every skip for absent shared data starts with (.ci/run counts them). */
    public static final String ABSENT = "skipped: ../shared/data is absent";

    /** What a test does about {@code relative}: use {@code file}, or skip / fail with {@code message}. */
    record Outcome(Path file, String message, boolean fail) {
    }

    /** Decides for {@code relative} under {@code root} (null: absent); {@code strict}: a problem fails. */
    static Outcome decide(Path root, String relative, boolean strict) {
        if (root == null) {
            return new Outcome(null, strict
                    ? "../shared/data: .ci/run found it but the tests do not (system property oncoconcord.shared="
                            + System.getProperty("oncoconcord.shared") + ")"
                    : ABSENT + " (the real public test data)", strict);
        }
        Path f = root.resolve(relative);
        if (!Files.exists(f)) {
            return new Outcome(null, (strict ? "" : "skipped: ") + f + " is absent from ../shared/data"
                    + (strict ? " (the folder is there: incomplete data is a failure under CI)" : ""), strict);
        }
        return new Outcome(f, null, false);
    }

    /**
     * Resolves {@code relative} inside the shared data, skipping the test when it is missing (failing
     * it under {@code CI=true} when .ci/run found the data, see {@link #REQUIRED_ENV}).
     */
    public static Path require(String relative) {
        boolean strict = SystemTools.underCi() && "required".equals(System.getenv(REQUIRED_ENV));
        Outcome o = decide(root(), relative, strict);
        if (o.fail()) {
            fail(o.message());
        }
        if (o.file() == null) {
            recordSkip(o.message());
        }
        assumeTrue(o.file() != null, o.message());
        return o.file();
    }

    /** The file .ci/run counts skips in: one line per skip, {@code TestClass<TAB>message}. */
    public static final String SKIPS_FILE = "target/shared-data-skips.tsv";

    private static void recordSkip(String message) {
        String caller = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(s -> s.map(StackWalker.StackFrame::getDeclaringClass).filter(c -> c != SharedData.class)
                        .findFirst().map(Class::getName).orElse("?"));
        try {
            Files.writeString(projectDir().resolve(SKIPS_FILE), caller + "\t" + message + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // counting is best effort; the skip itself still happens
        }
    }

    /** The project root folder (system property {@code project.basedir}, else the working folder). */
    public static Path projectDir() {
        String p = System.getProperty("project.basedir");
        return (p != null ? Paths.get(p) : Paths.get("")).toAbsolutePath().normalize();
    }
}
