package org.oncoconcord.concordance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.testing.SharedData;
import org.oncoconcord.testing.VcfSemantics;

/** concordance reads BCF ({@code bcftools view -Ob}) through the one VCF opener: same results as from the VCFs. */
class BcfInputTest {
    @TempDir
    Path tmp;

    @Test
    void bcfInputsGiveTheSameConcordanceAsTheirVcfs() throws Exception {
        Path dir = SharedData.require("vcf/tcga_A6-2686");
        Path a = dir.resolve("T001-COAD.grch37.mutect2.vcf.gz");
        Path b = dir.resolve("T001-COAD.grch37.varscan2.vcf.gz");
        Path aBcf = tmp.resolve("a.bcf");
        Path bBcf = tmp.resolve("b.bcf");
        VcfSemantics.bcftoolsToFile(aBcf, "view", "-Ob", a.toString());
        VcfSemantics.bcftoolsToFile(bBcf, "view", "-Ob", b.toString());
        Path outVcf = Files.createDirectories(tmp.resolve("vcf"));
        Path outBcf = Files.createDirectories(tmp.resolve("bcf"));
        ConcordanceRunner.Result fromVcf = ConcordanceRunner.run(outVcf, "P", "--sample", "A=primary:" + a,
                "--sample", "B=metastasis:" + b, "--genome", "GRCh37");
        ConcordanceRunner.Result fromBcf = ConcordanceRunner.run(outBcf, "P", "--sample", "A=primary:" + aBcf,
                "--sample", "B=metastasis:" + bBcf, "--genome", "GRCh37");
        assertThat(fromVcf.exit()).as(fromVcf.err()).isZero();
        assertThat(fromBcf.exit()).as(fromBcf.err()).isZero();
        assertThat(fromBcf.rows()).isNotEmpty();
        assertThat(Files.readString(outBcf.resolve("P.variants.tsv"))).isEqualTo(Files.readString(outVcf.resolve("P.variants.tsv")));
        assertThat(withoutPaths(fromBcf.json())).isEqualTo(withoutPaths(fromVcf.json()));
        assertThat(fromBcf.pair("A", "B").get("shared").asLong()).isPositive();
    }

    /** The JSON without the input file names, which differ by construction. */
    private static JsonNode withoutPaths(JsonNode json) {
        JsonNode copy = json.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.remove(java.util.List.of("vcf", "file", "path", "command", "version"));
            o.forEach(BcfInputTest::strip);
        } else if (n.isArray()) {
            n.forEach(BcfInputTest::strip);
        }
    }
}
