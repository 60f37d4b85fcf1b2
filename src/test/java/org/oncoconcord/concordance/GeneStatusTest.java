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
 * Gene status from the consequence (issue 13): an intronic and a synonymous APC variant do not make
 * APC mutated by default, a synonymous change inside KRAS codon 12 is not a RAS mutation; with
 * {@code --gene-status all} overlap counts again. Both samples are sites-only GRCh37 VCFs.
 */
class GeneStatusTest {
    @TempDir
    Path dir;

    private ConcordanceRunner.Result run(String... extra) throws IOException {
        String header = "##fileformat=VCFv4.2\n##contig=<ID=5>\n##contig=<ID=12>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";
        // T: APC intron 9 (5:112152000), APC c.1005A>G p.L335= (synonymous), KRAS c.35G>A p.G12D
        Path t = Files.writeString(dir.resolve("T.vcf"), header
                + "5\t112152000\t.\tA\tG\t.\tPASS\t.\n5\t112154734\t.\tA\tG\t.\tPASS\t.\n12\t25398284\t.\tC\tT\t.\tPASS\t.\n");
        // M: KRAS c.36T>C p.G12= only (inside the codon-12 hotspot coordinates, silent)
        Path m = Files.writeString(dir.resolve("M.vcf"), header + "12\t25398283\t.\tA\tG\t.\tPASS\t.\n");
        String[] base = {"--sample", "T=primary:" + t, "--sample", "M=metastasis:" + m, "--genome", "GRCh37"};
        String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        ConcordanceRunner.Result r = ConcordanceRunner.run(dir.resolve("out" + extra.length), "P1", all);
        assertThat(r.exit()).as(r.err()).isZero();
        return r;
    }

    @Test
    void proteinAlteringByDefault() throws IOException {
        ConcordanceRunner.Result r = run();
        JsonNode genes = r.json().get("genes");
        assertThat(genes.get("APC").get("status").get("T").asBoolean()).isFalse();
        assertThat(genes.get("APC").get("n_variants").asLong()).isZero();
        assertThat(genes.get("KRAS").get("status").get("T").asBoolean()).isTrue();
        assertThat(genes.get("KRAS").get("status").get("M").asBoolean()).isFalse();
        assertThat(genes.get("KRAS").get("variants").get(0).asText()).isEqualTo("KRAS p.G12D (12:25398284:C>T)");
        JsonNode ras = r.json().get("ras_status").get("status");
        assertThat(ras.get("T").asText()).isEqualTo("mutant");
        assertThat(ras.get("M").asText()).isEqualTo("wild_type");
        // nothing hidden: every variant keeps its row with its consequence
        Map<String, String[]> rows = new HashMap<>();
        for (String[] row : r.rows()) {
            rows.put(row[0] + ":" + row[1], row);
        }
        assertThat(rows).hasSize(4);
        assertThat(rows.get("5:112152000")[r.col("consequence")]).isEqualTo("intron_variant");
        assertThat(rows.get("5:112152000")[r.col("counted")]).isEqualTo("0");
        assertThat(rows.get("5:112154734")[r.col("consequence")]).isEqualTo("synonymous_variant");
        assertThat(rows.get("5:112154734")[r.col("hgvsp_short")]).isEqualTo("p.L335=");
        assertThat(rows.get("12:25398284")[r.col("hgvsp_short")]).isEqualTo("p.G12D");
        assertThat(rows.get("12:25398284")[r.col("impact")]).isEqualTo("MODERATE");
        assertThat(rows.get("12:25398284")[r.col("counted")]).isEqualTo("1");
        assertThat(rows.get("12:25398283")[r.col("hgvsc")]).isEqualTo("NM_004985.5:c.36T>C");
    }

    @Test
    void allCountsOverlapAsBefore() throws IOException {
        ConcordanceRunner.Result r = run("--gene-status", "all");
        JsonNode genes = r.json().get("genes");
        assertThat(genes.get("APC").get("status").get("T").asBoolean()).isTrue();
        assertThat(genes.get("APC").get("n_variants").asLong()).isEqualTo(2);
        assertThat(genes.get("KRAS").get("status").get("M").asBoolean()).isTrue();
    }

    @Test
    void unknownModeIsAUsageError() throws IOException {
        String header = "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";
        Path t = Files.writeString(dir.resolve("a.vcf"), header);
        ConcordanceRunner.Result r = ConcordanceRunner.run(dir.resolve("bad"), "P1", "--sample", "T=primary:" + t,
                "--sample", "M=metastasis:" + t, "--genome", "GRCh37", "--gene-status", "nonsense");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--gene-status 'nonsense'");
    }
}
