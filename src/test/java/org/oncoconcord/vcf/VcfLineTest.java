package org.oncoconcord.vcf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The one record view: columns and FORMAT keys as String.split finds them, number checks as Double.parseDouble. */
class VcfLineTest {
    private static final String[] PIECES = {"", ".", "1", "chr1", "A", "AC,G", "PASS", "DP=5;AF=0.5", "GT:AD:AF", "0/1:3,4:0.5",
        "x:y", "GT::AD", ":"};

    @Test
    void columnsAsStringSplitFindsThemOnRandomLines() {
        Random rnd = new Random(7);
        VcfLine view = new VcfLine();
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder("##");
            int cols = 1 + rnd.nextInt(14);
            for (int c = 0; c < cols; c++) {
                if (c > 0) {
                    sb.append('\t');
                }
                sb.append(PIECES[rnd.nextInt(PIECES.length)]);
            }
            // embed in a larger buffer at an offset, as the line reader's buffer holds it
            String line = sb.toString();
            byte[] buf = ("junk\n" + line + "\nmore").getBytes(StandardCharsets.ISO_8859_1);
            view.set(buf, 5, 5 + line.length());
            String[] oracle = line.split("\t", -1);
            assertThat(view.columns()).as(line).isEqualTo(oracle.length);
            for (int c = 0; c < oracle.length; c++) {
                assertThat(view.string(c)).as(line + " column " + c).isEqualTo(oracle[c]);
                assertThat(view.isDot(c)).isEqualTo(oracle[c].equals("."));
            }
            assertThat(view.hasAdjacentTabs()).as(line).isEqualTo(line.contains("\t\t"));
            assertThat(view.text()).isEqualTo(line);
            if (oracle.length > 8) {
                String f = oracle[8];
                String[] keys = view.formatKeys();
                assertThat(keys).as(line).containsExactly(f.isEmpty() || f.equals(".") ? new String[0] : f.split(":", -1));
                assertThat(view.formatKeys()).as("same FORMAT: same keys array").isSameAs(keys);
            } else {
                assertThat(view.formatKeys()).isNull();
            }
        }
    }

    @Test
    void aViewLimitedToSomeColumnsStopsThere() {
        VcfLine view = VcfLine.of("a\tb\tc\td");
        assertThat(view.columns()).isEqualTo(4);
        VcfLine first2 = new VcfLine(2);
        byte[] b = "a\tb\tc\td".getBytes(StandardCharsets.ISO_8859_1);
        first2.set(b, 0, b.length);
        assertThat(first2.columns()).isEqualTo(2);
        assertThat(first2.string(0)).isEqualTo("a");
        assertThat(first2.string(1)).isEqualTo("b\tc\td");
    }

    @Test
    void numberTestAgreesWithDoubleParseDouble() {
        String[] values = {"1", "-1", "+2", "1.5", ".5", "5.", "1e3", "1E-3", "-1.5e+2", "nan", "NaN", "inf", "-Inf", "Infinity",
            "abc", "1.2.3", "", "-", "+", ".", "e5", "1e", "0x10", "1,5", "1f", "1d"};
        for (String v : values) {
            boolean oracle;
            try {
                Double.parseDouble(v);
                oracle = !v.endsWith("f") && !v.endsWith("d") && !v.endsWith("F") && !v.endsWith("D");
            } catch (NumberFormatException e) {
                // htslib also reads these spellings in any case
                oracle = java.util.Set.of("nan", "inf", "-inf", "infinity", "-infinity").contains(v.toLowerCase(java.util.Locale.ROOT));
            }
            assertThat(VcfNumbers.isNumber(v)).as(v).isEqualTo(oracle);
        }
    }

    @Test
    void lineReaderGivesTheLinesBufferedReaderGivesForLfAndCrLf() throws Exception {
        String text = "##a\r\n#b\n1\t2\r\n\nlast";
        List<String> got = new ArrayList<>();
        try (ByteLineReader r = new ByteLineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)))) {
            got.add(r.readLatin1Line());
            while (r.nextLine()) {
                got.add(new String(r.buffer(), r.lineStart(), r.lineEnd() - r.lineStart(), StandardCharsets.ISO_8859_1));
            }
        }
        assertThat(got).isEqualTo(new java.io.BufferedReader(new java.io.StringReader(text)).lines().toList());
    }
}
