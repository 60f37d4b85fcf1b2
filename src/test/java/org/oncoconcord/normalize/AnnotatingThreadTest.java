package org.oncoconcord.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code normalize --annotate} in two threads ({@link AnnotatingWriter}) against the oracle of the
 * single-threaded path ({@code -Doncoconcord.annotate.inline=true}, itself checked against the
 * separate {@code annotate} pass by {@link NormalizeAnnotateTest}): the same bytes on random inputs
 * (multiallelics split or joined, left-aligned indels, atomized MNPs, BGZF output and its index), and
 * the same message and exit code when either thread fails, whichever fails first in time.
 */
class AnnotatingThreadTest {
    @TempDir
    Path dir;

    /** Runs normalize in one thread (inline) or two. */
    private static Run run(boolean inline, List<String> args) {
        String key = "oncoconcord.annotate.inline";
        if (inline) {
            System.setProperty(key, "true");
        }
        try {
            return Run.normalize(args);
        } finally {
            System.clearProperty(key);
        }
    }

    private static String gtfLine(String chrom, String type, int start, int end, String strand, String gene) {
        String attr = "gene_id \"" + gene + "\"; transcript_id \"" + gene + ".1\"; gene_name \"" + gene + "\"; tag \"MANE_Select\";";
        return String.join("\t", chrom, "test", type, Integer.toString(start), Integer.toString(end), ".", strand, ".", attr) + "\n";
    }

    /** A plus-strand and a minus-strand gene, three exons each, in the first 1,700 bases of {@code chrom}. */
    private static String twoGenes(String chrom) {
        return gtfLine(chrom, "exon", 101, 250, "+", "GP" + chrom) + gtfLine(chrom, "exon", 351, 500, "+", "GP" + chrom)
                + gtfLine(chrom, "exon", 601, 750, "+", "GP" + chrom) + gtfLine(chrom, "CDS", 131, 250, "+", "GP" + chrom)
                + gtfLine(chrom, "CDS", 351, 500, "+", "GP" + chrom) + gtfLine(chrom, "CDS", 601, 720, "+", "GP" + chrom)
                + gtfLine(chrom, "stop_codon", 721, 723, "+", "GP" + chrom)
                + gtfLine(chrom, "exon", 1001, 1150, "-", "GM" + chrom) + gtfLine(chrom, "exon", 1251, 1400, "-", "GM" + chrom)
                + gtfLine(chrom, "exon", 1501, 1650, "-", "GM" + chrom) + gtfLine(chrom, "CDS", 1031, 1150, "-", "GM" + chrom)
                + gtfLine(chrom, "CDS", 1251, 1400, "-", "GM" + chrom) + gtfLine(chrom, "CDS", 1501, 1620, "-", "GM" + chrom)
                + gtfLine(chrom, "stop_codon", 1028, 1030, "-", "GM" + chrom);
    }

    static Stream<Arguments> randomCases() {
        List<Arguments> cases = new ArrayList<>();
        long[] seeds = {1, 7, 2026};
        List<List<String>> opts = List.of(List.of("-m", "-any"), List.of("-m", "+any"), List.of("-m", "-both", "-a"),
                List.of("-m", "-any", "-c", "s"));
        for (int i = 0; i < seeds.length; i++) {
            for (List<String> o : opts) {
                cases.add(Arguments.of(seeds[i] + 31L * cases.size(), o, i == 1 ? "out.vcf.gz" : "out.vcf"));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "seed {0} {1} {2}")
    @MethodSource("randomCases")
    void twoThreadsWriteTheSameBytesAsOne(long seed, List<String> opts, String outName) throws Exception {
        // joining (-m +) refuses the complex generator's mixed-ploidy records, as bcftools does
        RandomVcf g = new RandomVcf(seed, !opts.contains("+any"));
        g.badRefs = opts.contains("s");
        Path fa = dir.resolve("ref.fa");
        g.writeFasta(fa);
        Path vcf = dir.resolve("in.vcf");
        g.writeVcf(vcf, 1500); // > 2 x 1,024 records: several batches, the last one partial
        Path gtf = Files.writeString(dir.resolve("g.gtf"), twoGenes("1")); // contig 2: up/downstream and intergenic
        List<byte[]> outputs = new ArrayList<>();
        for (boolean inline : new boolean[] {true, false}) {
            Path out = dir.resolve((inline ? "one." : "two.") + outName);
            List<String> args = new ArrayList<>(List.of("-f", fa.toString()));
            args.addAll(opts);
            args.addAll(List.of("--annotate", "--gtf", gtf.toString(), "-o", out.toString(), vcf.toString()));
            Run r = run(inline, args);
            assertThat(r.exit).as(r.err).isZero();
            outputs.add(Files.readAllBytes(out));
            if (outName.endsWith(".gz")) {
                outputs.add(Files.readAllBytes(out.resolveSibling(out.getFileName() + ".tbi")));
            }
        }
        int half = outputs.size() / 2;
        for (int i = 0; i < half; i++) {
            assertThat(outputs.get(half + i)).as("two threads vs one, seed %d %s, file %d", seed, opts, i).isEqualTo(outputs.get(i));
        }
        List<String> lines = Run.dataLines(dir.resolve("two." + outName));
        assertThat(lines.stream().filter(l -> !l.startsWith("#")).count()).isGreaterThan(AnnotatingWriter.BATCH * 2L);
        assertThat(lines.stream().filter(l -> l.contains("CSQ=")).count()).isGreaterThan(AnnotatingWriter.BATCH * 2L);
        assertThat(Run.headerLines(dir.resolve("two." + outName))).anyMatch(l -> l.startsWith("##INFO=<ID=CSQ,")
                && l.contains("g.gtf") && !l.equals(AnnotatingWriter.PLACEHOLDER));
        assertThat(String.join("\n", lines)).contains("missense_variant", "frameshift_variant", "|GM1|", "intron_variant");
    }

    /** A 60 kb reference and {@code n} SNVs 10 bases apart on contig c1 (file line k + 4 holds record k). */
    private Path[] snvInput(int n) throws Exception {
        Random rnd = new Random(5);
        StringBuilder seq = new StringBuilder();
        for (int i = 0; i < 60_000; i++) {
            seq.append("ACGT".charAt(rnd.nextInt(4)));
        }
        StringBuilder fa = new StringBuilder(">c1\n");
        for (int i = 0; i < seq.length(); i += 60) {
            fa.append(seq, i, i + 60).append('\n');
        }
        List<String> lines = new ArrayList<>(List.of("##fileformat=VCFv4.2", "##contig=<ID=c1,length=60000>",
                "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO"));
        for (int k = 0; k < n; k++) {
            int pos = 20 + 10 * k;
            char r = seq.charAt(pos - 1);
            lines.add("c1\t" + pos + "\t.\t" + r + "\t" + "ACGT".replace(String.valueOf(r), "").charAt(k % 3) + "\t.\tPASS\t.");
        }
        Path ref = Files.writeString(dir.resolve("ref.fa"), fa.toString());
        Path gtf = Files.writeString(dir.resolve("g.gtf"), twoGenes("c1"));
        Path vcf = dir.resolve("in.vcf");
        Files.write(vcf, lines);
        return new Path[] {ref, gtf, vcf};
    }

    /** Replaces the data line of record {@code k} (file line k + 4). */
    private static void setRecord(Path vcf, int k, String line) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(vcf));
        lines.set(k + 3, line);
        Files.write(vcf, lines);
    }

