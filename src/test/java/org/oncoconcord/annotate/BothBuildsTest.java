package org.oncoconcord.annotate;

import org.oncoconcord.vcf.GenomeBuild;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import htsjdk.variant.variantcontext.VariantContext;
import htsjdk.variant.vcf.VCFFileReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.oncoconcord.testing.SharedData;

/**
 * The same tumour (TCGA-A6-2686, GDC calls) called on GRCh38 and lifted to GRCh37: every variant in
 * a gene of the shipped models must get the same HGVSc, HGVSp and consequence on both builds.
 */
class BothBuildsTest {

    static Map<String, Integer> annotations(Path vcf, GenomeBuild genome, List<String> mismatches) {
        Annotator annotator = new Annotator(TranscriptSet.shipped(genome));
        Map<String, Integer> out = new TreeMap<>();
        try (VCFFileReader reader = new VCFFileReader(vcf, false)) {
            for (VariantContext vc : reader) {
                for (var alt : vc.getAlternateAlleles()) {
                    Allele allele = Allele.fromVcf(vc.getContig(), vc.getStart(), vc.getReference().getBaseString(),
                            alt.getBaseString());
                    for (Annotation a : annotator.annotate(allele)) {
                        if (a.transcript() == null || a.transcript().cds() == null || a.hgvsc().isEmpty()) {
                            continue;
                        }
                        if (a.refMismatch()) {
                            mismatches.add(genome + " " + vc.getContig() + ":" + vc.getStart() + " " + a.hgvsc());
                        }
                        out.merge(a.gene() + " " + a.hgvsc() + " " + a.hgvsp() + " " + a.consequenceTerms(), 1, Integer::sum);
                    }
                }
            }
        }
        return out;
    }

    @Test
    void sameHgvsOnGrch37AndGrch38() {
        Path g38 = SharedData.require("vcf/tcga_A6-2686/T001-COAD.grch38.vcf.gz");
        Path g37 = SharedData.require("vcf/tcga_A6-2686/T001-COAD.grch37.vcf.gz");
        List<String> mismatches = new ArrayList<>();
        Map<String, Integer> on38 = annotations(g38, GenomeBuild.GRCh38, mismatches);
        Map<String, Integer> on37 = annotations(g37, GenomeBuild.GRCh37, mismatches);
        on38.forEach((k, v) -> System.out.println("  " + k + (v > 1 ? " x" + v : "")));
        assertTrue(mismatches.isEmpty(), "REF differs from the CDS: " + mismatches);
        assertEquals(on38, on37);
        assertTrue(on38.keySet().stream().anyMatch(k -> k.startsWith("BRAF NM_004333.6:c.1799T>A NP_004324.2:p.Val600Glu")), on38.toString());
        long coding = on38.keySet().stream().filter(k -> k.contains(":p.")).count();
        assertTrue(coding >= 10, "expected the README's ~15 coding variants, got " + coding);
        assertFalse(on38.isEmpty());
    }
}
