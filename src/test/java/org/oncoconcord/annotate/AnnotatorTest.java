package org.oncoconcord.annotate;

import org.oncoconcord.vcf.GenomeBuild;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-checked annotations on the shipped GRCh37 models, both strands (KRAS, TP53, BRAF minus;
 * PIK3CA, EGFR, APC plus). Expected values are published (COSMIC/ClinVar names of well-known
 * variants) or worked out by hand from the KRAS CDS
 * {@code ATG ACT GAA TAT AAA CTT GTG GTA GTT GGA GCT GGT GGC GTA ...} (KRAS c.n is GRCh37
 * 12:25398319-n, the genomic base being the complement).
 */
class AnnotatorTest {
    private static final Annotator GRCH37 = new Annotator(TranscriptSet.shipped(GenomeBuild.GRCh37));

    static Annotation one(Annotator annotator, String chrom, int pos, String ref, String alt) {
        List<Annotation> list = annotator.annotate(Allele.fromVcf(chrom, pos, ref, alt));
        assertEquals(1, list.size(), "one transcript expected: " + list);
        return list.get(0);
    }

    private static Annotation one(String chrom, int pos, String ref, String alt) {
        Annotation a = one(GRCH37, chrom, pos, ref, alt);
        assertFalse(a.refMismatch(), "REF must match the CDS");
        return a;
    }

    private static void assertAnnotation(Annotation a, String terms, String hgvsc, String hgvsp, String hgvspShort) {
        assertEquals(terms, a.consequenceTerms());
        assertEquals(hgvsc, a.hgvsc().substring(a.hgvsc().indexOf(':') + 1));
        assertEquals(hgvsp, a.hgvsp().isEmpty() ? "" : a.hgvsp().substring(a.hgvsp().indexOf(':') + 1));
        assertEquals(hgvspShort, a.hgvspShort());
    }

    @Test
    void krasG12dOnTheMinusStrand() {
        Annotation a = one("12", 25398284, "C", "T");
        assertAnnotation(a, "missense_variant", "c.35G>A", "p.Gly12Asp", "p.G12D");
        assertEquals("NM_004985.5:c.35G>A", a.hgvsc());
        assertEquals("NP_004976.2:p.Gly12Asp", a.hgvsp());
        assertEquals(Impact.MODERATE, a.impact());
        assertEquals("2/5", a.exon());
        assertEquals("35", a.cdsPosition());
        assertEquals("12", a.proteinPosition());
        assertEquals("G/D", a.aminoAcids());
        assertEquals("gGt/gAt", a.codons());
    }

    @Test
    void publishedHotspotsOnBothStrands() {
        assertAnnotation(one("7", 140453136, "A", "T"), "missense_variant", "c.1799T>A", "p.Val600Glu", "p.V600E");
        assertAnnotation(one("3", 178936091, "G", "A"), "missense_variant", "c.1633G>A", "p.Glu545Lys", "p.E545K");
        assertAnnotation(one("3", 178952085, "A", "G"), "missense_variant", "c.3140A>G", "p.His1047Arg", "p.H1047R");
        assertAnnotation(one("17", 7578406, "C", "T"), "missense_variant", "c.524G>A", "p.Arg175His", "p.R175H");
        Annotation nonsense = one("5", 112175639, "C", "T");
        assertAnnotation(nonsense, "stop_gained", "c.4348C>T", "p.Arg1450Ter", "p.R1450*");
        assertEquals(Impact.HIGH, nonsense.impact());
    }

    @Test
    void egfrExon19DeletionCosm6223() {
        Annotation a = one("7", 55242464, "AGGAATTAAGAGAAGC", "A");
        assertAnnotation(a, "inframe_deletion", "c.2235_2249del", "p.Glu746_Ala750del", "p.E746_A750del");
        assertEquals("19/28", a.exon());
    }

    @Test
    void frameshiftDeletionIsShiftedToTheThreePrimeEndOfTheRun() {
        // c.13-15 AAA (Lys5); deleting one A: ATG ACT GAA TAT AAC TTG TGG TAG -> p.Lys5AsnfsTer4
        Annotation leftAligned = one("12", 25398303, "GT", "G");   // genomic-left = transcript 3' end (c.15)
        assertAnnotation(leftAligned, "frameshift_variant", "c.15del", "p.Lys5AsnfsTer4", "p.K5Nfs*4");
        Annotation atRunStart = one("12", 25398305, "TT", "T");    // same deletion written at c.13
        assertEquals(leftAligned.hgvsc(), atRunStart.hgvsc());
        assertEquals(leftAligned.hgvsp(), atRunStart.hgvsp());
        assertEquals("5", atRunStart.proteinPosition());        // consequence fields stay at the input position
    }

    @Test
    void insertionRepeatingTheBaseBeforeIsADuplication() {
        // one more A in c.13-15 AAA: AAA ACT TGT ... -> c.15dup, Leu6 is the first changed residue
        Annotation a = one("12", 25398303, "G", "GT");
        assertEquals("frameshift_variant", a.consequenceTerms());
        assertEquals("NM_004985.5:c.15dup", a.hgvsc());
        assertTrue(a.hgvsp().contains(":p.Leu6ThrfsTer"), a.hgvsp());
    }

