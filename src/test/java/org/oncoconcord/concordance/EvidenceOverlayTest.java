package org.oncoconcord.concordance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.contract.ConcordanceJson;

/**
 * {@code concordance --evidence}: a hand-built patient (primary T, metastasis M) whose read evidence turns
 * a private call into a shared one, a not-assessable site into not evaluable, a site outside M's BED into a
 * measured absence, and leaves VCF calls alone. Every count below is worked out by hand in the comments.
 */
class EvidenceOverlayTest {
    @TempDir
    Path dir;
    Path t;
    Path m;
    Path bed;

    @BeforeEach
    void write() throws IOException {
        String head = "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";
        // T calls 100, 200, 300, 400, 500; M calls 100 and 700; M's panel covers 1-450 and 601-800 (not 500)
        t = Files.writeString(dir.resolve("T.vcf"), head + "1\t100\t.\tC\tT\t.\tPASS\t.\n1\t200\t.\tG\tA\t.\tPASS\t.\n"
                + "1\t300\t.\tT\tG\t.\tPASS\t.\n1\t400\t.\tA\tC\t.\tPASS\t.\n1\t500\t.\tC\tG\t.\tPASS\t.\n");
        m = Files.writeString(dir.resolve("M.vcf"), head + "1\t100\t.\tC\tT\t.\tPASS\t.\n1\t700\t.\tA\tG\t.\tPASS\t.\n");
        bed = Files.writeString(dir.resolve("M.bed"), "1\t0\t450\n1\t600\t800\n");
    }

    /** One pileup row (the columns of {@code oncoconcord pileup}); only sample, site, depth, alt_count and state matter here. */
    private static String row(String sample, int pos, String ref, String alt, int depth, int altCount, String state) {
        return String.join("\t", "1", Integer.toString(pos), ref, alt, sample, Integer.toString(depth),
                Integer.toString(depth - altCount), Integer.toString(altCount), "0", "0", "0", "0", "0", "0.1", "0.001", "0.5", state) + "\n";
    }

    private Path evidence(String... extraRows) throws IOException {
        StringBuilder sb = new StringBuilder("contig\tpos\tref\talt\tsample\tdepth\tref_count\talt_count\tother_count"
                + "\tref_fwd\tref_rev\talt_fwd\talt_rev\tvaf\terror_rate\tp_value\tstate\n");
        // T: called everywhere it has a VCF call (the VCF wins whatever the reads say); 700: 4 reads, not assessable
        sb.append(row("T", 100, "C", "T", 90, 30, "BELOW_CALL_THRESHOLD"));
        sb.append(row("T", 200, "G", "A", 90, 30, "BELOW_CALL_THRESHOLD"));
        sb.append(row("T", 300, "T", "G", 90, 30, "BELOW_CALL_THRESHOLD"));
        sb.append(row("T", 400, "A", "C", 90, 30, "BELOW_CALL_THRESHOLD"));
        sb.append(row("T", 500, "C", "G", 90, 0, "ABSENT"));
        sb.append(row("T", 700, "A", "G", 4, 0, "NOT_ASSESSABLE"));
        // M: 200 below the caller's threshold (4 of 80 reads); 300 only 3 reads; 400 absent at 90 reads (already
        // evaluable); 500 absent at 50 reads although outside M's panel; 100 and 700 are M's own calls
        sb.append(row("M", 100, "C", "T", 80, 20, "BELOW_CALL_THRESHOLD"));
        sb.append(row("M", 200, "G", "A", 80, 4, "BELOW_CALL_THRESHOLD"));
        sb.append(row("M", 300, "T", "G", 3, 0, "NOT_ASSESSABLE"));
        sb.append(row("M", 400, "A", "C", 90, 0, "ABSENT"));
        sb.append(row("M", 500, "C", "G", 50, 0, "ABSENT"));
        sb.append(row("M", 700, "A", "G", 60, 0, "ABSENT"));
        // a site no sample counts (e.g. a filtered call): read, not used
        sb.append(row("T", 800, "A", "T", 60, 0, "ABSENT"));
        sb.append(row("M", 800, "A", "T", 60, 0, "ABSENT"));
        for (String r : extraRows) {
            sb.append(r);
        }
        return Files.writeString(dir.resolve("P1.evidence.tsv"), sb.toString());
    }

