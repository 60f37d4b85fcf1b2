package org.oncoconcord.concordance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clonal haematopoiesis and germline plasma calls on hand-made VCFs (docs/PLASMA.md): with a WBC
 * ({@code normal}) sample the calls it shares are CH / germline by its VAF and leave the tissue/plasma
 * comparison; without one, plasma-only calls in CH genes (TP53 only below 2%) are possible CH, excluded
 * or counted by {@code --possible-ch}. Every expected count below is worked out by hand from the planted calls.
 */
class PlasmaBloodOriginTest {
    @TempDir
    Path dir;

    private static final String HEADER = "##fileformat=VCFv4.2\n##contig=<ID=1,length=100000>\n"
            + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
            + "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">\n"
            + "##FORMAT=<ID=AF,Number=A,Type=Float,Description=\"Allele fraction\">\n"
            + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\n";

    private Path tissue;
    private Path plasma;
    private Path wbc;
    private Path genes;

    @BeforeEach
    void write() throws IOException {
        genes = Files.writeString(dir.resolve("genes.tsv"), "kind\tgene\tchrom\tstart\tend\tref\talt\tlabel\tgroup\tsource\n"
                + "gene\tKRAS\t1\t100\t199\t.\t.\t.\tRAS\ttest\n"
                + "gene\tDNMT3A\t1\t1000\t1999\t.\t.\t.\t.\ttest\n"
                + "gene\tTP53\t1\t3000\t3999\t.\t.\t.\t.\ttest\n"
                + "gene\tTET2\t1\t5000\t5999\t.\t.\t.\t.\ttest\n");
        // tissue: KRAS 150, TP53 3100, a germline variant at 7000
        tissue = vcf("T.vcf", "1\t150\t.\tA\tC\t.\tPASS\t.\tGT:AF:DP\t0/1:0.4:200\n"
                + "1\t3100\t.\tA\tC\t.\tPASS\t.\tGT:AF:DP\t0/1:0.3:200\n"
                + "1\t7000\t.\tA\tG\t.\tPASS\t.\tGT:AF:DP\t0/1:0.5:200\n");
        // plasma: KRAS 150 (tumour), DNMT3A 1100 (CH), TP53 3100 (tumour), TP53 3200 at 0.5% (plasma only),
        // TET2 5100 (plasma only), germline 7000, and 7000 A>T that the WBC has as A>G only (another allele)
        plasma = vcf("P.vcf", "1\t150\t.\tA\tC\t.\tPASS\t.\tGT:AF:DP\t0/1:0.05:1000\n"
                + "1\t1100\t.\tC\tT\t.\tPASS\t.\tGT:AF:DP\t0/1:0.01:1000\n"
                + "1\t3100\t.\tA\tC\t.\tPASS\t.\tGT:AF:DP\t0/1:0.03:1000\n"
                + "1\t3200\t.\tG\tA\t.\tPASS\t.\tGT:AF:DP\t0/1:0.005:1000\n"
                + "1\t5100\t.\tG\tT\t.\tPASS\t.\tGT:AF:DP\t0/1:0.008:1000\n"
                + "1\t7000\t.\tA\tG,T\t.\tPASS\t.\tGT:AF:DP\t0/1:0.5,0.02:1000\n");
        // WBC: the DNMT3A clone at 2% (filtered: any FILTER counts as evidence), the germline variant, a WBC-only site
        wbc = vcf("W.vcf", "1\t1100\t.\tC\tT\t.\tweak_evidence\t.\tGT:AF:DP\t0/1:0.02:500\n"
                + "1\t7000\t.\tA\tG\t.\tPASS\t.\tGT:AF:DP\t0/1:0.48:500\n"
                + "1\t8000\t.\tT\tC\t.\tPASS\t.\tGT:AF:DP\t1/1:1.0:500\n");
    }

    private Path vcf(String name, String body) throws IOException {
        return Files.writeString(dir.resolve(name), HEADER.replace("\tS\n", "\t" + name.substring(0, 1) + "\n") + body);
    }

