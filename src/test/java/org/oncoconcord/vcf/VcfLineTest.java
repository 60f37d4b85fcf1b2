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

    /** Tabs and the first NUL of random bytes (some lines longer than a word, tabs and NULs anywhere) as a plain byte loop finds them. */
    @Test
    void tabsAndFirstNulAsAByteLoopFindsThem() {
        Random rnd = new Random(11);
        byte[] alphabet = "ACGT0123456789.,:;=|\t\t\u0000\u0001\u0008\n".getBytes(StandardCharsets.ISO_8859_1);
        for (int n = 0; n < 20_000; n++) {
            int off = rnd.nextInt(9);
            int len = rnd.nextInt(rnd.nextBoolean() ? 40 : 400);
            byte[] b = new byte[off + len + rnd.nextInt(9)];
            for (int k = 0; k < b.length; k++) {
                b[k] = alphabet[rnd.nextInt(alphabet.length)];
            }
            if (rnd.nextBoolean()) { // mostly without NUL, as real lines
                for (int k = 0; k < b.length; k++) {
                    if (b[k] == 0) {
                        b[k] = 'A';
                    }
                }
            }
            int maxColumns = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(6) : Integer.MAX_VALUE;
            VcfLine view = new VcfLine(maxColumns).set(b, off, off + len);
            List<Integer> tabs = new ArrayList<>();
            int firstNul = -1;
            for (int k = off; k < off + len; k++) {
                if (b[k] == 0 && firstNul < 0) {
                    firstNul = k;
                }
                if (b[k] == '\t' && tabs.size() < maxColumns - 1L) {
                    tabs.add(k);
                }
            }
            assertThat(view.tabCount()).isEqualTo(tabs.size());
            for (int k = 0; k < tabs.size(); k++) {
                assertThat(view.tab(k)).isEqualTo(tabs.get(k));
            }
            assertThat(view.firstNul()).isEqualTo(firstNul);
        }
    }

    /** Lines of random text read through random chunk sizes are those String.split finds (CRLF stripped). */
    @Test
    void byteLineReaderFindsTheLinesOfRandomText() throws Exception {
        Random rnd = new Random(5);
        for (int round = 0; round < 200; round++) {
            StringBuilder sb = new StringBuilder();
            int lines = rnd.nextInt(50);
            for (int l = 0; l < lines; l++) {
                int len = rnd.nextInt(20) == 0 ? 150_000 + rnd.nextInt(200_000) : rnd.nextInt(300);
                for (int k = 0; k < len; k++) {
                    sb.append("ACGT\t.,:\r".charAt(rnd.nextInt(9)));
                }
                sb.append(rnd.nextInt(4) == 0 ? "\r\n" : "\n");
            }
            if (rnd.nextBoolean()) {
                sb.append("last\tline");
            }
            String text = sb.toString();
            List<String> expected = new ArrayList<>();
            for (String l : text.split("\n", -1)) {
                expected.add(l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
            }
            if (text.isEmpty() || text.endsWith("\n")) {
                expected.remove(expected.size() - 1);
            }
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            java.io.InputStream in = new java.io.FilterInputStream(new ByteArrayInputStream(bytes)) {
                @Override
                public int read(byte[] b, int o, int l) throws java.io.IOException {
                    return super.read(b, o, Math.min(l, 1 + rnd.nextInt(70_000)));
                }
            };
            List<String> got = new ArrayList<>();
            try (ByteLineReader r = new ByteLineReader(in)) {
                while (r.nextLine()) {
                    got.add(new String(r.buffer(), r.lineStart(), r.lineEnd() - r.lineStart(), StandardCharsets.ISO_8859_1));
                }
            }
            assertThat(got).isEqualTo(expected);
        }
    }
}