    private ConcordanceRunner.Result run(Path out, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of("--sample", "T=primary:" + t, "--sample", "M=metastasis:" + m,
                "--regions", "M=" + bed, "--genome", "GRCh37"));
        args.addAll(List.of(extra));
        return ConcordanceRunner.run(out, "P1", args.toArray(String[]::new));
    }

    private static List<Long> counts(JsonNode pair) {
        List<Long> out = new ArrayList<>();
        for (String k : List.of("n_a", "n_b", "shared", "only_a", "only_b", "not_evaluable_a", "not_evaluable_b")) {
            out.add(pair.get(k).asLong());
        }
        return out;
    }

    private static Map<String, String> classes(ConcordanceRunner.Result r) {
        Map<String, String> out = new TreeMap<>();
        for (String[] row : r.rows()) {
            out.put(row[1], row[r.col("class")]);
        }
        return out;
    }

    @Test
    void evidenceChangesTheCountsAsWorkedOutByHand() throws Exception {
        // the VCFs alone: 100 shared; 200, 300, 400 T only (M evaluable, no call); 500 not evaluable (outside M's
        // panel); 700 M only
        ConcordanceRunner.Result vcfOnly = run(dir.resolve("vcf"));
        assertThat(vcfOnly.exit()).as(vcfOnly.err()).isZero();
        assertThat(counts(vcfOnly.pair("T", "M"))).containsExactly(5L, 2L, 1L, 3L, 1L, 1L, 0L);
        assertThat(classes(vcfOnly)).containsExactlyEntriesOf(new TreeMap<>(Map.of("100", "shared_all", "200", "primary_only",
                "300", "primary_only", "400", "primary_only", "500", "not_evaluable", "700", "metastasis_new")));
        assertThat(vcfOnly.json().has("evidence")).isFalse();
        assertThat(dir.resolve("vcf/P1.variants.evidence.tsv")).doesNotExist();

        // with the reads: 200 shared (subthreshold in M); 300 not evaluable (3 reads in M); 500 T only (measured
        // absent in M); 700 not evaluable (4 reads in T); 100 shared and 400 T only as before
        ConcordanceRunner.Result r = run(dir.resolve("ev"), "--evidence", evidence().toString());
        assertThat(r.exit()).as(r.err()).isZero();
        // n_a 5 = shared 2 + only_a 2 (400, 500) + not_evaluable_a 1 (300); n_b 3 = shared 2 + not_evaluable_b 1 (700)
        assertThat(counts(r.pair("T", "M"))).containsExactly(5L, 3L, 2L, 2L, 0L, 1L, 1L);
        assertThat(classes(r)).containsExactlyEntriesOf(new TreeMap<>(Map.of("100", "shared_all", "200", "shared_all",
                "300", "not_evaluable", "400", "primary_only", "500", "primary_only", "700", "not_evaluable")));
        JsonNode cls = r.json().get("classes");
        assertThat(cls.get("shared_all").asLong()).isEqualTo(2);
        assertThat(cls.get("primary_only").asLong()).isEqualTo(2);
        assertThat(cls.get("metastasis_new").asLong()).isZero();
        assertThat(cls.get("not_evaluable").asLong()).isEqualTo(2);
        // the subthreshold call shows its read VAF and depth in variants.tsv
        String[] row200 = r.rows().stream().filter(x -> x[1].equals("200")).findFirst().orElseThrow();
        assertThat(row200[r.col("M.present")]).isEqualTo("1");
        assertThat(row200[r.col("M.vaf")]).isEqualTo("0.05");
        assertThat(row200[r.col("M.depth")]).isEqualTo("80");

        // summary: 14 rows, 12 for compared variants, 2 for 1:800; per sample what changed
        ConcordanceJson json = ConcordanceJson.read(dir.resolve("ev/P1.concordance.json"));
        ConcordanceJson.Evidence ev = json.evidence();
        assertThat(ev.rows()).isEqualTo(14);
        assertThat(ev.rowsUsed()).isEqualTo(12);
        assertThat(ev.rowsOtherSites()).isEqualTo(2);
        assertThat(ev.samples()).containsExactly(
                new ConcordanceJson.EvidenceSample("T", 6, 5, 0, 0, 1, 0),
                new ConcordanceJson.EvidenceSample("M", 6, 2, 1, 1, 1, 1));

        // the sidecar keeps the VCF-only view: one row per variant and sample, with what changed
        List<String> side = Files.readAllLines(dir.resolve("ev/P1.variants.evidence.tsv"));
        assertThat(side.get(0)).isEqualTo(EvidenceOverlay.SIDECAR_HEADER);
        assertThat(side).hasSize(13);
        assertThat(side).contains("1\t200\tG\tA\tM\tBELOW_CALL_THRESHOLD\t4\t80\t0\t1\t1\t1\tsubthreshold",
                "1\t300\tT\tG\tM\tNOT_ASSESSABLE\t0\t3\t0\t1\t0\t0\tnot_assessable",
                "1\t500\tC\tG\tM\tABSENT\t0\t50\t0\t0\t0\t1\tmeasured_absent",
                "1\t400\tA\tC\tM\tABSENT\t0\t90\t0\t1\t0\t1\tnone",
                "1\t700\tA\tG\tM\tABSENT\t0\t60\t1\t1\t1\t1\tnone",
                "1\t700\tA\tG\tT\tNOT_ASSESSABLE\t0\t4\t0\t1\t0\t0\tnot_assessable",
                // reads showing the ALT of a counted call (a BELOW_CALL_THRESHOLD row of the table) are shown CALLED
                "1\t100\tC\tT\tT\tCALLED\t30\t90\t1\t1\t1\t1\tnone");
        assertThat(side).noneMatch(l -> l.contains("\tBELOW_CALL_THRESHOLD\t") && l.split("\t")[8].equals("1"));
    }

    @Test
    void evidenceThatDoesNotCoverTheSitesIsRefused() throws IOException {
        Path partial = Files.writeString(dir.resolve("partial.tsv"), String.join("\n", Files.readAllLines(evidence()).stream()
                .filter(l -> !l.startsWith("1\t300\tT\tG\tM")).toList()) + "\n");
        ConcordanceRunner.Result r = run(dir.resolve("o1"), "--evidence", partial.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("no row for 1:300 T>G in sample M").doesNotContain("Exception");
        assertThat(dir.resolve("o1/P1.concordance.json")).doesNotExist();
        assertThat(dir.resolve("o1/P1.variants.tsv")).doesNotExist();
        assertThat(dir.resolve("o1/P1.variants.evidence.tsv")).doesNotExist();
    }

    @Test
    void badRowsNameTheFileAndLine() throws IOException {
        ConcordanceRunner.Result other = run(dir.resolve("o2"), "--evidence",
                evidence(row("TUMOR_SM", 100, "C", "T", 80, 20, "ABSENT")).toString());
        assertThat(other.exit()).isEqualTo(1);
        assertThat(other.err()).contains("line 16: sample 'TUMOR_SM' is not a compared --sample");
        ConcordanceRunner.Result state = run(dir.resolve("o3"), "--evidence",
                evidence(row("T", 900, "C", "T", 80, 20, "MAYBE")).toString());
        assertThat(state.err()).contains("line 16: state 'MAYBE'");
        ConcordanceRunner.Result twice = run(dir.resolve("o4"), "--evidence",
                evidence(row("T", 100, "C", "T", 80, 20, "ABSENT")).toString());
        assertThat(twice.err()).contains("line 16: site 1:100 C>T in sample T is given twice");
    }
}
