package org.oncoconcord.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.oncoconcord.testing.SystemTools;

/**
 * The truth is what an independent normalizer makes of the raw files: every sample's VCF, after
 * only renaming contigs to the reference's style and declaring them, then {@code bcftools norm -f
 * reference.fa -m -any} and keeping PASS records, holds exactly the truth's variants for that sample.
 */
class BcftoolsOracleTest {

    @Test
    void bcftoolsNormOfEverySampleEqualsTheTruth() throws Exception {
        Path bcftools = SystemTools.require("bcftools", "bcftools");
        Path dir = TestCohorts.study(8080, 14);
        JsonNode truth = new ObjectMapper().readTree(dir.resolve("truth.json").toFile());
        List<String> fai = Files.readAllLines(dir.resolve("reference.fa.fai"));
        int samples = 0;
        int compared = 0;
        for (JsonNode p : truth.get("patients")) {
            for (JsonNode s : p.get("samples")) {
                Path vcf = dir.resolve(s.get("file").asText());
                Path plain = Files.createTempFile(dir, "h", ".vcf");
                Files.writeString(plain, harmonizeContigs(VcfFiles.lines(vcf), fai), StandardCharsets.UTF_8);
                Set<String> got = new TreeSet<>();
                for (String line : run(bcftools.toString(), "norm", "-c", "e", "-f", dir.resolve("reference.fa").toString(),
                        "-m", "-any", "-O", "v", plain.toString())) {
                    String[] f = line.split("\t");
                    if (!line.startsWith("#") && f[6].equals("PASS")) {
                        got.add(f[0] + ":" + f[1] + ":" + f[3] + ":" + f[4]);
                    }
                }
                String type = s.get("type").asText();
                Set<String> expected = new TreeSet<>();
                for (JsonNode v : p.get("variants")) {
                    if (v.get(type).asBoolean()) {
                        expected.add(v.get("chrom").asText() + ":" + v.get("pos").asInt() + ":" + v.get("ref").asText() + ":" + v.get("alt").asText());
                    }
                }
                assertThat(got).as(s.get("sample").asText() + " (" + s.get("dialect").asText() + ")").isEqualTo(expected);
                samples++;
                compared += expected.size();
            }
        }
        assertThat(samples).isGreaterThanOrEqualTo(28);
        assertThat(compared).isGreaterThan(300);
    }

    /** Adds {@code chr} where missing and declares the reference's contigs (nothing else changes). */
    static String harmonizeContigs(List<String> lines, List<String> fai) {
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            if (l.startsWith("##contig")) {
                continue;
            }
            if (l.startsWith("#CHROM")) {
                for (String f : fai) {
                    String[] x = f.split("\t");
                    b.append("##contig=<ID=").append(x[0]).append(",length=").append(x[1]).append(">\n");
                }
            }
            b.append(!l.startsWith("#") && !l.startsWith("chr") ? "chr" + l : l).append('\n');
        }
        return b.toString();
    }

    static List<String> run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> out = new ArrayList<>(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList());
        assertThat(p.waitFor()).as(String.join(" ", cmd)).isZero();
        return out;
    }
}
