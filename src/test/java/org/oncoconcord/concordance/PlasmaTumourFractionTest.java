package org.oncoconcord.concordance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A primary with four clonal variants (VAF 0.4) and one subclonal (0.1), and a plasma with planted
 * alt/depth: the tumour fraction (the clonal/non-clonal mixture likelihood, by R: numerical integration,
 * optimize, uniroot), the depth assumed where the plasma VCF is silent, each miss's detection probability
 * (R: 1 - pbinom) and the informative counts worked out by hand.
 */
class PlasmaTumourFractionTest {
    @TempDir
    Path dir;

    private static final String HEADER = "##fileformat=VCFv4.2\n##contig=<ID=1>\n"
            + "##FILTER=<ID=LowQual,Description=\"low\">\n"
            + "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"Genotype\">\n"
            + "##FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"Allelic depths\">\n"
            + "##FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">\n"
            + "##FORMAT=<ID=AF,Number=A,Type=Float,Description=\"Allele fraction\">\n";

    @Test
    void tumourFractionAndInformativeMisses() throws IOException {
        Path t = Files.writeString(dir.resolve("T.vcf"), HEADER + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tT\n"
                + "1\t100\t.\tA\tC\t.\tPASS\t.\tGT:AF:DP\t0/1:0.4:100\n"
                + "1\t200\t.\tA\tC\t.\tPASS\t.\tGT:AF:DP\t0/1:0.4:100\n"
                + "1\t300\t.\tA\tC\t.\tPASS\t.\tGT:AF:DP\t0/1:0.4:100\n"
                + "1\t400\t.\tA\tC\t.\tPASS\t.\tGT:AF:DP\t0/1:0.4:100\n"
                + "1\t500\t.\tA\tC\t.\tPASS\t.\tGT:AF:DP\t0/1:0.1:100\n");
        // 100: 10/1000 called; 200: 12/1000 called; 300: absent; 400: 2/500 LowQual; 500 absent; 600 plasma only
        Path p = Files.writeString(dir.resolve("P.vcf"), HEADER + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tP\n"
                + "1\t100\t.\tA\tC\t.\tPASS\t.\tGT:AD:DP\t0/1:990,10:1000\n"
                + "1\t200\t.\tA\tC\t.\tPASS\t.\tGT:AF:DP\t0/1:0.012:1000\n"
                + "1\t400\t.\tA\tC\t.\tLowQual\t.\tGT:AF:DP\t0/1:0.004:500\n"
                + "1\t600\t.\tA\tC\t.\tPASS\t.\tGT:AF:DP\t0/1:0.01:800\n");
        ConcordanceRunner.Result r = ConcordanceRunner.run(dir.resolve("out"), "X1",
                "--sample", "T=primary:" + t, "--sample", "P=plasma:" + p, "--genome", "GRCh37");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode pl = r.json().get("plasma");
        JsonNode tf = pl.get("tumour_fraction");
        // median plasma call depth over {1000, 1000, 800} = 1000, assumed at 300 and 500;
        // every tissue variant is truncal (one tissue sample): observed alt 10+12+2 = 24 in 2500, 300 and 500
        // censored (fewer than 3 alt reads at 1000). Mixture MLE and profile bounds from R (mixture likelihood
        // with integrate() over the cancer-cell fraction, optimize over the clonal share on [0.5, 1] and TF,
        // uniroot; the script of TumourFractionTest.mixtureMatchesR with these data): 0.0192900167
        // [0.0118237788, 0.0307631910]
        assertThat(tf.get("method").asText()).isEqualTo("binomial_mixture_ml_truncal_tissue_variants");
        assertThat(tf.get("assumed_depth_where_unknown").asInt()).isEqualTo(1000);
        assertThat(tf.get("n_variants").asInt()).isEqualTo(5);
        assertThat(tf.get("alt_reads").asLong()).isEqualTo(24);
        assertThat(tf.get("depth").asLong()).isEqualTo(4500);
        assertThat(tf.get("estimate").asDouble()).isCloseTo(0.0192900167, within(1e-6));
        assertThat(tf.get("n_censored").asInt()).isEqualTo(2);
        assertThat(tf.get("lower").asDouble()).isCloseTo(0.0118237788, within(1e-6));
        assertThat(tf.get("upper").asDouble()).isCloseTo(0.0307631910, within(1e-6));
        assertThat(tf.get("bin").asText()).isEqualTo("1-5%");
        JsonNode det = pl.get("detection");
        // from R (1 - pbinom(2, n, p)): 300: n = 1000, p = TF/2: 0.99640927 informative; 400: n = 500: 0.86085722 not;
        // 500 (cell fraction 0.1/0.4): n = 1000, p = TF/8: 0.43335770 not
        assertThat(det.get("detected").asLong()).isEqualTo(2);
        assertThat(det.get("missed_informative").asLong()).isEqualTo(1);
        assertThat(det.get("missed_not_informative").asLong()).isEqualTo(2);
        assertThat(det.get("sensitivity_all").get("estimate").asDouble()).isCloseTo(2 / 5.0, within(1e-6));
        assertThat(det.get("sensitivity_informative").get("estimate").asDouble()).isCloseTo(2 / 3.0, within(1e-6));
        JsonNode misses = det.get("misses");
        assertThat(misses).hasSize(3);
        assertThat(misses.get(0).get("variant").asText()).isEqualTo("1:300:A>C");
        assertThat(misses.get(0).get("depth_assumed").asBoolean()).isTrue();
        assertThat(misses.get(0).get("detection_probability").asDouble()).isCloseTo(0.99640927, within(1e-5));
        assertThat(misses.get(0).get("informative").asBoolean()).isTrue();
        assertThat(misses.get(1).get("depth_assumed").asBoolean()).isFalse();
        assertThat(misses.get(1).get("detection_probability").asDouble()).isCloseTo(0.86085722, within(1e-5));
        assertThat(misses.get(2).get("detection_probability").asDouble()).isCloseTo(0.43335770, within(1e-5));
        assertThat(misses.get(2).get("informative").asBoolean()).isFalse();
    }

    @Test
    void noTissueSignalMakesEveryMissUninformative() throws IOException {
        Path t = Files.writeString(dir.resolve("T.vcf"), HEADER + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tT\n"
                + "1\t100\t.\tA\tC\t.\tPASS\t.\tGT:AF:DP\t0/1:0.4:100\n");
        Path p = Files.writeString(dir.resolve("P.vcf"), HEADER + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tP\n"
                + "1\t100\t.\tA\tC\t.\tLowQual\t.\tGT:AD:DP\t0/1:2000,0:2000\n");
        ConcordanceRunner.Result r = ConcordanceRunner.run(dir.resolve("out"), "X2",
                "--sample", "T=primary:" + t, "--sample", "P=plasma:" + p, "--genome", "GRCh37");
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode pl = r.json().get("plasma");
        assertThat(pl.get("tumour_fraction").get("estimate").asDouble()).isZero();
        // 0 of 2000: the upper bound solves log(0.5 (1 - q)^2000 + 0.5 (1 - (1 - q)^2001) / (2001 q)) = -1.9207
        // (clonal share at its floor 0.5; R uniroot: TF = 2q = 0.0036463005; TumourFractionTest by hand)
        assertThat(pl.get("tumour_fraction").get("upper").asDouble()).isCloseTo(0.0036463005, within(1e-6));
        assertThat(pl.get("detection").get("missed_not_informative").asLong()).isEqualTo(1);
        assertThat(pl.get("detection").get("sensitivity_informative").get("n").asLong()).isZero();
    }
}
