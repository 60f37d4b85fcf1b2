package org.oncoconcord.annotate;

import org.oncoconcord.vcf.GenomeBuild;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.cli.Main;
import org.oncoconcord.core.UserException;
import org.oncoconcord.testing.SystemTools;
import picocli.CommandLine;

/** {@code oncoconcord annotate}: CSQ read back by bcftools +split-vep, existing annotations kept, build checks. */
class AnnotateCommandTest {
    private static final String HEADER = "##fileformat=VCFv4.2\n##contig=<ID=12,length=133851895>\n"
            + "##contig=<ID=17,length=81195210>\n##contig=<ID=7,length=159138663>\n"
            + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";
    /** GRCh37: KRAS G12D, BRAF V600E, TP53 c.375+1G>A, KRAS c.15del, intergenic, TP53 R175H. */
    private static final String GRCH37_RECORDS = "7\t140453136\t.\tA\tT\t.\tPASS\t.\n"
            + "12\t1000\t.\tA\tG\t.\tPASS\t.\n"
            + "12\t25398284\t.\tC\tT\t.\tPASS\t.\n"
            + "12\t25398303\t.\tGT\tG\t.\tPASS\t.\n"
            + "17\t7578406\t.\tC\tT\t.\tPASS\t.\n"
            + "17\t7579311\t.\tC\tT\t.\tPASS\t.\n";

    /** A header that shows no build (no contig lengths, no reference named). */
    private static final String NO_LENGTHS = "##fileformat=VCFv4.2\n##contig=<ID=12>\n##contig=<ID=17>\n##contig=<ID=7>\n"
            + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";

