package org.oncoconcord.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OutputSet, AtomicFiles and DistinctPaths: all outputs or none, no temporaries left, no output over an input. */
class OutputSetTest {
    @TempDir
    Path tmp;

    private String[] files() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).sorted().toArray(String[]::new);
        }
    }

    @Test
    void commitRenamesEveryOutputTogether() throws IOException {
        Path a = tmp.resolve("a.txt");
        Path b = tmp.resolve("sub/b.txt");
        try (OutputSet set = new OutputSet()) {
            Files.writeString(set.add(a), "A");
            Files.writeString(set.add(b), "B");
            assertThat(a).doesNotExist();
            assertThat(b).doesNotExist();
            set.commit();
        }
        assertThat(Files.readString(a)).isEqualTo("A");
        assertThat(Files.readString(b)).isEqualTo("B");
        assertThat(files()).containsExactly("a.txt", "sub");
    }

    @Test
    void failureBeforeCommitLeavesNoOutputAndNoTemporary() throws IOException {
        Path a = tmp.resolve("a.txt");
        Files.writeString(a, "previous run");
        assertThatThrownBy(() -> {
            try (OutputSet set = new OutputSet()) {
                Files.writeString(set.add(a), "half");
                Files.writeString(set.add(tmp.resolve("b.txt")), "written");
                throw new IOException("No space left on device");
            }
        }).hasMessage("No space left on device");
        assertThat(files()).containsExactly("a.txt");
        assertThat(Files.readString(a)).as("an earlier output is not replaced by a failed run").isEqualTo("previous run");
    }

    @Test
    void unwritableOutputIsFoundWhenRegisteredBeforeAnyWork() throws IOException {
        Path notADir = tmp.resolve("file");
        Files.writeString(notADir, "x");
        try (OutputSet set = new OutputSet()) {
            set.add(tmp.resolve("ok.txt"));
            assertThatThrownBy(() -> set.add(notADir.resolve("stats.json")))
                    .isInstanceOf(IOException.class).hasMessageContaining(notADir.resolve("stats.json").toString())
                    .hasMessageContaining("cannot write");
            assertThatThrownBy(() -> set.add(tmp)).hasMessageContaining("is a directory");
        }
        assertThat(files()).containsExactly("file");
    }

    @Test
    void atomicFilesWriteDeletesItsTemporaryWhenTheWriterFails() throws IOException {
        Path target = tmp.resolve("t.txt");
        assertThatThrownBy(() -> AtomicFiles.write(target, p -> {
            Files.writeString(p, "partial");
            throw new htsjdk.samtools.util.RuntimeIOException("No space left on device");
        })).hasMessageContaining("No space left on device");
        assertThat(files()).isEmpty();
        AtomicFiles.writeString(target, "done");
        assertThat(Files.readString(target)).isEqualTo("done");
        assertThat(files()).containsExactly("t.txt");
    }

    @Test
    void reasonIsTheSystemsWordsWithoutJavasPrefix() {
        assertThat(OutputSet.reason(new java.nio.file.FileSystemException("/x/y", null, "No space left on device")))
                .isEqualTo("No space left on device");
        assertThat(OutputSet.reason(new htsjdk.samtools.util.RuntimeIOException(new IOException("No space left on device"))))
                .contains("No space left on device");
    }

    @Test
    void distinctPathsComparesRealPaths() throws IOException {
        Path in = tmp.resolve("in.vcf");
        Files.writeString(in, "x");
        Path link = tmp.resolve("link.vcf");
        Files.createSymbolicLink(link, in);
        Map<String, Path> m = new LinkedHashMap<>();
        m.put("input", in);
        m.put("-o", tmp.resolve("sub/../link.vcf"));
        assertThat(DistinctPaths.firstClash(m)).contains("input and -o are the same file (" + in.toRealPath() + ")");
        m.put("-o", tmp.resolve("new/out.vcf"));
        m.put("--stats", tmp.resolve("new/./out.vcf"));
        assertThat(DistinctPaths.firstClash(m)).hasValueSatisfying(s -> assertThat(s).startsWith("-o and --stats"));
        m.put("--stats", null);
        assertThat(DistinctPaths.firstClash(m)).isEmpty();
    }
}
