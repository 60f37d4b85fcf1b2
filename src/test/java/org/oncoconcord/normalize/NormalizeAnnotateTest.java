package org.oncoconcord.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.cli.Main;

/**
 * {@code normalize --annotate}: the CSQ added while writing equals what {@code oncoconcord annotate}
 * writes on the normalized VCF (the oracle: the separate annotate pass), record by record, and the
 * rest of each line equals plain {@code normalize}'s output.
 */
class NormalizeAnnotateTest {
    @TempDir
    Path dir;

    private static int cli(StringWriter err, String... args) {
        picocli.CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static String gtfLine(String type, int start, int end, String strand, String gene) {
        String attr = "gene_id \"" + gene + "\"; transcript_id \"" + gene + ".1\"; gene_name \"" + gene + "\"; tag \"MANE_Select\";";
        return String.join("\t", "t1", "test", type, Integer.toString(start), Integer.toString(end), ".", strand, ".", attr) + "\n";
    }

    /** The INFO/CSQ value of a data line, or "" without one. */
    private static String csq(String line) {
        String info = line.split("\t", -1)[7];
        for (String kv : info.split(";")) {
            if (kv.startsWith("CSQ=")) {
                return kv.substring(4);
            }
        }
        return "";
    }

    /** The data line without its CSQ (INFO back to '.' when CSQ was all of it). */
    private static String withoutCsq(String line) {
        String[] c = line.split("\t", -1);
        List<String> kept = new ArrayList<>();
        for (String kv : c[7].split(";")) {
            if (!kv.startsWith("CSQ=")) {
                kept.add(kv);
            }
        }
        c[7] = kept.isEmpty() ? "." : String.join(";", kept);
        return String.join("\t", c);
    }

    private static List<String> records(Path vcf) throws Exception {
        return Run.dataLines(vcf).stream().filter(l -> !l.startsWith("#")).toList();
    }

    /** Random reference with two genes (plus and minus strand, three exons each) and 400 random alleles over them. */
    @Test
    void gtfModelsSameCsqAsAnnotateOnTheNormalizedVcf() throws Exception {
        Random rnd = new Random(20261202);
        StringBuilder seq = new StringBuilder();
        String acgt = "ACGT";
        while (seq.length() < 12000) {
            if (rnd.nextInt(20) == 0) { // short repeats, so that indels are left-aligned
                char b = acgt.charAt(rnd.nextInt(4));
                seq.append(String.valueOf(b).repeat(3 + rnd.nextInt(5)));
            } else {
                seq.append(acgt.charAt(rnd.nextInt(4)));
            }
        }
        seq.setLength(12000);
        StringBuilder fa = new StringBuilder(">t1\n");
        for (int i = 0; i < seq.length(); i += 60) {
            fa.append(seq, i, Math.min(seq.length(), i + 60)).append('\n');
        }
        Path ref = Files.writeString(dir.resolve("ref.fa"), fa.toString());
        Path gtf = Files.writeString(dir.resolve("g.gtf"),
                gtfLine("exon", 101, 400, "+", "GP") + gtfLine("exon", 601, 900, "+", "GP") + gtfLine("exon", 1101, 1400, "+", "GP")
                        + gtfLine("CDS", 131, 400, "+", "GP") + gtfLine("CDS", 601, 900, "+", "GP")
                        + gtfLine("CDS", 1101, 1370, "+", "GP") + gtfLine("stop_codon", 1371, 1373, "+", "GP")
                        + gtfLine("exon", 1601, 1900, "-", "GM") + gtfLine("exon", 2101, 2400, "-", "GM")
                        + gtfLine("exon", 2601, 2900, "-", "GM") + gtfLine("CDS", 1631, 1900, "-", "GM")
                        + gtfLine("CDS", 2101, 2400, "-", "GM") + gtfLine("CDS", 2601, 2870, "-", "GM")
                        + gtfLine("stop_codon", 1628, 1630, "-", "GM"));
        StringBuilder vcf = new StringBuilder("##fileformat=VCFv4.2\n##contig=<ID=t1,length=12000>\n"
                + "##INFO=<ID=DP,Number=1,Type=Integer,Description=\"Depth\">\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n");
        int pos = 20;
        for (int k = 0; k < 400 && pos < 3150; k++) {
            pos += 1 + rnd.nextInt(14);
            int kind = rnd.nextInt(10);
            String r = seq.substring(pos - 1, pos);
            String alt;
            if (kind < 5) {
                alt = String.valueOf("ACGT".replace(r, "").charAt(rnd.nextInt(3)));
            } else if (kind < 7) {
                int n = 1 + rnd.nextInt(kind == 5 ? 2 : 7);
                r = seq.substring(pos - 1, pos + n);
                alt = r.substring(0, 1);
            } else if (kind < 9) {
                StringBuilder ins = new StringBuilder(r);
                int n = 1 + rnd.nextInt(kind == 7 ? 2 : 6);
                for (int i = 0; i < n; i++) {
                    ins.append(acgt.charAt(rnd.nextInt(4)));
                }
                alt = ins.toString();
            } else {
                String snv = String.valueOf("ACGT".replace(r, "").charAt(0));
                alt = snv + "," + r + seq.charAt(pos) + seq.charAt(pos + 1);
            }
            vcf.append("t1\t").append(pos).append("\t.\t").append(r).append('\t').append(alt).append("\t.\tPASS\t")
                    .append(rnd.nextBoolean() ? "." : "DP=" + (10 + rnd.nextInt(90))).append('\n');
        }
        for (int p = 7000; p < 12000; p += 250) { // beyond both genes' 5 kb flanks from 7,901 on: intergenic
            String r = seq.substring(p - 1, p);
            vcf.append("t1\t").append(p).append("\t.\t").append(r).append('\t').append("ACGT".replace(r, "").charAt(0))
                    .append("\t.\tPASS\t.\n");
        }
        Path in = Files.writeString(dir.resolve("in.vcf"), vcf.toString());
        // no --genome: with a GTF the build is not needed (this reference shows none)
        assertSameAsTwoPasses(in, List.of("-f", ref.toString()), List.of("--gtf", gtf.toString()),
                List.of("--fasta", ref.toString()));
        List<String> annotated = records(dir.resolve("one_pass.vcf"));
        assertThat(annotated.stream().filter(l -> csq(l).contains("missense_variant")).count()).isGreaterThan(10);
        assertThat(annotated.stream().filter(l -> csq(l).contains("frameshift_variant")).count()).isGreaterThan(5);
        assertThat(annotated.stream().filter(l -> csq(l).contains("|GM|")).count()).isGreaterThan(20);
        assertThat(annotated.stream().filter(l -> csq(l).contains("|intergenic_variant|")).count()).isEqualTo(16);
        assertThat(annotated.stream().filter(l -> csq(l).contains("downstream_gene_variant")).count()).isGreaterThan(3);
    }

    /** Shipped GRCh37 models without a FASTA (codons from the shipped CDS): KRAS G12D, BRAF V600E, a TP53 splice donor. */
    @Test
    void shippedModelsSameCsqAsAnnotate() throws Exception {
        Path in = Files.writeString(dir.resolve("in.vcf"), "##fileformat=VCFv4.2\n##contig=<ID=7,length=159138663>\n"
                + "##contig=<ID=12,length=133851895>\n##contig=<ID=17,length=81195210>\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n"
                + "7\t140453136\t.\tA\tT,<DEL>\t.\tPASS\t.\n"
                + "12\t1000\t.\tA\tG\t.\tPASS\t.\n"
                + "12\t25398284\t.\tC\tT\t.\tPASS\t.\n"
                + "12\t25398303\t.\tGT\tG\t.\tPASS\t.\n"
                + "17\t7578406\t.\tC\tT\t.\tPASS\t.\n"
                + "17\t7579311\t.\tC\tT\t.\tPASS\t.\n");
        assertSameAsTwoPasses(in, List.of(), List.of("--genome", "GRCh37"), List.of());
        List<String> annotated = records(dir.resolve("one_pass.vcf"));
        assertThat(annotated).hasSize(7);
        assertThat(csq(annotated.get(0))).contains("|BRAF|").contains("|p.V600E|");
        assertThat(csq(annotated.get(1))).isEmpty(); // the symbolic allele gets no CSQ
        assertThat(csq(annotated.get(3))).contains("|KRAS|").contains("|p.G12D|");
        assertThat(csq(annotated.get(6))).startsWith("T|splice_donor_variant|HIGH|TP53|");
    }

    /**
     * Runs {@code normalize NORM --annotate ANNOT -o one_pass.vcf} and {@code normalize NORM -o normalized.vcf} then
     * {@code annotate ANNOT ANNOTATE_ONLY -o two_pass.vcf normalized.vcf}: same CSQ on every record, same header line,
     * and the one-pass lines without CSQ are the plain normalize lines.
     */
    private void assertSameAsTwoPasses(Path in, List<String> norm, List<String> annot, List<String> annotateOnly) throws Exception {
        Path onePass = dir.resolve("one_pass.vcf");
        Path normalized = dir.resolve("normalized.vcf");
        Path twoPass = dir.resolve("two_pass.vcf");
        StringWriter err = new StringWriter();
        List<String> a = new ArrayList<>(List.of("normalize", "--quiet", "-m", "-any"));
        a.addAll(norm);
        a.add("--annotate");
        a.addAll(annot);
        a.addAll(List.of("-o", onePass.toString(), in.toString()));
        assertThat(cli(err, a.toArray(String[]::new))).as(err.toString()).isZero();
        List<String> b = new ArrayList<>(List.of("normalize", "--quiet", "-m", "-any"));
        b.addAll(norm);
        b.addAll(List.of("-o", normalized.toString(), in.toString()));
        assertThat(cli(err, b.toArray(String[]::new))).as(err.toString()).isZero();
        List<String> c = new ArrayList<>(List.of("annotate", "--quiet"));
        c.addAll(annot);
        c.addAll(annotateOnly);
        c.addAll(List.of("-o", twoPass.toString(), normalized.toString()));
        assertThat(cli(err, c.toArray(String[]::new))).as(err.toString()).isZero();

        List<String> one = records(onePass);
        List<String> plain = records(normalized);
        List<String> two = records(twoPass);
        assertThat(one).hasSameSizeAs(two).hasSameSizeAs(plain).isNotEmpty();
        for (int i = 0; i < one.size(); i++) {
            String[] o = one.get(i).split("\t", -1);
            String[] t = two.get(i).split("\t", -1);
            assertThat(o[0] + ":" + o[1] + ":" + o[3] + ":" + o[4]).isEqualTo(t[0] + ":" + t[1] + ":" + t[3] + ":" + t[4]);
            assertThat(csq(one.get(i))).as("CSQ of %s", one.get(i)).isEqualTo(csq(two.get(i)));
            assertThat(withoutCsq(one.get(i))).isEqualTo(plain.get(i));
        }
        String csqHeader = Run.headerLines(onePass).stream().filter(l -> l.startsWith("##INFO=<ID=CSQ,")).findFirst().orElseThrow();
        assertThat(Run.headerLines(twoPass)).contains(csqHeader);
    }

    /** REF disagreeing with the shipped CDS at most coding alleles: the wrong build, refused, no output. */
    @Test
    void wrongBuildIsRefusedWithoutOutput() throws Exception {
        StringBuilder vcf = new StringBuilder("##fileformat=VCFv4.2\n##contig=<ID=12,length=133851895>\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n");
        for (int p = 25398280; p < 25398286; p++) {
            for (String r : List.of("A", "C", "G", "T")) {
                vcf.append("12\t").append(p).append("\t.\t").append(r).append('\t').append(r.equals("A") ? "C" : "A")
                        .append("\t.\tPASS\t.\n");
            }
        }
        Path in = Files.writeString(dir.resolve("in.vcf"), vcf.toString());
        Path out = dir.resolve("out.vcf");
        StringWriter err = new StringWriter();
        assertThat(cli(err, "normalize", "--quiet", "--annotate", "--genome", "GRCh37", "-o", out.toString(), in.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("in.vcf").contains("REF differs from the GRCh37 CDS").doesNotContain("\tat ");
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("in.vcf");
        }
    }

    @Test
    void usageErrors() throws Exception {
        Path in = Files.writeString(dir.resolve("in.vcf"), "##fileformat=VCFv4.2\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n");
        Path out = dir.resolve("out.vcf");
        StringWriter err = new StringWriter();
        assertThat(cli(err, "normalize", "--annotate", "-o", out.toString(), in.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no genome build: --genome not given and nothing tells it");
        assertThat(cli(err, "normalize", "--genome", "GRCh37", "-o", out.toString(), in.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("need --annotate");
        assertThat(cli(err, "normalize", "--annotate", "--genome", "GRCh37", "--gtf", in.toString(), "-o", out.toString(),
                in.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--gtf needs -f");
        assertThat(out).doesNotExist();
    }
}