    @Test
    void inframeCodonDeletionFollowsTheThreePrimeRule() {
        // deleting c.34-36 GGT from GCT GGT GGC GTA leaves GCT GGC GTA: one of Gly12-Gly13 lost
        Annotation a = one("12", 25398282, "CACC", "C");
        assertAnnotation(a, "inframe_deletion", "c.36_38del", "p.Gly13del", "p.G13del");
        assertEquals("12", a.proteinPosition());
    }

    @Test
    void stopCreatedInsideAnInframeInsertion() {
        // TAA inserted between codons 12 and 13
        Annotation a = one("12", 25398282, "C", "CTTA");
        assertAnnotation(a, "stop_gained&inframe_insertion", "c.36_37insTAA", "p.Gly12_Gly13insTer", "p.G12_G13ins*");
        assertEquals(Impact.HIGH, a.impact());
        assertEquals("12-13", a.proteinPosition());
    }

    @Test
    void multiCodonMnvAndDnpWithOneSilentCodon() {
        assertAnnotation(one("12", 25398281, "CCAC", "TCAT"), "missense_variant", "c.35_38delinsATGA",
                "p.Gly12_Gly13delinsAspAsp", "p.G12_G13delinsDD");
        // TCGA DNP GA>TT: codon 60 GGA->GGT silent, codon 61 CAA->AAA
        assertAnnotation(one("12", 25380277, "GA", "TT"), "missense_variant", "c.180_181delinsAA", "p.Gln61Lys", "p.Q61K");
    }

    @Test
    void startAndStopCodons() {
        assertAnnotation(one("12", 25398318, "T", "C"), "start_lost", "c.1A>G", "p.Met1?", "p.M1?");
        assertAnnotation(one("17", 7572927, "T", "C"), "stop_lost", "c.1182A>G", "p.Ter394TrpextTer?", "p.*394Wext*?");
    }

    @Test
    void spliceSitesAroundTp53Exon4() {
        // exon 4 ends at c.375 (17:7579312, minus strand); exon 5 starts at c.376 (17:7578554)
        Annotation lastBase = one("17", 7579312, "C", "T");
        assertAnnotation(lastBase, "splice_region_variant&synonymous_variant", "c.375G>A", "p.Thr125=", "p.T125=");
        assertEquals(Impact.LOW, lastBase.impact());
        Annotation donor = one("17", 7579311, "C", "T");
        assertAnnotation(donor, "splice_donor_variant", "c.375+1G>A", "", "");
        assertEquals("4/10", donor.intron());
        assertEquals(Impact.HIGH, donor.impact());
        assertAnnotation(one("17", 7578555, "C", "T"), "splice_acceptor_variant", "c.376-1G>A", "", "");
        assertAnnotation(one("17", 7579307, "C", "T"), "splice_region_variant&intron_variant", "c.375+5G>A", "", "");
        assertAnnotation(one("17", 7579000, "C", "T"), "intron_variant", "c.375+312G>A", "", "");
        // a deletion spanning the exon 4 / intron 4 boundary: no protein prediction
        Annotation spanning = one("17", 7579310, "ACC", "A");
        assertEquals("splice_donor_variant&splice_region_variant&coding_sequence_variant", spanning.consequenceTerms());
        assertEquals("", spanning.hgvsp());
    }

    @Test
    void outsideTheCds() {
        assertAnnotation(one("12", 25360000, "A", "G"), "3_prime_UTR_variant", "c.*2729T>C", "", "");
        assertAnnotation(one("5", 112073600, "C", "T"), "5_prime_UTR_variant", "c.-41C>T", "", "");
        Annotation up = one(GRCH37, "12", 25405000, "A", "G");
        assertEquals("upstream_gene_variant", up.consequenceTerms());
        assertEquals(1137, up.distance());
        assertEquals("downstream_gene_variant", one(GRCH37, "12", 25357000, "A", "G").consequenceTerms());
        Annotation none = one(GRCH37, "1", 1000000, "A", "G");
        assertEquals("intergenic_variant", none.consequenceTerms());
        assertEquals(Impact.MODIFIER, none.impact());
    }

    @Test
    void nearnessPreCheckAgreesWithTheAnnotations() {
        // the 5 kb flank around KRAS (GRCh37 12:25358180-25403863), both sides, and inside
        for (int pos : new int[] {25353179, 25353180, 25353181, 25380000, 25408862, 25408863, 25408864, 1000}) {
            boolean near = GRCH37.anyNear("12", pos, pos);
            boolean annotated = GRCH37.annotate(new Allele("12", pos, "A", "G")).get(0).transcript() != null;
            assertTrue(near || !annotated, "pre-check must not miss " + pos);
        }
    }

    @Test
    void refDisagreeingWithTheCdsIsFlagged() {
        assertTrue(one(GRCH37, "12", 25398284, "G", "T").refMismatch());
    }
}
