package org.oncoconcord.concordance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.oncoconcord.annotate.Annotator;
import org.oncoconcord.annotate.Transcript;
import org.oncoconcord.annotate.TranscriptSet;
import org.oncoconcord.vcf.GenomeBuild;

/** NearTranscripts answers as Annotator.anyNear (the oracle) on the shipped models, at random and at every window edge. */
class NearTranscriptsTest {

    @Test
    void agreesWithAnnotatorAnyNear() {
        TranscriptSet models = TranscriptSet.shipped(GenomeBuild.GRCh37);
        Annotator annotator = new Annotator(models);
        NearTranscripts near = new NearTranscripts(models);
        Random rnd = new Random(7);
        long nearCount = 0;
        long checked = 0;
        for (String contig : new String[] {"1", "2", "12", "17", "X", "chr7", "MT", "unplaced_1"}) {
            for (int k = 0; k < 20_000; k++) {
                int pos = 1 + rnd.nextInt(250_000_000);
                int end = pos + 1 + rnd.nextInt(3);
                boolean expected = annotator.anyNear(contig, pos, end);
                assertThat(near.near(contig, pos, end)).as(contig + ":" + pos + "-" + end).isEqualTo(expected);
                nearCount += expected ? 1 : 0;
                checked++;
            }
            for (Transcript t : models.onContig(contig)) { // just inside and just outside each window
                for (int pos : new int[] {t.txStart() - Annotator.FLANK - 3, t.txStart() - Annotator.FLANK - 2,
                        t.txStart() - Annotator.FLANK - 1, t.txEnd() + Annotator.FLANK + 1, t.txEnd() + Annotator.FLANK + 2}) {
                    assertThat(near.near(contig, pos, pos + 1)).as(contig + ":" + pos).isEqualTo(annotator.anyNear(contig, pos, pos + 1));
                    checked++;
                }
            }
        }
        assertThat(nearCount).as("some random positions are near a transcript").isPositive().isLessThan(checked);
    }
}
