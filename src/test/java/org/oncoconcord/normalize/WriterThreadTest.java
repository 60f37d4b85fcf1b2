package org.oncoconcord.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import htsjdk.samtools.util.BlockCompressedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.core.UserException;
import org.oncoconcord.io.OutputSet;

/** The writer thread against the plain path: the same entries in the same order, failures on the caller, no thread left. */
class WriterThreadTest {
    @TempDir
    Path tmp;

    /** What the caller wrote, in order, as "chrom:pos-end|text" (raw text with chrom null). */
    private static String entry(String chrom, int pos, int end, String text) {
        return chrom + ":" + pos + "-" + end + "|" + text;
    }

    @Test
    void randomLinesReachTheWriterInOrderWithTheirCoordinates() throws IOException {
        Random rnd = new Random(8);
        for (int t = 0; t < 40; t++) {
            List<String> expected = new ArrayList<>();
            List<String> got = new ArrayList<>();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ByteArrayOutputStream expectedBytes = new ByteArrayOutputStream();
            WriterThread w = new WriterThread(b -> {
                int from = 0;
                for (int i = 0; i < b.n; i++) {
                    boolean line = b.chrom[i] != null;
                    int len = b.stop[i] - from - (line ? 1 : 0);
                    if (line) {
                        assertThat(b.data[b.stop[i] - 1]).isEqualTo((byte) '\n');
                    }
                    got.add(entry(b.chrom[i], b.pos[i], b.end[i], new String(b.data, from, len, StandardCharsets.ISO_8859_1)));
                    from = b.stop[i];
                }
                assertThat(from).isEqualTo(b.size);
                bytes.write(b.data, 0, b.size);
            }, 1 + rnd.nextInt(t % 2 == 0 ? 300 : 100_000));
            int n = rnd.nextInt(t < 5 ? 3 : 5000);
            for (int i = 0; i < n; i++) {
                int len = rnd.nextInt(30) == 0 ? rnd.nextInt(70_000) : rnd.nextInt(300);
                byte[] buf = new byte[len + 20];
                int off = rnd.nextInt(20);
                for (int k = 0; k < len; k++) {
                    buf[off + k] = (byte) ('A' + rnd.nextInt(26));
                }
                String text = new String(buf, off, len, StandardCharsets.ISO_8859_1);
                if (rnd.nextInt(50) == 0) {
                    w.raw(buf, off, len);
                    expected.add(entry(null, 0, 0, text));
                    expectedBytes.write(buf, off, len);
                } else {
                    String chrom = "chr" + rnd.nextInt(30);
                    int pos = 1 + rnd.nextInt(1 << 28);
                    int end = pos + rnd.nextInt(100);
                    w.line(chrom, pos, end, buf, off, len);
                    expected.add(entry(chrom, pos, end, text));
                    expectedBytes.write(buf, off, len);
                    expectedBytes.write('\n');
                }
            }
            w.finish();
            assertThat(w.threadAlive()).isFalse();
            assertThat(got).as("trial %d", t).isEqualTo(expected);
            assertThat(bytes.toByteArray()).isEqualTo(expectedBytes.toByteArray());
        }
    }

