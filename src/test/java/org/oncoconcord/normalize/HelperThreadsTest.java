package org.oncoconcord.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import htsjdk.samtools.util.BlockCompressedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The helper threads by input size: the file's size against the threshold, x4 when compressed (BGZF
 * detected from its bytes, not its name); stdin keeps them; a small normalize run gives the output of
 * a threaded one.
 */
class HelperThreadsTest {
    @TempDir
    Path tmp;

    private static final String HEADER = "##fileformat=VCFv4.2\n##contig=<ID=1,length=100000>\n"
            + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";

    private static byte[] vcfText(int records) {
        StringBuilder s = new StringBuilder(HEADER);
        Random rnd = new Random(3);
        for (int i = 0; i < records; i++) {
            s.append("1\t").append(10 + i * 7).append("\t.\tA\t").append("CGT".charAt(rnd.nextInt(3)))
                    .append("\t.\tPASS\tNOTE=").append("x".repeat(rnd.nextInt(40))).append('\n');
        }
        return s.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void theChoiceFollowsTheTextSizeCountingCompressedBytesFourTimes() throws IOException {
        byte[] text = vcfText(5000);
        Path plain = tmp.resolve("in.vcf");
        Files.write(plain, text);
        Path bgzf = tmp.resolve("compressed.vcf"); // compressed under a plain name: detected from its bytes
        try (OutputStream o = new BlockCompressedOutputStream(bgzf.toFile())) {
            o.write(text);
        }
        long p = Files.size(plain);
        long z = Files.size(bgzf);
        assertThat(z * 4).as("the test needs a compressed size below a quarter of the text").isLessThan(p);

        assertThat(HelperThreads.worthIt(plain, p)).isTrue();
        assertThat(HelperThreads.worthIt(plain, p + 1)).isFalse();
        assertThat(HelperThreads.worthIt(bgzf, 4 * z)).isTrue();
        assertThat(HelperThreads.worthIt(bgzf, 4 * z + 1)).isFalse();
        // a plain file of the compressed file's size is a quarter of the text
        Path small = tmp.resolve("small.vcf");
        Files.write(small, java.util.Arrays.copyOf(text, (int) z));
        assertThat(HelperThreads.worthIt(small, 4 * z)).isFalse();

        // the default: a panel-sized VCF runs without threads, a whole-genome-sized one with them, stdin with them
        assertThat(HelperThreads.worthIt(plain.toString())).isFalse();
        assertThat(HelperThreads.worthIt(bgzf.toString())).isFalse();
        assertThat(HelperThreads.worthIt("-")).isTrue();
        Path big = tmp.resolve("big.vcf");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(HelperThreads.MIN_TEXT_BYTES); // sparse: no disk used
        }
        assertThat(HelperThreads.worthIt(big.toString())).isTrue();
    }

    @Test
    void aSmallFileRunsWithoutHelperThreadsAndGivesTheOutputOfTheThreadedRun() throws Exception {
        byte[] text = vcfText(20_000);
        Path in = tmp.resolve("in.vcf.gz");
        try (OutputStream o = new BlockCompressedOutputStream(in.toFile())) {
            o.write(text);
        }
        assertThat(HelperThreads.worthIt(in.toString())).isFalse();
        Path fa = tmp.resolve("ref.fa");
        Files.writeString(fa, ">1\n" + "A".repeat(150_000) + "\n");
        Path fromFile = tmp.resolve("file.vcf.gz");
        Set<String> fileThreads = helperThreadsDuring(() -> Run.normalize(List.of("-f", fa.toString(), "-m", "-any",
                "-o", fromFile.toString(), in.toString())));
        // stdin, of unknown size, keeps the threads: the positive control of the watcher, and the threaded output
        Path fromStdin = tmp.resolve("stdin.vcf.gz");
        java.io.InputStream saved = System.in;
        Set<String> stdinThreads;
        try (java.io.InputStream stdin = Files.newInputStream(in)) {
            System.setIn(stdin);
            stdinThreads = helperThreadsDuring(() -> Run.normalize(List.of("-f", fa.toString(), "-m", "-any",
                    "-o", fromStdin.toString(), "-")));
        } finally {
            System.setIn(saved);
        }
        assertThat(fileThreads).isEmpty();
        assertThat(stdinThreads).contains("oncoconcord-writer");
        assertThat(Run.dataLines(fromFile)).hasSize(20_001);
        assertThat(Files.readAllBytes(fromFile)).isEqualTo(Files.readAllBytes(fromStdin));
        assertThat(Files.readAllBytes(tmp.resolve("file.vcf.gz.tbi"))).isEqualTo(Files.readAllBytes(tmp.resolve("stdin.vcf.gz.tbi")));
    }

    /** The names of the oncoconcord helper threads seen (polled every millisecond) while {@code run} runs; it must exit 0. */
    private static Set<String> helperThreadsDuring(java.util.function.Supplier<Run> run) throws InterruptedException {
        Set<String> seen = java.util.concurrent.ConcurrentHashMap.newKeySet();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread watcher = new Thread(() -> {
            while (!done.get()) {
                for (Thread t : Thread.getAllStackTraces().keySet()) {
                    if (t.getName().startsWith("oncoconcord-")) {
                        seen.add(t.getName());
                    }
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        watcher.start();
        Run r;
        try {
            r = run.get();
        } finally {
            done.set(true);
            watcher.join();
        }
        assertThat(r.exit).as(r.err).isZero();
        return seen;
    }
}
