package org.oncoconcord.vcf;

import static org.assertj.core.api.Assertions.assertThat;
import org.oncoconcord.testing.BgzfBlocks;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import htsjdk.samtools.util.BlockCompressedInputStream;
import htsjdk.samtools.util.BlockCompressedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The read-ahead stream against the plain path: same bytes, same lines, same failure after the same bytes, no thread left. */
class ReadAheadInputStreamTest {
    @TempDir
    Path tmp;

    /** Reads everything with reads of random sizes; what a failure left is returned with the failure. */
    private record Outcome(byte[] bytes, Throwable error) {
    }

    private static Outcome drain(InputStream in, Random rnd) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = new byte[70_000];
        try {
            while (true) {
                int n = rnd.nextInt(10) == 0 ? read1(in, b) : in.read(b, 0, 1 + rnd.nextInt(b.length));
                if (n < 0) {
                    return new Outcome(out.toByteArray(), null);
                }
                out.write(b, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            return new Outcome(out.toByteArray(), e);
        }
    }

    private static int read1(InputStream in, byte[] b) throws IOException {
        int c = in.read();
        if (c < 0) {
            return -1;
        }
        b[0] = (byte) c;
        return 1;
    }

    private static String randomText(Random rnd, int lines) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            int len = rnd.nextInt(20) == 0 ? rnd.nextInt(5000) : rnd.nextInt(200);
            for (int k = 0; k < len; k++) {
                s.append((char) ('!' + rnd.nextInt(90)));
            }
            s.append(rnd.nextInt(8) == 0 ? "\r\n" : "\n");
        }
        return s.toString();
    }

    @Test
    void randomBytesWithRandomChunkAndReadSizesComeThroughUnchanged() throws IOException {
        Random rnd = new Random(20);
        for (int t = 0; t < 200; t++) {
            byte[] data = new byte[rnd.nextInt(t < 20 ? 10 : t % 2 == 0 ? 20_000 : 400_000)];
            rnd.nextBytes(data);
            int chunk = 1 + rnd.nextInt(t % 2 == 0 ? 64 : 200_000);
            ReadAheadInputStream in = new ReadAheadInputStream(new ByteArrayInputStream(data), chunk);
            Outcome o = drain(in, rnd);
            assertThat(o.error).isNull();
            assertThat(o.bytes).as("trial %d, chunk %d", t, chunk).isEqualTo(data);
            assertThat(in.read()).isEqualTo(-1);
            in.close();
            assertThat(in.threadAlive()).isFalse();
        }
    }

    @Test
    void linesReadThroughTheReaderAreThoseOfThePlainPath() throws IOException {
        Random rnd = new Random(7);
        for (int t = 0; t < 30; t++) {
            byte[] text = randomText(rnd, rnd.nextInt(3000)).getBytes(StandardCharsets.ISO_8859_1);
            int chunk = 1 + rnd.nextInt(t % 3 == 0 ? 100 : 300_000);
            try (ByteLineReader plain = new ByteLineReader(new ByteArrayInputStream(text));
                    ByteLineReader ahead = new ByteLineReader(new ReadAheadInputStream(new ByteArrayInputStream(text), chunk))) {
                List<String> a = new ArrayList<>();
                List<String> b = new ArrayList<>();
                while (plain.nextLine()) {
                    a.add(new String(plain.buffer(), plain.lineStart(), plain.lineEnd() - plain.lineStart(), StandardCharsets.ISO_8859_1));
                }
                while (ahead.nextLine()) {
                    b.add(new String(ahead.buffer(), ahead.lineStart(), ahead.lineEnd() - ahead.lineStart(), StandardCharsets.ISO_8859_1));
                }
                assertThat(b).as("trial %d", t).isEqualTo(a);
                assertThat(a).hasSize((int) new String(text, StandardCharsets.ISO_8859_1).lines().count());
            }
        }
    }

    @Test
    void aFailureOfTheWrappedStreamSurfacesAfterTheBytesBeforeIt() throws IOException {
        Random rnd = new Random(3);
        for (int t = 0; t < 50; t++) {
            byte[] data = new byte[1 + rnd.nextInt(100_000)];
            rnd.nextBytes(data);
            int failAt = rnd.nextInt(data.length + 1);
            IOException boom = new IOException("disk on fire at " + failAt);
            InputStream failing = new InputStream() {
                int pos;

                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    if (pos >= failAt) {
                        throw boom;
                    }
                    int n = Math.min(len, Math.min(failAt - pos, 1 + rnd.nextInt(5000)));
                    System.arraycopy(data, pos, b, off, n);
                    pos += n;
                    return n;
                }
            };
            ReadAheadInputStream in = new ReadAheadInputStream(failing, 1 + rnd.nextInt(20_000));
            Outcome o = drain(in, new Random(t));
            assertThat(o.bytes).isEqualTo(Arrays.copyOf(data, failAt));
            assertThat(o.error).isSameAs(boom);
            assertThatThrownBy(() -> in.read(new byte[10], 0, 10)).as("again on the next read").isSameAs(boom);
            in.close();
            assertThat(in.threadAlive()).isFalse();
        }
    }

    @Test
    void truncatedBgzfGivesEveryIntactBlockThenThePlainPathsFailureWithOrWithoutTheThread() throws IOException {
        Random rnd = new Random(11);
        byte[] text = randomText(rnd, 20_000).getBytes(StandardCharsets.ISO_8859_1);
        Path full = tmp.resolve("full.vcf.gz");
        try (OutputStream o = new BlockCompressedOutputStream(full.toFile())) {
            o.write(text);
        }
        byte[] all = Files.readAllBytes(full);
        for (int t = 0; t < 25; t++) {
            int cut = 20 + rnd.nextInt(all.length - 60);
            Path part = tmp.resolve("cut" + t + ".vcf.gz");
            Files.write(part, Arrays.copyOf(all, cut));
            Outcome plain = drain(new BlockCompressedInputStream(part.toFile()), new Random(t));
            InputStream ahead = VcfInput.openTextAhead(part);
            assertThat(ahead).isInstanceOf(ReadAheadInputStream.class);
            Outcome viaThread = drain(ahead, new Random(t + 1000));
            ahead.close();
            Outcome direct; // without the thread (small inputs): reads bounded by the block ends
            try (InputStream d = VcfInput.openText(part, false)) {
                direct = drain(d, new Random(t + 2000));
            }
            int intact = BgzfBlocks.intactText(all, cut);
            assertThat(intact).isLessThan(text.length);
            assertThat(viaThread.bytes).as("cut at %d", cut).isEqualTo(Arrays.copyOf(text, intact));
            assertThat(direct.bytes).as("cut at %d, direct", cut).isEqualTo(Arrays.copyOf(text, intact));
            assertThat(direct.error.getClass()).isEqualTo(plain.error.getClass());
            assertThat(direct.error.getMessage()).isEqualTo(plain.error.getMessage());
            assertThat(plain.bytes.length).as("the plain path can drop the bytes of its last read").isLessThanOrEqualTo(intact);
            assertThat(plain.error).isNotNull();
            assertThat(viaThread.error).isNotNull();
            assertThat(viaThread.error.getClass()).isEqualTo(plain.error.getClass());
            assertThat(viaThread.error.getMessage()).isEqualTo(plain.error.getMessage());
        }
    }

    @Test
    void openTextAheadGivesTheTextOfOpenTextForEveryEncoding() throws IOException {
        Random rnd = new Random(5);
        String text = "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n" + randomText(rnd, 5000);
        byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
        Path plain = tmp.resolve("a.vcf");
        Files.write(plain, bytes);
        Path gzip = tmp.resolve("b.vcf.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gzip))) {
            o.write(bytes);
        }
        Path bgzf = tmp.resolve("c.vcf.gz");
        try (OutputStream o = new BlockCompressedOutputStream(bgzf.toFile())) {
            o.write(bytes);
        }
        for (Path p : List.of(plain, gzip, bgzf)) {
            try (InputStream a = VcfInput.openText(p); InputStream b = VcfInput.openTextAhead(p)) {
                assertThat(b.readAllBytes()).as(p.toString()).isEqualTo(a.readAllBytes()).isEqualTo(bytes);
                assertThat(b instanceof ReadAheadInputStream).as("read ahead only when compressed").isEqualTo(p != plain);
            }
        }
    }

    @Test
    void closingBeforeTheEndStopsTheThread() throws IOException {
        byte[] data = new byte[5_000_000];
        new Random(1).nextBytes(data);
        boolean[] closed = {false};
        InputStream src = new ByteArrayInputStream(data) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        ReadAheadInputStream in = new ReadAheadInputStream(src, 4096);
        assertThat(in.read(new byte[100], 0, 100)).isPositive();
        in.close();
        assertThat(in.threadAlive()).isFalse();
        assertThat(closed[0]).isTrue();
        assertThatThrownBy(() -> in.read(new byte[1], 0, 1)).isInstanceOf(IOException.class);
    }
}
