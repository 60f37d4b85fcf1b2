package org.oncoconcord.concordance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.contract.ConcordanceJson;

/**
 * concordance.json {@code evidence.classes_vcf} and {@code class_changes} (docs/PILEUP.md): the variant
 * classes from the VCFs alone beside the classes with read evidence. Oracles: counts worked out by hand, and
 * a second, independent run of the same patient without {@code --evidence}, whose {@code classes} must equal
 * {@code classes_vcf} and whose per-variant classes (variants.tsv), paired with the evidence run's, must give
 * exactly {@code class_changes}. Covers the blood-origin corner: without a WBC sample a plasma call in a CH
 * gene is possible CH only while no tissue has it, so tissue reads below the caller's threshold lift the label.
 */
class EvidenceClassesTest {
    private static final String HEAD = "##fileformat=VCFv4.2\n##contig=<ID=1,length=100000>\n"
            + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
            + "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">\n"
            + "##FORMAT=<ID=AF,Number=A,Type=Float,Description=\"Allele fraction\">\n"
            + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS\n";

    @TempDir
    Path dir;

    private Path vcf(String name, String... records) throws IOException {
        StringBuilder sb = new StringBuilder(HEAD);
        for (String r : records) {
            String[] f = r.split(" "); // pos ref alt af
            sb.append(String.join("\t", "1", f[0], ".", f[1], f[2], ".", "PASS", ".", "GT:AF:DP", "0/1:" + f[3] + ":200")).append('\n');
        }
        return Files.writeString(dir.resolve(name), sb.toString());
    }

    /** A pileup row; only site, sample, depth, alt_count and state matter to the overlay. */
    private static String row(String sample, String site, int depth, int alt, String state) {
        String[] f = site.split(" ");
        return String.join("\t", "1", f[0], f[1], f[2], sample, Integer.toString(depth), Integer.toString(depth - alt),
                Integer.toString(alt), "0", "0", "0", "0", "0", "0.1", "0.001", "0.5", state) + "\n";
    }

    private Path evidence(String... rows) throws IOException {
        StringBuilder sb = new StringBuilder("contig\tpos\tref\talt\tsample\tdepth\tref_count\talt_count\tother_count"
                + "\tref_fwd\tref_rev\talt_fwd\talt_rev\tvaf\terror_rate\tp_value\tstate\n");
        for (String r : rows) {
            sb.append(r);
        }
        return Files.writeString(dir.resolve("ev" + rows.length + ".tsv"), sb.toString());
    }

    private static Map<String, Long> nonZero(JsonNode classes) {
        Map<String, Long> out = new TreeMap<>();
        classes.properties().forEach(e -> {
            if (e.getValue().asLong() != 0) {
                out.put(e.getKey(), e.getValue().asLong());
            }
        });
        return out;
    }

    private static Map<String, String> classByPos(ConcordanceRunner.Result r) {
        Map<String, String> out = new LinkedHashMap<>();
        r.rows().forEach(x -> out.put(x[1] + " " + x[2] + ">" + x[3], x[r.col("class")]));
        return out;
    }