    /** Both paths fail with the same message and exit code, and neither leaves an output; returns the message. */
    private String sameFailure(Path ref, Path gtf, Path vcf) {
        List<String> args = List.of("-f", ref.toString(), "--annotate", "--gtf", gtf.toString(), "-o",
                dir.resolve("out.vcf").toString(), vcf.toString());
        Run one = run(true, args);
        Run two = run(false, args);
        assertThat(one.exit).as(one.err).isNotZero();
        assertThat(two.exit).isEqualTo(one.exit);
        assertThat(two.err).isEqualTo(one.err);
        assertThat(dir.resolve("out.vcf")).doesNotExist();
        return two.err;
    }

    /** A malformed record after several batches were handed over: this thread's error, at its line. */
    @Test
    void badRecordMidFile() throws Exception {
        Path[] in = snvInput(5000);
        setRecord(in[2], 4000, "c1\tx\t.\tA\tC\t.\tPASS\t.");
        assertThat(sameFailure(in[0], in[1], in[2])).contains("in.vcf: line 4004: malformed VCF line");
    }

    /**
     * A record far before the last one written fails in the writing thread's sink; a malformed record
     * after it must not win although the normalizing thread reaches it before the sink has failed.
     */
    @Test
    void sinkErrorInTheWritingThreadBeatsALaterBadRecord() throws Exception {
        Path[] in = snvInput(5000);
        setRecord(in[2], 2500, "c1\t30\t.\tG\tT\t.\tPASS\t.");
        setRecord(in[2], 2600, "c1\tx\t.\tA\tC\t.\tPASS\t.");
        assertThat(sameFailure(in[0], in[1], in[2])).contains("line 2504: position c1:30 comes after");
    }

    /** ...and a malformed record before such a record wins. */
    @Test
    void earlierBadRecordBeatsALaterSinkError() throws Exception {
        Path[] in = snvInput(5000);
        setRecord(in[2], 2000, "c1\tx\t.\tA\tC\t.\tPASS\t.");
        setRecord(in[2], 2500, "c1\t30\t.\tG\tT\t.\tPASS\t.");
        assertThat(sameFailure(in[0], in[1], in[2])).contains("line 2004: malformed VCF line");
    }

    /** A GTF the models cannot be read from (loaded in the writing thread) fails before any record, as in one thread. */
    @Test
    void gtfErrorBeatsABadRecordReadWhileTheModelsLoad() throws Exception {
        Path[] in = snvInput(3000);
        Files.writeString(in[1], Files.readString(in[1]) + "c1\ttest\texon\tnot-a-number\t20\t.\t+\t.\tgene_id \"X\";\n");
        setRecord(in[2], 1, "c1\tx\t.\tA\tC\t.\tPASS\t.");
        assertThat(sameFailure(in[0], in[1], in[2])).contains("g.gtf").doesNotContain("in.vcf: line");
    }
}
