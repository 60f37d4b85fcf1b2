package org.oncoconcord.concordance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Concordance reads a VCF's own VEP CSQ / SnpEff ANN / Funcotator FUNCOTATION instead of
 * recomputing (issue 13 item 3). The hand-written records (each tool's documented header and value
 * layout) deliberately disagree with our engine (the oracle for the other answer: GeneStatusTest,
 * AnnotatorTest), so the gene status, RAS/BRAF, HGVS columns and counts show which one was used;
 * {@code --reannotate} gives the engine's answers back.
 */
class ExistingAnnotationsConcordanceTest {
    @TempDir
    Path dir;

    /** VEP's INFO/CSQ header (Ensembl VEP, --canonical --mane_select). */
    private static final String VEP = "##INFO=<ID=CSQ,Number=.,Type=String,Description=\"Consequence annotations from Ensembl VEP. "
            + "Format: Allele|Consequence|IMPACT|SYMBOL|Gene|Feature_type|Feature|BIOTYPE|EXON|INTRON|HGVSc|HGVSp|cDNA_position|"
            + "CDS_position|Protein_position|Amino_acids|Codons|Existing_variation|DISTANCE|STRAND|FLAGS|SYMBOL_SOURCE|HGNC_ID|"
            + "CANONICAL|MANE_SELECT\">\n";
    /** SnpEff's INFO/ANN header (SnpEff manual). */
    private static final String SNPEFF = "##INFO=<ID=ANN,Number=.,Type=String,Description=\"Functional annotations: 'Allele | "
            + "Annotation | Annotation_Impact | Gene_Name | Gene_ID | Feature_Type | Feature_ID | Transcript_BioType | Rank | HGVS.c | "
            + "HGVS.p | cDNA.pos / cDNA.length | CDS.pos / CDS.length | AA.pos / AA.length | Distance | ERRORS / WARNINGS / INFO' \">\n";
    /** Funcotator's INFO/FUNCOTATION header (GATK Funcotator, Gencode 19). */
    private static final String FUNCOTATOR = "##INFO=<ID=FUNCOTATION,Number=A,Type=String,Description=\"Functional annotation from "
            + "the Funcotator tool.  Funcotation fields are: Gencode_19_hugoSymbol|Gencode_19_ncbiBuild|Gencode_19_chromosome|"
            + "Gencode_19_start|Gencode_19_end|Gencode_19_variantClassification|Gencode_19_secondaryVariantClassification|"
            + "Gencode_19_variantType|Gencode_19_refAllele|Gencode_19_tumorSeqAllele1|Gencode_19_tumorSeqAllele2|"
            + "Gencode_19_genomeChange|Gencode_19_annotationTranscript|Gencode_19_transcriptStrand|Gencode_19_transcriptExon|"
            + "Gencode_19_transcriptPos|Gencode_19_cDnaChange|Gencode_19_codonChange|Gencode_19_proteinChange|Gencode_19_gcContent|"
            + "Gencode_19_referenceContext|Gencode_19_otherTranscripts\">\n";
    private static final String CONTIGS = "##fileformat=VCFv4.2\n##contig=<ID=5>\n##contig=<ID=7>\n##contig=<ID=12>\n##contig=<ID=17>\n";
    private static final String COLUMNS = "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";

