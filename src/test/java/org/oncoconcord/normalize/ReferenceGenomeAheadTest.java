package org.oncoconcord.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Windows read ahead on the reference thread give the planted sequence, in sorted and random order; no thread is left after close. */
class ReferenceGenomeAheadTest {
    @TempDir
    Path tmp;

    private Map<String, String> plant(Path fa, Random rnd) throws IOException {
        Map<String, String> truth = new LinkedHashMap<>();
        int[] lengths = {2_500_000, 1, 1_048_576, 700_000, 3_100_003};
        try (Writer w = Files.newBufferedWriter(fa, StandardCharsets.US_ASCII)) {
            for (int c = 0; c < lengths.length; c++) {
                char[] seq = new char[lengths[c]];
                for (int i = 0; i < seq.length; i++) {
                    seq[i] = "ACGTNacgtRY".charAt(rnd.nextInt(11));
                }
                String s = new String(seq);
                String name = "chr" + (c + 1);
                truth.put(name, s);
                w.write(">" + name + " planted\n");
                for (int i = 0; i < s.length(); i += 60) {
                    w.write(s, i, Math.min(60, s.length() - i));
                    w.write('\n');
                }
            }
        }
        return truth;
    }

    private static boolean aheadThreadAlive() {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.isAlive() && t.getName().equals("oncoconcord-reference-ahead"));
    }

    @Test
    void sortedAndRandomLookupsGiveThePlantedBases() throws IOException {
        Random rnd = new Random(12);
        Path fa = tmp.resolve("ref.fa");
        Map<String, String> truth = plant(fa, rnd);
        try (ReferenceGenome ref = new ReferenceGenome(fa)) {
            for (Map.Entry<String, String> e : truth.entrySet()) { // sorted, as a VCF walks it
                String seq = e.getValue();
                for (int p = 0; p < seq.length(); p += 1 + rnd.nextInt(40_000)) {
                    assertThat(ref.base(e.getKey(), p)).isEqualTo(seq.charAt(p));
                    int end = p + rnd.nextInt(rnd.nextInt(50) == 0 ? 3_000_000 : 300);
                    assertThat(ref.fetch(e.getKey(), p, end)).isEqualTo(seq.substring(p, Math.min(end, seq.length())));
                }
                assertThat(ref.base(e.getKey(), seq.length())).isEqualTo((char) 0);
            }
            String[] names = truth.keySet().toArray(new String[0]);
            for (int i = 0; i < 400; i++) { // random order
                String c = names[rnd.nextInt(names.length)];
                String seq = truth.get(c);
                int p = rnd.nextInt(seq.length());
                int end = p + rnd.nextInt(2000);
                assertThat(ref.fetch(c, p, end)).isEqualTo(seq.substring(p, Math.min(end, seq.length())));
                assertThat(ref.base(c, p)).isEqualTo(seq.charAt(p));
            }
        }
        assertThat(aheadThreadAlive()).as("the read-ahead thread ends with close").isFalse();
    }

    /**
     * Windows are read ahead only while lookups walk them in order (a dense VCF); a sparse walk (a panel or
     * exome: windows skipped) reads none ahead, so it does not read the reference twice.
     */
    @Test
    void readsAheadOnlyWhenWindowsAreWalkedInOrder() throws IOException {
        Path fa = tmp.resolve("ref.fa");
        Map<String, String> truth = plant(fa, new Random(13));
        try (ReferenceGenome ref = new ReferenceGenome(fa)) {
            for (String c : new String[] {"chr1", "chr3", "chr4", "chr5"}) { // windows 0 and 2 only: never adjacent
                String seq = truth.get(c);
                for (int p : new int[] {10, 2_100_000}) {
                    if (p < seq.length()) {
                        assertThat(ref.base(c, p)).isEqualTo(seq.charAt(p));
                    }
                }
            }
            assertThat(ref.windowsReadAhead()).isZero();
        }
        try (ReferenceGenome ref = new ReferenceGenome(fa)) {
            String seq = truth.get("chr1");
            for (int p = 0; p < seq.length(); p += 100_000) { // every window in order
                assertThat(ref.base("chr1", p)).isEqualTo(seq.charAt(p));
            }
            assertThat(ref.windowsReadAhead()).isGreaterThanOrEqualTo(1);
        }
    }

    /** Lookups at and across the window ends (within a window's padding and past it), with and without the thread. */
    @Test
    void lookupsAcrossWindowEndsGiveThePlantedBasesWithOrWithoutReadAhead() throws IOException {
        Path fa = tmp.resolve("ref.fa");
        Map<String, String> truth = plant(fa, new Random(14));
        for (boolean ahead : new boolean[] {true, false}) {
            try (ReferenceGenome ref = new ReferenceGenome(fa, ahead)) {
                for (Map.Entry<String, String> e : truth.entrySet()) {
                    String seq = e.getValue();
                    for (int w = ReferenceGenome.CHUNK; w < seq.length() + ReferenceGenome.CHUNK; w += ReferenceGenome.CHUNK) {
                        for (int[] d : new int[][] {{-1, 0}, {-10, 1}, {-10, 10}, {-3, 4095}, {-3, 4096}, {-3, 4097}, {-2, 9000}, {0, 5}}) {
                            int from = Math.max(0, w + d[0]);
                            int to = w + d[1];
                            assertThat(ref.fetch(e.getKey(), from, to)).as("%s:%d-%d", e.getKey(), from, to)
                                    .isEqualTo(from >= seq.length() ? "" : seq.substring(from, Math.min(to, seq.length())));
                            char expected = from < seq.length() ? seq.charAt(from) : 0;
                            assertThat(ref.base(e.getKey(), from)).isEqualTo(expected);
                        }
                    }
                }
                if (!ahead) {
                    assertThat(ref.windowsReadAhead()).as("no read-ahead when switched off").isZero();
                }
            }
        }
        assertThat(aheadThreadAlive()).isFalse();
    }
}