    private ConcordanceRunner.Result run(String out, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("--sample", "T=primary:" + tissue, "--sample", "P=plasma:" + plasma,
                "--genes", genes.toString()));
        args.addAll(List.of(extra));
        return ConcordanceRunner.run(dir.resolve(out), "X1", args.toArray(String[]::new));
    }

    private static Map<String, JsonNode> callsByVariant(JsonNode ch) {
        Map<String, JsonNode> m = new HashMap<>();
        ch.get("calls").forEach(c -> m.put(c.get("variant").asText(), c));
        return m;
    }

    @Test
    void withWbcSharedCallsAreChOrGermlineAndLeaveTheComparison() throws IOException {
        ConcordanceRunner.Result r = run("wbc", "--sample", "W=normal:" + wbc);
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode ch = r.json().get("plasma").get("clonal_haematopoiesis");
        assertThat(ch.get("rule").asText()).isEqualTo("wbc");
        assertThat(ch.get("wbc_sample").asText()).isEqualTo("W");
        assertThat(ch.get("n_ch").asLong()).isEqualTo(1);
        assertThat(ch.get("n_germline").asLong()).isEqualTo(1);
        assertThat(ch.get("n_possible_ch").asLong()).isZero();
        assertThat(ch.get("n_excluded_from_comparison").asLong()).isEqualTo(2);
        Map<String, JsonNode> calls = callsByVariant(ch);
        assertThat(calls).containsOnlyKeys("1:1100:C>T", "1:7000:A>G");
        JsonNode c = calls.get("1:1100:C>T");
        assertThat(c.get("label").asText()).isEqualTo("ch");
        assertThat(c.get("rule").asText()).isEqualTo("in_wbc");
        assertThat(c.get("gene").asText()).isEqualTo("DNMT3A");
        assertThat(c.get("plasma_vaf").asDouble()).isCloseTo(0.01, within(1e-9));
        assertThat(c.get("wbc_vaf").asDouble()).isCloseTo(0.02, within(1e-9));
        assertThat(c.get("in_tissue").asBoolean()).isFalse();
        JsonNode g = calls.get("1:7000:A>G");
        assertThat(g.get("label").asText()).isEqualTo("germline");
        assertThat(g.get("in_tissue").asBoolean()).isTrue();
        // the pair: plasma calls left 150, 3100, 3200, 5100, 7000 A>T: shared 150, 3100; plasma-only 3200, 5100, 7000 A>T;
        // 7000 A>G is in tissue but not evaluable in plasma (a germline site)
        JsonNode pair = r.pair("T", "P");
        assertThat(pair.get("n_b").asLong()).isEqualTo(5);
        assertThat(pair.get("shared").asLong()).isEqualTo(2);
        assertThat(pair.get("only_b").asLong()).isEqualTo(3);
        assertThat(pair.get("only_a").asLong()).isZero();
        assertThat(pair.get("not_evaluable_a").asLong()).isEqualTo(1);
        assertThat(r.json().get("genes").get("DNMT3A").get("status").get("P").asBoolean()).isFalse();
        assertThat(r.json().get("genes").get("TET2").get("status").get("P").asBoolean()).isTrue();
        assertThat(r.json().get("classes").get("ch").asLong()).isEqualTo(1);
        assertThat(r.json().get("classes").get("germline").asLong()).isEqualTo(1);
        // the germline 0.5 is no longer the plasma's highest somatic VAF
        assertThat(r.json().get("plasma").get("max_somatic_vaf").asDouble()).isCloseTo(0.05, within(1e-9));
        // the WBC is not a compared sample
        assertThat(r.json().get("samples")).hasSize(2);
        // variants.tsv keeps the CH row: the plasma call shown, its class says why it is not compared
        String[] row = r.rows().stream().filter(x -> x[1].equals("1100")).findFirst().orElseThrow();
        assertThat(row[r.col("class")]).isEqualTo("ch");
        assertThat(row[r.col("gene")]).isEqualTo("DNMT3A");
        assertThat(row[r.col("P.present")]).isEqualTo("1");
        assertThat(r.rows()).hasSize(7); // 150, 1100, 3100, 3200, 5100, 7000 A>G, 7000 A>T: nothing dropped
    }

    @Test
    void withoutWbcTheGeneListRuleMarksPossibleChAndExcludesByDefault() throws IOException {
        ConcordanceRunner.Result r = run("nowbc");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode ch = r.json().get("plasma").get("clonal_haematopoiesis");
        assertThat(ch.get("rule").asText()).isEqualTo("gene_list");
        assertThat(ch.get("possible_ch").asText()).isEqualTo("exclude");
        Map<String, JsonNode> calls = callsByVariant(ch);
        // DNMT3A 1100 and TET2 5100 (listed, no tissue), TP53 3200 (0.5% < 2%, no tissue); not TP53 3100 (in tissue)
        assertThat(calls).containsOnlyKeys("1:1100:C>T", "1:3200:G>A", "1:5100:G>T");
        assertThat(calls.get("1:3200:G>A").get("rule").asText()).isEqualTo("gene_list_tp53_below_0.02");
        assertThat(calls.get("1:1100:C>T").get("rule").asText()).isEqualTo("gene_list");
        assertThat(calls.values()).allMatch(c -> c.get("label").asText().equals("possible_ch") && !c.get("counted").asBoolean());
        JsonNode pair = r.pair("T", "P");
        // left: 150, 3100, 7000 A>G shared; 7000 A>T plasma-only
        assertThat(pair.get("shared").asLong()).isEqualTo(3);
        assertThat(pair.get("only_b").asLong()).isEqualTo(1);
        assertThat(r.json().get("classes").get("possible_ch").asLong()).isEqualTo(3);
    }

    @Test
    void possibleChCountKeepsThemInTheComparison() throws IOException {
        ConcordanceRunner.Result r = run("count", "--possible-ch", "count");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode ch = r.json().get("plasma").get("clonal_haematopoiesis");
        assertThat(ch.get("n_possible_ch").asLong()).isEqualTo(3);
        assertThat(ch.get("n_excluded_from_comparison").asLong()).isZero();
        assertThat(ch.get("calls")).allMatch(c -> c.get("counted").asBoolean());
        JsonNode pair = r.pair("T", "P");
        assertThat(pair.get("only_b").asLong()).isEqualTo(4);
        String[] row = r.rows().stream().filter(x -> x[1].equals("1100")).findFirst().orElseThrow();
        assertThat(row[r.col("class")]).isEqualTo("plasma_only");
        assertThat(r.json().get("genes").get("DNMT3A").get("status").get("P").asBoolean()).isTrue();
    }

    @Test
    void geneListAndTp53ThresholdAreConfigurable() throws IOException {
        ConcordanceRunner.Result r = run("genes", "--ch-genes", "tet2", "--ch-tp53-max-vaf", "0.001");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode ch = r.json().get("plasma").get("clonal_haematopoiesis");
        assertThat(ch.get("ch_genes").toString()).isEqualTo("[\"TET2\"]");
        assertThat(callsByVariant(ch)).containsOnlyKeys("1:5100:G>T");
    }

    @Test
    void wbcWithoutPlasmaIsAcceptedAndBadOptionsAreUsageErrors() throws IOException {
        Path met = vcf("M.vcf", "1\t150\t.\tA\tC\t.\tPASS\t.\tGT:AF:DP\t0/1:0.4:200\n");
        ConcordanceRunner.Result ok = ConcordanceRunner.run(dir.resolve("nop"), "X2", "--sample", "T=primary:" + tissue,
                "--sample", "M=metastasis:" + met, "--sample", "W=normal:" + wbc, "--genes", genes.toString());
        assertThat(ok.exit()).as(ok.err()).isZero();
        assertThat(ok.json().has("plasma")).isFalse();
        assertThat(ok.json().get("samples")).hasSize(2);
        ConcordanceRunner.Result one = ConcordanceRunner.run(dir.resolve("one"), "X3", "--sample", "T=primary:" + tissue,
                "--sample", "W=normal:" + wbc, "--genes", genes.toString());
        assertThat(one.exit()).isEqualTo(2);
        assertThat(one.err()).contains("two tissue/plasma --sample");
        ConcordanceRunner.Result two = run("two", "--sample", "W=normal:" + wbc, "--sample", "W2=normal:" + wbc);
        assertThat(two.exit()).isEqualTo(2);
        assertThat(two.err()).contains("at most one normal");
        ConcordanceRunner.Result mode = run("mode", "--possible-ch", "maybe");
        assertThat(mode.exit()).isEqualTo(2);
        assertThat(mode.err()).contains("'maybe' is not count or exclude");
        ConcordanceRunner.Result vaf = run("vaf", "--ch-tp53-max-vaf", "2");
        assertThat(vaf.exit()).isEqualTo(2);
        assertThat(vaf.err()).contains("--ch-tp53-max-vaf").contains("not a fraction");
    }

    @Test
    void cohortPoolsTheLabelledCallsIntoPlasmaChTsvWithTheRuleOfEachPatient() throws IOException {
        Path in = dir.resolve("cohortin");
        assertThat(ConcordanceRunner.run(in, "X1", "--sample", "T=primary:" + tissue, "--sample", "P=plasma:" + plasma,
                "--sample", "W=normal:" + wbc, "--genes", genes.toString()).exit()).isZero();
        assertThat(ConcordanceRunner.run(in, "X2", "--sample", "T=primary:" + tissue, "--sample", "P=plasma:" + plasma,
                "--genes", genes.toString()).exit()).isZero();
        Path clinical = Files.writeString(dir.resolve("clinical.csv"), "patient,os_days,os_event\nX1,100,1\nX2,200,0\n");
        Path out = dir.resolve("cohort");
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cl = org.oncoconcord.cli.Main.commandLine();
        cl.setErr(new java.io.PrintWriter(err));
        int exit = cl.execute("cohort", "--quiet", "--concordance", in.toString(), "--clinical", clinical.toString(), "--out", out.toString());
        assertThat(exit).as(err.toString()).isZero();
        List<String> ch = Files.readAllLines(out.resolve("plasma_ch.tsv"));
        assertThat(ch.get(0)).isEqualTo("patient\tsample\tvariant\thgvsp_short\tgene\tplasma_vaf\tplasma_depth\twbc_sample\twbc_vaf\tin_tissue"
                + "\tlabel\trule\tcounted\tch_rule");
        assertThat(ch.subList(1, ch.size())).containsExactly(
                "X1\tP\t1:1100:C>T\tNA\tDNMT3A\t0.01\t1000\tW\t0.02\t0\tch\tin_wbc\t0\twbc",
                "X1\tP\t1:7000:A>G\tNA\tNA\t0.5\t1000\tW\t0.48\t1\tgermline\twbc_vaf_at_least_0.3\t0\twbc",
                "X2\tP\t1:1100:C>T\tNA\tDNMT3A\t0.01\t1000\tNA\tNA\t0\tpossible_ch\tgene_list\t0\tgene_list/exclude",
                "X2\tP\t1:3200:G>A\tNA\tTP53\t0.005\t1000\tNA\tNA\t0\tpossible_ch\tgene_list_tp53_below_0.02\t0\tgene_list/exclude",
                "X2\tP\t1:5100:G>T\tNA\tTET2\t0.008\t1000\tNA\tNA\t0\tpossible_ch\tgene_list\t0\tgene_list/exclude");
        List<String> tf = Files.readAllLines(out.resolve("plasma_tumour_fraction.tsv"));
        assertThat(tf.get(0)).endsWith("\tch_rule");
        assertThat(tf.get(1)).startsWith("X1\t").endsWith("\twbc");
        assertThat(tf.get(2)).startsWith("X2\t").endsWith("\tgene_list/exclude");
        List<String> sens = Files.readAllLines(out.resolve("plasma_sensitivity.tsv"));
        assertThat(sens.get(0)).endsWith("\tch_rules");
        assertThat(sens.get(1)).startsWith("all\t").endsWith("\tgene_list/exclude:1;wbc:1");
    }
}
