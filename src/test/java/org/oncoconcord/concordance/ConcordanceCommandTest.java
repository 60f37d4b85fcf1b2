package org.oncoconcord.concordance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hand-built patient (primary T, metastasis M, plasma P) with planted truth: contig styles
 * differ per file, a multiallelic record, a filtered call, plasma regions and depth making sites
 * not evaluable, KRAS G12D / BRAF V600E / TP53 R273H hotspots. Expected counts are worked out by
 * hand in the comments.
 */
class ConcordanceCommandTest {
    @TempDir
    Path dir;
    Path t;
    Path m;
    Path p;
    Path bed;

    private static final String FORMAT_HEADER = """
            ##FILTER=<ID=LowQual,Description="low quality">
            ##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">
            ##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">
            ##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">
            ##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fraction">
            """;

    @BeforeEach
    void write() throws IOException {
        // primary: UCSC contig names, tumour is the 2nd sample named by ##tumor_sample (NORMAL has AF 0)
        t = write("T.vcf", "##fileformat=VCFv4.2\n##tumor_sample=TUM\n"
                + contigs("chr1", "chr2", "chr3", "chr5", "chr7", "chr12", "chr17") + FORMAT_HEADER
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tNORMAL\tTUM\n"
                + "chr1\t1000\t.\tA\tC,G\t.\tPASS\t.\tGT:AD:DP\t0/0:20,0,0:20\t1/2:10,5,5:20\n"
                + "chr2\t500\t.\tG\tA\t.\tLowQual\t.\tGT:AF:DP\t0/0:0:30\t0/1:0.2:30\n"
                + "chr7\t140453136\t.\tA\tT\t.\tPASS\t.\tGT:AF:DP\t0/0:0:60\t0/1:0.4:80\n"
                + "chr12\t25398284\t.\tC\tT\t.\tPASS\t.\tGT:AF:DP\t0/0:0:60\t0/1:0.3:100\n"
                + "chr17\t7577120\t.\tC\tT\t.\t.\t.\tGT:AF:DP\t0/0:0:60\t0/1:0.5:90\n");
        // metastasis: Ensembl names, no ##contig lines, sites only, the multiallelic split in two records
        t.toString();
        m = write("M.vcf", "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
                + "1\t1000\t.\tA\tC\t.\tPASS\t.\n"
                + "1\t1000\t.\tA\tG\t.\tPASS\t.\n"
                + "2\t500\t.\tG\tA\t.\tPASS\t.\n"
                + "3\t100\t.\tT\tG\t.\tPASS\t.\n"
                + "12\t25398284\t.\tC\tT\t.\tPASS\t.\n"
                + "17\t7577120\t.\tC\tT\t.\tPASS\t.\n");
        // plasma: single sample; 3:100 T>A has depth 5 (below --min-depth 10); BRAF seen but LowQual
        p = write("P.vcf", "##fileformat=VCFv4.2\n" + contigs("1", "2", "3", "5", "7", "12", "17") + FORMAT_HEADER
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tPLASMA\n"
                + "3\t100\t.\tT\tA\t.\tPASS\t.\tGT:AF:DP\t0/1:0.4:5\n"
                + "5\t1000\t.\tC\tT\t.\tPASS\t.\tGT:AF:DP\t0/1:0.01:400\n"
                + "7\t140453136\t.\tA\tT\t.\tLowQual\t.\tGT:AF:DP\t0/1:0.01:200\n"
                + "12\t25398284\t.\tC\tT\t.\tPASS\t.\tGT:AD:DP\t0/1:490,10:500\n");
        // plasma panel covers everything but chr17
        bed = write("P.bed", "chr1\t0\t249250621\nchr2\t0\t243199373\nchr3\t0\t198022430\nchr5\t0\t180915260\n"
                + "chr7\t0\t159138663\nchr12\t0\t133851895\n");
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String contigs(String... names) {
        StringBuilder sb = new StringBuilder();
        for (String n : names) {
            sb.append("##contig=<ID=").append(n).append(">\n");
        }
        return sb.toString();
    }

    private ConcordanceRunner.Result run(String... extra) throws IOException {
        String[] base = {"--sample", "T=primary:" + t, "--sample", "M=metastasis:" + m, "--sample", "P=plasma:" + p,
            "--regions", "P=" + bed, "--min-depth", "P=10", "--genome", "GRCh37"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return ConcordanceRunner.run(dir.resolve("out"), "P001", all);
    }

    @Test
    void pairCountsFollowThePlantedTruth() throws IOException {
        ConcordanceRunner.Result r = run();
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode tm = r.pair("T", "M");
        // shared: KRAS, TP53, 1:1000 A>C, A>G; T only: BRAF; M only: 2:500 (filtered in T), 3:100
        assertThat(counts(tm)).containsExactly(5L, 6L, 4L, 1L, 2L, 0L);
        assertThat(tm.get("jaccard").asDouble()).isCloseTo(4 / 7.0, within(1e-6));
        assertThat(tm.has("sensitivity")).isFalse();
        JsonNode tp = r.pair("T", "P");
        // shared KRAS; T only: BRAF (plasma covers chr7, depth 200), 1:1000 C and G; TP53 outside plasma BED
        assertThat(counts(tp)).containsExactly(5L, 2L, 1L, 3L, 1L, 1L);
        assertThat(tp.get("sensitivity").get("estimate").asDouble()).isEqualTo(0.25);
        assertThat(tp.get("sensitivity").get("n").asLong()).isEqualTo(4);
        assertThat(tp.get("ppv").get("estimate").asDouble()).isEqualTo(0.5);
        JsonNode mp = r.pair("M", "P");
        // M only: 1:1000 C, G, 2:500; not evaluable: TP53 (BED), 3:100 (plasma depth 5 < 10)
        assertThat(counts(mp)).containsExactly(6L, 2L, 1L, 3L, 1L, 2L);
    }

    private static Long[] counts(JsonNode pair) {
        return new Long[] {pair.get("n_a").asLong(), pair.get("n_b").asLong(), pair.get("shared").asLong(),
            pair.get("only_a").asLong(), pair.get("only_b").asLong(), pair.get("not_evaluable").asLong()};
    }

    @Test
    void classesGenesRasAndPlasma() throws IOException {
        ConcordanceRunner.Result r = run();
        JsonNode c = r.json().get("classes");
        assertThat(c.get("shared_all").asLong()).isEqualTo(1);
        assertThat(c.get("primary_only").asLong()).isEqualTo(1);
        assertThat(c.get("shared_primary_metastasis").asLong()).isEqualTo(2);
        assertThat(c.get("metastasis_new").asLong()).isEqualTo(1);
        assertThat(c.get("plasma_only").asLong()).isEqualTo(1);
        assertThat(c.get("not_evaluable").asLong()).isEqualTo(2);
        long sum = 0;
        for (JsonNode v : c) {
            sum += v.asLong();
        }
        assertThat(sum).isEqualTo(r.rows().size()).isEqualTo(8);

        JsonNode genes = r.json().get("genes");
        assertThat(genes.get("KRAS").get("agree").asBoolean()).isTrue();
        assertThat(genes.get("KRAS").get("variants").get(0).asText()).isEqualTo("KRAS p.G12D (chr12:25398284:C>T)");
        assertThat(genes.get("BRAF").get("status").get("T").asBoolean()).isTrue();
        assertThat(genes.get("BRAF").get("status").get("M").asBoolean()).isFalse();
        assertThat(genes.get("BRAF").get("agree").asBoolean()).isFalse();
        assertThat(genes.get("TP53").get("status").get("M").asBoolean()).isTrue();
        assertThat(genes.get("APC").get("status").get("T").asBoolean()).isFalse();
        JsonNode ras = r.json().get("ras_status");
        assertThat(ras.get("status").get("P").asText()).isEqualTo("mutant");
        assertThat(ras.get("agree").asBoolean()).isTrue();
        assertThat(ras.get("braf_v600e").get("T").asBoolean()).isTrue();
        assertThat(ras.get("braf_v600e").get("P").asBoolean()).isFalse();
        assertThat(ras.get("braf_agree").asBoolean()).isFalse();

        JsonNode pl = r.json().get("plasma");
        assertThat(pl.get("label").asText()).isEqualTo("P");
        assertThat(pl.get("max_somatic_vaf").asDouble()).isEqualTo(0.02); // KRAS 10/500
        assertThat(pl.get("tumour_signal").asBoolean()).isTrue();
        assertThat(pl.get("tissue_variants_detected").asLong()).isEqualTo(1);
        assertThat(pl.get("missed_tissue_variants").asLong()).isEqualTo(4); // BRAF, 1:1000 C, G, 2:500
        assertThat(pl.get("missed_with_signal").asLong()).isEqualTo(4);
        assertThat(pl.get("missed_without_signal").asLong()).isZero();
        assertThat(pl.get("missed_with_subthreshold_evidence").asLong()).isEqualTo(1); // BRAF LowQual
        assertThat(pl.get("tissue_variants_not_evaluable").asLong()).isEqualTo(2);
    }

    @Test
    void variantsTsvRowsCarryStyleAnnotationVafAndDepth() throws IOException {
        ConcordanceRunner.Result r = run();
        Map<String, String[]> byKey = new HashMap<>();
        for (String[] row : r.rows()) {
            byKey.put(row[0] + ":" + row[1] + ":" + row[2] + ">" + row[3], row);
        }
        // first input uses chr names: outputs keep them, whatever the other files use
        assertThat(byKey).containsKeys("chr1:1000:A>C", "chr1:1000:A>G", "chr12:25398284:C>T", "chr3:100:T>G");
        String[] kras = byKey.get("chr12:25398284:C>T");
        assertThat(kras[r.col("gene")]).isEqualTo("KRAS");
        assertThat(kras[r.col("hotspot")]).isEqualTo("KRAS G12");
        assertThat(kras[r.col("group")]).isEqualTo("RAS");
        assertThat(kras[r.col("class")]).isEqualTo("shared_all");
        assertThat(kras[r.col("T.vaf")]).isEqualTo("0.3"); // TUM, not NORMAL
        assertThat(kras[r.col("P.vaf")]).isEqualTo("0.02"); // from AD
        assertThat(kras[r.col("P.depth")]).isEqualTo("500");
        assertThat(kras[r.col("M.vaf")]).isEqualTo(".");
        String[] multi = byKey.get("chr1:1000:A>G");
        assertThat(multi[r.col("T.vaf")]).isEqualTo("0.25"); // AD 10,5,5
        assertThat(multi[r.col("class")]).isEqualTo("shared_primary_metastasis");
        String[] braf = byKey.get("chr7:140453136:A>T");
        assertThat(braf[r.col("hotspot")]).isEqualTo("BRAF V600,BRAF V600E");
        assertThat(braf[r.col("group")]).isEqualTo("BRAF_V600E");
        assertThat(braf[r.col("P.present")]).isEqualTo("0");
        assertThat(braf[r.col("P.vaf")]).isEqualTo("0.01"); // sub-threshold evidence shown
        assertThat(braf[r.col("P.evaluable")]).isEqualTo("1");
        String[] tp53 = byKey.get("chr17:7577120:C>T");
        assertThat(tp53[r.col("P.evaluable")]).isEqualTo("0");
        assertThat(tp53[r.col("hotspot")]).isEqualTo("TP53 R273");
        String[] low = byKey.get("chr3:100:T>G");
        assertThat(low[r.col("P.depth")]).isEqualTo("5");
        assertThat(low[r.col("P.evaluable")]).isEqualTo("0");
        assertThat(low[r.col("class")]).isEqualTo("not_evaluable");
    }

    @Test
    void sampleCountsAddUp() throws IOException {
        JsonNode samples = run().json().get("samples");
        for (JsonNode s : samples) {
            long accounted = s.get("n_variants").asLong() + s.get("filtered").asLong() + s.get("below_min_vaf").asLong()
                    + s.get("below_min_depth").asLong() + s.get("skipped_symbolic").asLong() + s.get("duplicates").asLong();
            assertThat(accounted).as(s.get("label").asText()).isEqualTo(s.get("alleles").asLong());
        }
        assertThat(samples.get(0).get("tumor_sample").asText()).isEqualTo("TUM");
        assertThat(samples.get(0).get("filtered").asLong()).isEqualTo(1);
        assertThat(samples.get(2).get("below_min_depth").asLong()).isEqualTo(1);
        assertThat(samples.get(2).get("filtered").asLong()).isEqualTo(1);
        assertThat(samples.get(1).get("tumor_sample").isNull()).isTrue();
    }

    @Test
    void includeFilteredCountsLowQualCalls() throws IOException {
        ConcordanceRunner.Result r = run("--include-filtered");
        JsonNode tm = r.pair("T", "M");
        assertThat(tm.get("n_a").asLong()).isEqualTo(6);
        assertThat(tm.get("shared").asLong()).isEqualTo(5);
        JsonNode tp = r.pair("T", "P");
        assertThat(tp.get("shared").asLong()).isEqualTo(2); // KRAS and now BRAF
    }

    @Test
    void minVafDropsLowPlasmaCalls() throws IOException {
        ConcordanceRunner.Result r = run("--min-vaf", "P=0.015");
        // 5:1000 at 0.01 no longer counts; KRAS at 0.02 does
        assertThat(r.pair("T", "P").get("n_b").asLong()).isEqualTo(1);
        assertThat(r.json().get("samples").get(2).get("below_min_vaf").asLong()).isEqualTo(1);
    }

    @Test
    void unsortedInputIsAOneLineErrorNamingFileAndRecord() throws IOException {
        Path bad = write("bad.vcf", "##fileformat=VCFv4.2\n" + contigs("1", "2")
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
                + "1\t500\t.\tA\tC\t.\tPASS\t.\n2\t10\t.\tA\tC\t.\tPASS\t.\n1\t20\t.\tA\tC\t.\tPASS\t.\n");
        ConcordanceRunner.Result r = ConcordanceRunner.run(dir.resolve("o2"), "X",
                "--sample", "A=primary:" + bad, "--sample", "B=metastasis:" + m, "--genome", "GRCh37");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("bad.vcf").contains("data record 3").contains("out of order");
        assertThat(dir.resolve("o2/X.concordance.json")).doesNotExist();
        assertThat(dir.resolve("o2/X.variants.tsv")).doesNotExist();
        assertThat(dir.resolve("o2")).as("no partial output; the output folder it created is removed").doesNotExist();
    }

    @Test
    void usageErrorsExitWith2() throws IOException {
        assertThat(ConcordanceRunner.run(dir.resolve("o3"), "X", "--sample", "A=tumour:" + t,
                "--sample", "B=metastasis:" + m, "--genome", "GRCh37").exit()).isEqualTo(2);
        assertThat(ConcordanceRunner.run(dir.resolve("o3"), "X", "--sample", "A=primary:" + t,
                "--genome", "GRCh37").exit()).isEqualTo(2);
        assertThat(ConcordanceRunner.run(dir.resolve("o3"), "X", "--sample", "A=primary:" + t,
                "--sample", "B=metastasis:" + m, "--genome", "GRCh37", "--genes", bed.toString()).exit()).isEqualTo(2);
        assertThat(ConcordanceRunner.run(dir.resolve("o3"), "X", "--sample", "A=primary:" + t,
                "--sample", "B=metastasis:" + m, "--min-depth", "Z=3", "--genome", "GRCh37").exit()).isEqualTo(2);
        ConcordanceRunner.Result missing = ConcordanceRunner.run(dir.resolve("o3"), "X", "--sample",
                "A=primary:" + dir.resolve("nope.vcf"), "--sample", "B=metastasis:" + m, "--genome", "GRCh37");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("nope.vcf");
    }

    @Test
    void fastaNormalizationFailureIsAOneLineErrorWithoutOutputs() throws IOException {
        Path fa = write("wrong.fa", ">chr9\nACGTACGTACGT\n");
        ConcordanceRunner.Result r = ConcordanceRunner.run(dir.resolve("o5"), "X", "--sample", "A=primary:" + t,
                "--sample", "B=metastasis:" + m, "--genome", "GRCh37", "--fasta", fa.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("--fasta: normalizing sample A").contains("T.vcf");
        assertThat(dir.resolve("o5")).as("no outputs, no temporary files, no folder").doesNotExist();
    }

    /** Issue 12 item 8: the last-written output (the JSON) cannot be written: exit 1 naming it, and no variants.tsv left. */
    @Test
    void unwritableJsonLeavesNoVariantsTable() throws IOException {
        Path out = dir.resolve("o6");
        Files.createDirectories(out.resolve("P001.concordance.json").resolve("blocker")); // a folder where the JSON goes
        ConcordanceRunner.Result r = ConcordanceRunner.run(out, "P001", "--sample", "T=primary:" + t, "--sample", "M=metastasis:" + m,
                "--genome", "GRCh37");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err().lines().findFirst().orElse("")).contains(out.resolve("P001.concordance.json").toString())
                .contains("is a directory");
        try (var files = Files.list(out)) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).containsExactly("P001.concordance.json");
        }
    }

