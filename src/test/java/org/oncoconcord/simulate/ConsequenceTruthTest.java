package org.oncoconcord.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oncoconcord.annotate.AnnotateCommand;
import org.oncoconcord.testing.SystemTools;

/**
 * The planted consequences are what annotation tools make of the simulated genome and its transcript
 * models: {@code oncoconcord annotate --gtf genes.gtf --fasta reference.fa} (our engine) and
 * {@code bcftools csq -g genes.gff3} (an independent oracle) on every variant planted in a gene of a
 * simulated cohort (held-out seed 13130613, 40 patients), and on every consequence class planted in
 * every gene (both strands) by {@link CodingPlanter} directly.
 */
class ConsequenceTruthTest {
    private static final long SEED = 13130613;
    private static Path dir;
    /** Planted variants of the cohort by key, in file order; value: the truth's variant object. */
    private static final Map<String, JsonNode> PLANTED = new LinkedHashMap<>();

    @BeforeAll
    static void study() throws IOException {
        dir = TestCohorts.study(SEED, 40);
        JsonNode truth = new ObjectMapper().readTree(dir.resolve("truth.json").toFile());
        for (JsonNode p : truth.get("patients")) {
            for (JsonNode v : p.get("variants")) {
                PLANTED.putIfAbsent(key(v.get("chrom").asText(), v.get("pos").asInt(), v.get("ref").asText(), v.get("alt").asText()), v);
            }
        }
    }

    static String key(String chrom, int pos, String ref, String alt) {
        return chrom + ":" + pos + ":" + ref + ":" + alt;
    }

