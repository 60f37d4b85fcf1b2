package org.oncoconcord.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AtomicFiles: a target is replaced only by complete content, and a failed write leaves nothing behind. */
class AtomicFilesTest {
    @TempDir
    Path tmp;

    private static long entries(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.count();
        }
    }

    @Test
    void tempFileIsAHiddenSiblingSoTheRenameStaysOnOneFileSystem() {
        Path target = tmp.resolve("out.tsv");
        Path t = AtomicFiles.tempFor(target);
        assertThat(t.getParent()).isEqualTo(target.toAbsolutePath().getParent());
        assertThat(t.getFileName().toString()).startsWith(".out.tsv.tmp").endsWith(String.valueOf(ProcessHandle.current().pid()));
    }

    @Test
    void writeCreatesParentFoldersAndReplacesAnOldTarget() throws IOException {
        Path target = tmp.resolve("a/b/out.txt");
        AtomicFiles.writeString(target, "first\n");
        assertThat(target).hasContent("first");
        AtomicFiles.writeString(target, "second\n");
        assertThat(target).hasContent("second");
        assertThat(entries(target.getParent())).as("no temporary file left").isEqualTo(1);
    }

    @Test
    void failingWriterLeavesTheOldTargetAndNoTemporary() throws IOException {
        Path target = Files.writeString(tmp.resolve("out.txt"), "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, t -> {
            Files.writeString(t, "partial");
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");
        assertThat(target).hasContent("old");
        assertThat(entries(tmp)).isEqualTo(1);

        assertThatThrownBy(() -> AtomicFiles.write(target, t -> {
            Files.writeString(t, "partial");
            throw new IllegalStateException("bug");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(target).hasContent("old");
        assertThat(entries(tmp)).isEqualTo(1);
    }

    @Test
    void failingWriterLeavesNoTargetWhenThereWasNone() throws IOException {
        Path target = tmp.resolve("new.txt");
        assertThatThrownBy(() -> AtomicFiles.write(target, t -> {
            Files.writeString(t, "partial");
            throw new IOException("stop");
        })).isInstanceOf(IOException.class);
        assertThat(target).doesNotExist();
        assertThat(entries(tmp)).isZero();
    }

    @Test
    void writeStringNamesTheTargetWhenItCannotBeWritten() throws IOException {
        Path blocker = Files.writeString(tmp.resolve("file"), "x");
        Path target = blocker.resolve("out.txt"); // parent is a file: cannot be created
        assertThatThrownBy(() -> AtomicFiles.writeString(target, "y")).isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("cannot write " + target + ": ");
    }

    @Test
    void moveReplacesTheTarget() throws IOException {
        Path a = Files.writeString(tmp.resolve("a"), "new");
        Path b = Files.writeString(tmp.resolve("b"), "old");
        AtomicFiles.move(a, b);
        assertThat(b).hasContent("new");
        assertThat(a).doesNotExist();
    }
}
