package org.oncoconcord.annotate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.oncoconcord.vcf.GenomeBuild;

/**
 * {@link Transcript#spliceSite} (which looks only at the boundaries near the position) against its
 * definition, the first of all exon boundaries within 2 bases of the position, classified by VEP's
 * windows: every position around every boundary of the shipped GRCh37 models, and random
 * transcripts with 1-3 base exons and introns (adjacent exons included), both strands.
 */
class SpliceSiteTest {

    /** The definition: a scan over every boundary. */
    private static Transcript.SpliceSite definition(Transcript t, int pos) {
        for (int i = 0; i + 1 < t.exonCount(); i++) {
            int before = t.exonEnd(i);
            int after = t.exonStart(i + 1);
            if (pos < before - 2 || pos > after + 2) {
                continue;
            }
            if (pos <= before || pos >= after) {
                return Transcript.SpliceSite.EXON_EDGE;
            }
            int fromLeft = pos - before;
            int fromRight = after - pos;
            boolean donor = fromLeft <= fromRight ? t.plus() : !t.plus();
            int d = Math.min(fromLeft, fromRight);
            if (d <= 2) {
                return donor ? Transcript.SpliceSite.DONOR : Transcript.SpliceSite.ACCEPTOR;
            }
            return d <= 8 ? Transcript.SpliceSite.INTRON_REGION : Transcript.SpliceSite.INTRON;
        }
        return Transcript.SpliceSite.NONE;
    }

    @Test
    void shippedModelsAroundEveryBoundary() {
        int n = 0;
        for (Transcript t : TranscriptSet.shipped(GenomeBuild.GRCh37).all()) {
            for (int i = 0; i < t.exonCount(); i++) {
                for (int edge : new int[] {t.exonStart(i), t.exonEnd(i)}) {
                    for (int pos = edge - 12; pos <= edge + 12; pos++) {
                        assertEquals(definition(t, pos), t.spliceSite(pos), t + " at " + pos);
                        n++;
                    }
                }
            }
        }
        assertTrue(n > 20_000, "positions checked: " + n);
    }

    @Test
    void tinyExonsAndIntrons() {
        Random rnd = new Random(5);
        for (int k = 0; k < 300; k++) {
            int exons = 1 + rnd.nextInt(8);
            int[] starts = new int[exons];
            int[] ends = new int[exons];
            int pos = 100;
            for (int i = 0; i < exons; i++) {
                starts[i] = pos;
                ends[i] = pos + rnd.nextInt(3);
                pos = ends[i] + 1 + rnd.nextInt(4); // 0-3 intronic bases
            }
            Transcript t = new Transcript("G", "T" + k, "E", "P", "1", rnd.nextBoolean(), starts[0], ends[exons - 1],
                    starts[0], ends[exons - 1], starts, ends, null);
            for (int p = starts[0] - 5; p <= ends[exons - 1] + 5; p++) {
                assertEquals(definition(t, p), t.spliceSite(p), t + " at " + p);
            }
        }
    }
}
