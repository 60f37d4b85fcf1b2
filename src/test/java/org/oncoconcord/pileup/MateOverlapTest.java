package org.oncoconcord.pileup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import htsjdk.samtools.SAMFileHeader;
import htsjdk.samtools.SAMRecord;
import htsjdk.samtools.SAMSequenceDictionary;
import htsjdk.samtools.SAMSequenceRecord;
import htsjdk.samtools.TextCigarCodec;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The htslib 1.16 overlap walk on the case found in art_illumina + bwa reads (chr1:15349): the
 * later mate has a 2 bp deletion (9M2D...) inside the earlier mate's plain alignment. samtools 1.16
 * counts the earlier mate's base opposite the deletion at full quality (the walk compares nothing
 * there) and does not compare the first position after it either.
 */
class MateOverlapTest {
    private static SAMRecord read(SAMFileHeader h, int start, String cigar) {
        SAMRecord r = new SAMRecord(h);
        r.setReadName("frag");
        r.setReferenceName("chr1");
        r.setAlignmentStart(start);
        r.setCigar(TextCigarCodec.decode(cigar));
        int len = r.getCigar().getReadLength();
        r.setReadBases("A".repeat(len).getBytes());
        r.setBaseQualities(new byte[len]);
        return r;
    }

    @Test
    void noComparisonOppositeADeletionNorJustAfterIt() {
        SAMSequenceDictionary dict = new SAMSequenceDictionary();
        dict.addSequence(new SAMSequenceRecord("chr1", 100_000));
        SAMFileHeader h = new SAMFileHeader(dict);
        SAMRecord a = read(h, 15256, "11M1I84M4S"); // reference 15256-15350
        SAMRecord b = read(h, 15339, "9M2D83M1I7M"); // 15339-15347, deletion 15348-15349, then 15350-
        Set<Integer> compared = BamPileup.comparedPositions(a, b);
        for (int p = 15339; p <= 15347; p++) {
            assertTrue(compared.contains(p), "compared at " + p);
        }
        assertFalse(compared.contains(15348));
        assertFalse(compared.contains(15349));
        assertFalse(compared.contains(15350), "htslib skips the first position after the walks meet again");
        assertEquals(9, compared.size());
    }

    @Test
    void plainOverlapComparesEveryCommonPosition() {
        SAMSequenceDictionary dict = new SAMSequenceDictionary();
        dict.addSequence(new SAMSequenceRecord("chr1", 100_000));
        SAMFileHeader h = new SAMFileHeader(dict);
        Set<Integer> compared = BamPileup.comparedPositions(read(h, 100, "5S100M"), read(h, 150, "100M"));
        assertEquals(50, compared.size());
        assertTrue(compared.contains(150) && compared.contains(199) && !compared.contains(200));
    }
}