    /**
     * The independent oracle: the evidence run's {@code classes_vcf} = the VCF-only run's {@code classes}; its
     * {@code class_changes} = the (VCF-only class, evidence class) pairs of the two runs' variants.tsv rows that
     * differ; both views add up to n_distinct_variants. Returns the evidence run's section.
     */
    private static ConcordanceJson.Evidence agreesWithTheRunWithoutEvidence(ConcordanceRunner.Result vcfOnly,
                                                                             ConcordanceRunner.Result withReads, Path json) throws Exception {
        assertThat(vcfOnly.exit()).as(vcfOnly.err()).isZero();
        assertThat(withReads.exit()).as(withReads.err()).isZero();
        JsonNode ev = withReads.json().get("evidence");
        assertThat(nonZero(ev.get("classes_vcf"))).isEqualTo(nonZero(vcfOnly.json().get("classes")));
        Map<String, String> before = classByPos(vcfOnly);
        Map<String, String> after = classByPos(withReads);
        assertThat(after.keySet()).isEqualTo(before.keySet());
        Map<List<String>, Long> pairs = new LinkedHashMap<>();
        before.forEach((v, c) -> {
            if (!c.equals(after.get(v))) {
                pairs.merge(List.of(c, after.get(v)), 1L, Long::sum);
            }
        });
        ConcordanceJson.Evidence e = ConcordanceJson.read(json).evidence();
        Map<List<String>, Long> reported = new LinkedHashMap<>();
        e.classChanges().forEach(c -> reported.put(List.of(c.from(), c.to()), c.variants()));
        assertThat(reported).isEqualTo(pairs);
        long n = withReads.json().get("n_distinct_variants").asLong();
        assertThat(e.classesVcf().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(n);
        assertThat(nonZero(withReads.json().get("classes")).values().stream().mapToLong(Long::longValue).sum()).isEqualTo(n);
        assertThat(List.copyOf(e.classesVcf().keySet()).subList(0, withReads.json().get("classes").size()))
                .as("classes_vcf lists the keys of classes first, in their order")
                .containsExactlyElementsOf(() -> withReads.json().get("classes").fieldNames());
        return e;
    }

    @Test
    void primaryAndMetastasisClassesBeforeAndAfterAsWorkedOutByHand() throws Exception {
        // T calls 100, 200, 300, 400, 500; M calls 100 and 700; M's panel leaves out 500
        Path t = vcf("T.vcf", "100 C T 0.3", "200 G A 0.3", "300 T G 0.3", "400 A C 0.3", "500 C G 0.3");
        Path m = vcf("M.vcf", "100 C T 0.3", "700 A G 0.3");
        Path bed = Files.writeString(dir.resolve("M.bed"), "1\t0\t450\n1\t600\t800\n");
        // reads: M has 200 below the call threshold, 300 with 3 reads, 400 absent, 500 absent at 50 reads; T has 700 with 4 reads
        Path ev = evidence(row("T", "100 C T", 90, 30, "BELOW_CALL_THRESHOLD"), row("T", "200 G A", 90, 30, "BELOW_CALL_THRESHOLD"),
                row("T", "300 T G", 90, 30, "BELOW_CALL_THRESHOLD"), row("T", "400 A C", 90, 30, "BELOW_CALL_THRESHOLD"),
                row("T", "500 C G", 90, 0, "ABSENT"), row("T", "700 A G", 4, 0, "NOT_ASSESSABLE"),
                row("M", "100 C T", 80, 20, "BELOW_CALL_THRESHOLD"), row("M", "200 G A", 80, 4, "BELOW_CALL_THRESHOLD"),
                row("M", "300 T G", 3, 0, "NOT_ASSESSABLE"), row("M", "400 A C", 90, 0, "ABSENT"),
                row("M", "500 C G", 50, 0, "ABSENT"), row("M", "700 A G", 60, 0, "ABSENT"));
        List<String> args = List.of("--sample", "T=primary:" + t, "--sample", "M=metastasis:" + m, "--regions", "M=" + bed,
                "--genome", "GRCh37");
        ConcordanceRunner.Result vcfOnly = ConcordanceRunner.run(dir.resolve("vcf"), "P1", args.toArray(String[]::new));
        List<String> withEv = new ArrayList<>(args);
        withEv.addAll(List.of("--evidence", ev.toString()));
        ConcordanceRunner.Result reads = ConcordanceRunner.run(dir.resolve("ev"), "P1", withEv.toArray(String[]::new));
        ConcordanceJson.Evidence e = agreesWithTheRunWithoutEvidence(vcfOnly, reads, dir.resolve("ev/P1.concordance.json"));

        // VCFs alone: 100 shared_all; 200, 300, 400 primary_only; 500 not_evaluable (outside M's panel); 700 metastasis_new
        assertThat(e.classesVcf()).containsExactlyEntriesOf(orderedMap("shared_all", 1L, "primary_only", 3L, "metastasis_new", 1L,
                "not_evaluable", 1L));
        // with the reads: 200 shared (subthreshold in M), 300 not evaluable (3 reads in M), 500 primary only (measured
        // absent in M), 700 not evaluable (4 reads in T); 100 and 400 keep their class
        assertThat(nonZero(reads.json().get("classes"))).isEqualTo(Map.of("shared_all", 2L, "primary_only", 2L, "not_evaluable", 2L));
        assertThat(e.classChanges()).containsExactly(
                new ConcordanceJson.ClassChange("primary_only", "shared_all", 1),
                new ConcordanceJson.ClassChange("primary_only", "not_evaluable", 1),
                new ConcordanceJson.ClassChange("metastasis_new", "not_evaluable", 1),
                new ConcordanceJson.ClassChange("not_evaluable", "primary_only", 1));
        // the run without evidence writes no such section
        assertThat(vcfOnly.json().has("evidence")).isFalse();
    }

    @Test
    void tissueReadsLiftThePossibleChLabelOfAPlasmaCallWithoutWbc() throws Exception {
        Path genes = Files.writeString(dir.resolve("genes.tsv"), "kind\tgene\tchrom\tstart\tend\tref\talt\tlabel\tgroup\tsource\n"
                + "gene\tKRAS\t1\t100\t199\t.\t.\t.\tRAS\ttest\n"
                + "gene\tDNMT3A\t1\t1000\t1999\t.\t.\t.\t.\ttest\n"
                + "gene\tTET2\t1\t5000\t5999\t.\t.\t.\t.\ttest\n");
        // T: KRAS 150 and 400; P: KRAS 150, DNMT3A 1100 and TET2 5100 (plasma only: possible CH by the gene list)
        Path t = vcf("T.vcf", "150 A C 0.4", "400 G T 0.3");
        Path p = vcf("P.vcf", "150 A C 0.05", "1100 C T 0.01", "5100 G T 0.008");
        // T's reads show DNMT3A 1100 below the caller's threshold (in the tissue: tumour DNA, not CH); TET2 5100
        // is absent from T's reads (stays possible CH); the plasma has no reads
        Path ev = evidence(row("T", "150 A C", 200, 80, "BELOW_CALL_THRESHOLD"), row("T", "400 G T", 200, 60, "BELOW_CALL_THRESHOLD"),
                row("T", "1100 C T", 200, 6, "BELOW_CALL_THRESHOLD"), row("T", "5100 G T", 200, 0, "ABSENT"));
        List<String> args = List.of("--sample", "T=primary:" + t, "--sample", "P=plasma:" + p, "--genes", genes.toString());
        ConcordanceRunner.Result vcfOnly = ConcordanceRunner.run(dir.resolve("vcf"), "X1", args.toArray(String[]::new));
        List<String> withEv = new ArrayList<>(args);
        withEv.addAll(List.of("--evidence", ev.toString()));
        ConcordanceRunner.Result reads = ConcordanceRunner.run(dir.resolve("ev"), "X1", withEv.toArray(String[]::new));
        ConcordanceJson.Evidence e = agreesWithTheRunWithoutEvidence(vcfOnly, reads, dir.resolve("ev/X1.concordance.json"));

        // VCFs alone: 150 shared_all, 400 primary_only, 1100 and 5100 possible_ch (excluded from the comparison)
        assertThat(nonZero(vcfOnly.json().get("classes"))).isEqualTo(Map.of("shared_all", 1L, "primary_only", 1L, "possible_ch", 2L));
        // with the reads: 1100 is in the tissue, so shared_all; 5100 stays possible_ch
        assertThat(nonZero(reads.json().get("classes"))).isEqualTo(Map.of("shared_all", 2L, "primary_only", 1L, "possible_ch", 1L));
        assertThat(e.classesVcf()).containsEntry("possible_ch", 2L).containsEntry("shared_all", 1L);
        assertThat(e.classChanges()).containsExactly(new ConcordanceJson.ClassChange("possible_ch", "shared_all", 1));
    }

    @Test
    void plasmaReadsMakeATissueCallPlasmaPositiveAndTheWbcLabelsIt() throws Exception {
        Path genes = Files.writeString(dir.resolve("genes.tsv"), "kind\tgene\tchrom\tstart\tend\tref\talt\tlabel\tgroup\tsource\n"
                + "gene\tKRAS\t1\t100\t199\t.\t.\t.\tRAS\ttest\n");
        // T: 150, 300 and 900; P: 150; WBC: 900 (a CH clone the tissue carries too)
        Path t = vcf("T.vcf", "150 A C 0.4", "300 G T 0.3", "900 C A 0.05");
        Path p = vcf("P.vcf", "150 A C 0.05");
        Path w = vcf("W.vcf", "900 C A 0.03");
        // P's reads: 300 below the threshold (now shared), 900 below the threshold (now a plasma call the WBC has: CH)
        Path ev = evidence(row("P", "150 A C", 1000, 50, "BELOW_CALL_THRESHOLD"), row("P", "300 G T", 1000, 8, "BELOW_CALL_THRESHOLD"),
                row("P", "900 C A", 1000, 9, "BELOW_CALL_THRESHOLD"));
        List<String> args = List.of("--sample", "T=primary:" + t, "--sample", "P=plasma:" + p, "--sample", "W=normal:" + w,
                "--genes", genes.toString());
        ConcordanceRunner.Result vcfOnly = ConcordanceRunner.run(dir.resolve("vcf"), "X2", args.toArray(String[]::new));
        List<String> withEv = new ArrayList<>(args);
        withEv.addAll(List.of("--evidence", ev.toString()));
        ConcordanceRunner.Result reads = ConcordanceRunner.run(dir.resolve("ev"), "X2", withEv.toArray(String[]::new));
        ConcordanceJson.Evidence e = agreesWithTheRunWithoutEvidence(vcfOnly, reads, dir.resolve("ev/X2.concordance.json"));

        assertThat(nonZero(vcfOnly.json().get("classes"))).isEqualTo(Map.of("shared_all", 1L, "primary_only", 2L));
        assertThat(nonZero(reads.json().get("classes"))).isEqualTo(Map.of("shared_all", 2L, "ch", 1L));
        assertThat(e.classChanges()).containsExactly(new ConcordanceJson.ClassChange("primary_only", "shared_all", 1),
                new ConcordanceJson.ClassChange("primary_only", "ch", 1));
    }

    private static Map<String, Long> orderedMap(Object... kv) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (Long) kv[i + 1]);
        }
        return m;
    }
}