    private ConcordanceRunner.Result run(String name, Path t, Path m, String... extra) throws IOException {
        String[] base = {"--sample", "T=primary:" + t, "--sample", "M=metastasis:" + m, "--genome", "GRCh37"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        ConcordanceRunner.Result r = ConcordanceRunner.run(dir.resolve(name), "P1", all);
        assertThat(r.exit()).as(r.err()).isZero();
        return r;
    }

    private static Map<String, String[]> rowsByPosition(ConcordanceRunner.Result r) {
        Map<String, String[]> rows = new HashMap<>();
        for (String[] row : r.rows()) {
            rows.put(row[0] + ":" + row[1], row);
        }
        return rows;
    }

    /** T: VEP-annotated; M: plain, sharing the KRAS variant. */
    private Path[] vepInputs() throws IOException {
        // KRAS c.35G>A: our engine says p.G12D missense; this CSQ says synonymous on the canonical transcript
        // (and missense on a non-canonical one, which must not be picked)
        String kras = "T|missense_variant|MODERATE|KRAS|ENSG00000133703|Transcript|ENST00000311936|protein_coding|2/5||"
                + "ENST00000311936.3:c.35G>A|ENSP00000308495.3:p.Gly12Asp|225|35|12|G/D|gGt/gAt|||-1||HGNC|HGNC:6407||,"
                + "T|synonymous_variant|LOW|KRAS|ENSG00000133703|Transcript|ENST00000256078|protein_coding|2/6||"
                + "ENST00000256078.4:c.35G>A|ENSP00000256078.4:p.Gly12%3D|99|35|12|G|ggT/ggC|||-1||HGNC|HGNC:6407|YES|NM_004985.5";
        // APC intron 9 (our engine: intron_variant); this CSQ says stop_gained p.R1450*
        String apc = "G|stop_gained|HIGH|APC|ENSG00000134982|Transcript|ENST00000257430|protein_coding|16/16||"
                + "ENST00000257430.4:c.4348C>T|ENSP00000257430.4:p.Arg1450Ter|4405|4348|1450|R/*|Cga/Tga|||1||HGNC|HGNC:583|YES|NM_000038.6";
        Path t = Files.writeString(dir.resolve("T.vcf"), CONTIGS + VEP + COLUMNS
                + "5\t112152000\t.\tA\tG\t.\tPASS\tCSQ=" + apc + "\n"
                + "12\t25398284\t.\tC\tT\t.\tPASS\tDP=50;CSQ=" + kras + "\n"
                + "17\t7578406\t.\tC\tT\t.\tPASS\t.\n"); // no CSQ: our engine (TP53 p.R175H)
        Path m = Files.writeString(dir.resolve("M.vcf"), CONTIGS + COLUMNS + "12\t25398284\t.\tC\tT\t.\tPASS\t.\n");
        return new Path[] {t, m};
    }

    @Test
    void vepCsqDecidesGeneStatusHgvsAndClass() throws IOException {
        Path[] in = vepInputs();
        ConcordanceRunner.Result r = run("vep", in[0], in[1]);
        JsonNode genes = r.json().get("genes");
        assertThat(genes.get("KRAS").get("status").get("T").asBoolean()).isFalse();
        assertThat(genes.get("KRAS").get("status").get("M").asBoolean()).isFalse();
        assertThat(r.json().get("ras_status").get("status").get("T").asText()).isEqualTo("wild_type");
        assertThat(genes.get("APC").get("status").get("T").asBoolean()).isTrue();
        assertThat(genes.get("APC").get("variants").get(0).asText()).isEqualTo("APC p.R1450* (5:112152000:A>G)");
        assertThat(genes.get("TP53").get("variants").get(0).asText()).isEqualTo("TP53 p.R175H (17:7578406:C>T)");
        Map<String, String[]> rows = rowsByPosition(r);
        String[] kras = rows.get("12:25398284");
        assertThat(kras[r.col("consequence")]).isEqualTo("synonymous_variant");
        assertThat(kras[r.col("impact")]).isEqualTo("LOW");
        assertThat(kras[r.col("hgvsc")]).isEqualTo("ENST00000256078:c.35G>A");
        assertThat(kras[r.col("hgvsp_short")]).isEqualTo("p.G12=");
        assertThat(kras[r.col("counted")]).isEqualTo("0");
        assertThat(kras[r.col("consequence_source")]).isEqualTo("CSQ");
        assertThat(kras[r.col("class")]).isEqualTo("shared_all");
        String[] apc = rows.get("5:112152000");
        assertThat(apc[r.col("consequence")]).isEqualTo("stop_gained");
        assertThat(apc[r.col("hgvsp_short")]).isEqualTo("p.R1450*");
        assertThat(apc[r.col("counted")]).isEqualTo("1");
        String[] tp53 = rows.get("17:7578406");
        assertThat(tp53[r.col("consequence_source")]).isEqualTo("oncoconcord");
        assertThat(tp53[r.col("hgvsc")]).isEqualTo("NM_000546.6:c.524G>A");
        JsonNode c = r.json().get("consequences");
        assertThat(c.get("models").asText()).isEqualTo("shipped MANE Select GRCh37");
        assertThat(c.get("declared").get("T").asText()).isEqualTo("CSQ");
        assertThat(c.get("declared").has("M")).isFalse();
        assertThat(c.get("reannotate").asBoolean()).isFalse();
        assertThat(c.get("from_vcf").asLong()).isEqualTo(2);
        assertThat(c.get("computed").asLong()).isEqualTo(1);
        assertThat(c.get("from_vcf").asLong() + c.get("computed").asLong()).isEqualTo(r.json().get("n_distinct_variants").asLong());
    }

    @Test
    void reannotateUsesOurEngine() throws IOException {
        Path[] in = vepInputs();
        ConcordanceRunner.Result r = run("re", in[0], in[1], "--reannotate");
        JsonNode genes = r.json().get("genes");
        assertThat(genes.get("KRAS").get("status").get("M").asBoolean()).isTrue();
        assertThat(genes.get("KRAS").get("variants").get(0).asText()).isEqualTo("KRAS p.G12D (12:25398284:C>T)");
        assertThat(r.json().get("ras_status").get("status").get("T").asText()).isEqualTo("mutant");
        assertThat(genes.get("APC").get("status").get("T").asBoolean()).isFalse();
        Map<String, String[]> rows = rowsByPosition(r);
        assertThat(rows.get("12:25398284")[r.col("hgvsc")]).isEqualTo("NM_004985.5:c.35G>A");
        assertThat(rows.get("5:112152000")[r.col("consequence")]).isEqualTo("intron_variant");
        for (String[] row : r.rows()) {
            assertThat(row[r.col("consequence_source")]).isEqualTo("oncoconcord");
        }
        JsonNode c = r.json().get("consequences");
        assertThat(c.get("reannotate").asBoolean()).isTrue();
        assertThat(c.get("from_vcf").asLong()).isZero();
        assertThat(c.get("computed").asLong()).isEqualTo(3);
    }

    @Test
    void snpEffAnnEntryOnOurManeTranscriptIsPicked() throws IOException {
        // BRAF c.1799T>A (our engine: p.V600E). ANN: first an XM_ model saying p.V600E, then our MANE
        // transcript (another version) saying p.V600K: the MANE one is picked, so BRAF V600E is false
        String braf = "T|missense_variant|MODERATE|BRAF|673|transcript|XM_005250045.1|protein_coding|15/19|c.1799T>A|p.Val600Glu|"
                + "1862/2480|1799/2301|600/766||,"
                + "T|missense_variant|MODERATE|BRAF|673|transcript|NM_004333.4|protein_coding|15/18|c.1799T>A|p.Val600Lys|"
                + "1860/2949|1799/2301|600/766||";
        // KRAS c.35G>A written by this ANN as codon 13: still a RAS hotspot, shown as the tool wrote it
        String kras = "T|missense_variant|MODERATE|KRAS|3845|transcript|NM_004985.5|protein_coding|2/5|c.38G>A|p.Gly13Asp|"
                + "228/1119|38/570|13/189||";
        Path t = Files.writeString(dir.resolve("Ts.vcf"), CONTIGS + SNPEFF + COLUMNS
                + "7\t140453136\t.\tA\tT\t.\tPASS\tANN=" + braf + "\n"
                + "12\t25398284\t.\tC\tT\t.\tPASS\tANN=" + kras + "\n");
        Path m = Files.writeString(dir.resolve("Ms.vcf"), CONTIGS + COLUMNS + "7\t140453136\t.\tA\tT\t.\tPASS\t.\n");
        ConcordanceRunner.Result r = run("snpeff", t, m);
        JsonNode ras = r.json().get("ras_status");
        assertThat(ras.get("braf_v600e").get("T").asBoolean()).isFalse();
        assertThat(ras.get("braf_v600e").get("M").asBoolean()).isFalse();
        assertThat(ras.get("status").get("T").asText()).isEqualTo("mutant");
        assertThat(ras.get("variants").get("T").get(0).asText()).isEqualTo("KRAS p.G13D (12:25398284:C>T)");
        assertThat(r.json().get("genes").get("BRAF").get("variants").get(0).asText()).isEqualTo("BRAF p.V600K (7:140453136:A>T)");
        Map<String, String[]> rows = rowsByPosition(r);
        assertThat(rows.get("7:140453136")[r.col("hgvsc")]).isEqualTo("NM_004333.4:c.1799T>A");
        assertThat(rows.get("7:140453136")[r.col("consequence_source")]).isEqualTo("ANN");
        assertThat(r.json().get("consequences").get("from_vcf").asLong()).isEqualTo(2);

        ConcordanceRunner.Result re = run("snpeff-re", t, m, "--reannotate");
        assertThat(re.json().get("ras_status").get("braf_v600e").get("T").asBoolean()).isTrue();
        assertThat(re.json().get("ras_status").get("variants").get("T").get(0).asText()).isEqualTo("KRAS p.G12D (12:25398284:C>T)");
    }

    @Test
    void funcotatorPerAlleleGroupOfAMultiallelicRecord() throws IOException {
        // one record, two ALTs at KRAS c.35: FUNCOTATION has one [..] group per ALT; the T allele's group says
        // NONSENSE (our engine: p.G12D), the A allele's says MISSENSE p.G12V (our engine: p.G12V as well)
        String f = "[KRAS|hg19|chr12|25398284|25398284|NONSENSE||SNP|C|C|T|g.chr12:25398284C>T|ENST00000256078.4|-|2|99|"
                + "c.35G>A|c.(34-36)gGt>gAt|p.G12*|0.4|AGCTCCAACTA|],"
                + "[KRAS|hg19|chr12|25398284|25398284|MISSENSE||SNP|C|C|A|g.chr12:25398284C>A|ENST00000256078.4|-|2|99|"
                + "c.35G>T|c.(34-36)gGt>gTt|p.G12V|0.4|AGCTCCAACTA|]";
        Path t = Files.writeString(dir.resolve("Tf.vcf"), CONTIGS + FUNCOTATOR + COLUMNS
                + "12\t25398284\t.\tC\tT,A\t.\tPASS\tFUNCOTATION=" + f + "\n");
        Path m = Files.writeString(dir.resolve("Mf.vcf"), CONTIGS + COLUMNS + "12\t25398284\t.\tC\tA\t.\tPASS\t.\n");
        ConcordanceRunner.Result r = run("funcotator", t, m);
        Map<String, String[]> rows = new HashMap<>();
        for (String[] row : r.rows()) {
            rows.put(row[3], row);
        }
        assertThat(rows.get("T")[r.col("consequence")]).isEqualTo("stop_gained");
        assertThat(rows.get("T")[r.col("impact")]).isEqualTo("HIGH");
        assertThat(rows.get("T")[r.col("hgvsp_short")]).isEqualTo("p.G12*");
        assertThat(rows.get("T")[r.col("consequence_source")]).isEqualTo("FUNCOTATION");
        assertThat(rows.get("A")[r.col("hgvsp_short")]).isEqualTo("p.G12V");
        assertThat(rows.get("A")[r.col("class")]).isEqualTo("shared_all");
        assertThat(r.json().get("genes").get("KRAS").get("variants")).extracting(JsonNode::asText)
                .containsExactly("KRAS p.G12V (12:25398284:C>A)", "KRAS p.G12* (12:25398284:C>T)"); // alleles in ALT order
    }

    @Test
    void badFuncotationNamesFileAndRecord() throws IOException {
        Path t = Files.writeString(dir.resolve("Tb.vcf"), CONTIGS + FUNCOTATOR + COLUMNS
                + "12\t25398284\t.\tC\tT,A\t.\tPASS\tFUNCOTATION=[KRAS|hg19|chr12]\n");
        Path m = Files.writeString(dir.resolve("Mb.vcf"), CONTIGS + COLUMNS + "12\t25398284\t.\tC\tA\t.\tPASS\t.\n");
        ConcordanceRunner.Result r = ConcordanceRunner.run(dir.resolve("bad"), "P1", "--sample", "T=primary:" + t,
                "--sample", "M=metastasis:" + m, "--genome", "GRCh37");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains(t.toString()).contains("data record 1").contains("INFO/FUNCOTATION")
                .doesNotContain("Exception");
    }
}
