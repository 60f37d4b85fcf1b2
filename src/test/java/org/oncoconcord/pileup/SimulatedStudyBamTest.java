package org.oncoconcord.pileup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.cli.Main;
import org.oncoconcord.clonality.Ccf;
import org.oncoconcord.core.Proportion;
import org.oncoconcord.testing.SharedData;
import org.oncoconcord.testing.SystemTools;

/**
 * The BAMs {@code oncoconcord simulate} writes (config section {@code bams}; simulate/SiteBamWriter):
 * valid for samtools ({@code quickcheck}, {@code idxstats} over the reference's contigs), counted by
 * {@code oncoconcord pileup} exactly as {@code samtools mpileup} counts them, and holding the planted
 * truth of truth.json (read counts per site, alt reads only where the sample's clone carries the
 * variant, clonal/subclonal status from purity and CCF).
 */
class SimulatedStudyBamTest {
    @TempDir
    Path dir;

    /** One BAM of a simulated study: its samplesheet row and truth.json sample. */
    record StudyBam(String patient, String sample, String type, String readGroup, Path bam, JsonNode truthSample,
                    JsonNode truthPatient) {
    }

    static List<StudyBam> bams(Path study) throws IOException {
        JsonNode truth = new ObjectMapper().readTree(study.resolve("truth.json").toFile());
        Map<String, JsonNode[]> bySample = new HashMap<>();
        for (JsonNode p : truth.get("patients")) {
            for (JsonNode s : p.get("samples")) {
                bySample.put(s.get("sample").asText(), new JsonNode[] {s, p});
            }
        }
        List<StudyBam> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(study.resolve("samplesheet.csv"))) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(r)) {
                if (row.isMapped("bam") && !row.get("bam").isEmpty()) {
                    JsonNode[] t = bySample.get(row.get("sample"));
                    assertEquals(row.get("bam"), t[0].get("bam").asText(), "truth.json names the samplesheet's BAM");
                    out.add(new StudyBam(row.get("patient"), row.get("sample"), row.get("type"), row.get("tumor_sample"),
                            study.resolve(row.get("bam")), t[0], t[1]));
                }
            }
        }
        return out;
    }

    static List<String[]> sites(JsonNode truthSample) {
        List<String[]> out = new ArrayList<>();
        for (JsonNode s : truthSample.get("bam_sites")) {
            out.add(new String[] {s.get("chrom").asText(), s.get("pos").asText(), s.get("ref").asText(), s.get("alt").asText()});
        }
        return out;
    }

    static Path sitesTsv(Path file, List<String[]> sites) throws IOException {
        StringBuilder sb = new StringBuilder("#contig\tpos\tref\talt\n");
        for (String[] s : sites) {
            sb.append(String.join("\t", s)).append('\n');
        }
        Files.writeString(file, sb.toString());
        return file;
    }

    static String exec(Path work, String... command) throws IOException, InterruptedException {
        Path out = Files.createTempFile(work, "out", ".txt");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES), String.join(" ", command));
        String text = Files.readString(out);
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + text);
        return text;
    }

    /** samtools accepts every BAM and its index; idxstats lists the reference's contigs and lengths, all reads mapped. */
    static void validForSamtools(StudyBam b, Path study, Path work) throws IOException, InterruptedException {
        exec(work, "samtools", "quickcheck", "-v", b.bam().toString());
        List<String> fai = Files.readAllLines(study.resolve("reference.fa.fai"));
        List<String> idx = exec(work, "samtools", "idxstats", b.bam().toString()).lines().toList();
        assertEquals(fai.size() + 1, idx.size(), b.bam() + " idxstats: one line per contig and '*'");
        long mapped = 0;
        for (int i = 0; i < fai.size(); i++) {
            String[] f = fai.get(i).split("\t");
            String[] s = idx.get(i).split("\t");
            assertEquals(f[0] + "\t" + f[1], s[0] + "\t" + s[1], b.bam() + " contig " + i);
            assertEquals("0", s[3], b.bam() + " no unmapped reads on " + s[0]);
            mapped += Long.parseLong(s[2]);
        }
        assertTrue(mapped > 0, b.bam() + " has reads");
        assertEquals("*\t0\t0\t0", idx.get(fai.size()), b.bam() + " no unplaced reads");
    }

    /** pileup's five counts equal samtools mpileup at every planted site; returns pileup's rows. */
    Map<String, String[]> pileupEqualsSamtools(StudyBam b) throws Exception {
        Path work = Files.createDirectories(dir.resolve(b.sample()));
        List<String[]> sites = sites(b.truthSample());
        Path out = work.resolve("counts.tsv");
        Map<String, String[]> rows = PileupOracleTest.run(out, "pileup", "--quiet", "--sites",
                sitesTsv(work.resolve("sites.tsv"), sites).toString(), "--bam", b.bam().toString(), "-o", out.toString());
        assertEquals(sites.size(), rows.size(), b.sample() + ": one row per site");
        Map<String, int[]> oracle = SamtoolsOracle.counts(b.bam(), sites, work);
        double agree = PileupOracleTest.agreement(rows, b.readGroup(), oracle);
        System.err.println(b.sample() + ": " + sites.size() + " sites, agreement with samtools mpileup " + agree);
        assertEquals(1.0, agree, b.sample() + ": share of sites whose counts equal samtools mpileup");
        return rows;
    }

    @Test
    void demoBamsAreValidAndCountedAsSamtoolsCounts() throws Exception {
        SystemTools.require("samtools", "samtools");
        Path demo = SharedData.projectDir().resolve("assets/demo");
        List<StudyBam> bams = bams(demo);
        assertEquals(List.of("P003_T", "P003_M", "P005_T", "P005_M"), bams.stream().map(StudyBam::sample).toList());
        for (StudyBam b : bams) {
            validForSamtools(b, demo, dir);
            pileupEqualsSamtools(b);
        }
    }

    /**
     * Held-out seed, reads at the VCFs' depth (depth_scale 1): pileup recovers the planted counts (depth thinned
     * only by the read filters; VAF, with the planted base error rate, inside its 99% Wilson interval at all but the allowed few sites), alt reads are
     * planted exactly where the sample's clone carries the variant, and CCF from pileup counts and the planted
     * purity gives the planted clonal/subclonal label.
     */
    @Test
    void plantedCountsAndClonalityRecoveredOnAHeldOutSeed() throws Exception {
        SystemTools.require("samtools", "samtools");
        Path study = dir.resolve("study");
        Path cfg = Files.writeString(dir.resolve("sim.yaml"), "bams:\n  patients: [P001, P002, P003, P004, P005, P006]\n");
        assertEquals(0, Main.commandLine().execute("simulate", "--quiet", "--patients", "6", "--seed", "15052026", "--config",
                cfg.toString(), "--out", study.toString()));
        List<StudyBam> bams = bams(study);
        assertTrue(bams.size() >= 6, "tissue BAMs of 6 patients: " + bams.size());
        double e = errorRate(study);
        int sites = 0;
        int outside = 0;
        int labelled = 0;
        int labelRight = 0;
        for (StudyBam b : bams) {
            validForSamtools(b, study, dir);
            Map<String, String[]> rows = pileupEqualsSamtools(b);
            double purity = b.truthSample().get("purity").asDouble();
            Map<String, JsonNode> variants = new HashMap<>();
            for (JsonNode v : b.truthPatient().get("variants")) {
                variants.put(key(v), v);
            }
            boolean primary = b.type().equals("primary");
            for (JsonNode s : b.truthSample().get("bam_sites")) {
                String[] f = rows.get(key(s) + "|" + b.readGroup());
                int depth = Integer.parseInt(f[5]);
                int alt = Integer.parseInt(f[7]);
                int plantedDepth = s.get("depth").asInt();
                int plantedAlt = s.get("alt_reads").asInt();
                assertTrue(depth <= plantedDepth && depth >= 0.6 * plantedDepth,
                        b.sample() + " " + key(s) + ": depth " + depth + " vs planted " + plantedDepth + " (filters remove only some)");
                sites++;
                Proportion vaf = Proportion.wilson(alt, depth, 0.99);
                // expected ALT fraction of the reads: planted ALT reads not hit by an error, plus REF reads whose error made this ALT
                double planted = (double) plantedAlt / plantedDepth * (1 - e) + (1 - (double) plantedAlt / plantedDepth) * e / 3;
                if (planted < vaf.lower() || planted > vaf.upper()) {
                    outside++;
                    System.err.println("outside 99% interval: " + b.sample() + " " + key(s) + " planted " + plantedAlt + "/"
                            + plantedDepth + " pileup " + alt + "/" + depth);
                }
                JsonNode v = variants.get(key(s));
                if (v == null || v.get("ch").asBoolean() || v.get("origin").asText().equals("germline")) {
                    continue; // artefact or blood call: not in the tumour
                }
                boolean inClone = v.get(primary ? "primary" : "metastasis").asBoolean();
                if (inClone) {
                    assertTrue(plantedAlt >= 4, b.sample() + " " + key(s) + ": a called tissue variant has its alt reads planted");
                    String clonality = v.get(primary ? "clonality_primary" : "clonality_metastatic_clone").asText();
                    Ccf ccf = Ccf.of(alt, depth, purity, 2, 1);
                    labelled++;
                    if (ccf.clonal() == clonality.equals("clonal")) {
                        labelRight++;
                    }
                } else {
                    assertEquals(0, plantedAlt, b.sample() + " " + key(s) + ": no alt read planted outside the clone");
                }
            }
        }
        // multiple-quantity rule (docs/SIMULATE.md) at 99%: at most m of K sites may miss
        int m = 0;
        BinomialDistribution misses = new BinomialDistribution(null, sites, 0.01);
        while (1 - misses.cumulativeProbability(m) > 0.01) {
            m++;
        }
        double accuracy = (double) labelRight / labelled;
        System.err.println("held-out seed: " + bams.size() + " BAMs, " + sites + " sites, " + outside + " planted VAFs outside the pileup's 99% "
                + "interval (allowed " + m + "); clonal/subclonal labels from pileup counts and planted purity " + labelRight + "/" + labelled
                + " = " + accuracy);
        assertTrue(outside <= m, outside + " sites outside, allowed " + m);
        assertTrue(labelled > 50, "labelled variants " + labelled);
        assertTrue(accuracy >= 0.8, "clonal/subclonal accuracy " + accuracy);
    }

    private static double errorRate(Path study) throws IOException {
        return new ObjectMapper().readTree(study.resolve("truth.json").toFile()).at("/parameters/bams/error_rate").asDouble();
    }

    private static String key(JsonNode v) {
        return v.get("chrom").asText() + ":" + v.get("pos").asText() + ":" + v.get("ref").asText() + ":" + v.get("alt").asText();
    }
}
