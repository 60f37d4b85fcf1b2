package org.oncoconcord.concordance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AsciiWriterTest {

    @Test
    void putLongWritesWhatLongToStringDoes() throws Exception {
        Random rnd = new Random(5);
        long[] values = new long[3_000];
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            values[i] = switch (i % 4) {
                case 0 -> rnd.nextInt(1000);
                case 1 -> rnd.nextInt(Integer.MAX_VALUE);
                case 2 -> rnd.nextLong() >>> rnd.nextInt(63);
                default -> -rnd.nextInt(1 << 20);
            };
        }
        values[0] = 0;
        values[1] = Integer.MAX_VALUE;
        values[2] = Integer.MAX_VALUE + 1L;
        values[3] = Long.MAX_VALUE;
        values[4] = 999_999_999;
        values[5] = 1_000_000_000;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (AsciiWriter w = new AsciiWriter(bytes)) {
            for (long v : values) {
                w.reserve(AsciiWriter.MAX_LONG + 1);
                w.putLong(v);
                w.put('\n');
                expected.append(v).append('\n');
            }
        }
        assertThat(bytes.toString(StandardCharsets.ISO_8859_1)).isEqualTo(expected.toString());
    }

    @Test
    void reserveGrowsTheBufferForARowLongerThanIt() throws Exception {
        String longAllele = "A".repeat(200_000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (AsciiWriter w = new AsciiWriter(bytes)) {
            w.write("x\t");
            w.reserve(longAllele.length() + 1);
            w.put(longAllele);
            w.put('\n');
        }
        assertThat(bytes.toString(StandardCharsets.ISO_8859_1)).isEqualTo("x\t" + longAllele + "\n");
    }
}
