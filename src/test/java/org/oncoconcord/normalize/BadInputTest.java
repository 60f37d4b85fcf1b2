package org.oncoconcord.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.testing.SharedData;

/** Bad inputs give one line naming the file and line, exit 1, and leave no output behind. */
class BadInputTest {
    @TempDir
    Path tmp;
    Path fa;
    Path out;

    static final String HEAD = "##fileformat=VCFv4.2\n##contig=<ID=1>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";

    @BeforeEach
    void reference() throws IOException {
        fa = tmp.resolve("ref.fa");
        Files.writeString(fa, ">1\nACGTACGTACGTAAAAACCCCCGGGGGTTTTT\n");
        out = tmp.resolve("out.vcf.gz");
    }

    private Run run(Path vcf, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("-f", fa.toString(), "-m", "-any", "-o", out.toString(),
                "--stats", tmp.resolve("s.json").toString(), "--rejects", tmp.resolve("r.tsv").toString()));
        args.addAll(List.of(extra));
        args.add(vcf.toString());
        return Run.normalize(args);
    }

    private void assertFailedCleanly(Run r, String... mustContain) throws IOException {
        assertThat(r.exit).isEqualTo(1);
        String first = r.err.lines().findFirst().orElse("");
        assertThat(first).startsWith("oncoconcord normalize: error:");
        for (String m : mustContain) {
            assertThat(first).contains(m);
        }
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString()))
                    .as("no output, index, stats, rejects or temporaries left").isSubsetOf("ref.fa", "ref.fa.fai", "in.vcf", "in.vcf.gz");
        }
    }

    @Test
    void truncatedGzip() throws IOException {
        Path real = SharedData.require("vcf/tcga_A6-2686/T001-COAD.grch37.muse.vcf.gz");
        byte[] all = Files.readAllBytes(real);
        Path in = tmp.resolve("in.vcf.gz");
        Files.write(in, java.util.Arrays.copyOf(all, all.length / 2));
        Files.writeString(fa, ">1\nACGT\n");
        Run r = Run.normalize(List.of("-m", "-any", "-o", out.toString(), in.toString()));
        assertFailedCleanly(r, in.toString(), "line", "truncated or corrupt gzip");
    }

    @Test
    void malformedLine() throws IOException {
        Path in = tmp.resolve("in.vcf");
        Files.writeString(in, HEAD + "1\t2\t.\tC\tT\t.\tPASS\t.\n1\tfive\t.\tA\tC\t.\tPASS\t.\n");
        assertFailedCleanly(run(in), in.toString(), "line 5", "POS 'five'");
    }

    @Test
    void tooFewColumns() throws IOException {
        Path in = tmp.resolve("in.vcf");
        Files.writeString(in, HEAD + "1\t2\t.\tC\tT\n");
        assertFailedCleanly(run(in), in.toString(), "line 4", "columns");
    }

    @Test
    void refMismatchUnderCheckRefE() throws IOException {
        Path in = tmp.resolve("in.vcf");
        Files.writeString(in, HEAD + "1\t2\t.\tC\tT\t.\tPASS\t.\n1\t3\t.\tT\tC\t.\tPASS\t.\n");
        assertFailedCleanly(run(in, "-c", "e"), in.toString(), "line 5", "mismatch", "1:3");
    }

    @Test
    void refMismatchExcludedWithXIsRejectedWithReason() throws Exception {
        Path in = tmp.resolve("in.vcf");
        Files.writeString(in, HEAD + "1\t2\t.\tC\tT\t.\tPASS\t.\n1\t3\t.\tT\tC\t.\tPASS\t.\n");
        Run r = run(in, "-c", "x");
        assertThat(r.exit).as(r.err).isZero();
        assertThat(Files.readAllLines(tmp.resolve("r.tsv"))).containsExactly("chrom\tpos\tref\talt\treason", "1\t3\tT\tC\tref_mismatch");
        assertThat(Run.dataLines(out)).hasSize(2);
        ReliabilityTest.assertBcftoolsReads(out);
    }

    @Test
    void contigMissingFromFasta() throws IOException {
        Path in = tmp.resolve("in.vcf");
        Files.writeString(in, HEAD + "1\t2\t.\tC\tT\t.\tPASS\t.\n7\t3\t.\tT\tC\t.\tPASS\t.\n");
        assertFailedCleanly(run(in), in.toString(), "line 5", "contig '7'");
    }

    @Test
    void fastaWithoutIndexGetsOneBuilt() throws IOException {
        Path in = tmp.resolve("in.vcf");
        Files.writeString(in, HEAD + "1\t12\t.\tTA\tT\t.\tPASS\t.\n");
        assertThat(tmp.resolve("ref.fa.fai")).doesNotExist();
        Run r = run(in);
        assertThat(r.exit).as(r.err).isZero();
        assertThat(tmp.resolve("ref.fa.fai")).exists();
        assertThat(Run.dataLines(out).get(1)).startsWith("1\t12\t.\tTA\tT\t");
    }

    @Test
    void recordsMovedByRealignmentAreResortedButUnsortedInputIsRefused() throws Exception {
        Path in = tmp.resolve("in.vcf");
        // the deletion at 17 left-aligns to 12, behind the SNV at 14: re-sorted within the window
        Files.writeString(in, HEAD + "1\t14\t.\tA\tC\t.\tPASS\t.\n1\t16\t.\tAA\tA\t.\tPASS\t.\n1\t20\t.\tC\tT\t.\tPASS\t.\n");
        Run ok = run(in);
        assertThat(ok.exit).as(ok.err).isZero();
        assertThat(Run.dataLines(out).stream().skip(1).map(l -> l.split("\t")[1]).toList()).containsExactly("12", "14", "20");
        ReliabilityTest.assertBcftoolsReads(out);
        Files.writeString(fa, ">1\n" + "ACGT".repeat(1000) + "\n");
        Files.deleteIfExists(tmp.resolve("ref.fa.fai"));
        Files.writeString(in, HEAD + "1\t1000\t.\tT\tA\t.\tPASS\t.\n1\t2500\t.\tT\tA\t.\tPASS\t.\n1\t3\t.\tG\tC\t.\tPASS\t.\n");
        for (String f : new String[] {"out.vcf.gz", "out.vcf.gz.tbi", "s.json", "r.tsv"}) {
            Files.deleteIfExists(tmp.resolve(f));
        }
        assertFailedCleanly(run(in), in.toString(), "line 6", "sorted");
    }
}
