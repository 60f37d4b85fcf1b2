package org.oncoconcord.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.testing.SystemTools;

/**
 * Records whose FORMAT and INFO layouts alternate (Strelka2 writes one for SNVs and one for indels;
 * here six FORMAT layouts, more than the four the caches keep, and INFO keys that differ at the same
 * position), with numbers htslib reprints, indels in repeats of a soft-masked reference (left-aligned,
 * some with INFO/END) and multiallelic records: {@code normalize -m -any} writes the data lines
 * {@code bcftools norm} writes (the oracle; skipped when bcftools is absent).
 */
class AlternatingLayoutsTest {
    @TempDir
    Path tmp;

    private static final String[][] FORMATS = {
        {"DP:FDP:SDP:SUBDP:AU:CU:GU:TU", "i:i:i:i:p:p:p:p"},
        {"DP:DP2:TAR:TIR:TOR", "i:i:p:p:p"},
        {"GT:AD:AF:DP", "g:r:a:i"},
        {"DP:AF", "i:a"},
        {"AF:DP", "a:i"},
        {"GT:DP:FT", "g:i:s"},
    };

    @Test
    void alternatingLayoutsAgreeWithBcftools() throws IOException, InterruptedException {
        Path bcftools = SystemTools.require("bcftools", "bcftools");
        Random rnd = new Random(20261202);
        StringBuilder ref = new StringBuilder();
        while (ref.length() < 60_000) { // random bases, repeats and soft-masked stretches
            int kind = rnd.nextInt(4);
            String unit = kind == 0 ? "A" : kind == 1 ? "CA" : kind == 2 ? "GGT" : "";
            if (unit.isEmpty()) {
                for (int i = 0; i < 20; i++) {
                    ref.append("ACGT".charAt(rnd.nextInt(4)));
                }
            } else {
                String rep = unit.repeat(2 + rnd.nextInt(6));
                ref.append(rnd.nextInt(3) == 0 ? rep.toLowerCase() : rep);
            }
        }
        Path fa = tmp.resolve("ref.fa");
        Files.writeString(fa, ">1\n" + ref + "\n", StandardCharsets.US_ASCII);
        StringBuilder vcf = new StringBuilder("##fileformat=VCFv4.2\n##contig=<ID=1,length=" + ref.length() + ">\n");
        for (String h : new String[] {
            "INFO=<ID=SOMATIC,Number=0,Type=Flag,Description=\"s\">", "INFO=<ID=QSS,Number=1,Type=Integer,Description=\"q\">",
            "INFO=<ID=QSI,Number=1,Type=Integer,Description=\"q\">", "INFO=<ID=TQSS,Number=1,Type=Integer,Description=\"t\">",
            "INFO=<ID=TQSI,Number=1,Type=Integer,Description=\"t\">", "INFO=<ID=DP,Number=1,Type=Integer,Description=\"d\">",
            "INFO=<ID=MQ,Number=1,Type=Float,Description=\"m\">", "INFO=<ID=END,Number=1,Type=Integer,Description=\"e\">",
            "INFO=<ID=EVS,Number=1,Type=Float,Description=\"e\">",
            "FORMAT=<ID=GT,Number=1,Type=String,Description=\"g\">", "FORMAT=<ID=DP,Number=1,Type=Integer,Description=\"d\">",
            "FORMAT=<ID=FDP,Number=1,Type=Integer,Description=\"f\">", "FORMAT=<ID=SDP,Number=1,Type=Integer,Description=\"s\">",
            "FORMAT=<ID=SUBDP,Number=1,Type=Integer,Description=\"s\">", "FORMAT=<ID=DP2,Number=1,Type=Integer,Description=\"d\">",
            "FORMAT=<ID=AU,Number=2,Type=Integer,Description=\"a\">", "FORMAT=<ID=CU,Number=2,Type=Integer,Description=\"c\">",
            "FORMAT=<ID=GU,Number=2,Type=Integer,Description=\"g\">", "FORMAT=<ID=TU,Number=2,Type=Integer,Description=\"t\">",
            "FORMAT=<ID=TAR,Number=2,Type=Integer,Description=\"t\">", "FORMAT=<ID=TIR,Number=2,Type=Integer,Description=\"t\">",
            "FORMAT=<ID=TOR,Number=2,Type=Integer,Description=\"t\">", "FORMAT=<ID=AD,Number=R,Type=Integer,Description=\"a\">",
            "FORMAT=<ID=AF,Number=A,Type=Float,Description=\"a\">", "FORMAT=<ID=FT,Number=1,Type=String,Description=\"f\">"}) {
            vcf.append("##").append(h).append('\n');
        }
        vcf.append("#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\tNORMAL\tTUMOR\n");
        int records = 0;
        for (int pos = 30; pos < ref.length() - 40; pos += 5 + rnd.nextInt(40)) {
            String base = ref.substring(pos - 1, pos).toUpperCase();
            int kind = rnd.nextInt(5);
            String r;
            List<String> alts = new ArrayList<>();
            if (kind == 0) { // deletion (left-aligns inside repeats)
                r = ref.substring(pos - 1, pos + 1 + rnd.nextInt(3)).toUpperCase();
                alts.add(base);
            } else if (kind == 1) { // insertion copying the next bases (a repeat unit)
                r = base;
                alts.add(base + ref.substring(pos, pos + 1 + rnd.nextInt(3)).toUpperCase());
            } else { // SNV, sometimes multiallelic
                r = base;
                for (char c : "ACGT".toCharArray()) {
                    if (base.charAt(0) != c && (alts.isEmpty() || rnd.nextInt(4) == 0)) {
                        alts.add(String.valueOf(c));
                    }
                }
            }
            boolean snv = kind >= 2;
            String info = "SOMATIC;" + (snv ? "QSS=" : "QSI=") + rnd.nextInt(300) + ";" + (snv ? "TQSS=1" : "TQSI=2")
                    + ";DP=" + rnd.nextInt(500) + ";MQ=" + decimal(rnd) + ";EVS=" + decimal(rnd)
                    + (kind == 0 && rnd.nextBoolean() ? ";END=" + (pos + r.length() - 1) : "");
            String[] f = FORMATS[rnd.nextInt(FORMATS.length)];
            vcf.append("1\t").append(pos).append("\t.\t").append(r).append('\t').append(String.join(",", alts))
                    .append("\t.\tPASS\t").append(info).append('\t').append(f[0]);
            for (int s = 0; s < 2; s++) {
                vcf.append('\t').append(sample(f[1], alts.size(), rnd));
            }
            vcf.append('\n');
            records++;
        }
        Path in = tmp.resolve("in.vcf");
        Files.writeString(in, vcf, StandardCharsets.US_ASCII);
        Path ours = tmp.resolve("ours.vcf");
        Run run = Run.normalize(List.of("--no-standardize", "-f", fa.toString(), "-m", "-any", "-o", ours.toString(), in.toString()));
        assertThat(run.exit).as(run.err).isZero();
        Path theirs = tmp.resolve("bcftools.vcf");
        Process p = new ProcessBuilder(bcftools.toString(), "norm", "--no-version", "-f", fa.toString(), "-m", "-any", in.toString())
                .redirectOutput(theirs.toFile()).redirectError(tmp.resolve("bcftools.err").toFile()).start();
        assertThat(p.waitFor()).as(Files.readString(tmp.resolve("bcftools.err"))).isZero();
        List<String> expected = Run.dataLines(theirs);
        assertThat(records).isGreaterThan(1000);
        assertThat(expected.size()).isGreaterThan(records);
        // the input exercises what it is meant to: records moved by left-alignment, some carrying END
        java.util.Set<String> inPos = new java.util.HashSet<>();
        for (String l : Files.readAllLines(in)) {
            if (!l.startsWith("#")) {
                inPos.add(l.split("\t")[1]);
            }
        }
        long moved = expected.stream().skip(1).filter(l -> !inPos.contains(l.split("\t")[1])).count();
        long movedWithEnd = expected.stream().skip(1).filter(l -> !inPos.contains(l.split("\t")[1]) && l.contains(";END=")).count();
        assertThat(moved).isGreaterThan(50);
        assertThat(movedWithEnd).isGreaterThan(10);
        assertThat(Run.dataLines(ours)).containsExactlyElementsOf(expected);
    }

