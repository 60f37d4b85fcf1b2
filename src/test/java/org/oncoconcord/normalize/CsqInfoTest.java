package org.oncoconcord.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link CsqInfo#insert} (the CSQ added to a written line, bytes in a reused buffer) against the same
 * edit made on the line's text split into its tab-separated columns: {@code ;CSQ=} appended to INFO,
 * or {@code CSQ=} replacing a {@code .} INFO; lines with and without FORMAT/sample columns, read from
 * a longer buffer (only {@code [0, len)} is the line), one output buffer reused for all.
 */
class CsqInfoTest {
    @Test
    void randomLinesGetCsqAsTheirSplitColumnsWould() {
        Random rnd = new Random(5);
        ByteText out = new ByteText();
        String[] infos = {".", "DP=10", "SOMATIC;QSS=52;DP=2262", "A=.", "..", "X"};
        for (int k = 0; k < 2_000; k++) {
            StringBuilder line = new StringBuilder("chr" + (1 + rnd.nextInt(22)) + "\t" + (1 + rnd.nextInt(1_000_000))
                    + "\t.\tA\tC,G\t.\tPASS\t" + infos[rnd.nextInt(infos.length)]);
            int samples = rnd.nextInt(3);
            if (samples > 0) {
                line.append("\tGT:AD");
                for (int s = 0; s < samples; s++) {
                    line.append("\t0/1:").append(rnd.nextInt(99)).append(',').append(rnd.nextInt(99));
                }
            }
            String csq = "C|missense_variant|MODERATE|KRAS" + "|x".repeat(rnd.nextInt(30)) + (rnd.nextBoolean() ? ",G|y" : "");
            byte[] bytes = (line + "\tjunk after the line").getBytes(StandardCharsets.ISO_8859_1);
            byte[] value = (csq + "|unused").getBytes(StandardCharsets.ISO_8859_1);
            CsqInfo.insert(bytes, line.length(), value, csq.length(), out);
            String got = new String(Arrays.copyOf(out.buffer(), out.length()), StandardCharsets.ISO_8859_1);
            assertEquals(expected(line.toString(), csq), got, line.toString());
        }
    }

    @Test
    void aLineWithoutInfoColumnIsAnError() {
        byte[] line = "chr1\t5\t.\tA\tC\t.\tPASS".getBytes(StandardCharsets.ISO_8859_1);
        assertThrows(IllegalStateException.class, () -> CsqInfo.insert(line, line.length, new byte[] {'x'}, 1, new ByteText()));
    }

    /** The oracle: column 8 edited as text. */
    private static String expected(String line, String csq) {
        String[] cols = line.split("\t", -1);
        cols[7] = cols[7].equals(".") ? "CSQ=" + csq : cols[7] + ";CSQ=" + csq;
        return String.join("\t", cols);
    }
}
