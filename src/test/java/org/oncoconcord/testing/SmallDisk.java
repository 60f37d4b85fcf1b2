package org.oncoconcord.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real full file system for tests of "No space left on device": a 64 KB tmpfs mounted on a folder
 * (needs root; the test is skipped with a message otherwise) and filled up, so that any write of a
 * byte fails as on a full disk. Unmounting fails the test if a file was left open on it.
 */
public final class SmallDisk implements AutoCloseable {
    /** The file that fills the disk; not an output of the command under test. */
    public static final String FILLER = "filler";

    private final Path dir;

    private SmallDisk(Path dir) {
        this.dir = dir;
    }

    /** Mounts a 64 KB tmpfs on {@code dir} (created) and fills it, or skips the test. */
    public static SmallDisk full(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Process m = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", dir.toString()).redirectErrorStream(true).start();
        String why = new String(m.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assumeTrue(m.waitFor() == 0, "skipped: cannot mount a small tmpfs (needs root): " + why + "; OutputSetTest simulates the failure");
        SmallDisk disk = new SmallDisk(dir);
        try (OutputStream os = Files.newOutputStream(dir.resolve(FILLER))) {
            byte[] block = new byte[4096];
            for (int i = 0; i < 1000; i++) {
                os.write(block);
                os.flush();
            }
            throw new AssertionError("a 64 KB tmpfs took 4 MB");
        } catch (IOException full) {
            return disk; // "No space left on device": full
        }
    }

    /** The mount point. */
    public Path path() {
        return dir;
    }

    /** Names in the disk's top folder, hidden ones included, except the filler. */
    public List<String> leftovers() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(FILLER)).sorted().toList();
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Process u = new ProcessBuilder("umount", dir.toString()).redirectErrorStream(true).start();
        String why = new String(u.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (u.waitFor() != 0) {
            new ProcessBuilder("umount", "-l", dir.toString()).start().waitFor();
            throw new AssertionError("a file was left open on the full disk: umount says " + why);
        }
    }
}