    /** A Float as callers write it: trailing zeros, an exponent now and then, or a plain integer. */
    private static String decimal(Random rnd) {
        int k = rnd.nextInt(10);
        if (k == 0) {
            return rnd.nextInt(9) + 1 + "." + rnd.nextInt(10) + "e+0" + rnd.nextInt(3);
        }
        if (k == 1) {
            return Integer.toString(rnd.nextInt(100));
        }
        return rnd.nextInt(100) + "." + rnd.nextInt(10) + "0";
    }

    /** One sample column: i Integer, p Integer pair, r per allele (REF + ALTs), a per ALT Float, g GT, s String. */
    private static String sample(String types, int nAlt, Random rnd) {
        StringBuilder sb = new StringBuilder();
        for (String t : types.split(":")) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            switch (t) {
                case "i" -> sb.append(rnd.nextInt(400));
                case "p" -> sb.append(rnd.nextInt(200)).append(',').append(rnd.nextInt(200));
                case "r" -> {
                    for (int i = 0; i <= nAlt; i++) {
                        sb.append(i > 0 ? "," : "").append(rnd.nextInt(100));
                    }
                }
                case "a" -> {
                    for (int i = 0; i < nAlt; i++) {
                        sb.append(i > 0 ? "," : "").append("0.").append(rnd.nextInt(10)).append(rnd.nextInt(10)).append('0');
                    }
                }
                case "g" -> sb.append(rnd.nextBoolean() ? "0/1" : "0|" + (1 + rnd.nextInt(nAlt)));
                default -> sb.append(rnd.nextBoolean() ? "PASS" : "q10");
            }
        }
        return sb.toString();
    }
}