    /** A sites-only VCF of {@code keys} (chrom:pos:ref:alt), sorted as the reference. */
    static Path sitesVcf(Path folder, String name, java.util.Collection<String> keys) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String k : keys) {
            rows.add(k.split(":"));
        }
        rows.sort(Comparator.comparingInt((String[] r) -> GeneLayout.CONTIGS.indexOf(r[0]))
                .thenComparingInt(r -> Integer.parseInt(r[1])).thenComparing(r -> r[3]));
        StringBuilder b = new StringBuilder("##fileformat=VCFv4.2\n");
        for (String line : Files.readAllLines(folder.resolve("reference.fa.fai"))) {
            String[] f = line.split("\t");
            b.append("##contig=<ID=").append(f[0]).append(",length=").append(f[1]).append(">\n");
        }
        b.append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n");
        for (String[] r : rows) {
            b.append(r[0]).append('\t').append(r[1]).append("\t.\t").append(r[2]).append('\t').append(r[3]).append("\t.\tPASS\t.\n");
        }
        Path out = folder.resolve(name);
        Files.writeString(out, b.toString());
        return out;
    }

    /** Our engine's (consequence, HGVSp_Short) per variant key, on the transcript of {@code geneOf(key)}. */
    static Map<String, String[]> annotate(Path folder, Path vcf, Map<String, String> geneOf) throws IOException {
        Path out = folder.resolve(vcf.getFileName() + ".annotated.vcf");
        RecoveryPipeline.run(new AnnotateCommand(), "--quiet", "--genome", "GRCh38", "--gtf", folder.resolve("genes.gtf").toString(),
                "--fasta", folder.resolve("reference.fa").toString(), "-o", out.toString(), vcf.toString());
        List<String> fields = null;
        Map<String, String[]> got = new HashMap<>();
        for (String line : Files.readAllLines(out)) {
            if (line.startsWith("##INFO=<ID=CSQ")) {
                fields = List.of(line.substring(line.indexOf("Format: ") + 8, line.lastIndexOf('"')).split("\\|"));
            }
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            String k = key(f[0], Integer.parseInt(f[1]), f[3], f[4]);
            String csq = "";
            for (String kv : f[7].split(";")) {
                if (kv.startsWith("CSQ=")) {
                    csq = kv.substring(4);
                }
            }
            String[] best = {"", ""};
            for (String entry : csq.split(",")) {
                String[] e = entry.split("\\|", -1);
                if (fields != null && e.length == fields.size() && e[fields.indexOf("SYMBOL")].equals(geneOf.get(k))) {
                    best = new String[] {e[fields.indexOf("Consequence")].split("&")[0],
                            URLDecoder.decode(e[fields.indexOf("HGVSp_Short")], StandardCharsets.UTF_8)};
                }
            }
            if (!geneOf.containsKey(k)) {
                best = new String[] {csq, ""};
            }
            got.put(k, best);
        }
        return got;
    }

    @Test
    void annotateRecoversThePlantedConsequenceAndProteinChangeOfTheCohort() throws IOException {
        Map<String, String> geneOf = new HashMap<>();
        PLANTED.forEach((k, v) -> {
            if (v.has("consequence")) {
                geneOf.put(k, v.get("transcript_gene").asText());
            }
        });
        Map<String, String[]> got = annotate(dir, sitesVcf(dir, "planted.vcf", PLANTED.keySet()), geneOf);
        int inGene = 0;
        int agree = 0;
        Map<String, Integer> byClass = new TreeMap<>();
        Map<Boolean, Integer> byStrand = new HashMap<>();
        List<String> disagreements = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : PLANTED.entrySet()) {
            JsonNode v = e.getValue();
            String[] g = got.get(e.getKey());
            assertThat(g).as(e.getKey()).isNotNull();
            if (!v.has("consequence")) {
                // outside every gene (+-50 bp): no transcript consequence
                assertThat(g[0]).as(e.getKey()).doesNotContain("UTR", "intron", "splice", "missense", "synonymous", "frameshift", "stop_");
                continue;
            }
            inGene++;
            String want = v.get("consequence").asText();
            String wantP = v.path("hgvsp_short").asText("");
            byClass.merge(want, 1, Integer::sum);
            byStrand.merge(GeneLayout.model(v.get("transcript_gene").asText()).plus(), 1, Integer::sum);
            if (want.equals(g[0]) && wantP.equals(g[1])) {
                agree++;
            } else {
                disagreements.add(e.getKey() + " planted " + want + " " + wantP + ", annotate " + g[0] + " " + g[1]);
            }
        }
        System.out.println("planted in genes: " + inGene + " " + byClass + "; agree " + agree + "; strands " + byStrand);
        disagreements.forEach(System.out::println);
        assertThat(inGene).isGreaterThan(100);
        assertThat(byStrand.get(true)).isGreaterThan(20);
        assertThat(byStrand.get(false)).isGreaterThan(20);
        assertThat(byClass.keySet()).contains("missense_variant", "stop_gained", "synonymous_variant", "frameshift_variant");
        assertThat((double) agree / inGene).as("share of planted in-gene variants recovered").isGreaterThanOrEqualTo(0.99);
    }

    /** Every class planted 3 times in every gene, directly: the planter's statement equals annotate's, both strands. */
    @Test
    void everyClassInEveryGeneOnBothStrands() throws IOException {
        SyntheticGenome genome = TestCohorts.cohort(SEED, 40).genome();
        CodingPlanter planter = new CodingPlanter(genome);
        Map<String, Boolean> taken = new HashMap<>();
        CodingPlanter.Space space = new CodingPlanter.Space() {
            @Override
            public boolean free(String contig, int from, int to) {
                for (int p = from; p <= to; p++) {
                    if (taken.containsKey(contig + ":" + p)) {
                        return false;
                    }
                }
                return true;
            }

            @Override
            public void take(String contig, int from, int to) {
                for (int p = from; p <= to; p++) {
                    taken.put(contig + ":" + p, true);
                }
            }
        };
        Rng rng = new Rng(Rng.stream(SEED, 777));
        List<String> classes = new ArrayList<>(CodingPlanter.DRIVER_CLASSES);
        classes.addAll(CodingPlanter.SILENT_CLASSES);
        classes.add("frameshift_variant");
        Map<String, CodingPlanter.Planting> planted = new LinkedHashMap<>();
        Map<String, String> geneOf = new HashMap<>();
        for (GeneModel m : GeneLayout.MODELS) {
            for (String cls : classes) {
                for (int i = 0; i < 3; i++) {
                    taken.clear();
                    CodingPlanter.Planting p = planter.plant(m.name(), cls, rng, space);
                    assertThat(p).as(m.name() + " " + cls).isNotNull();
                    planted.put(p.variant().key(), p);
                    geneOf.put(p.variant().key(), m.name());
                }
            }
        }
        Path folder = dir.resolve("every-class");
        Files.createDirectories(folder);
        for (String f : List.of("reference.fa", "reference.fa.fai", "genes.gtf", "genes.gff3")) {
            Files.copy(dir.resolve(f), folder.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Map<String, String[]> got = annotate(folder, sitesVcf(folder, "classes.vcf", planted.keySet()), geneOf);
        List<String> bad = new ArrayList<>();
        Map<String, Integer> terms = new TreeMap<>();
        for (Map.Entry<String, CodingPlanter.Planting> e : planted.entrySet()) {
            CodingPlanter.Effect want = e.getValue().effect();
            terms.merge(want.consequence(), 1, Integer::sum);
            String[] g = got.get(e.getKey());
            String wantP = want.hgvspShort() == null ? "" : want.hgvspShort();
            if (!want.consequence().equals(g[0]) || !wantP.equals(g[1])) {
                bad.add(e.getKey() + " " + want + " vs " + String.join(" ", g));
            }
        }
        System.out.println("planted directly: " + planted.size() + " " + terms);
        assertThat(bad).as("planted vs annotate").isEmpty();
        assertThat(terms.keySet()).contains("missense_variant", "stop_gained", "synonymous_variant", "frameshift_variant",
                "inframe_deletion", "inframe_insertion", "splice_donor_variant", "splice_acceptor_variant", "intron_variant",
                "5_prime_UTR_variant", "3_prime_UTR_variant");
        bcftoolsCsqAgrees(folder, planted);
    }

    /** Every hotspot mutation the simulator plants is its protein change (p.G12D ...) for the planter and for annotate. */
    @Test
    void everyHotspotIsItsProteinChange() throws IOException {
        SyntheticGenome genome = TestCohorts.cohort(SEED, 40).genome();
        CodingPlanter planter = new CodingPlanter(genome);
        Map<String, String> labelOf = new LinkedHashMap<>();
        Map<String, String> geneOf = new HashMap<>();
        for (GeneLayout.HotspotMutation h : GeneLayout.MUTATIONS) {
            GeneModel m = GeneLayout.model(h.gene());
            GeneLayout.Codon c = GeneLayout.codon(h.gene(), h.codon());
            int pos = GeneLayout.codonBase(c, h.index());
            Variant v = new Variant(m.contig(), pos, String.valueOf(genome.base(m.contig(), pos)),
                    String.valueOf(m.plus() ? h.alt() : Codons.complement(h.alt())));
            CodingPlanter.Effect e = planter.effect(m, v);
            assertThat(e.consequence()).as(h.gene() + " " + h.label()).isEqualTo("missense_variant");
            assertThat(e.hgvspShort()).as(h.gene() + " " + h.label()).isEqualTo("p." + h.label());
            labelOf.put(v.key(), "p." + h.label());
            geneOf.put(v.key(), h.gene());
        }
        Path folder = dir.resolve("hotspots");
        Files.createDirectories(folder);
        for (String f : List.of("reference.fa", "reference.fa.fai", "genes.gtf")) {
            Files.copy(dir.resolve(f), folder.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        Map<String, String[]> got = annotate(folder, sitesVcf(folder, "hotspots.vcf", labelOf.keySet()), geneOf);
        labelOf.forEach((k, label) -> assertThat(got.get(k)).as(geneOf.get(k) + " " + k).containsExactly("missense_variant", label));
        assertThat(labelOf).hasSize(GeneLayout.MUTATIONS.size());
    }

    /** bcftools csq (local, one record at a time) names the same consequence and, for substitutions, the same amino acids. */
    private static void bcftoolsCsqAgrees(Path folder, Map<String, CodingPlanter.Planting> planted) throws IOException {
        Path bcftools = SystemTools.require("bcftools", "bcftools");
        List<String> lines;
        try {
            lines = BcftoolsOracleTest.run(bcftools.toString(), "csq", "-l", "-f", folder.resolve("reference.fa").toString(),
                    "-g", folder.resolve("genes.gff3").toString(), "-O", "v", folder.resolve("classes.vcf").toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        Map<String, String> soOf = Map.ofEntries(Map.entry("missense", "missense_variant"), Map.entry("stop_gained", "stop_gained"),
                Map.entry("synonymous", "synonymous_variant"), Map.entry("frameshift", "frameshift_variant"),
                Map.entry("inframe_deletion", "inframe_deletion"), Map.entry("inframe_insertion", "inframe_insertion"),
                Map.entry("splice_donor", "splice_donor_variant"), Map.entry("splice_acceptor", "splice_acceptor_variant"),
                Map.entry("intron", "intron_variant"), Map.entry("5_prime_utr", "5_prime_UTR_variant"),
                Map.entry("3_prime_utr", "3_prime_UTR_variant"));
        int compared = 0;
        List<String> bad = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            CodingPlanter.Planting p = planted.get(key(f[0], Integer.parseInt(f[1]), f[3], f[4]));
            String bcsq = f[7].replaceAll(".*BCSQ=", "").split(";")[0];
            String[] parts = bcsq.split(",")[0].split("\\|", -1);
            String term = parts[0].replace("*", "").split("&")[0];
            compared++;
            if (!p.effect().consequence().equals(soOf.get(term))) {
                bad.add(line + " planted " + p.effect());
                continue;
            }
            // substitutions: amino-acid change as 12G>12D / 109G
            if (p.variant().isSnv() && p.effect().hgvspShort() != null && parts.length > 5) {
                String aa = parts[5];
                String h = p.effect().hgvspShort().substring(2);
                String expected = h.endsWith("=") ? h.replaceAll("^([A-Z*])(\\d+)=$", "$2$1")
                        : h.replaceAll("^([A-Z*])(\\d+)([A-Z*])$", "$2$1>$2$3");
                if (!expected.equals(aa)) {
                    bad.add(line + " planted " + p.effect());
                }
            }
        }
        assertThat(compared).isEqualTo(planted.size());
        assertThat(bad).as("bcftools csq vs planted").isEmpty();
    }
}
