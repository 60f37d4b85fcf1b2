package org.oncoconcord.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.testing.SystemTools;

/**
 * Issue 12's normalize items: malformed records (rejected with their true reason under --lenient,
 * fatal by default), outputs all or none, inputs never overwritten, records in header contig order,
 * htslib's header rules, range checks and messages naming the file. Every output is checked with
 * {@code bcftools view} (and {@code bcftools index} for the contig order).
 */
class ReliabilityTest {
    @TempDir
    Path tmp;
    Path fa;
    Path out;
    Path stats;
    Path rejects;

    static final String HEAD = "##fileformat=VCFv4.2\n##contig=<ID=1>\n"
            + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"g\">\n"
            + "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"d\">\n"
            + "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"a\">\n"
            + "##INFO=<ID=SOMATIC,Number=0,Type=Flag,Description=\"s\">\n"
            + "##INFO=<ID=SB,Number=1,Type=Float,Description=\"b\">\n"
            + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tNORMAL\tTUMOR\n";

    @BeforeEach
    void reference() throws IOException {
        fa = tmp.resolve("ref.fa");
        Files.writeString(fa, ">1\nACGTACGTACGTAAAAACCCCCGGGGGTTTTT\n");
        out = tmp.resolve("out.vcf.gz");
        stats = tmp.resolve("s.json");
        rejects = tmp.resolve("r.tsv");
    }

    private Run run(Path vcf, String... extra) {
        List<String> args = new ArrayList<>(List.of("-f", fa.toString(), "-m", "-any", "-o", out.toString(),
                "--stats", stats.toString(), "--rejects", rejects.toString()));
        args.addAll(List.of(extra));
        args.add(vcf.toString());
        return Run.normalize(args);
    }

    private Path vcf(String body) throws IOException {
        Path in = tmp.resolve("in.vcf");
        Files.writeString(in, body, StandardCharsets.ISO_8859_1);
        return in;
    }