    static int run(StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static List<String> exec(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out.lines().toList();
    }

    @Test
    void csqIsReadByBcftoolsSplitVep(@TempDir Path dir) throws Exception {
        SystemTools.require("bcftools", "bcftools");
        Path in = dir.resolve("in.vcf");
        Files.writeString(in, HEADER + GRCH37_RECORDS);
        Path out = dir.resolve("out.vcf.gz");
        StringWriter err = new StringWriter();
        assertThat(run(err, "annotate", "--genome", "GRCh37", "-o", out.toString(), in.toString(), "--quiet")).as(err.toString()).isZero();
        assertThat(dir.resolve("out.vcf.gz.tbi")).exists();
        List<String> rows = exec("bcftools", "+split-vep", "-d", "-f",
                "%CHROM:%POS %Consequence %IMPACT %SYMBOL %Feature %HGVSc %HGVSp %HGVSp_Short %EXON %INTRON %Protein_position\n",
                out.toString());
        assertThat(rows).containsExactly(
                "7:140453136 missense_variant MODERATE BRAF NM_004333.6 NM_004333.6:c.1799T>A NP_004324.2:p.Val600Glu p.V600E 15/18 . 600",
                "12:1000 intergenic_variant MODIFIER . . . . . . . .",
                "12:25398284 missense_variant MODERATE KRAS NM_004985.5 NM_004985.5:c.35G>A NP_004976.2:p.Gly12Asp p.G12D 2/5 . 12",
                "12:25398303 frameshift_variant HIGH KRAS NM_004985.5 NM_004985.5:c.15del NP_004976.2:p.Lys5AsnfsTer4 p.K5Nfs*4 2/5 . 5",
                "17:7578406 missense_variant MODERATE TP53 NM_000546.6 NM_000546.6:c.524G>A NP_000537.3:p.Arg175His p.R175H 5/11 . 175",
                "17:7579311 splice_donor_variant HIGH TP53 NM_000546.6 NM_000546.6:c.375+1G>A . . . 4/10 .");
        // the Format header lists every field in order
        List<String> fields = exec("bcftools", "+split-vep", "-l", out.toString());
        assertThat(fields).hasSize(Csq.FIELDS.size());
        for (int i = 0; i < fields.size(); i++) {
            assertThat(fields.get(i)).isEqualTo(i + "\t" + Csq.FIELDS.get(i));
        }
    }

    @Test
    void existingAnnotationsAreKeptUnlessReannotate(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("vep.vcf");
        String csqHeader = "##INFO=<ID=CSQ,Number=.,Type=String,Description=\"Consequence annotations from Ensembl VEP. Format: Allele|Consequence\">\n";
        Files.writeString(in, HEADER.replace("#CHROM", csqHeader + "#CHROM")
                + "12\t25398284\t.\tC\tT\t.\tPASS\tCSQ=T|missense_variant\n");
        Path kept = dir.resolve("kept.vcf");
        StringWriter err = new StringWriter();
        assertThat(run(err, "annotate", "--genome", "GRCh37", "-o", kept.toString(), in.toString())).isZero();
        assertThat(err.toString()).contains("already carries CSQ");
        assertThat(Files.readString(kept)).contains("CSQ=T|missense_variant\n").contains("Ensembl VEP");
        Path redone = dir.resolve("redone.vcf");
        assertThat(run(new StringWriter(), "annotate", "--genome", "GRCh37", "--reannotate", "-o", redone.toString(),
                in.toString(), "--quiet")).isZero();
        String text = Files.readString(redone);
        assertThat(text).contains("oncoconcord annotate").contains("|p.G12D|").doesNotContain("CSQ=T|missense_variant\n");
    }

    @Test
    void wrongBuildIsRefusedWithOneLine(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in.vcf");
        Files.writeString(in, HEADER + GRCH37_RECORDS);
        Path out = dir.resolve("out.vcf");
        // GRCh37 coordinates read as GRCh38: few fall in a GRCh38 CDS, so add GRCh38-CDS positions with GRCh37 REFs
        StringBuilder records = new StringBuilder();
        Transcript kras38 = TranscriptSet.shipped(GenomeBuild.GRCh38).gene("KRAS");
        for (int c = 0; c < 10; c++) {
            int pos = kras38.genomicOfCds(c);
            char base = AminoAcids.reverseComplement(kras38.cds().substring(c, c + 1)).charAt(0);
            char wrong = base == 'A' ? 'C' : 'A';
            records.append("12\t").append(pos).append("\t.\t").append(wrong).append("\tG\t.\tPASS\t.\n");
        }
        // a header without contig lengths: only the REF check can tell (a header showing GRCh37 is refused earlier)
        Files.writeString(in, NO_LENGTHS + records);
        StringWriter err = new StringWriter();
        assertThat(run(err, "annotate", "--genome", "GRCh38", "-o", out.toString(), in.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(in + ": REF differs from the GRCh38 CDS at 10 of 10 coding alleles")
                .contains("check --genome").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    /** Issue 12 item 8: the VCF and its .tbi are written all or none (an unwritable index left the VCF before). */
    @Test
    void unwritableIndexLeavesNoVcf(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("in.vcf");
        Files.writeString(in, HEADER + GRCH37_RECORDS);
        Path out = dir.resolve("out.vcf.gz");
        Files.createDirectories(dir.resolve("out.vcf.gz.tbi"));
        StringWriter err = new StringWriter();
        assertThat(run(err, "annotate", "--genome", "GRCh37", "-o", out.toString(), in.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("out.vcf.gz.tbi").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactlyInAnyOrder("in.vcf", "out.vcf.gz.tbi");
        }
        Files.delete(dir.resolve("out.vcf.gz.tbi"));
        assertThat(run(err, "annotate", "--genome", "GRCh37", "-o", out.toString(), in.toString())).isZero();
        assertThat(out).exists();
        assertThat(dir.resolve("out.vcf.gz.tbi")).isRegularFile();
    }

    @Test
    void codonsComeFromTheFastaAndADisagreeingFastaIsAnError(@TempDir Path dir) throws IOException {
        // a two-exon plus-strand gene on a toy contig: exons 11-30 and 41-60, CDS 15..50 (ATG..TAA)
        String fullCds = "ATGGCTAAAGGTCGTTGGTTTCAAAGCTAA"; // M A K G R W F Q S *: c.1-16 in exon 1, c.17-30 in exon 2
        Transcript t = new Transcript("TOY", "NM_TOY.1", "ENST_TOY", "NP_TOY.1", "toy", true, 11, 60, 15, 54,
                new int[] {11, 41}, new int[] {30, 60}, fullCds);
        String genome = "N".repeat(10) + "CCCC" + fullCds.substring(0, 16) + "GTAAGTCCAG" + fullCds.substring(16) + "CCCCCC"
                + "N".repeat(10);
        Path fa = dir.resolve("toy.fa");
        Files.writeString(fa, ">toy\n" + genome + "\n");
        TranscriptSet set = new TranscriptSet("toy", List.of(t));
        try (ReferenceBases ref = new ReferenceBases(fa)) {
            TranscriptSet withFasta = set.withReference(ref, "toy");
            assertThat(withFasta.gene("TOY").cds()).isEqualTo(fullCds);
            Annotation a = new Annotator(withFasta).annotate(new Allele("toy", 42, "G", "A")).get(0);
            assertThat(a.hgvsc()).isEqualTo("NM_TOY.1:c.18G>A");
            assertThat(a.hgvspShort()).isEqualTo("p.W6*");
        }
        Path bad = dir.resolve("bad.fa");
        Files.writeString(bad, ">toy\n" + genome.substring(0, 41) + "C" + genome.substring(42) + "\n");
        try (ReferenceBases ref = new ReferenceBases(bad)) {
            UserException e = assertThrows(UserException.class, () -> set.withReference(ref, "GRCh37"));
            assertThat(e.getMessage()).contains("TOY NM_TOY.1 at c.18").contains("toy:42 reads C").contains("check --genome");
        }
    }

    /** Issue 13: without --genome the build comes from the VCF header; the output is that of --genome with that build. */
    @Test
    void buildComesFromTheVcfHeader(@TempDir Path dir) throws IOException {
        Path in = Files.writeString(dir.resolve("in.vcf"), HEADER + GRCH37_RECORDS);
        Path stated = dir.resolve("stated.vcf");
        Path detected = dir.resolve("detected.vcf");
        assertThat(run(new StringWriter(), "annotate", "--genome", "GRCh37", "--quiet", "-o", stated.toString(), in.toString())).isZero();
        StringWriter err = new StringWriter();
        assertThat(run(err, "annotate", "-o", detected.toString(), in.toString())).as(err.toString()).isZero();
        assertThat(err.toString()).contains("genome build GRCh37 (VCF header: ##contig 3 contig lengths of GRCh37");
        assertThat(dataLines(detected)).isEqualTo(dataLines(stated)).anyMatch(l -> l.contains("|p.G12D|"));
    }

    /** A stated build that the header contradicts is refused before anything is annotated. */
    @Test
    void statedBuildContradictingTheHeaderIsRefused(@TempDir Path dir) throws IOException {
        Path in = Files.writeString(dir.resolve("in.vcf"), HEADER + GRCH37_RECORDS);
        Path out = dir.resolve("out.vcf");
        StringWriter err = new StringWriter();
        assertThat(run(err, "annotate", "--genome", "GRCh38", "-o", out.toString(), in.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("--genome GRCh38 but " + in + " is GRCh37 (##contig 3 contig lengths of GRCh37")
                .contains("wrong genome build").doesNotContain("\tat ");
        assertThat(out).doesNotExist();
    }

    /** The shipped models need a build: nothing telling it is a usage error naming what was looked at. */
    @Test
    void noBuildForTheShippedModelsIsAUsageError(@TempDir Path dir) throws IOException {
        Path in = Files.writeString(dir.resolve("in.vcf"), NO_LENGTHS + GRCH37_RECORDS);
        Path out = dir.resolve("out.vcf");
        StringWriter err = new StringWriter();
        assertThat(run(err, "annotate", "-o", out.toString(), in.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no genome build: --genome not given and nothing tells it (no reference FASTA; "
                + "VCF header: no ##contig lengths of GRCh37/GRCh38 and no ##reference naming a build)")
                .contains("give --genome GRCh37|GRCh38");
        assertThat(out).doesNotExist();
    }

    /**
     * With a GTF the build is not needed (codons come from the FASTA): a toy genome that shows no
     * build is annotated without --genome; a FASTA index showing GRCh38 beside a GRCh37 header, or
     * beside --genome GRCh37, is refused.
     */
    @Test
    void gtfNeedsNoBuildButBuildsMustAgree(@TempDir Path dir) throws IOException {
        String seq = "CCCCCCCCCC" + "ATGAAAGGTGGCAAACCCGGGTTTCAGTAA" + "CCCCCCCCCCCCCCCCCCCC";
        Path fa = Files.writeString(dir.resolve("t.fa"), ">t1\n" + seq + "\n");
        String attr = "gene_id \"G1\"; transcript_id \"TX1\"; gene_name \"GENE1\"; tag \"MANE_Select\";";
        Path gtf = Files.writeString(dir.resolve("t.gtf"), String.join("\n",
                String.join("\t", "t1", "test", "exon", "5", "50", ".", "+", ".", attr),
                String.join("\t", "t1", "test", "CDS", "11", "37", ".", "+", ".", attr),
                String.join("\t", "t1", "test", "stop_codon", "38", "40", ".", "+", ".", attr)) + "\n");
        String header = "##fileformat=VCFv4.2\n##contig=<ID=t1,length=60>\n#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n";
        Path vcf = Files.writeString(dir.resolve("in.vcf"), header + "t1\t18\t.\tG\tA\t.\tPASS\t.\n");
        Path out = dir.resolve("out.vcf");
        StringWriter err = new StringWriter();
        assertThat(run(err, "annotate", "--gtf", gtf.toString(), "--fasta", fa.toString(), "-o", out.toString(), vcf.toString()))
                .as(err.toString()).isZero();
        assertThat(err.toString()).contains("genome build UNKNOWN (reference: no human chromosome of GRCh37 or GRCh38 length");
        assertThat(dataLines(out)).singleElement().asString().contains("|TX1:c.8G>A|").contains("|p.G3D|");

        // the same FASTA indexed as if it also held GRCh38's chromosome 1 (never read here)
        Files.writeString(dir.resolve("t.fa.fai"), "t1\t60\t4\t60\t61\n1\t248956422\t70\t60\t61\n");
        Path header37 = Files.writeString(dir.resolve("in37.vcf"), header.replace("##contig=<ID=t1,length=60>",
                "##contig=<ID=t1,length=60>\n##contig=<ID=1,length=249250621>") + "t1\t18\t.\tG\tA\t.\tPASS\t.\n");
        err = new StringWriter();
        assertThat(run(err, "annotate", "--gtf", gtf.toString(), "--fasta", fa.toString(), "-o", out.toString(),
                header37.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("genome builds differ: " + fa + " is GRCh38").contains(header37 + " is GRCh37");
        err = new StringWriter();
        assertThat(run(err, "annotate", "--genome", "GRCh37", "--gtf", gtf.toString(), "--fasta", fa.toString(),
                "-o", out.toString(), vcf.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("--genome GRCh37 but " + fa + " is GRCh38 (1 contig length of GRCh38, e.g. 1 length 248956422)");
        err = new StringWriter();
        assertThat(run(err, "annotate", "--gtf", gtf.toString(), "--fasta", fa.toString(), "-o", out.toString(), vcf.toString()))
                .as(err.toString()).isZero();
        assertThat(err.toString()).contains("genome build GRCh38 (reference t.fa: 1 contig length of GRCh38");
    }

    private static List<String> dataLines(Path vcf) throws IOException {
        return Files.readAllLines(vcf).stream().filter(l -> !l.startsWith("#")).toList();
    }
}