    /** Issue 12 item 8 on a real full disk: exit 1 naming the output and the system's reason; nothing left. */
    @Test
    void fullDiskLeavesNothing() throws Exception {
        try (org.oncoconcord.testing.SmallDisk disk = org.oncoconcord.testing.SmallDisk.full(dir.resolve("disk"))) {
            Path out = disk.path().resolve("out");
            ConcordanceRunner.Result r = ConcordanceRunner.run(out, "P001", "--sample", "T=primary:" + t,
                    "--sample", "M=metastasis:" + m, "--genome", "GRCh37");
            assertThat(r.exit()).as(r.err()).isEqualTo(1);
            assertThat(r.err().lines().findFirst().orElse("")).contains(out.toString(), "No space left on device")
                    .doesNotContain("Exception");
            assertThat(disk.leftovers()).isEmpty();
        }
    }

    @Test
    void userGeneBedReplacesShippedTable() throws IOException {
        Path genes = write("genes.bed", "chr1\t900\t1100\tMYGENE\n");
        ConcordanceRunner.Result r = ConcordanceRunner.run(dir.resolve("o4"), "P001", "--sample", "T=primary:" + t,
                "--sample", "M=metastasis:" + m, "--genes", genes.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.json().get("genes").fieldNames()).toIterable().containsExactly("MYGENE");
        assertThat(r.json().get("genes").get("MYGENE").get("n_variants").asLong()).isEqualTo(2);
        assertThat(r.json().get("ras_status").get("status").get("T").asText()).isEqualTo("wild_type");
    }
}
