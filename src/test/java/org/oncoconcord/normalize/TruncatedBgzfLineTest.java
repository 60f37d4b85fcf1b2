package org.oncoconcord.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import org.oncoconcord.testing.BgzfBlocks;

import htsjdk.samtools.util.BlockCompressedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A BGZF VCF cut inside a block (small: read without the reader thread, {@link HelperThreads}; the threaded
 * path gives the same bytes, ReadAheadInputStreamTest): normalize fails on the main thread,
 * exit 1, naming the file and the line the intact blocks end in (counted here from the blocks'
 * BSIZE/ISIZE fields), and leaves no output or thread behind.
 */
class TruncatedBgzfLineTest {
    @TempDir
    Path tmp;

    @Test
    void theErrorNamesTheFileAndTheLineWhereTheIntactBlocksEnd() throws IOException {
        StringBuilder s = new StringBuilder("##fileformat=VCFv4.2\n##contig=<ID=1,length=100000>\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n");
        for (int i = 0; i < 20_000; i++) {
            s.append("1\t").append(10 + i * 3).append("\t.\tA\tC\t.\tPASS\tNOTE=").append("x".repeat(i % 37)).append('\n');
        }
        byte[] text = s.toString().getBytes(StandardCharsets.ISO_8859_1);
        Path fa = tmp.resolve("ref.fa");
        Files.writeString(fa, ">1\n" + "A".repeat(100_000) + "\n");
        Path full = tmp.resolve("full.vcf.gz");
        try (OutputStream o = new BlockCompressedOutputStream(full.toFile())) {
            o.write(text);
        }
        byte[] all = Files.readAllBytes(full);
        int blockStart = 0;
        for (int k = 0; k < 5; k++) { // the start of the 6th block
            blockStart += ((all[blockStart + 16] & 0xff) | (all[blockStart + 17] & 0xff) << 8) + 1;
        }
        int cut = blockStart + 100;
        Path in = tmp.resolve("in.vcf.gz");
        Files.write(in, Arrays.copyOf(all, cut));
        int intact = BgzfBlocks.intactText(all, cut);
        long completeLines = new String(text, 0, intact, StandardCharsets.ISO_8859_1).chars().filter(c -> c == '\n').count();
        Path out = tmp.resolve("out").resolve("o.vcf");
        Files.createDirectories(out.getParent());
        Run r = Run.normalize(List.of("-f", fa.toString(), "-m", "-any", "-o", out.toString(), in.toString()));
        assertThat(r.exit).isEqualTo(1);
        assertThat(r.err.lines().findFirst().orElse("")).startsWith("oncoconcord normalize: error: " + in + ": line "
                + (completeLines + 1) + ": truncated or corrupt gzip input");
        try (Stream<Path> left = Files.list(out.getParent())) {
            assertThat(left).as("no output or temporaries").isEmpty();
        }
        assertThat(Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName))
                .as("no reader or writer thread left").noneMatch(n -> n.startsWith("oncoconcord-"));
    }
}