    private List<String> outputsLeft() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("ref.fa") && !n.startsWith("in."))
                    .sorted().toList();
        }
    }

    private void assertRefused(Run r, int exit, String... mustContain) throws IOException {
        assertThat(r.exit).as(r.err).isEqualTo(exit);
        String first = r.err.lines().findFirst().orElse("");
        for (String m : mustContain) {
            assertThat(first).contains(m);
        }
        assertThat(first.length()).as("one short line").isLessThan(400);
        assertThat(outputsLeft()).as("no output, index, stats, rejects or temporary left").isEmpty();
    }

    /** bcftools view reads the file without error (htslib's own reading of our output). */
    static void assertBcftoolsReads(Path vcf) throws IOException, InterruptedException {
        Path bcftools = SystemTools.require("bcftools", "bcftools");
        Process p = new ProcessBuilder(bcftools.toString(), "view", "-Ov", "-o", "/dev/null", vcf.toString())
                .redirectErrorStream(true).start();
        String msg = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("bcftools view " + vcf + ": " + msg).isZero();
        assertThat(msg).as("bcftools view warnings").doesNotContain("[W::").doesNotContain("[E::");
    }

    private JsonNode stats() throws IOException {
        return new ObjectMapper().readTree(stats.toFile());
    }

    // item 5: a non-numeric value in a numeric FORMAT field is a record error, never a silent '.'

    @Test
    void nonNumericTumourDepthIsFatalByDefaultAndRejectedWhenLenient() throws Exception {
        Path in = vcf(HEAD + "1\t2\t.\tC\tT\t.\tPASS\tSOMATIC\tGT:DP:AD\t0/0:30:30,0\t0/1:40:30,10\n"
                + "1\t6\t.\tC\tA\t.\tPASS\tSOMATIC\tGT:DP:AD\t0/0:30:30,0\t0/1:abc:30,10\n"
                + "1\t10\t.\tC\tG\t.\tPASS\tSB=x1\tGT:DP:AD\t0/0:30:30,0\t0/1:40:30,10\n"
                + "1\t14\t.\tA\tG\t.\tPASS\t.\tGT:DP:AD\t0/0:30:30,0\t0/1:40:30,10\n");
        assertRefused(run(in), 1, in.toString(), "line 10", "FORMAT/DP", "'abc'", "--lenient");
        Run r = run(in, "--lenient");
        assertThat(r.exit).as(r.err).isZero();
        assertThat(Files.readAllLines(rejects)).containsExactly("chrom\tpos\tref\talt\treason",
                "1\t6\tC\tA\tnon_numeric_value", "1\t10\tC\tG\tnon_numeric_value");
        assertThat(Run.dataLines(out).stream().skip(1).map(l -> l.split("\t")[1])).containsExactly("2", "14");
        JsonNode s = stats();
        assertThat(s.get("in").asLong()).isEqualTo(4);
        assertThat(s.get("out").asLong()).isEqualTo(2);
        assertThat(s.get("rejected").get("non_numeric_value").asLong()).isEqualTo(2);
        assertBcftoolsReads(out);
    }

    @Test
    void nonNumericUndeclaredDepthFieldIsAlsoAnError() throws Exception {
        // VarScan-like FORMAT without header definitions of RD/AD: the dialect reader must not turn 'x' into '.'
        Path in = vcf("##fileformat=VCFv4.2\n##contig=<ID=1>\n##source=VarScan2\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tNORMAL\tTUMOR\n"
                + "1\t2\t.\tC\tT\t.\tPASS\t.\tGT:RD:AD\t0/0:30:0\t0/1:x:10\n");
        assertRefused(run(in), 1, "line 5", "FORMAT/RD", "'x'");
    }

    // item 10: a malformed record goes to the rejects with its true reason; the run goes on (--lenient)

    @Test
    void varscanSlashAltIsRejectedAsMalformedNotAsRefMismatch() throws Exception {
        Path in = vcf(HEAD + "1\t2\t.\tC\tT\t.\tPASS\t.\tGT:DP\t0/0:30\t0/1:40\n"
                + "1\t6\t.\tC\tA/T\t.\tPASS\t.\tGT:DP\t0/0:30\t0/1:40\n"
                + "1\t7\t.\tG\tC\t.\tPASS\t.\tGT:DP\t0/0:30\t0/1:40\n"
                + "1\tseven\t.\tG\tC\t.\tPASS\t.\tGT:DP\t0/0:30\t0/1:40\n"
                + "1\t8\t.\tT\tA\t.\tPASS\n"
                + "1\t9999\t.\tT\tA\t.\tPASS\t.\tGT:DP\t0/0:30\t0/1:40\n");
        assertRefused(run(in, "--strict"), 1, in.toString(), "line 10", "ALT allele 'A/T'");
        assertRefused(run(in, "-c", "x"), 1, "line 10", "ALT allele 'A/T'");
        Run r = run(in, "--lenient", "-c", "x");
        assertThat(r.exit).as(r.err).isZero();
        assertThat(Files.readAllLines(rejects)).containsExactly("chrom\tpos\tref\talt\treason",
                "1\t6\tC\tA/T\tmalformed_alt", "1\tseven\tG\tC\tmalformed_record", "1\t8\tT\tA\tmalformed_record",
                "1\t9999\tT\tA\tpos_beyond_contig");
        JsonNode s = stats();
        assertThat(s.get("rejected").get("malformed_alt").asLong()).isEqualTo(1);
        assertThat(s.get("rejected").get("malformed_record").asLong()).isEqualTo(2);
        assertThat(s.get("in").asLong()).isEqualTo(s.get("out").asLong() + s.get("rejected_total").asLong());
        assertThat(s.get("out").asLong()).isEqualTo(2);
        assertBcftoolsReads(out);
    }

    @Test
    void strictAndLenientTogetherIsAUsageError() throws IOException {
        assertRefused(run(vcf(HEAD), "--strict", "--lenient"), 2, "mutually exclusive");
    }

    // item 17: POS beyond the contig end is named as such, not shown as a blank REF

    @Test
    void positionBeyondTheContigIsNamed() throws IOException {
        Path in = vcf(HEAD + "1\t500\t.\tC\tT\t.\tPASS\t.\tGT:DP\t0/0:30\t0/1:40\n");
        assertRefused(run(in), 1, in.toString(), "line 9", "POS 1:500 is beyond the end of contig 1 (length 32)");
    }

    // item 7: no output replaces an input or another output

    @Test
    void outputsClashingWithTheInputOrEachOtherAreUsageErrors() throws Exception {
        Path in = vcf(HEAD + "1\t2\t.\tC\tT\t.\tPASS\t.\tGT:DP\t0/0:30\t0/1:40\n");
        byte[] before = Files.readAllBytes(in);
        Run r = Run.normalize(List.of("-f", fa.toString(), "-o", in.toString(), in.toString()));
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("input and -o are the same file");
        Path link = tmp.resolve("in.link.vcf");
        Files.createSymbolicLink(link, in);
        r = Run.normalize(List.of("-f", fa.toString(), "-o", link.toString(), in.toString()));
        assertThat(r.exit).isEqualTo(2);
        assertThat(Files.readAllBytes(in)).as("input untouched").isEqualTo(before);
        Files.delete(link);
        r = Run.normalize(List.of("-f", fa.toString(), "-o", out.toString(), "--stats", out.toString(), in.toString()));
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("-o and --stats are the same file");
        r = Run.normalize(List.of("-f", fa.toString(), "-o", out.toString(), "--rejects", out + ".tbi", in.toString()));
        assertThat(r.exit).isEqualTo(2);
        assertThat(r.err).contains("the index of -o and --rejects are the same file");
        r = Run.normalize(List.of("-f", fa.toString(), "-o", out.toString(), "--rejects", tmp.resolve("x/../r.tsv").toString(),
                "--stats", rejects.toString(), in.toString()));
        assertThat(r.exit).isEqualTo(2);
        assertThat(outputsLeft()).isEmpty();
    }

    // item 8: all outputs or none

    @Test
    void unwritableStatsLeavesNoVcfIndexOrRejects() throws IOException {
        Path in = vcf(HEAD + "1\t2\t.\tC\tT\t.\tPASS\t.\tGT:DP\t0/0:30\t0/1:40\n");
        Path blocker = tmp.resolve("blocker");
        Files.writeString(blocker, "a file where a folder should be");
        Run r = Run.normalize(List.of("-f", fa.toString(), "-o", out.toString(), "--rejects", rejects.toString(),
                "--stats", blocker.resolve("s.json").toString(), in.toString()));
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err.lines().findFirst().orElse("")).contains(blocker.resolve("s.json").toString(), "cannot write");
        Files.delete(blocker);
        assertThat(outputsLeft()).isEmpty();
    }

    @Test
    void fullDiskNamesTheOutputAndLeavesNothing() throws Exception {
        Path disk = tmp.resolve("small");
        Files.createDirectories(disk);
        Process m = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.toString())
                .redirectErrorStream(true).start();
        m.getInputStream().readAllBytes();
        assumeTrue(m.waitFor() == 0, "skipped: cannot mount a small tmpfs (needs root); OutputSetTest simulates the failure");
        try {
            StringBuilder sb = new StringBuilder(HEAD.replace("##contig=<ID=1>", "##contig=<ID=1,length=40000000>"));
            java.util.Random rnd = new java.util.Random(7);
            for (int i = 1; i <= 20000; i++) {
                sb.append("1\t").append(i * 50).append("\trs").append(rnd.nextInt()).append("\tN\tA\t")
                        .append(rnd.nextInt(100)).append("\tPASS\tSB=").append(rnd.nextFloat())
                        .append("\tGT:DP\t0/0:").append(rnd.nextInt(100)).append("\t0/1:").append(rnd.nextInt(100)).append('\n');
            }
            Path in = vcf(sb.toString());
            Path o = disk.resolve("out.vcf.gz");
            Run r = Run.normalize(List.of("-o", o.toString(), "--stats", disk.resolve("s.json").toString(), in.toString()));
            assertThat(r.exit).as(r.err).isEqualTo(1);
            assertThat(r.err.lines().findFirst().orElse("")).contains(o.toString(), "No space left on device");
            try (Stream<Path> s = Files.list(disk)) {
                assertThat(s.toList()).as("no output and no hidden temporary left on the full disk").isEmpty();
            }
        } finally {
            Process u = new ProcessBuilder("umount", disk.toString()).redirectErrorStream(true).start();
            String why = new String(u.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (u.waitFor() != 0) {
                new ProcessBuilder("umount", "-l", disk.toString()).start().waitFor();
                throw new AssertionError("the output file was left open on the full disk: umount says " + why);
            }
        }
    }

    // item 11: records follow the header's contig order

    @Test
    void recordsAreWrittenInTheHeadersContigOrder() throws Exception {
        Files.writeString(fa, ">1\n" + "ACGT".repeat(20) + "\n>X\n" + "GGCA".repeat(20) + "\n>MT\n" + "TTAC".repeat(20) + "\n");
        String head = "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";
        // X before MT before 1 (the FASTA's order is 1, X, MT)
        Path in = vcf(head + "X\t3\t.\tC\tT\t.\tPASS\t.\nX\t9\t.\tG\tT\t.\tPASS\t.\nMT\t2\t.\tT\tG\t.\tPASS\t.\n"
                + "1\t5\t.\tA\tC\t.\tPASS\t.\n1\t6\t.\tC\tG\t.\tPASS\t.\n");
        Run r = run(in);
        assertThat(r.exit).as(r.err).isZero();
        assertThat(Run.headerLines(out).stream().filter(l -> l.startsWith("##contig")).toList())
                .containsExactly("##contig=<ID=1,length=80>", "##contig=<ID=X,length=80>", "##contig=<ID=MT,length=80>");
        assertThat(Run.dataLines(out).stream().skip(1).map(l -> l.split("\t")[0] + ":" + l.split("\t")[1]))
                .containsExactly("1:5", "1:6", "X:3", "X:9", "MT:2");
        assertBcftoolsReads(out);
        Path bcftools = SystemTools.require("bcftools", "bcftools");
        Process p = new ProcessBuilder(bcftools.toString(), "index", "-f", out.toString()).redirectErrorStream(true).start();
        String msg = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("bcftools index: " + msg).isZero();
        Files.delete(tmp.resolve("out.vcf.gz.csi"));
        // the tabix index we wrote finds the records of each contig
        for (String region : new String[] {"1", "X", "MT"}) {
            Process q = new ProcessBuilder(SystemTools.require("tabix", "tabix").toString(), out.toString(), region).start();
            String got = new String(q.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(q.waitFor()).isZero();
            assertThat(got.lines().map(l -> l.split("\t")[0]).distinct().toList()).containsExactly(region);
        }
        // to stdout the records cannot be re-ordered: refused, naming the line
        Run toStdout = Run.normalize(List.of("-f", fa.toString(), in.toString()));
        assertThat(toStdout.exit).isEqualTo(1);
        assertThat(toStdout.err).contains(in + ": line 6: contig 1 comes after");
    }

    // item 13: what htslib refuses is refused, with file and line

    @Test
    void headersHtslibRefusesAreRefusedWithFileAndLine() throws IOException {
        String rec = "1\t2\t.\tC\tT\t.\tPASS\t.\tGT\t0/1\t0/1\n";
        assertRefused(run(vcf(HEAD.substring(HEAD.indexOf('\n') + 1) + rec)), 1, "in.vcf: line 1", "##fileformat");
        assertRefused(run(vcf(HEAD.replace("NORMAL\tTUMOR", "TUMOR\tTUMOR") + rec)), 1, "line 8", "duplicate sample name 'TUMOR'");
        assertRefused(run(vcf(HEAD.replace("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tNORMAL\tTUMOR",
                "#CHROM POS ID REF ALT QUAL FILTER INFO FORMAT NORMAL TUMOR") + rec)), 1, "line 8", "not tab-separated");
        assertRefused(run(vcf(HEAD + rec.replace("PASS", "PA\0SS"))), 1, "line 9", "NUL byte");
        assertRefused(run(vcf(HEAD.replace("##contig", "##con\0tig") + rec)), 1, "line 2", "NUL byte");
    }

    // item 16: range checks are usage errors naming option and value

    @Test
    void outOfRangeOptionsAreUsageErrors() throws IOException {
        Path in = vcf(HEAD);
        for (String[] bad : new String[][] {{"--min-vaf", "1.5"}, {"--min-depth", "-5"}, {"-w", "0"}, {"--min-vaf", "NaN"}}) {
            Run r = run(in, bad);
            assertThat(r.exit).as(String.join(" ", bad)).isEqualTo(2);
            assertThat(r.err).contains("Invalid value for option '" + (bad[0].equals("-w") ? "--site-win" : bad[0]) + "'")
                    .contains("'" + bad[1] + "'");
        }
        assertThat(outputsLeft()).isEmpty();
    }

    // item 17: one line naming the file

    @Test
    void unreadableInputsAreNamedInOneLine() throws IOException {
        Path gz = tmp.resolve("in.vcf.gz");
        Files.write(gz, new byte[] {0x1f, (byte) 0x8b, 7, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        assertRefused(run(gz), 1, gz.toString(), "unsupported compression method");
        Path dir = tmp.resolve("in.dir");
        Files.createDirectories(dir);
        assertRefused(run(dir), 1, dir.toString(), "is a directory");
        Files.delete(dir);
        byte[] binary = new byte[4096];
        new java.util.Random(1).nextBytes(binary);
        Path bin = tmp.resolve("in.bin");
        Files.write(bin, binary);
        assertRefused(run(bin), 1, bin.toString(), "line 1");
        Files.write(fa, binary);
        assertRefused(run(vcf(HEAD)), 1, fa.toString());
    }

    @Test
    void writingToStdoutLeavesStdoutOpenForTheNextCommand() throws IOException {
        Path in = vcf(HEAD + "1\t2\t.\tC\tT\t.\tPASS\t.\tGT:DP\t0/0:30\t0/1:40\n");
        java.io.PrintStream saved = System.out;
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        java.io.PrintStream capture = new java.io.PrintStream(buf, true, StandardCharsets.ISO_8859_1);
        System.setOut(capture);
        try {
            for (int i = 0; i < 2; i++) { // e.g. two commands of one `oncoconcord batch` JVM
                Run r = Run.normalize(List.of("-f", fa.toString(), in.toString()));
                assertThat(r.exit).as(r.err).isZero();
            }
            capture.print("after");
            assertThat(capture.checkError()).as("stdout still open").isFalse();
        } finally {
            System.setOut(saved);
        }
        String text = buf.toString(StandardCharsets.ISO_8859_1);
        assertThat(text.lines().filter(l -> l.startsWith("1\t2\t")).count()).isEqualTo(2);
        assertThat(text).endsWith("after");
    }

    // item 19: missing values in VCF are '.'

    @Test
    void missingValuesAreWrittenAsDots() throws Exception {
        Path in = vcf(HEAD + "1\t2\t\tC\tT\t\t\tSB=\tGT:DP:AD\t0/0::\t0/1:40:\n");
        Run r = run(in, "--no-standardize");
        assertThat(r.exit).as(r.err).isZero();
        assertThat(Run.dataLines(out).get(1)).isEqualTo("1\t2\t.\tC\tT\t.\t.\tSB=.\tGT:DP:AD\t0/0:.:.\t0/1:40:.");
        r = run(in);
        assertThat(r.exit).as(r.err).isZero();
        String[] cols = Run.dataLines(out).get(1).split("\t");
        assertThat(cols).allSatisfy(c -> assertThat(c).isNotEmpty().doesNotContain("::").doesNotEndWith(":"));
        assertBcftoolsReads(out);
    }
}
