package org.oncoconcord.concordance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.testing.SharedData;
import org.oncoconcord.testing.SystemTools;

/**
 * Real data against {@code bcftools isec} run live on the same files: every caller pair of
 * TCGA-A6-2686 (both builds) and every diagnosis/relapse pair of the 22 APL patients. Both sides
 * count only PASS/'.' records ({@code isec -f PASS,.}) and match exact alleles ({@code -c none}).
 */
class IsecOracleTest {
    private static final String[] CALLERS = {"muse", "mutect2", "somaticsniper", "varscan2"};

    @TempDir
    Path tmp;

    /** isec's site list for two files: "chrom pos ref alt" -> pattern (10, 01, 11). */
    static Map<String, String> isec(Path bcftools, Path a, Path b) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(bcftools.toString(), "isec", "-f", "PASS,.", "-c", "none", "-n+1",
                a.toString(), b.toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as("bcftools isec exit on " + a + " " + b).isZero();
        Map<String, String> sites = new TreeMap<>();
        for (String line : out.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t");
            assertThat(f[3]).as("isec lists biallelic sites only here").doesNotContain(",");
            sites.put(f[0] + " " + f[1] + " " + f[2] + " " + f[3], f[4]);
        }
        return sites;
    }

    /** The same from our variants.tsv. */
    static Map<String, String> ours(ConcordanceRunner.Result r, String a, String b) {
        Map<String, String> sites = new TreeMap<>();
        int pa = r.col(a + ".present");
        int pb = r.col(b + ".present");
        for (String[] row : r.rows()) {
            String pattern = row[pa] + row[pb];
            if (!pattern.equals("00")) {
                sites.put(row[0] + " " + row[1] + " " + row[2] + " " + row[3], pattern);
            }
        }
        return sites;
    }

    private static long count(Map<String, String> sites, String pattern) {
        return sites.values().stream().filter(pattern::equals).count();
    }

    private void comparePair(Path bcftools, Path a, Path b, String genome, String what) throws Exception {
        Path out = Files.createTempDirectory(tmp, "pair");
        ConcordanceRunner.Result r = ConcordanceRunner.run(out, "P", "--sample", "A=primary:" + a,
                "--sample", "B=metastasis:" + b, "--genome", genome);
        assertThat(r.exit()).as(what + ": " + r.err()).isZero();
        Map<String, String> expected = isec(bcftools, a, b);
        Map<String, String> actual = ours(r, "A", "B");
        assertThat(actual).as(what + " site lists").isEqualTo(expected);
        JsonNode pair = r.pair("A", "B");
        assertThat(pair.get("shared").asLong()).as(what + " shared").isEqualTo(count(expected, "11"));
        assertThat(pair.get("only_a").asLong()).as(what + " only_a").isEqualTo(count(expected, "10"));
        assertThat(pair.get("only_b").asLong()).as(what + " only_b").isEqualTo(count(expected, "01"));
        assertThat(pair.get("not_evaluable").asLong()).isZero();
        assertThat(pair.get("n_a").asLong()).isEqualTo(count(expected, "10") + count(expected, "11"));
    }

    @Test
    void everyCallerPairOfTcgaA6_2686MatchesBcftoolsIsecInBothBuilds() throws Exception {
        Path bcftools = SystemTools.require("bcftools", "bcftools");
        Path dir = SharedData.require("vcf/tcga_A6-2686");
        int pairs = 0;
        for (String build : List.of("grch37", "grch38")) {
            for (int i = 0; i < CALLERS.length; i++) {
                for (int j = i + 1; j < CALLERS.length; j++) {
                    Path a = dir.resolve("T001-COAD." + build + "." + CALLERS[i] + ".vcf.gz");
                    Path b = dir.resolve("T001-COAD." + build + "." + CALLERS[j] + ".vcf.gz");
                    comparePair(bcftools, a, b, build.equals("grch37") ? "GRCh37" : "GRCh38",
                            build + " " + CALLERS[i] + " vs " + CALLERS[j]);
                    pairs++;
                }
            }
        }
        assertThat(pairs).isEqualTo(12);
    }

    @Test
    void everyAplDiagnosisRelapsePairMatchesBcftoolsIsec() throws Exception {
        Path bcftools = SystemTools.require("bcftools", "bcftools");
        Path dir = SharedData.require("vcf/apl_pairs");
        TreeSet<String> ids = new TreeSet<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("D.vcf.gz"))
                    .forEach(n -> ids.add(n.substring(0, n.length() - "D.vcf.gz".length())));
        }
        assertThat(ids).hasSize(22);
        List<String> empty = new ArrayList<>();
        for (String id : ids) {
            Path d = dir.resolve(id + "D.vcf.gz");
            Path r = dir.resolve(id + "R.vcf.gz");
            comparePair(bcftools, d, r, "GRCh37", "APL " + id);
            if (isec(bcftools, d, r).isEmpty()) {
                empty.add(id);
            }
        }
        assertThat(empty).as("pairs where both files are empty are part of the check").isNotEmpty();
    }
}
