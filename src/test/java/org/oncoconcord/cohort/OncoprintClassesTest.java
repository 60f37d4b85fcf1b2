package org.oncoconcord.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.annotate.MutationClass;
import org.oncoconcord.cli.Main;
import picocli.CommandLine;

/**
 * The oncoprint's variant-class columns from a real concordance run on planted variants whose
 * consequences are hand-checked in AnnotatorTest (GRCh37): KRAS p.G12D + p.G13del in the primary
 * (multi_hit), p.G13del alone in the metastasis (inframe), APC p.R1450* (truncating) beside a
 * non-counted intronic APC variant, TP53 c.375+1G>A (splice), a non-counted TP53 c.375G>A
 * (synonymous: none), BRAF p.V600E (missense); no plasma sample (NA).
 */
class OncoprintClassesTest {
    @TempDir
    Path dir;

    @Test
    void cohortWritesTheClassOfEachMutatedCell() throws Exception {
        String header = "##fileformat=VCFv4.2\n##contig=<ID=5>\n##contig=<ID=7>\n##contig=<ID=12>\n##contig=<ID=17>\n"
                + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
                + "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths\">\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tTUM\n";
        Path primary = Files.writeString(dir.resolve("T.vcf"), header
                + "5\t112152000\t.\tA\tG\t.\tPASS\t.\tGT:AD\t0/1:60,40\n"        // APC intronic, not counted
                + "5\t112175639\t.\tC\tT\t.\tPASS\t.\tGT:AD\t0/1:60,40\n"        // APC p.R1450*
                + "7\t140453136\t.\tA\tT\t.\tPASS\t.\tGT:AD\t0/1:60,40\n"        // BRAF p.V600E
                + "12\t25398282\t.\tCACC\tC\t.\tPASS\t.\tGT:AD\t0/1:70,30\n"     // KRAS p.G13del
                + "12\t25398284\t.\tC\tT\t.\tPASS\t.\tGT:AD\t0/1:70,30\n"        // KRAS p.G12D
                + "17\t7579311\t.\tC\tT\t.\tPASS\t.\tGT:AD\t0/1:70,30\n");       // TP53 c.375+1G>A
        Path met = Files.writeString(dir.resolve("M.vcf"), header
                + "5\t112175639\t.\tC\tT\t.\tPASS\t.\tGT:AD\t0/1:60,40\n"
                + "12\t25398282\t.\tCACC\tC\t.\tPASS\t.\tGT:AD\t0/1:70,30\n"
                + "17\t7579312\t.\tC\tT\t.\tPASS\t.\tGT:AD\t0/1:70,30\n");       // TP53 c.375G>A, synonymous
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        Path conc = dir.resolve("conc");
        int rc = cl.execute("concordance", "--patient", "P001", "--sample", "P001_T=primary:" + primary,
                "--sample", "P001_M=metastasis:" + met, "--genome", "GRCh37", "--out", conc.toString(), "--quiet");
        assertThat(rc).as(err.toString()).isZero();
        Path clinical = Files.writeString(dir.resolve("clinical.csv"), "patient,os_days,os_event\nP001,812,1\n");
        Path out = dir.resolve("out");
        CohortCommandTest.Run r = CohortCommandTest.run("cohort", "--concordance", conc.toString(), "--clinical",
                clinical.toString(), "--out", out.toString(), "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        List<Map<String, String>> onco = CohortCommandTest.tsv(out.resolve("oncoprint.tsv"));
        assertThat(cell(onco, "KRAS")).containsExactly("1", "1", "NA", "multi_hit", "inframe", "NA");
        assertThat(cell(onco, "RAS")).containsExactly("1", "1", "NA", "multi_hit", "inframe", "NA");
        assertThat(cell(onco, "APC")).containsExactly("1", "1", "NA", "truncating", "truncating", "NA");
        assertThat(cell(onco, "TP53")).containsExactly("1", "0", "NA", "splice", "none", "NA");
        assertThat(cell(onco, "BRAF")).containsExactly("1", "0", "NA", "missense", "none", "NA");
        assertThat(cell(onco, "BRAF_V600E")).containsExactly("1", "0", "NA", "missense", "none", "NA");
        assertThat(cell(onco, "PIK3CA")).containsExactly("0", "0", "NA", "none", "none", "NA");
        // each cell's counted variants (position order) and their protein changes, aligned; NA when not mutated or none has one
        assertThat(variants(onco, "KRAS")).containsExactly("12:25398282:CACC>C;12:25398284:C>T", "p.G13del;p.G12D",
                "12:25398282:CACC>C", "p.G13del", "NA", "NA");
        assertThat(variants(onco, "RAS")).isEqualTo(variants(onco, "KRAS"));
        assertThat(variants(onco, "APC")).containsExactly("5:112175639:C>T", "p.R1450*", "5:112175639:C>T", "p.R1450*", "NA", "NA");
        assertThat(variants(onco, "TP53")).containsExactly("17:7579311:C>T", "NA", "NA", "NA", "NA", "NA");
        assertThat(variants(onco, "BRAF_V600E")).containsExactly("7:140453136:A>T", "p.V600E", "NA", "NA", "NA", "NA");
        assertThat(variants(onco, "PIK3CA")).containsOnly("NA");
    }

    private static List<String> variants(List<Map<String, String>> onco, String gene) {
        Map<String, String> r = CohortCommandTest.row(onco, "patient", "P001", "gene", gene);
        return List.of(r.get("primary_variants"), r.get("primary_protein"), r.get("metastasis_variants"), r.get("metastasis_protein"),
                r.get("plasma_variants"), r.get("plasma_protein"));
    }

    private static List<String> cell(List<Map<String, String>> onco, String gene) {
        Map<String, String> r = CohortCommandTest.row(onco, "patient", "P001", "gene", gene);
        return List.of(r.get("primary"), r.get("metastasis"), r.get("plasma"), r.get("primary_class"),
                r.get("metastasis_class"), r.get("plasma_class"));
    }

    @Test
    void mostSevereTermWithAClassDecides() {
        assertThat(MutationClass.ofConsequence("stop_gained&inframe_insertion")).isEqualTo(MutationClass.TRUNCATING);
        assertThat(MutationClass.ofConsequence("splice_donor_variant&coding_sequence_variant")).isEqualTo(MutationClass.SPLICE);
        assertThat(MutationClass.ofConsequence("splice_region_variant&synonymous_variant")).isEqualTo(MutationClass.OTHER);
        assertThat(MutationClass.ofConsequence("missense_variant&splice_region_variant")).isEqualTo(MutationClass.MISSENSE);
        assertThat(MutationClass.ofConsequence("start_lost")).isEqualTo(MutationClass.TRUNCATING);
        assertThat(MutationClass.ofConsequence("inframe_deletion")).isEqualTo(MutationClass.INFRAME);
        assertThat(MutationClass.ofConsequence(".")).isNull();
    }

    @Test
    void rasCodonsFromTheShortProteinChange() {
        assertThat(OncoprintClasses.rasCodon("p.G12D")).isTrue();
        assertThat(OncoprintClasses.rasCodon("p.G12_G13delinsDD")).isTrue();
        assertThat(OncoprintClasses.rasCodon("p.A146T")).isTrue();
        assertThat(OncoprintClasses.rasCodon("p.K5Nfs*4")).isFalse();
        assertThat(OncoprintClasses.rasCodon("p.L19F")).isFalse();
        assertThat(OncoprintClasses.rasCodon(".")).isFalse();
    }
}
