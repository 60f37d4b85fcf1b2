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
    void failedRunRemovesTheFoldersItCreated() throws IOException {
        Path deep = tmp.resolve("new/sub/a.txt");
        assertThatThrownBy(() -> {
            try (OutputSet set = new OutputSet()) {
                Files.writeString(set.add(deep), "A");
                set.write(deep, p -> {
                    throw new htsjdk.samtools.util.RuntimeIOException("Write error", new IOException("No space left on device"));
                });
            }
        }).isInstanceOf(org.oncoconcord.core.UserException.class)
                .hasMessage(deep + ": cannot write: No space left on device");
        assertThat(files()).isEmpty();
    }

    @Test
    void newFolderIsRenamedIntoPlaceWhole() throws IOException {
        Path out = tmp.resolve("report");
        try (OutputSet set = new OutputSet()) {
            Path dir = set.addFolder(out);
            set.writeString(out, "report.html", "<html>");
            set.writeString(out, "plots/km.svg", "<svg>");
            assertThat(Files.readString(dir.resolve("plots/km.svg"))).isEqualTo("<svg>");
            assertThat(out).doesNotExist();
            set.commit();
        }
        assertThat(Files.readString(out.resolve("report.html"))).isEqualTo("<html>");
        assertThat(Files.readString(out.resolve("plots/km.svg"))).isEqualTo("<svg>");
        assertThat(files()).containsExactly("report");
    }

    @Test
    void existingFolderReceivesTheNewFilesAndKeepsOthers() throws IOException {
        Path out = tmp.resolve("cohort");
        Files.createDirectories(out.resolve("plots"));
        Files.writeString(out.resolve("mine.txt"), "user's file");
        Files.writeString(out.resolve("a.tsv"), "old");
        try (OutputSet set = new OutputSet()) {
            set.addFolder(out);
            set.writeString(out, "a.tsv", "new");
            set.writeString(out, "plots/p.png", "png");
            set.writeString(out, "deep/x/y.txt", "y");
            set.commit();
        }
        assertThat(Files.readString(out.resolve("a.tsv"))).isEqualTo("new");
        assertThat(Files.readString(out.resolve("mine.txt"))).isEqualTo("user's file");
        assertThat(Files.readString(out.resolve("plots/p.png"))).isEqualTo("png");
        assertThat(Files.readString(out.resolve("deep/x/y.txt"))).isEqualTo("y");
        assertThat(files()).containsExactly("cohort");
    }

    @Test
    void folderWhoseFileWouldReplaceAFolderFailsBeforeMovingAnything() throws IOException {
        Path out = tmp.resolve("cohort");
        Files.createDirectories(out.resolve("z.tsv"));
        Path other = tmp.resolve("other.txt");
        assertThatThrownBy(() -> {
            try (OutputSet set = new OutputSet()) {
                Files.writeString(set.add(other), "x");
                set.addFolder(out);
                set.writeString(out, "a.tsv", "a");
                set.writeString(out, "z.tsv", "z");
                set.commit();
            }
        }).hasMessage(out.resolve("z.tsv").toAbsolutePath() + ": cannot write: is a directory");
        assertThat(files()).containsExactly("cohort");
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("z.tsv");
        }
    }

    @Test
    void failedFolderLeavesNoFolderAndNoTemporary() throws IOException {
        Path out = tmp.resolve("a/b/out");
        assertThatThrownBy(() -> {
            try (OutputSet set = new OutputSet()) {
                set.addFolder(out);
                set.writeString(out, "one.tsv", "1");
                set.write(out, "two.tsv", p -> {
                    throw new IOException("No space left on device");
                });
            }
        }).hasMessage(out.resolve("two.tsv") + ": cannot write: No space left on device");
        assertThat(files()).isEmpty();
        Path file = Files.writeString(tmp.resolve("f"), "x");
        try (OutputSet set = new OutputSet()) {
            assertThatThrownBy(() -> set.addFolder(file)).hasMessage(file + ": exists and is not a folder");
        }
    }

    @Test
    void compressedTemporariesKeepAGzSuffix() {
        assertThat(AtomicFiles.tempFor(tmp.resolve("x.vcf.gz")).getFileName().toString()).startsWith(".x.vcf.gz.tmp").endsWith(".gz");
        assertThat(AtomicFiles.tempFor(tmp.resolve("x.tsv")).getFileName().toString()).startsWith(".x.tsv.tmp").doesNotEndWith(".gz");
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
