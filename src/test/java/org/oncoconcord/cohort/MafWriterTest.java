package org.oncoconcord.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.cli.Main;
import org.oncoconcord.testing.SystemTools;
import picocli.CommandLine;

/**
 * The cohort MAF from a real concordance run: columns and Variant_Classification values of the GDC
 * MAF specification, MAF coordinates of SNVs, deletions and insertions, and R's read.delim loads it.
 */
class MafWriterTest {
    /** GDC MAF specification: Variant_Classification values. */
    static final Set<String> GDC_CLASSES = Set.of("Frame_Shift_Del", "Frame_Shift_Ins", "In_Frame_Del", "In_Frame_Ins",
            "Missense_Mutation", "Nonsense_Mutation", "Silent", "Splice_Site", "Translation_Start_Site",
            "Nonstop_Mutation", "3'UTR", "3'Flank", "5'UTR", "5'Flank", "IGR", "Intron", "RNA", "Targeted_Region",
            "Splice_Region");
    /** GDC MAF specification columns a MAF reader (maftools/MesKit) needs. */
    static final List<String> REQUIRED = List.of("Hugo_Symbol", "Chromosome", "Start_Position", "End_Position",
            "Variant_Classification", "Variant_Type", "Reference_Allele", "Tumor_Seq_Allele2", "Tumor_Sample_Barcode",
            "HGVSc", "HGVSp_Short", "t_depth", "t_ref_count", "t_alt_count");

    @TempDir
    Path dir;

    private Path cohortMaf() throws IOException, ConcordanceReader.Rejected {
        String header = "##fileformat=VCFv4.2\n##contig=<ID=5>\n##contig=<ID=12>\n"
                + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
                + "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths\">\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUM\n";
        Path t = Files.writeString(dir.resolve("T.vcf"), header
                + "5\t112152000\t.\tA\tG\t.\tPASS\t.\tGT:AD\t0/1:60,40\n"
                + "12\t25398284\t.\tC\tT\t.\tPASS\t.\tGT:AD\t0/1:70,30\n"
                + "12\t25398303\t.\tG\tGT\t.\tPASS\t.\tGT:AD\t0/1:90,10\n"
                + "12\t25398303\t.\tGT\tG\t.\tPASS\t.\tGT:AD\t0/1:80,20\n");
        Path m = Files.writeString(dir.resolve("M.vcf"), header + "12\t25398284\t.\tC\tT\t.\tPASS\t.\tGT:AD\t0/1:50,50\n");
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        Path out = dir.resolve("conc");
        int rc = cl.execute("concordance", "--patient", "P1", "--sample", "P1_T=primary:" + t, "--sample", "P1_M=metastasis:" + m,
                "--genome", "GRCh37", "--out", out.toString(), "--quiet");
        assertThat(rc).as(err.toString()).isZero();
        PatientConcordance p = ConcordanceReader.read(out.resolve("P1.concordance.json"), out.resolve("P1.variants.tsv"));
        Map<String, String> files = MafWriter.files(List.of(p));
        for (var f : files.entrySet()) {
            Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
        return dir.resolve("cohort.maf");
    }

    @Test
    void followsTheGdcSpecification() throws Exception {
        List<String> lines = Files.readAllLines(cohortMaf());
        assertThat(lines.get(0)).startsWith("#version");
        List<String> header = Arrays.asList(lines.get(1).split("\t", -1));
        assertThat(header).containsAll(REQUIRED);
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (String line : lines.subList(2, lines.size())) {
            String[] f = line.split("\t", -1);
            assertThat(f).hasSize(header.size());
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < f.length; i++) {
                row.put(header.get(i), f[i]);
            }
            assertThat(GDC_CLASSES).contains(row.get("Variant_Classification"));
            rows.put(row.get("Tumor_Sample_Barcode") + " " + row.get("Start_Position") + " " + row.get("Variant_Type"), row);
        }
        assertThat(rows).hasSize(5); // 4 variants present in P1_T, KRAS G12D in P1_M
        Map<String, String> g12d = rows.get("P1_T 25398284 SNP");
        assertThat(g12d).containsEntry("Hugo_Symbol", "KRAS").containsEntry("Variant_Classification", "Missense_Mutation")
                .containsEntry("End_Position", "25398284").containsEntry("Reference_Allele", "C")
                .containsEntry("Tumor_Seq_Allele2", "T").containsEntry("HGVSp_Short", "p.G12D")
                .containsEntry("HGVSc", "c.35G>A").containsEntry("t_depth", "100").containsEntry("t_alt_count", "30")
                .containsEntry("t_ref_count", "70");
        assertThat(rows.get("P1_M 25398284 SNP")).containsEntry("t_alt_count", "50");
        Map<String, String> del = rows.get("P1_T 25398304 DEL");
        assertThat(del).containsEntry("End_Position", "25398304").containsEntry("Reference_Allele", "T")
                .containsEntry("Tumor_Seq_Allele2", "-").containsEntry("Variant_Classification", "Frame_Shift_Del")
                .containsEntry("HGVSp_Short", "p.K5Nfs*4");
        Map<String, String> ins = rows.get("P1_T 25398303 INS");
        assertThat(ins).containsEntry("End_Position", "25398304").containsEntry("Reference_Allele", "-")
                .containsEntry("Tumor_Seq_Allele2", "T").containsEntry("Variant_Classification", "Frame_Shift_Ins");
        assertThat(rows.get("P1_T 112152000 SNP")).containsEntry("Variant_Classification", "Intron")
                .containsEntry("Hugo_Symbol", "APC").containsEntry("Counted", "0");
        List<String> clinical = Files.readAllLines(dir.resolve("cohort.meskit_clinical.tsv"));
        assertThat(clinical).containsExactly("Tumor_Sample_Barcode\tPatient_ID\tTumor_ID\tTumor_Sample_Label",
                "P1_T\tP1\tprimary\tP1_T", "P1_M\tP1\tmetastasis\tP1_M");
        List<String> longTable = Files.readAllLines(dir.resolve("cohort.variants_long.tsv"));
        assertThat(longTable).hasSize(1 + 4 * 2); // every variant x every sample
    }

    @Test
    void rReadDelimLoadsIt() throws Exception {
        Path maf = cohortMaf();
        SystemTools.require("Rscript", "r-base-core");
        Process p = new ProcessBuilder("Rscript", "-e",
                "m <- read.delim('" + maf + "', comment.char = '#', stringsAsFactors = FALSE, quote = ''); "
                        + "cat(nrow(m), ncol(m), sum(m$Variant_Classification == 'Missense_Mutation'), "
                        + "class(m$Start_Position), '\\n')").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor()).as(out).isZero();
        assertThat(out).isEqualTo("5 " + MafWriter.MAF_COLUMNS.size() + " 2 integer");
    }
}
