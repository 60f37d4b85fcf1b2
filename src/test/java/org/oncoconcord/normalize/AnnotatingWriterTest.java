package org.oncoconcord.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.annotate.CsqAnnotator;
import org.oncoconcord.annotate.GtfReader;
import org.oncoconcord.annotate.TranscriptSet;

/**
 * {@link AnnotatingWriter} on its own: an exception inside the annotator (mid-stream) or while loading
 * the models reaches the handing thread as the same exception, within a bounded number of records,
 * without a deadlock, and the thread is gone afterwards; lines written before the failure are the
 * ones handed over before it, in order.
 */
class AnnotatingWriterTest {
    @TempDir
    Path dir;

    private static final Duration LIMIT = Duration.ofSeconds(60);

    private TranscriptSet models() throws Exception {
        String attr = "gene_id \"G\"; transcript_id \"G.1\"; gene_name \"G\"; tag \"MANE_Select\";";
        Path gtf = Files.writeString(dir.resolve("g.gtf"), String.join("\t", "c1", "t", "exon", "101", "400", ".", "+", ".", attr)
                + "\n" + String.join("\t", "c1", "t", "CDS", "131", "390", ".", "+", ".", attr) + "\n");
        return GtfReader.read(gtf);
    }

    private static byte[] line(int pos) {
        return ("c1\t" + pos + "\t.\tA\tC\t.\tPASS\t.").getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Alleles that make the annotator itself throw (a null ALT: a NullPointerException inside CsqAnnotator). */
    private static final String[] BROKEN = {"A", null};

    @Test
    void annotatorExceptionMidStreamReachesTheHandingThread() throws Exception {
        TranscriptSet m = models();
        Path tmp = dir.resolve("out.tmp");
        VcfSink sink = new VcfSink(dir.resolve("out.vcf"), tmp, null, "in.vcf");
        CsqAnnotator.Counts counts = new CsqAnnotator.Counts();
        int failAt = 3000;
        int[] handed = {0};
        Throwable thrown = assertTimeoutPreemptively(LIMIT, () -> {
            try (AnnotatingWriter w = new AnnotatingWriter(() -> m, sink, counts)) {
                w.header("##fileformat=VCFv4.2\n" + AnnotatingWriter.PLACEHOLDER + "\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n",
                        List.of("c1"));
                return catchThrowable(() -> {
                    for (int k = 0; k < 1_000_000; k++) {
                        byte[] b = line(k + 1);
                        w.record("c1", k + 1, k + 1, k + 4, k == failAt ? BROKEN : new String[] {"A", "C"}, b, b.length);
                        handed[0]++;
                    }
                    w.finish();
                });
            }
        });
        sink.close();
        assertThat(thrown).isInstanceOf(NullPointerException.class);
        // noticed within the buffers in flight: at most BATCHES + 1 batches after the failing one
        assertThat(handed[0]).isBetween(failAt, failAt + (AnnotatingWriter.BATCHES + 2) * AnnotatingWriter.BATCH);
        assertThat(counts.records).isEqualTo(failAt); // records annotated before the failing one, none after
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("normalize-annotate") && t.isAlive());
    }

    @Test
    void modelLoadingFailureIsRethrownAsIsAndEarliestPrefersIt() {
        Path tmp = dir.resolve("out.tmp");
        VcfSink sink = new VcfSink(dir.resolve("out.vcf"), tmp, null, "in.vcf");
        IllegalStateException boom = new IllegalStateException("models: boom");
        RuntimeException later = new RuntimeException("a later error of the normalizing thread");
        assertTimeoutPreemptively(LIMIT, () -> {
            AnnotatingWriter w = new AnnotatingWriter(() -> {
                throw boom;
            }, sink, new CsqAnnotator.Counts());
            assertThat(w.earliest(later)).isSameAs(boom);
            w.close();
            AnnotatingWriter w2 = new AnnotatingWriter(() -> {
                throw boom;
            }, sink, new CsqAnnotator.Counts());
            Throwable t = catchThrowable(() -> {
                for (int k = 0; k < 100_000; k++) {
                    byte[] b = line(k + 1);
                    w2.record("c1", k + 1, k + 1, k + 4, new String[] {"A", "C"}, b, b.length);
                }
                w2.finish();
            });
            w2.close();
            assertThat(t).isSameAs(boom);
        });
        sink.close();
    }

    @Test
    void noFailureWritesEveryLineInOrderAndEarliestKeepsTheHandingThreadsError() throws Exception {
        TranscriptSet m = models();
        Path out = dir.resolve("out.vcf");
        Path tmp = dir.resolve("out.tmp");
        CsqAnnotator.Counts counts = new CsqAnnotator.Counts();
        int n = 5000;
        try (VcfSink sink = new VcfSink(out, tmp, null, "in.vcf")) {
            RuntimeException mine = new RuntimeException("normalizing thread");
            try (AnnotatingWriter w = new AnnotatingWriter(() -> m, sink, counts)) {
                w.header("##fileformat=VCFv4.2\n" + AnnotatingWriter.PLACEHOLDER + "\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n",
                        List.of("c1"));
                for (int k = 0; k < n; k++) {
                    byte[] b = line(k + 1);
                    w.record("c1", k + 1, k + 1, k + 4, new String[] {"A", "C"}, b, b.length);
                }
                assertThat(w.earliest(mine)).isSameAs(mine);
            }
            sink.finish();
        }
        List<String> lines = Files.readAllLines(tmp, StandardCharsets.ISO_8859_1);
        assertThat(lines.get(1)).startsWith("##INFO=<ID=CSQ,Number=.,Type=String,Description=\"Consequence annotations")
                .contains("g.gtf");
        assertThat(lines).hasSize(n + 3);
        for (int k = 0; k < n; k++) {
            String[] c = lines.get(k + 3).split("\t");
            assertThat(c[1]).isEqualTo(Integer.toString(k + 1));
            // hand-computed: c1:101-400 exon, CDS 131-390; 5 kb flanks; upstream before 101, 5'UTR 101-130, ...
            String expected = k + 1 < 101 ? "upstream_gene_variant" : k + 1 <= 130 ? "5_prime_UTR_variant"
                    : k + 1 <= 390 ? "_variant" : k + 1 <= 400 ? "3_prime_UTR_variant" : "downstream_gene_variant";
            assertThat(c[7]).startsWith("CSQ=C|").contains(expected);
        }
        assertThat(counts.records).isEqualTo(n);
    }
}
