package org.oncoconcord.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.core.UserException;

/**
 * Issue 12 item 8 for simulate-recovery: its steps write in place (their outputs name each other by
 * path), so --out must be new or empty and a failing step removes everything written there.
 */
class RecoveryAllOrNoneTest {
    @TempDir
    Path dir;

    @Test
    void aFailingStepLeavesNothing() {
        Path out = dir.resolve("new");
        assertThatThrownBy(() -> SimulateRecoveryCommand.allOrNone(out, () -> {
            Files.createDirectories(out.resolve("normalized/P1"));
            Files.writeString(out.resolve("normalized/P1/P1_T.norm.vcf"), "partial");
            throw new UncheckedIOException(new IOException("No space left on device"));
        })).hasMessageContaining("No space left on device");
        assertThat(out).doesNotExist();
        Path empty = dir.resolve("empty");
        assertThatThrownBy(() -> SimulateRecoveryCommand.allOrNone(empty, () -> {
            Files.createDirectories(empty);
            Files.writeString(empty.resolve("recovery.tsv"), "partial");
            throw new IllegalStateException("step failed");
        })).hasMessage("step failed");
        assertThat(empty).doesNotExist();
    }

    @Test
    void anExistingEmptyFolderIsKeptAndANonEmptyOneRefused() throws Exception {
        Path out = Files.createDirectories(dir.resolve("out"));
        assertThatThrownBy(() -> SimulateRecoveryCommand.allOrNone(out, () -> {
            Files.writeString(out.resolve("x.tsv"), "partial");
            throw new IllegalStateException("step failed");
        }));
        assertThat(out).isEmptyDirectory();
        assertThat(SimulateRecoveryCommand.allOrNone(out, () -> Files.writeString(out.resolve("done.tsv"), "ok"))).exists();
        assertThatThrownBy(() -> SimulateRecoveryCommand.allOrNone(out, () -> null)).isInstanceOf(UserException.class)
                .hasMessageContaining("--out must be a new or empty folder");
        assertThat(out.resolve("done.tsv")).hasContent("ok");
    }
}
