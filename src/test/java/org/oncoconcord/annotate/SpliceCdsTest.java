package org.oncoconcord.annotate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TranscriptSet#splice}: the CDS read from a FASTA (mixed case, N and IUPAC letters, lines of
 * 60) for random multi-exon transcripts on both strands equals the CDS cut by hand from the
 * sequence text (upper case, coding parts of the exons joined, reverse-complemented on the minus strand).
 */
class SpliceCdsTest {
    @TempDir
    Path dir;

    @Test
    void splicedCdsEqualsTheHandCutSequence() throws Exception {
        Random rnd = new Random(8);
        String letters = "ACGTacgtNnRYkm";
        StringBuilder seq = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            seq.append(letters.charAt(rnd.nextInt(letters.length())));
        }
        StringBuilder fa = new StringBuilder(">c1 test\n");
        for (int i = 0; i < seq.length(); i += 60) {
            fa.append(seq, i, Math.min(seq.length(), i + 60)).append('\n');
        }
        Path fasta = Files.writeString(dir.resolve("r.fa"), fa);
        int checked = 0;
        try (ReferenceBases ref = new ReferenceBases(fasta)) {
            for (int k = 0; k < 300; k++) {
                int exons = 1 + rnd.nextInt(5);
                int[] starts = new int[exons];
                int[] ends = new int[exons];
                int at = 1 + rnd.nextInt(200);
                for (int i = 0; i < exons; i++) {
                    starts[i] = at;
                    ends[i] = at + rnd.nextInt(120);
                    at = ends[i] + 2 + rnd.nextInt(300);
                }
                int txStart = starts[0];
                int txEnd = ends[exons - 1];
                int cdsStart = txStart + rnd.nextInt(Math.max(1, (txEnd - txStart) / 3));
                int cdsEnd = txEnd - rnd.nextInt(Math.max(1, (txEnd - cdsStart) / 3));
                boolean plus = rnd.nextBoolean();
                Transcript t;
                try {
                    t = new Transcript("G" + k, "T" + k, "T" + k, "", "c1", plus, txStart, txEnd, cdsStart, cdsEnd, starts, ends, null);
                } catch (IllegalArgumentException e) {
                    continue; // e.g. a CDS start in an intron: not a model
                }
                StringBuilder cut = new StringBuilder();
                for (int i = 0; i < exons; i++) {
                    int s = Math.max(starts[i], cdsStart);
                    int e = Math.min(ends[i], cdsEnd);
                    if (s <= e) {
                        cut.append(seq.substring(s - 1, e).toUpperCase(java.util.Locale.ROOT));
                    }
                }
                String expected = plus ? cut.toString() : handReverseComplement(cut.toString());
                assertThat(TranscriptSet.splice(t, ref)).as("T" + k).isEqualTo(expected);
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    private static String handReverseComplement(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            b.append(c == 'A' ? 'T' : c == 'T' ? 'A' : c == 'C' ? 'G' : c == 'G' ? 'C' : c);
        }
        return b.toString();
    }
}