    @Test
    void aFailureOnTheWriterThreadIsRethrownToTheCaller() throws IOException {
        IOException boom = new IOException("No space left on device");
        int[] batches = {0};
        WriterThread w = new WriterThread(b -> {
            if (++batches[0] == 3) {
                throw boom;
            }
        }, 100);
        byte[] line = "1\t100\t.\tA\tC\t.\tPASS\t.".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> {
            for (int i = 0; i < 100_000; i++) {
                w.line("1", 100, 100, line, 0, line.length);
            }
        }).isSameAs(boom);
        assertThatThrownBy(w::finish).isSameAs(boom);
        assertThat(w.threadAlive()).isFalse();
        assertThat(batches[0]).as("nothing written after the failure").isEqualTo(3);
    }

    @Test
    void abortStopsTheThreadWithoutWritingTheRest() throws IOException {
        List<Integer> sizes = new ArrayList<>();
        WriterThread w = new WriterThread(b -> sizes.add(b.size), 1 << 20);
        byte[] line = new byte[1000];
        for (int i = 0; i < 10; i++) {
            w.line("1", i + 1, i + 1, line, 0, line.length);
        }
        w.abort();
        assertThat(w.threadAlive()).isFalse();
        assertThat(sizes).as("the unsent batch was dropped").isEmpty();
        w.abort();
        w.finish();
    }

    @Test
    void aWriteErrorOnTheThreadGivesTheSameMessageAsTheDirectWrite() throws IOException {
        Path full = Path.of("/dev/full");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isWritable(full), "/dev/full is not available");
        String direct;
        try (var o = Files.newOutputStream(full)) {
            o.write(new byte[1 << 16]);
            o.flush();
            throw new AssertionError("/dev/full accepted a write");
        } catch (IOException e) {
            direct = OutputSet.reason(e);
        }
        Path target = tmp.resolve("out.vcf");
        StringBuilder header = new StringBuilder();
        while (header.length() < 3 * WriterThread.BATCH) {
            header.append("##source=a long header line to fill more than one batch of the writer thread\n");
        }
        header.append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n");
        VcfSink sink = new VcfSink(target, full, null, "in.vcf");
        assertThatThrownBy(() -> {
            sink.header(header.toString(), List.of());
            sink.finish();
        }).isInstanceOf(UserException.class).hasMessage(target + ": cannot write: " + direct);
        sink.close();
    }

    @Test
    void bgzfOutputWithAndWithoutTheThreadHoldsTheLinesAndAnIndexThatFindsThem() throws IOException {
        for (boolean threaded : new boolean[] {true, false}) {
            Random rnd = new Random(4);
            Path dir = Files.createDirectories(tmp.resolve(threaded ? "threaded" : "direct"));
            Path out = dir.resolve("o.vcf.gz");
            Path tbi = dir.resolve("o.vcf.gz.tbi");
            String header = "##fileformat=VCFv4.2\n##contig=<ID=1>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";
            List<String> lines = new ArrayList<>();
            VcfSink sink = new VcfSink(dir.resolve("final.vcf.gz"), out, tbi, "in.vcf", threaded);
            sink.header(header, List.of("1"));
            int pos = 1;
            for (int i = 0; i < 30_000; i++) {
                pos += rnd.nextInt(50);
                String l = "1\t" + pos + "\t.\tA\tC\t.\tPASS\tX=" + "x".repeat(rnd.nextInt(200));
                lines.add(l);
                VcfRecord r = VcfRecord.parse(l, 0, i + 4);
                sink.record(r, l);
            }
            sink.finish();
            sink.close();
            try (InputStream in = new BlockCompressedInputStream(out.toFile())) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1)).isEqualTo(header + String.join("\n", lines) + "\n");
            }
            try (var reader = new htsjdk.variant.vcf.VCFFileReader(out, tbi, true); var it = reader.query("1", 20_000, 30_000)) {
                long expected = lines.stream().mapToInt(l -> Integer.parseInt(l.split("\t")[1])).filter(p -> p >= 20_000 && p <= 30_000).count();
                long n = 0;
                while (it.hasNext()) {
                    int p = it.next().getStart();
                    assertThat(p).isBetween(20_000, 30_000);
                    n++;
                }
                assertThat(n).as("threaded %s", threaded).isEqualTo(expected).isPositive();
            }
        }
        // the writer thread writes the blocks and index entries of the direct path (small inputs use that one)
        for (String f : List.of("o.vcf.gz", "o.vcf.gz.tbi")) {
            assertThat(Files.readAllBytes(tmp.resolve("direct").resolve(f))).as(f)
                    .isEqualTo(Files.readAllBytes(tmp.resolve("threaded").resolve(f)));
        }
    }
}
