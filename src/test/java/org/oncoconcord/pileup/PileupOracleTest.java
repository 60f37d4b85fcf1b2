package org.oncoconcord.pileup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.cli.Main;
import org.oncoconcord.simulate.BamWriter;
import org.oncoconcord.testing.SystemTools;

/**
 * {@code oncoconcord pileup} against samtools mpileup (same filters, overlap removal) on BAMs
 * simulated by {@link BamWriter} (planted VAFs, errors, duplicates, overlapping mates, flags) and
 * on real aligned reads (art_illumina + bwa mem + samtools).
 */
class PileupOracleTest {

    @TempDir
    Path dir;

    /** Planted SNVs, insertions and deletions spaced 60 bp apart plus unplanted sites. */
    static List<BamWriter.Planted> plant(Map<String, byte[]> ref, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<BamWriter.Planted> out = new ArrayList<>();
        String bases = "ACGT";
        for (Map.Entry<String, byte[]> e : ref.entrySet()) {
            byte[] b = e.getValue();
            for (int pos = 200; pos < b.length - 200; pos += 60 + rng.nextInt(40)) {
                char r = (char) b[pos - 1];
                double vaf = new double[] {0.0, 0.02, 0.05, 0.2, 0.5, 1.0}[rng.nextInt(6)];
                int kind = rng.nextInt(4);
                String refAllele;
                String alt;
                if (kind <= 1) {
                    char a;
                    do {
                        a = bases.charAt(rng.nextInt(4));
                    } while (a == r);
                    refAllele = String.valueOf(r);
                    alt = String.valueOf(a);
                } else if (kind == 2) {
                    int n = 1 + rng.nextInt(4);
                    refAllele = new String(b, pos - 1, n + 1, java.nio.charset.StandardCharsets.US_ASCII);
                    alt = String.valueOf(r);
                } else {
                    StringBuilder ins = new StringBuilder().append(r);
                    for (int k = 0; k < 1 + rng.nextInt(3); k++) {
                        ins.append(bases.charAt(rng.nextInt(4)));
                    }
                    refAllele = String.valueOf(r);
                    alt = ins.toString();
                }
                out.add(new BamWriter.Planted(e.getKey(), pos, refAllele, alt, vaf));
            }
        }
        return out;
    }

    static Path sitesTsv(Path file, List<BamWriter.Planted> planted) throws IOException {
        StringBuilder sb = new StringBuilder("#contig\tpos\tref\talt\n");
        for (BamWriter.Planted p : planted) {
            sb.append(p.contig()).append('\t').append(p.pos()).append('\t').append(p.ref()).append('\t').append(p.alt()).append('\n');
        }
        Files.writeString(file, sb.toString());
        return file;
    }

