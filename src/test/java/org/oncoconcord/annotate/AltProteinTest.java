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
 * definition: after the reference protein's first residues, the translation of the whole mutant CDS
 * from the first changed codon; a frameshift's ends at its first stop, an in-frame change's at the
 * first stop among the changed codons (a stop it created) and else runs on through the reference's
 * own internal stops (read as residues, as a selenocysteine UGA). On the shipped GRCh37 CDS (real
 * genes, no internal stop) and on random sequences (internal stops, lengths not a multiple of 3).
 */
class AltProteinTest {
    private static final String[] ALTS = {"A", "C", "G", "T", "", "AC", "GCT", "TAA", "TGAGGC", "ACGT"};

    private static String definition(String cds, String refProtein, int cStart, int cEnd, String alt) {
        String altCds = cds.substring(0, cStart) + alt + cds.substring(cEnd + 1);
        int firstCodon = cStart / 3;
        int delta = alt.length() - (cEnd - cStart + 1);
        int windowEnd = (Math.max(cStart, cEnd) / 3) * 3 + 3;
        if (delta % 3 != 0 || windowEnd > cds.length()) {
            return refProtein.substring(0, firstCodon) + AminoAcids.translate(altCds, firstCodon, true);
        }
        String all = AminoAcids.translate(altCds, firstCodon, false);
        int changedCodons = (windowEnd - firstCodon * 3 + delta) / 3;
        int stop = all.indexOf('*');
        String mutant = stop >= 0 && stop < changedCodons ? all.substring(0, stop + 1) : all;
        return refProtein.substring(0, firstCodon) + mutant;
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

    /**
     * A CDS with an internal stop (as a selenocysteine UGA, codon 4): a change before it gets its codon-level
     * consequence (it used to read as a stop gained at the internal stop with a long delins), a stop the change
     * creates is still a stop gained, a change after it and an in-frame deletion as usual.
     */
    @Test
    void internalStopReadsAsAResidue() {
        String cds = "ATGAAAGGTTGAGGCAAACCCGGGTTTCAGTAA";
        String ref = AminoAcids.translate(cds, 0, false);
        assertEquals("MKG*GKPGFQ*", ref);
        String[][] cases = {
            {"7", "7", "A", "MISSENSE_VARIANT", "p.Gly3Asp", "p.G3D"},
            {"3", "3", "T", "STOP_GAINED", "p.Lys2Ter", "p.K2*"},
            {"16", "16", "G", "MISSENSE_VARIANT", "p.Lys6Arg", "p.K6R"},
            {"6", "8", "", "INFRAME_DELETION", "p.Gly3del", "p.G3del"},
        };
        for (String[] c : cases) {
            ProteinEffect e = ProteinEffect.of(cds, ref, Integer.parseInt(c[0]), Integer.parseInt(c[1]), c[2]);
            assertEquals(List.of(Consequence.valueOf(c[3])), e.terms(), String.join(" ", c));
            assertEquals(c[4], e.hgvsp(), String.join(" ", c));
            assertEquals(c[5], e.hgvspShort(), String.join(" ", c));
        }
    }
}
