package org.oncoconcord.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.testing.SharedData;

/**
 * A real tumour, TCGA-A6-2686 (GDC calls, GRCh37 liftover), through concordance (MuTect2 calls as the
 * "primary", MuSE calls of the same tumour as the "metastasis", {@code --genome GRCh37} with the shipped
 * transcript models), cohort and report. Independent oracle: the TCGA Firehose MAF (GRCh37, TCGA's own
 * annotation) does not list this patient, but lists the same GRCh37 SNVs in other patients; every
 * panel-gene SNV of the patient found there (BRAF p.V600E, FBXW7 p.R658Q) must appear in the report as
 * {@code GENE <MAF Protein_Change>} in each sample where it was called. The other counted variants
 * (APC, TP53, POLE) must reach the report with the protein change variants.tsv gives them.
 */
class ProteinChangeRealDataTest {
    @TempDir
    Path dir;

    @Test
    void reportShowsTheProteinChangesTcgaListsForTheSameEvents() throws Exception {
        Path vcfs = SharedData.require("vcf/tcga_A6-2686");
        Path maf = SharedData.require("tcga_crc/tcga_coadread_firehose_mutations_nonsilent.tsv.gz");
        Path conc = dir.resolve("conc");
        ReportRun.Result c = ReportRun.run("concordance", "--patient", "TCGA-A6-2686",
                "--sample", "A6_mutect2=primary:" + vcfs.resolve("T001-COAD.grch37.mutect2.vcf.gz"),
                "--sample", "A6_muse=metastasis:" + vcfs.resolve("T001-COAD.grch37.muse.vcf.gz"),
                "--genome", "GRCh37", "--out", conc.toString(), "--quiet");
        assertThat(c.exit()).as(c.err()).isZero();
        Path clinical = Files.writeString(dir.resolve("clinical.csv"), "patient,os_days,os_event\nTCGA-A6-2686,1000,0\n");
        Path cohort = dir.resolve("cohort"), report = dir.resolve("report");
        ReportRun.Result co = ReportRun.run("cohort", "--concordance", conc.toString(), "--clinical", clinical.toString(),
                "--out", cohort.toString(), "--quiet");
        assertThat(co.exit()).as(co.err()).isZero();
        ReportRun.Result r = ReportRun.run("report", "--cohort", cohort.toString(), "--out", report.toString(), "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        Map<String, List<String>> shown = mutationTable(Jsoup.parse(report.resolve("report.html").toFile(), "UTF-8"));

        // counted variants of variants.tsv: key -> {gene, hgvsp_short, present in primary, present in metastasis}
        Tsv variants = Tsv.read(conc.resolve("TCGA-A6-2686.variants.tsv"));
        Map<String, String[]> counted = new HashMap<>();
        for (Map<String, String> v : variants.rows()) {
            if ("1".equals(v.get("counted"))) {
                counted.put(v.get("chrom") + ":" + v.get("pos") + ":" + v.get("ref") + ":" + v.get("alt"), new String[] {v.get("gene"),
                        v.get("hgvsp_short"), v.get("A6_mutect2.present"), v.get("A6_muse.present")});
            }
        }
        assertThat(counted).hasSizeGreaterThanOrEqualTo(5);

        // the oracle: MAF rows (any patient) at the same GRCh37 SNV, in the same gene
        Map<String, String> tcga = new HashMap<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(maf)), StandardCharsets.UTF_8))) {
            List<String> header = List.of(in.readLine().split("\t"));
            int gene = header.indexOf("Hugo_Symbol"), chrom = header.indexOf("Chromosome"), start = header.indexOf("Start_Position"),
                    ref = header.indexOf("Reference_Allele"), alt = header.indexOf("Tumor_Seq_Allele2"), protein = header.indexOf("Protein_Change");
            for (String line; (line = in.readLine()) != null; ) {
                String[] f = line.split("\t", -1);
                String key = f[chrom] + ":" + f[start] + ":" + f[ref] + ":" + f[alt];
                String[] ours = counted.get(key);
                if (ours != null && ours[0].equals(f[gene])) {
                    tcga.put(key, f[gene] + " " + f[protein]);
                }
            }
        }
        assertThat(tcga.values()).as("SNVs of A6-2686 that TCGA annotated in other patients").contains("BRAF p.V600E", "FBXW7 p.R658Q");
        Set<String> checked = new HashSet<>();
        for (var e : tcga.entrySet()) {
            String[] ours = counted.get(e.getKey());
            List<String> row = shown.get(ours[0]);
            assertThat(row).as(ours[0] + " row of the mutation table").isNotNull();
            assertThat(row.get(0)).as(e.getKey() + " primary").isEqualTo(ours[2].equals("1") ? e.getValue() : ProteinChanges.WILD_TYPE);
            assertThat(row.get(1)).as(e.getKey() + " metastasis").isEqualTo(ours[3].equals("1") ? e.getValue() : ProteinChanges.WILD_TYPE);
            checked.add(ours[0]);
        }
        assertThat(shown.get("BRAF V600E")).containsExactly("BRAF p.V600E", "BRAF p.V600E", "NA");
        // the rest: every counted variant reaches the report with its protein change (one variant per gene here)
        for (var e : counted.entrySet()) {
            String[] ours = e.getValue(), k = e.getKey().split(":");
            if (checked.contains(ours[0])) {
                continue;
            }
            String expected = ours[1].startsWith("p.") ? ours[0] + " " + ours[1] : k[0] + ":" + k[1] + ":" + k[2] + ">" + k[3];
            List<String> row = shown.get(ours[0]);
            assertThat(row).as(ours[0]).isNotNull();
            assertThat(row.get(0)).as(ours[0] + " primary").isEqualTo(ours[2].equals("1") ? expected : ProteinChanges.WILD_TYPE);
            assertThat(row.get(1)).as(ours[0] + " metastasis").isEqualTo(ours[3].equals("1") ? expected : ProteinChanges.WILD_TYPE);
        }
    }

    /** The report's "Mutations per patient and sample type" table: gene -> [primary, metastasis, plasma] cells. */
    private static Map<String, List<String>> mutationTable(Document html) {
        for (Element t : html.select("table")) {
            if (t.select("thead th").eachText().equals(MutationTable.HEADER)) {
                Map<String, List<String>> out = new HashMap<>();
                for (Element tr : t.select("tbody tr")) {
                    List<String> cells = tr.select("td").eachText();
                    out.put(cells.get(1), new ArrayList<>(cells.subList(2, 5)));
                }
                return out;
            }
        }
        throw new AssertionError("no mutation table in the report");
    }
}
