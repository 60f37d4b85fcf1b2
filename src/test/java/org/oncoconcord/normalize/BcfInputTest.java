package org.oncoconcord.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.testing.SharedData;
import org.oncoconcord.testing.VcfSemantics;

/** normalize accepts BCF ({@code bcftools view -Ob}) and gives the same records as from the VCF. */
class BcfInputTest {
    @TempDir
    Path tmp;

    private List<String> normalized(Path in, Path fasta, String name) throws Exception {
        Path out = tmp.resolve(name + ".norm.vcf.gz");
        Run r = Run.normalize(List.of("-f", fasta.toString(), "-m", "-any", "-o", out.toString(), in.toString()));
        assertThat(r.exit).as(r.err).isZero();
        ReliabilityTest.assertBcftoolsReads(out);
        return Run.dataLines(out).stream().skip(1).map(VcfSemantics::canonical).toList();
    }

    @Test
    void strelkaBcfNormalizesLikeItsVcf() throws Exception {
        Path dir = SharedData.require("vcf/strelka2_demo");
        Path fasta = dir.resolve("demo20.fa");
        for (String f : new String[] {"somatic.snvs.vcf.gz", "somatic.indels.vcf.gz"}) {
            Path vcf = dir.resolve(f);
            Path bcf = tmp.resolve(f + ".bcf");
            VcfSemantics.bcftoolsToFile(bcf, "view", "-Ob", vcf.toString());
            List<String> fromVcf = normalized(vcf, fasta, f + ".fromvcf");
            List<String> fromBcf = normalized(bcf, fasta, f + ".frombcf");
            assertThat(fromBcf).as(f).isNotEmpty().isEqualTo(fromVcf);
        }
    }
}
