package org.oncoconcord.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import htsjdk.samtools.util.BlockCompressedInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.core.CommandLines;
import org.oncoconcord.testing.SharedData;
import picocli.CommandLine;

class BatchCommandTest {

    @TempDir
    Path tmp;

    private static final Path DEMO = SharedData.projectDir().resolve("assets/demo");

    private record Result(int exit, String err) {
    }

    private static Result run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int rc = cl.execute(args);
        return new Result(rc, err.toString());
    }

    private static String normalizeLine(Path vcf, Path out) {
        return "normalize --quiet -m -any -f " + DEMO.resolve("reference.fa") + " --stats " + out + ".json -o " + out + " " + vcf;
    }

    private static String dataLines(Path bgzf) throws IOException {
        try (var in = new BlockCompressedInputStream(bgzf.toFile())) {
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return all.substring(all.indexOf("\n#CHROM"));
        }
    }

    @Test
    void splitFollowsShellQuotingAndJoinRoundTrips() {
        assertThat(CommandLines.split("  a  'b c' \"d \\\" e\" f\\ g 'h'\"i\"  ")).containsExactly("a", "b c", "d \" e", "f g", "hi");
        assertThat(CommandLines.split("")).isEmpty();
        List<String> words = List.of("normalize", "--tumor-sample", "it's a name", "", "x=y:z.vcf");
        assertThat(CommandLines.split(CommandLines.join(words))).isEqualTo(words);
        assertThatThrownBy(() -> CommandLines.split("a 'b")).hasMessageContaining("unterminated ' quote at column 3");
        assertThatThrownBy(() -> CommandLines.split("a \"b")).hasMessageContaining("unterminated \" quote");
    }

    @Test
    void batchGivesTheSameOutputsAsSeparateRuns() throws IOException {
        List<Path> vcfs;
        try (var s = Files.list(DEMO.resolve("vcf"))) {
            vcfs = s.filter(p -> p.toString().endsWith(".vcf.gz")).sorted().limit(4).toList();
        }
        assertThat(vcfs).hasSize(4);
        StringBuilder commands = new StringBuilder("# four samples of the demo cohort\n\n");
        for (int i = 0; i < vcfs.size(); i++) {
            Path single = tmp.resolve("single" + i + ".vcf.gz");
            assertThat(run(CommandLines.split(normalizeLine(vcfs.get(i), single)).toArray(String[]::new)).exit()).isZero();
            commands.append("oncoconcord ").append(normalizeLine(vcfs.get(i), tmp.resolve("batch" + i + ".vcf.gz"))).append('\n');
        }
        Path file = Files.writeString(tmp.resolve("commands.txt"), commands);
        for (String threads : List.of("1", "2")) {
            assertThat(run("batch", "--quiet", "--threads", threads, file.toString()).exit()).isZero();
            for (int i = 0; i < vcfs.size(); i++) {
                assertThat(dataLines(tmp.resolve("batch" + i + ".vcf.gz"))).isEqualTo(dataLines(tmp.resolve("single" + i + ".vcf.gz")));
                assertThat(Files.readString(tmp.resolve("batch" + i + ".vcf.gz.json")))
                        .isEqualTo(Files.readString(tmp.resolve("single" + i + ".vcf.gz.json")));
                assertThat(tmp.resolve("batch" + i + ".vcf.gz.tbi")).isNotEmptyFile();
            }
        }
    }

    @Test
    void stopsAtTheFirstFailureNamingTheLineUnlessKeepGoing() throws IOException {
        Path vcf;
        try (var s = Files.list(DEMO.resolve("vcf"))) {
            vcf = s.filter(p -> p.toString().endsWith(".vcf.gz")).sorted().findFirst().orElseThrow();
        }
        Path missing = tmp.resolve("missing.vcf.gz");
        String commands = normalizeLine(missing, tmp.resolve("a.vcf.gz")) + "\n" + normalizeLine(vcf, tmp.resolve("b.vcf.gz")) + "\n";
        Path file = Files.writeString(tmp.resolve("commands.txt"), commands);

        Result r = run("batch", file.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("1 of 2 commands failed (1 not run after the first failure)", file + ":1: exit 1: oncoconcord normalize");
        assertThat(tmp.resolve("b.vcf.gz")).doesNotExist();

        r = run("batch", "--keep-going", file.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("1 of 2 commands failed:", file + ":1:").doesNotContain(file + ":2:");
        assertThat(tmp.resolve("b.vcf.gz")).isNotEmptyFile();
        assertThat(tmp.resolve("a.vcf.gz")).doesNotExist();
    }

    @Test
    void rejectsBadFilesListingEveryProblem() throws IOException {
        Path file = Files.writeString(tmp.resolve("bad.txt"), "nosuch --x\n# fine\nbatch other.txt\n");
        Result r = run("batch", file.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(file + ":1: 'nosuch' is not an oncoconcord subcommand", file + ":3: a batch cannot run another batch");

        Path quote = Files.writeString(tmp.resolve("quote.txt"), "\n\nnormalize 'oops\n");
        assertThat(run("batch", quote.toString()).err()).contains(quote + ":3: unterminated ' quote");
        assertThat(run("batch", tmp.resolve("none.txt").toString()).err()).contains("none.txt: no such file");
        assertThat(run("batch", "--threads", "0", file.toString()).exit()).isEqualTo(2);
    }
}
