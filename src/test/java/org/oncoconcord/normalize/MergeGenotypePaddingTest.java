package org.oncoconcord.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.testing.SystemTools;

/**
 * {@code -m+} of records whose samples mix haploid, diploid and missing genotypes: an ALT joins
 * the padding slot of a haploid sample when another sample of the record is diploid, as in
 * Debian's {@code bcftools norm} (the oracle; skipped when absent).
 */
class MergeGenotypePaddingTest {
    @TempDir
    Path tmp;

    @Test
    void haploidSamplesFillTheRecordsPloidyLikeBcftools() throws Exception {
        Path bcftools = SystemTools.require("bcftools", "bcftools");
        Path vcf = tmp.resolve("in.vcf");
        Files.writeString(vcf, String.join("\n",
                "##fileformat=VCFv4.2",
                "##contig=<ID=1>",
                "##FORMAT=<ID=GT,Number=1,Type=String,Description=\"g\">",
                "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tS1\tS2\tS3",
                "1\t10\t.\tA\tC\t.\t.\t.\tGT\t1\t0/1\t.",
                "1\t10\t.\tA\tG\t.\t.\t.\tGT\t1\t1|0\t1",
                "1\t20\t.\tA\tC\t.\t.\t.\tGT\t0\t./.\t1",
                "1\t20\t.\tA\tT\t.\t.\t.\tGT\t1\t1/1\t1",
                "1\t30\t.\tA\tC\t.\t.\t.\tGT\t1\t1\t0",
                "1\t30\t.\tA\tG\t.\t.\t.\tGT\t1\t0\t1") + "\n");
        Path ours = tmp.resolve("ours.vcf");
        Run r = Run.normalize(List.of("-m", "+any", "-o", ours.toString(), vcf.toString()));
        assertThat(r.exit).as(r.err).isZero();
        Path theirs = tmp.resolve("bcftools.vcf");
        Process p = new ProcessBuilder(bcftools.toString(), "norm", "--no-version", "-m", "+any", vcf.toString())
                .redirectOutput(theirs.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor()).isZero();
        List<String> expected = Run.dataLines(theirs);
        assertThat(expected).hasSize(4);
        assertThat(Run.dataLines(ours)).containsExactlyElementsOf(expected);
    }
}