    /** Output rows keyed "contig:pos:ref:alt|sample". */
    static Map<String, String[]> run(Path out, String... args) throws IOException {
        int code = Main.commandLine().execute(args);
        assertEquals(0, code, "pileup exit code");
        List<String> lines = Files.readAllLines(out);
        assertEquals(PileupCommand.HEADER, lines.get(0));
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            rows.put(f[0] + ":" + f[1] + ":" + f[2] + ":" + f[3] + "|" + f[4], f);
        }
        return rows;
    }

    /** Fraction of the oracle's sites whose five counts equal the oracle's; prints the differing ones. */
    static double agreement(Map<String, String[]> rows, String sample, Map<String, int[]> oracle) {
        int same = 0;
        for (Map.Entry<String, int[]> e : oracle.entrySet()) {
            String[] f = rows.get(e.getKey() + "|" + sample);
            int[] o = e.getValue();
            int[] mine = {Integer.parseInt(f[9]), Integer.parseInt(f[10]), Integer.parseInt(f[11]), Integer.parseInt(f[12]),
                    Integer.parseInt(f[8])};
            if (java.util.Arrays.equals(o, mine)) {
                same++;
            } else {
                System.err.println("differs " + e.getKey() + " oracle=" + java.util.Arrays.toString(o) + " pileup=" + java.util.Arrays.toString(mine));
            }
        }
        return (double) same / oracle.size();
    }

    static List<String[]> keys(List<BamWriter.Planted> planted) {
        List<String[]> out = new ArrayList<>();
        for (BamWriter.Planted p : planted) {
            out.add(new String[] {p.contig(), Integer.toString(p.pos()), p.ref(), p.alt()});
        }
        return out;
    }

    @Test
    void simulatedBamMatchesSamtoolsAndPlantedFractions() throws Exception {
        SystemTools.require("samtools", "samtools");
        SystemTools.require("bcftools", "bcftools");
        Map<String, Integer> lengths = new LinkedHashMap<>();
        lengths.put("chrA", 30_000);
        lengths.put("chrB", 20_000);
        Map<String, byte[]> ref = BamWriter.randomReference(lengths, 11);
        List<BamWriter.Planted> planted = plant(ref, 12);
        Path bam = dir.resolve("s1.bam");
        BamWriter.write(bam, "S1", ref, planted, BamWriter.Config.standard(13));
        Path sites = sitesTsv(dir.resolve("sites.tsv"), planted);
        Path out = dir.resolve("counts.tsv");
        Map<String, String[]> rows = run(out, "pileup", "--quiet", "--sites", sites.toString(), "--bam", bam.toString(), "-o", out.toString());
        assertEquals(planted.size(), rows.size());
        Map<String, int[]> oracle = SamtoolsOracle.counts(bam, keys(planted), dir);
        double agree = agreement(rows, "S1", oracle);
        System.err.println("simulated: " + planted.size() + " sites, agreement with samtools " + agree);
        assertTrue(agree >= 0.999, "agreement " + agree);
        Path fa = dir.resolve("ref.fa");
        BamWriter.writeFasta(fa, ref);
        Map<String, int[]> bcftools = BcftoolsOracle.snvCounts(bam, fa, keys(planted), dir);
        double agreeBcf = agreement(rows, "S1", bcftools);
        System.err.println("simulated: " + bcftools.size() + " SNV sites, agreement with bcftools " + agreeBcf);
        assertTrue(bcftools.size() > 200 && agreeBcf >= 0.999, "agreement with bcftools " + agreeBcf);
        // planted truth: observed VAF near the planted fraction (depth ~ 40 after filters)
        double absErr = 0;
        int n = 0;
        for (BamWriter.Planted p : planted) {
            String[] f = rows.get(p.contig() + ":" + p.pos() + ":" + p.ref() + ":" + p.alt() + "|S1");
            int depth = Integer.parseInt(f[5]);
            assertTrue(depth >= 10, "depth at " + p);
            absErr += Math.abs((double) Integer.parseInt(f[7]) / depth - p.vaf());
            n++;
            if (p.vaf() == 0.0) {
                // only sequencing errors (1% per base, a third of them to this ALT) can show the ALT here
                assertTrue(Integer.parseInt(f[7]) <= 3, "no ALT reads planted at " + p.pos() + " " + String.join(",", f));
            }
        }
        assertTrue(absErr / n < 0.06, "mean |VAF - planted| = " + absErr / n);
    }

    @Test
    void realAlignedReadsMatchSamtools() throws Exception {
        for (String tool : List.of("samtools", "bcftools", "bwa", "art_illumina")) {
            SystemTools.require(tool, tool.equals("art_illumina") ? "art-nextgen-simulation-tools" : tool);
        }
        Map<String, Integer> lengths = new LinkedHashMap<>();
        lengths.put("chr1", 40_000);
        Map<String, byte[]> ref = BamWriter.randomReference(lengths, 21);
        List<BamWriter.Planted> planted = plant(ref, 22);
        Path fa = dir.resolve("ref.fa");
        BamWriter.writeFasta(fa, ref);
        // the ALT haplotype: every planted variant with VAF > 0 applied (reads from both copies: 50% VAF)
        byte[] r = ref.get("chr1");
        StringBuilder alt = new StringBuilder();
        int next = 1;
        Map<String, Double> expected = new HashMap<>();
        for (BamWriter.Planted p : planted) {
            boolean on = p.vaf() > 0;
            alt.append(new String(r, next - 1, p.pos() - next, java.nio.charset.StandardCharsets.US_ASCII));
            alt.append(on ? p.alt() : p.ref());
            next = p.pos() + p.ref().length();
            expected.put(p.pos() + "", on ? 0.5 : 0.0);
        }
        alt.append(new String(r, next - 1, r.length - next + 1, java.nio.charset.StandardCharsets.US_ASCII));
        Path altFa = dir.resolve("alt.fa");
        Files.writeString(altFa, ">chr1\n" + alt + "\n");
        sh("bwa index " + fa + " 2>/dev/null");
        // distinct read-name prefixes: both runs would otherwise name their reads chr1-1, chr1-2, ... and
        // htslib pairs mates by name alone (docs/PILEUP.md, "chr1:34871")
        sh("art_illumina -q -ss HS25 -d ref -i " + fa + " -p -l 100 -f 20 -m 250 -s 40 -rs 5 -na -o " + dir.resolve("r_"));
        sh("art_illumina -q -ss HS25 -d alt -i " + altFa + " -p -l 100 -f 20 -m 250 -s 40 -rs 6 -na -o " + dir.resolve("a_"));
        sh("cat " + dir.resolve("r_1.fq") + " " + dir.resolve("a_1.fq") + " > " + dir.resolve("1.fq") + " && cat "
                + dir.resolve("r_2.fq") + " " + dir.resolve("a_2.fq") + " > " + dir.resolve("2.fq"));
        Path bam = dir.resolve("real.bam");
        sh("bwa mem -t 1 -R '@RG\\tID:x\\tSM:REAL' " + fa + " " + dir.resolve("1.fq") + " " + dir.resolve("2.fq")
                + " 2>/dev/null | samtools fixmate -m - - | samtools sort -o " + dir.resolve("sorted.bam")
                + " - && samtools markdup -s " + dir.resolve("sorted.bam") + " " + bam + " 2>/dev/null && samtools index " + bam);
        Path sites = sitesTsv(dir.resolve("sites.tsv"), planted);
        Path out = dir.resolve("counts.tsv");
        Map<String, String[]> rows = run(out, "pileup", "--quiet", "--sites", sites.toString(), "--bam", bam.toString(),
                "--fasta", fa.toString(), "-o", out.toString());
        Map<String, int[]> oracle = SamtoolsOracle.counts(bam, keys(planted), dir);
        double agree = agreement(rows, "REAL", oracle);
        System.err.println("real (art+bwa): " + planted.size() + " sites, agreement with samtools " + agree);
        assertTrue(agree >= 0.999, "agreement " + agree);
        Map<String, int[]> bcftools = BcftoolsOracle.snvCounts(bam, fa, keys(planted), dir);
        double agreeBcf = agreement(rows, "REAL", bcftools);
        System.err.println("real (art+bwa): " + bcftools.size() + " SNV sites, agreement with bcftools " + agreeBcf);
        assertTrue(bcftools.size() > 200 && agreeBcf >= 0.999, "agreement with bcftools " + agreeBcf);
        // the same reads as CRAM (reference-compressed; htsjdk decodes it with --fasta): identical counts
        Path cram = dir.resolve("real.cram");
        sh("samtools view -C -T " + fa + " -o " + cram + " " + bam + " && samtools index " + cram);
        Path cramOut = dir.resolve("counts_cram.tsv");
        Map<String, String[]> cramRows = run(cramOut, "pileup", "--quiet", "--sites", sites.toString(), "--bam", cram.toString(),
                "--fasta", fa.toString(), "-o", cramOut.toString());
        assertEquals(rows.keySet(), cramRows.keySet());
        for (var e : rows.entrySet()) {
            assertEquals(String.join("\t", e.getValue()), String.join("\t", cramRows.get(e.getKey())), "CRAM vs BAM at " + e.getKey());
        }
        int recovered = 0;
        int on = 0;
        for (BamWriter.Planted p : planted) {
            String[] f = rows.get(p.contig() + ":" + p.pos() + ":" + p.ref() + ":" + p.alt() + "|REAL");
            // SNVs only: planted indels are not left-aligned (e.g. GG>G), so bwa may place them elsewhere
            if (p.vaf() > 0 && p.ref().length() == 1 && p.alt().length() == 1) {
                on++;
                recovered += Integer.parseInt(f[7]) >= 3 ? 1 : 0;
            }
        }
        assertTrue(recovered >= 0.95 * on, recovered + " of " + on + " planted SNVs have >= 3 ALT reads");
    }

    static void sh(String cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("bash", "-c", "set -o pipefail; " + cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(cmd + " failed: " + text);
        }
    }
}
