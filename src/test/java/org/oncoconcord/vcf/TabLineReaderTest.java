package org.oncoconcord.vcf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** TabLineReader finds the same lines and tabs as a plain split of the text (the oracle), whatever the chunking. */
class TabLineReaderTest {

    private static String randomText(Random rnd, int lines) {
        StringBuilder sb = new StringBuilder();
        String alphabet = "ACGT0123456789.,:;=|\t\t\t ";
        for (int l = 0; l < lines; l++) {
            int len = rnd.nextInt(10) == 0 ? rnd.nextInt(300_000) : rnd.nextInt(400); // some lines longer than the buffer
            for (int k = 0; k < len; k++) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            sb.append(rnd.nextInt(5) == 0 ? "\r\n" : "\n");
        }
        if (rnd.nextBoolean()) {
            sb.append("last\tline\twithout\tbreak");
        }
        return sb.toString();
    }

    /** A stream returning at most a random few bytes per read (refills at every offset). */
    private static InputStream chunked(byte[] b, Random rnd) {
        return new FilterInputStream(new ByteArrayInputStream(b)) {
            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                return super.read(buf, off, Math.min(len, 1 + rnd.nextInt(rnd.nextBoolean() ? 13 : 70_000)));
            }
        };
    }

    @Test
    void linesAndTabsAsASplitFindsThem() throws IOException {
        Random rnd = new Random(20);
        for (int round = 0; round < 12; round++) {
            String text = randomText(rnd, 200);
            int maxTabs = 1 + rnd.nextInt(12);
            List<String> expected = new ArrayList<>(List.of(text.split("\n", -1)));
            if (expected.get(expected.size() - 1).isEmpty()) {
                expected.remove(expected.size() - 1);
            }
            byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
            try (TabLineReader r = new TabLineReader(round % 2 == 0 ? new ByteArrayInputStream(bytes) : chunked(bytes, rnd), maxTabs)) {
                for (String want : expected) {
                    String line = want.endsWith("\r") ? want.substring(0, want.length() - 1) : want;
                    assertThat(r.next()).isTrue();
                    String got = new String(r.buffer(), r.lineStart(), r.lineEnd() - r.lineStart(), StandardCharsets.ISO_8859_1);
                    assertThat(got).isEqualTo(line);
                    List<Integer> tabs = new ArrayList<>();
                    for (int i = 0; i < line.length() && tabs.size() < maxTabs; i++) {
                        if (line.charAt(i) == '\t') {
                            tabs.add(i);
                        }
                    }
                    assertThat(r.tabCount()).isEqualTo(tabs.size());
                    for (int k = 0; k < tabs.size(); k++) {
                        assertThat(r.tab(k) - r.lineStart()).isEqualTo(tabs.get(k));
                    }
                    if (!tabs.isEmpty()) {
                        int last = tabs.size();
                        assertThat(r.to(last) - r.lineStart()).isEqualTo(last < tabs.size() ? tabs.get(last) : line.length());
                        assertThat(r.from(1) - r.lineStart()).isEqualTo(tabs.get(0) + 1);
                    }
                }
                assertThat(r.next()).isFalse();
            }
        }
    }
}
