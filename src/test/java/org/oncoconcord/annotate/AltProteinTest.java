package org.oncoconcord.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.oncoconcord.vcf.GenomeBuild;

/**
 * {@link ProteinEffect#altProtein} (in-frame changes translate only the changed codons) against its
 * definition: the translation of the whole mutant CDS from the first changed codon to its first
 * stop, after the reference protein's first residues. On the shipped GRCh37 CDS (real genes, no
 * internal stop) and on random sequences (internal stops, lengths not a multiple of 3).
 */
class AltProteinTest {
    private static final String[] ALTS = {"A", "C", "G", "T", "", "AC", "GCT", "TAA", "TGAGGC", "ACGT"};

    private static String definition(String cds, String refProtein, int cStart, int cEnd, String alt) {
        String altCds = cds.substring(0, cStart) + alt + cds.substring(cEnd + 1);
        int firstCodon = cStart / 3;
        return refProtein.substring(0, firstCodon) + AminoAcids.translate(altCds, firstCodon, true);
    }

    /** Every change of {@link #ALTS} replacing 0 (insertion), 1, 2, 3 or 6 bases at every {@code step}-th base (a prime step: all codon phases). */
    private static int check(String cds, String refProtein, int step) {
        int n = 0;
        for (int cStart = 0; cStart < cds.length(); cStart += step) {
            for (int len : new int[] {0, 1, 2, 3, 6}) {
                int cEnd = cStart + len - 1;
                if (cEnd >= cds.length()) {
                    continue;
                }
                for (String alt : ALTS) {
                    if (len == 0 && alt.isEmpty()) {
                        continue;
                    }
                    assertEquals(definition(cds, refProtein, cStart, cEnd, alt),
                            ProteinEffect.altProtein(cds, refProtein, cStart, cEnd, alt, cStart / 3),
                            "cds[" + cStart + ".." + cEnd + "] -> '" + alt + "'");
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void shippedCdsEveryChangeKind() {
        Annotator annotator = new Annotator(TranscriptSet.shipped(GenomeBuild.GRCh37));
        int n = 0;
        for (Transcript t : annotator.transcripts().all()) {
            if (t.cds() != null) {
                n += check(t.cds(), annotator.protein(t), 97);
            }
        }
        assertTrue(n > 50_000, "changes checked: " + n);
    }

    @Test
    void randomSequencesWithInternalStopsAndPartialCodons() {
        Random rnd = new Random(13);
        List<Integer> lengths = new ArrayList<>(List.of(3, 4, 5, 6, 7, 8));
        for (int i = 0; i < 40; i++) {
            lengths.add(9 + rnd.nextInt(300));
        }
        for (int length : lengths) {
            StringBuilder b = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                b.append("ACGTacgtN".charAt(rnd.nextInt(i % 50 == 7 ? 9 : 4)));
            }
            String cds = b.toString();
            String protein = AminoAcids.translate(cds, 0, false);
            check(cds, protein.isEmpty() ? protein : 'M' + protein.substring(1), 1);
        }
    }
}
