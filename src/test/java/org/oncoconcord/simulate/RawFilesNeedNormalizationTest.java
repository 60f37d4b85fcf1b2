package org.oncoconcord.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The written files are realistic enough that naive matching fails: comparing raw CHROM/POS/REF/ALT
 * of a patient's primary and metastasis misses a large share of the truly shared variants, and
 * still misses some after contig names are harmonized (right-shifted or padded indels, multiallelic
 * records). The files also vary in dialect, contig style, contig header and FILTER values.
 */
class RawFilesNeedNormalizationTest {

    private static Set<String> rawKeys(Path vcf, boolean harmonizeChr) throws IOException {
        Set<String> keys = new HashSet<>();
        for (String[] f : VcfFiles.records(vcf)) {
            if (f[6].equals("PASS")) {
                String chrom = harmonizeChr && !f[0].startsWith("chr") ? "chr" + f[0] : f[0];
                keys.add(chrom + ":" + f[1] + ":" + f[3] + ":" + f[4]);
            }
        }
        return keys;
    }

    @Test
    void rawPrimaryAndMetastasisFilesMissManyTrulySharedVariants() throws IOException {
        Path dir = TestCohorts.study(8181, 40);
        JsonNode truth = new ObjectMapper().readTree(dir.resolve("truth.json").toFile());
        int trulyShared = 0;
        int rawShared = 0;
        int chrHarmonizedShared = 0;
        for (JsonNode p : truth.get("patients")) {
            Path prim = null;
            Path met = null;
            for (JsonNode s : p.get("samples")) {
                if (s.get("type").asText().equals("primary")) {
                    prim = dir.resolve(s.get("file").asText());
                } else if (s.get("type").asText().equals("metastasis")) {
                    met = dir.resolve(s.get("file").asText());
                }
            }
            if (met == null) {
                continue;
            }
            for (JsonNode v : p.get("variants")) {
                trulyShared += v.get("shared").asBoolean() ? 1 : 0;
            }
            Set<String> a = rawKeys(prim, false);
            a.retainAll(rawKeys(met, false));
            rawShared += a.size();
            Set<String> b = rawKeys(prim, true);
            b.retainAll(rawKeys(met, true));
            chrHarmonizedShared += b.size();
        }
        assertThat(trulyShared).isGreaterThan(200);
        double rawShare = (double) rawShared / trulyShared;
        assertThat(rawShare).as("raw CHROM/POS/REF/ALT recovers only part of the truly shared variants").isLessThan(0.8);
        assertThat(trulyShared - chrHarmonizedShared).as("even with harmonized contig names some shared variants differ")
                .isGreaterThanOrEqualTo(10);
        System.out.printf("[simulate] truly shared %d, raw matches %d (%.1f%%), after chr harmonization %d (%.1f%%)%n",
                trulyShared, rawShared, 100 * rawShare, chrHarmonizedShared, 100.0 * chrHarmonizedShared / trulyShared);
    }

    @Test
    void filesMixDialectsContigStylesHeadersAndFilters() throws IOException {
        Path dir = TestCohorts.study(8181, 40);
        JsonNode truth = new ObjectMapper().readTree(dir.resolve("truth.json").toFile());
        TreeMap<String, Integer> features = new TreeMap<>();
        Set<String> filters = new TreeSet<>();
        int multiallelic = 0;
        int patientsMixingStyles = 0;
        for (JsonNode p : truth.get("patients")) {
            Set<Boolean> styles = new HashSet<>();
            for (JsonNode s : p.get("samples")) {
                Path vcf = dir.resolve(s.get("file").asText());
                var lines = VcfFiles.lines(vcf);
                features.merge("dialect:" + s.get("dialect").asText(), 1, Integer::sum);
                boolean contigLines = lines.stream().anyMatch(l -> l.startsWith("##contig="));
                assertThat(contigLines).isEqualTo(s.get("contig_header").asBoolean());
                features.merge("contig_header:" + contigLines, 1, Integer::sum);
                boolean chr = VcfFiles.records(vcf).stream().allMatch(f -> f[0].startsWith("chr"));
                styles.add(chr);
                for (String[] f : VcfFiles.records(vcf)) {
                    filters.add(f[6]);
                    multiallelic += f[4].contains(",") ? 1 : 0;
                }
                String header = lines.stream().filter(l -> l.startsWith("#CHROM")).findFirst().orElseThrow();
                switch (s.get("dialect").asText()) {
                    case "mutect2" -> assertThat(lines).anyMatch(l -> l.equals("##tumor_sample=" + s.get("sample").asText()));
                    case "strelka2" -> assertThat(header).endsWith("NORMAL\tTUMOR");
                    default -> assertThat(header).endsWith("NORMAL\tTUMOR");
                }
            }
            patientsMixingStyles += styles.size() > 1 ? 1 : 0;
        }
        assertThat(features).containsKeys("dialect:mutect2", "dialect:strelka2", "dialect:varscan2",
                "contig_header:true", "contig_header:false");
        assertThat(filters).contains("PASS").hasSizeGreaterThan(3);
        assertThat(multiallelic).isGreaterThan(0);
        assertThat(patientsMixingStyles).isGreaterThan(5);
    }
}
