package org.oncoconcord.annotate;

import org.oncoconcord.vcf.GenomeBuild;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Existing VEP CSQ, SnpEff ANN and Funcotator FUNCOTATION values (no annotated VCF in
 * ../shared/data: hand-written records following each tool's documented header and value format)
 * parsed, the canonical/MANE entry picked, and its gene, consequence and short protein change
 * compared with our own engine on the same GRCh37 allele (the independent oracle).
 */
class ExistingAnnotationsTest {
    private static final Annotator GRCH37 = new Annotator(TranscriptSet.shipped(GenomeBuild.GRCh37));

    /** VEP's INFO/CSQ header description (Ensembl VEP docs, with --canonical --mane_select). */
    private static final String VEP_HEADER = "Consequence annotations from Ensembl VEP. Format: Allele|Consequence|IMPACT|SYMBOL|Gene|"
            + "Feature_type|Feature|BIOTYPE|EXON|INTRON|HGVSc|HGVSp|cDNA_position|CDS_position|Protein_position|Amino_acids|"
            + "Codons|Existing_variation|DISTANCE|STRAND|FLAGS|SYMBOL_SOURCE|HGNC_ID|CANONICAL|MANE_SELECT";
    /** SnpEff's INFO/ANN header description (SnpEff manual, "ANN field"). */
    private static final String SNPEFF_HEADER = "Functional annotations: 'Allele | Annotation | Annotation_Impact | Gene_Name | Gene_ID | "
            + "Feature_Type | Feature_ID | Transcript_BioType | Rank | HGVS.c | HGVS.p | cDNA.pos / cDNA.length | "
            + "CDS.pos / CDS.length | AA.pos / AA.length | Distance | ERRORS / WARNINGS / INFO' ";
    /** Funcotator's INFO/FUNCOTATION header description (GATK Funcotator VCF output, Gencode data source). */
    private static final String FUNCOTATOR_HEADER = "Functional annotation from the Funcotator tool.  Funcotation fields are: "
            + "Gencode_19_hugoSymbol|Gencode_19_ncbiBuild|Gencode_19_chromosome|Gencode_19_start|Gencode_19_end|"
            + "Gencode_19_variantClassification|Gencode_19_secondaryVariantClassification|Gencode_19_variantType|"
            + "Gencode_19_refAllele|Gencode_19_tumorSeqAllele1|Gencode_19_tumorSeqAllele2|Gencode_19_genomeChange|"
            + "Gencode_19_annotationTranscript|Gencode_19_transcriptStrand|Gencode_19_transcriptExon|Gencode_19_transcriptPos|"
            + "Gencode_19_cDnaChange|Gencode_19_codonChange|Gencode_19_proteinChange|Gencode_19_gcContent|"
            + "Gencode_19_referenceContext|Gencode_19_otherTranscripts";

    private static Annotation ours(String chrom, int pos, String ref, String alt) {
        return GRCH37.annotate(Allele.fromVcf(chrom, pos, ref, alt)).get(0);
    }

    private static void sameAsOurs(ExistingAnnotations.Entry e, Annotation a) {
        assertThat(e.gene()).isEqualTo(a.gene());
        assertThat(e.consequences()).isEqualTo(a.consequences());
        assertThat(e.impact()).isEqualTo(a.impact());
        assertThat(e.hgvspShort()).isEqualTo(a.hgvspShort());
    }

    @Test
    void vepCsqPicksTheManeEntryOfTheAllele() {
        List<String> fields = ExistingAnnotations.fieldNames("CSQ", VEP_HEADER);
        assertThat(fields).startsWith("Allele", "Consequence", "IMPACT").endsWith("CANONICAL", "MANE_SELECT");
        String value = "T|downstream_gene_variant|MODIFIER|KRAS|ENSG00000133703|Transcript|ENST00000557334|protein_coding|||||||||||"
                + "4000|-1||HGNC|HGNC:6407||,"
                + "T|missense_variant|MODERATE|KRAS|ENSG00000133703|Transcript|ENST00000256078|protein_coding|2/6||"
                + "ENST00000256078.4:c.35G>A|ENSP00000256078.4:p.Gly12Asp|99|35|12|G/D|gGt/gAt|COSV55497369||-1||HGNC|HGNC:6407|YES|NM_004985.5,"
                + "A|missense_variant|MODERATE|KRAS|ENSG00000133703|Transcript|ENST00000256078|protein_coding|2/6||"
                + "ENST00000256078.4:c.35G>T|ENSP00000256078.4:p.Gly12Val|99|35|12|G/V|gGt/gTt|||-1||HGNC|HGNC:6407|YES|NM_004985.5";
        List<ExistingAnnotations.Entry> entries = ExistingAnnotations.parse("CSQ", fields, value, "C", "T", 0);
        assertThat(entries).hasSize(2); // the A allele's entry is not ours
        ExistingAnnotations.Entry kras = ExistingAnnotations.pick(entries, "KRAS", null);
        assertThat(kras.transcript()).isEqualTo("ENST00000256078");
        assertThat(kras.hgvsc()).isEqualTo("c.35G>A");
        assertThat(kras.proteinAltering()).isTrue();
        sameAsOurs(kras, ours("12", 25398284, "C", "T"));
    }

    @Test
    void vepDeletionAlleleIsDash() {
        List<String> fields = ExistingAnnotations.fieldNames("CSQ", VEP_HEADER);
        String value = "-|inframe_deletion|MODERATE|KRAS|ENSG00000133703|Transcript|ENST00000256078|protein_coding|2/6||"
                + "ENST00000256078.4:c.36_38del|ENSP00000256078.4:p.Gly13del|100-102|36-38|12-13|GG/G|ggTGGc/ggc|||-1||HGNC|HGNC:6407|YES|NM_004985.5";
        ExistingAnnotations.Entry e = ExistingAnnotations.pick(ExistingAnnotations.parse("CSQ", fields, value, "CACC", "C", 0), "KRAS", null);
        sameAsOurs(e, ours("12", 25398282, "CACC", "C"));
        assertThat(ExistingAnnotations.vepAllele("G", "GT")).isEqualTo("T");
    }

    @Test
    void snpEffAnnPrefersOurManeTranscript() {
        List<String> fields = ExistingAnnotations.fieldNames("ANN", SNPEFF_HEADER);
        assertThat(fields).startsWith("Allele", "Annotation", "Annotation_Impact", "Gene_Name");
        String value = "T|stop_gained|HIGH|APC|ENSG00000134982|transcript|ENST00000257430.4|protein_coding|16/16|c.4331C>T|p.Arg1444*|"
                + "4390/10704|4331/8532|1444/2843||,"
                + "T|stop_gained|HIGH|APC|ENSG00000134982|transcript|ENST00000457016.1|protein_coding|15/15|c.4348C>T|p.Arg1450*|"
                + "4407/8529|4348/8532|1450/2843||,"
                + "T|downstream_gene_variant|MODIFIER|SRP19|ENSG00000153037|transcript|ENST00000282999.3|protein_coding||c.*4500C>T|||||4500|";
        Annotation a = ours("5", 112175639, "C", "T");
        List<ExistingAnnotations.Entry> entries = ExistingAnnotations.parse("ANN", fields, value, "C", "T", 0);
        assertThat(entries).hasSize(3);
        ExistingAnnotations.Entry apc = ExistingAnnotations.pick(entries, "APC", a.transcript().ensemblId());
        assertThat(apc.transcript()).isEqualTo("ENST00000457016.1");
        assertThat(apc.hgvsc()).isEqualTo("c.4348C>T");
        sameAsOurs(apc, a);
        // without our transcript id: the gene's first (most severe) entry
        assertThat(ExistingAnnotations.pick(entries, "APC", null).hgvspShort()).isEqualTo("p.R1444*");
        assertThat(ExistingAnnotations.pick(entries, "TP53", null)).isNull();
    }

    @Test
    void snpEffOwnTermsMapToVepTerms() {
        List<String> fields = ExistingAnnotations.fieldNames("ANN", SNPEFF_HEADER);
        String value = "C|disruptive_inframe_deletion|MODERATE|KRAS|ENSG00000133703|transcript|ENST00000256078.4|protein_coding|2/6|"
                + "c.36_38delGGT|p.Gly13del|99/1119|36/570|12/189||";
        ExistingAnnotations.Entry e = ExistingAnnotations.parse("ANN", fields, value, "CACC", "C", 0).get(0);
        sameAsOurs(e, ours("12", 25398282, "CACC", "C"));
    }

    @Test
    void funcotatorPerAlleleGroups() {
        List<String> fields = ExistingAnnotations.fieldNames("FUNCOTATION", FUNCOTATOR_HEADER);
        assertThat(fields).hasSize(22).startsWith("Gencode_19_hugoSymbol");
        String braf = "[BRAF|hg19|chr7|140453136|140453136|MISSENSE||SNP|A|A|T|g.chr7:140453136A>T|ENST00000288602.6|-|15|1860|"
                + "c.1799T>A|c.(1798-1800)gTg>gAg|p.V600E|0.358|CAGTGAAATCTCGATGG|BRAF_ENST00000496384.2_MISSENSE_p.V299E]";
        String other = "[BRAF|hg19|chr7|140453136|140453136|MISSENSE||SNP|A|A|G|g.chr7:140453136A>G|ENST00000288602.6|-|15|1860|"
                + "c.1799T>C|c.(1798-1800)gTg>gCg|p.V600A|0.358|CAGTGAAATCTCGATGG|]";
        List<ExistingAnnotations.Entry> entries = ExistingAnnotations.parse("FUNCOTATION", fields, other + "," + braf, "A", "T", 1);
        ExistingAnnotations.Entry e = ExistingAnnotations.pick(entries, "BRAF", "ENST00000288602.6");
        assertThat(e.hgvsc()).isEqualTo("c.1799T>A");
        sameAsOurs(e, ours("7", 140453136, "A", "T"));
        assertThatThrownBy(() -> ExistingAnnotations.parse("FUNCOTATION", fields, braf, "A", "T", 1))
                .hasMessageContaining("1 allele group(s)");
    }

    @Test
    void headerWithoutFieldsIsRefused() {
        assertThatThrownBy(() -> ExistingAnnotations.fieldNames("CSQ", "Consequence annotations"))
                .hasMessageContaining("INFO/CSQ header description names no fields");
    }

    @Test
    void shortProteinChange() {
        assertThat(AminoAcids.shortForm("ENSP00000256078.4:p.Gly12Asp")).isEqualTo("p.G12D");
        assertThat(AminoAcids.shortForm("p.Lys5AsnfsTer4")).isEqualTo("p.K5Nfs*4");
        assertThat(AminoAcids.shortForm("p.Gly12_Gly13delinsAspAsp")).isEqualTo("p.G12_G13delinsDD");
        assertThat(AminoAcids.shortForm("p.Thr125=")).isEqualTo("p.T125=");
    }

    /** VEP's allele strings follow the whole record: the shared first base goes only when every allele has it. */
    @Test
    void vepAlleleOfAMultiallelicRecord() {
        assertThat(ExistingAnnotations.vepAllele("A", new String[] {"AT", "ATT"}, 1)).isEqualTo("TT");
        assertThat(ExistingAnnotations.vepAllele("AC", new String[] {"A", "ACC"}, 0)).isEqualTo("-");
        // a SNV beside an insertion: no shared first base, VEP keeps the alleles whole
        assertThat(ExistingAnnotations.vepAllele("A", new String[] {"G", "AT"}, 1)).isEqualTo("AT");
        assertThat(ExistingAnnotations.vepAllele("C", new String[] {"T", "A"}, 1)).isEqualTo("A");
    }

    /** Codon numbers read from a short protein change (RAS hotspot codons of an existing annotation). */
    @Test
    void codonsOfShortProteinChanges() {
        assertThat(GeneEffect.codons("p.G12D")).containsExactly(12, 12);
        assertThat(GeneEffect.codons("p.G12_G13insTer")).containsExactly(12, 13);
        assertThat(GeneEffect.codons("p.K5Nfs*4")).containsExactly(5, 5);
        assertThat(GeneEffect.codons("p.A146T")).containsExactly(146, 146);
        assertThat(GeneEffect.codons("p.*190Qext*?")).containsExactly(190, 190);
        assertThat(GeneEffect.codons("")).containsExactly(0, 0);
    }
}
