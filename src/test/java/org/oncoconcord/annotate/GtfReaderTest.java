package org.oncoconcord.annotate;

import org.oncoconcord.vcf.GenomeBuild;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import htsjdk.samtools.util.BlockCompressedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.core.UserException;

/**
 * A GENCODE-style GTF written from the shipped GRCh37 models (CDS without the stop codon plus a
 * stop_codon feature, a competing longer non-MANE transcript per gene) is read back into the same
 * models, and gives identical annotations for SNVs and indels along every transcript.
 */
class GtfReaderTest {
    @TempDir
    Path dir;

    @Test
    void gtfOfTheShippedModelsGivesIdenticalAnnotations() throws Exception {
        TranscriptSet shipped = TranscriptSet.shipped(GenomeBuild.GRCh37);
        Path gtf = Files.writeString(dir.resolve("models.gtf"), gtf(shipped));
        assertSameModelsAndAnnotations(shipped, GtfReader.read(gtf));
    }

    /**
     * Ensembl and GENCODE ship their GTF gzipped ({@code .gtf.gz}), bgzip writes BGZF (many gzip members):
     * both read as the plain file, told apart by their first bytes, not their names.
     */
    @Test
    void gzippedAndBgzippedGtfReadAsThePlainOne() throws Exception {
        TranscriptSet shipped = TranscriptSet.shipped(GenomeBuild.GRCh37);
        byte[] text = gtf(shipped).getBytes(StandardCharsets.UTF_8);
        assertThat(text.length).as("more than one BGZF block").isGreaterThan(2 * 65536);
        Path gz = dir.resolve("models.gtf.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(text);
        }
        Path bgz = dir.resolve("models.gtf.bgz");
        try (OutputStream out = new BlockCompressedOutputStream(bgz.toFile())) {
            out.write(text);
        }
        Path unnamed = Files.copy(gz, dir.resolve("gzipped-but-named.gtf"));
        for (Path p : List.of(gz, bgz, unnamed)) {
            TranscriptSet read = GtfReader.read(p);
            assertThat(read.source()).as(p.toString()).startsWith("GTF " + p.getFileName() + " (" + shipped.all().size() + " coding genes");
            assertSameModelsAndAnnotations(shipped, read);
        }
    }

    /** Ensembl's GTF gives the transcript id without its version and the version apart: read as one versioned id. */
    @Test
    void ensemblTranscriptVersionJoinsTheId() throws Exception {
        TranscriptSet shipped = TranscriptSet.shipped(GenomeBuild.GRCh37);
        StringBuilder ensembl = new StringBuilder();
        for (String l : gtf(shipped).split("\n")) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("transcript_id \"(ENST\\d+)\\.(\\d+)\";").matcher(l);
            ensembl.append(m.find() ? m.replaceFirst("transcript_id \"$1\"; transcript_version \"$2\";") : l).append('\n');
        }
        assertThat(ensembl.toString()).contains("transcript_version \"").doesNotContain("transcript_id \"ENST00000256078.");
        assertSameModelsAndAnnotations(shipped, GtfReader.read(Files.writeString(dir.resolve("ensembl.gtf"), ensembl)));
    }

    /**
     * Bytes that are not UTF-8 (a binary file given as GTF) are an error naming the line that holds them,
     * also far beyond the reader's decoding read-ahead; UTF-8 text that is not ASCII is read as it is.
     */
    @Test
    void bytesThatAreNotTextNameTheirLine() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int i = 0; i < 3000; i++) {
            b.write("#padding line, skipped by the reader\n".getBytes(StandardCharsets.US_ASCII));
        }
        String bad = line("chr1", "exon", 10, 50, "+", "transcript_id \"T\"; gene_name \"G@\";");
        byte[] badBytes = bad.getBytes(StandardCharsets.US_ASCII);
        badBytes[bad.indexOf('@')] = (byte) 0xff;
        b.write(badBytes);
        Path gtf = Files.write(dir.resolve("binary.gtf"), b.toByteArray());
        assertThatThrownBy(() -> GtfReader.read(gtf)).isInstanceOf(UserException.class)
                .hasMessageStartingWith(gtf + ":3001: not UTF-8 text");
        Path utf8 = Files.writeString(dir.resolve("utf8.gtf"), line("chr1", "exon", 10, 50, "+",
                "transcript_id \"T\"; gene_name \"G\u00c9NE\";") + line("chr1", "CDS", 10, 48, "+", "transcript_id \"T\"; gene_name \"G\u00c9NE\";"),
                StandardCharsets.UTF_8);
        assertThat(GtfReader.read(utf8).all()).extracting(Transcript::gene).containsExactly("G\u00c9NE");
    }

    /**
     * {@code read} (from a GTF/GFF3 written from {@code shipped}) holds the same transcripts, and gives
     * the same annotations for SNVs, deletions and insertions every 97 bp along each transcript +-100 bp.
     */
    static void assertSameModelsAndAnnotations(TranscriptSet shipped, TranscriptSet read) {
        List<Transcript> withCds = new ArrayList<>();
        for (Transcript t : read.all()) {
            Transcript s = shipped.gene(t.gene());
            assertThat(t.id()).isEqualTo(s.ensemblId());
            assertThat(new int[] {t.txStart(), t.txEnd(), t.cdsStart(), t.cdsEnd(), t.exonCount()})
                    .containsExactly(s.txStart(), s.txEnd(), s.cdsStart(), s.cdsEnd(), s.exonCount());
            withCds.add(s.cds() == null ? t : t.withCds(s.cds()));
        }
        assertThat(read.all()).hasSameSizeAs(shipped.all());
        Annotator ours = new Annotator(shipped);
        Annotator fromFile = new Annotator(new TranscriptSet("file", withCds));
        int compared = 0;
        for (Transcript s : shipped.all()) {
            String chrom = s.chrom().replaceFirst("^chr", "");
            for (int pos = s.txStart() - 100; pos <= s.txEnd() + 100; pos += 97) {
                for (Allele a : List.of(Allele.fromVcf(chrom, pos, "A", "G"), Allele.fromVcf(chrom, pos, "AC", "A"),
                        Allele.fromVcf(chrom, pos, "A", "AT"))) {
                    List<String> x = ours.annotate(a).stream().map(GtfReaderTest::text).toList();
                    List<String> y = fromFile.annotate(a).stream().map(GtfReaderTest::text).toList();
                    assertThat(y).as(a.toString()).isEqualTo(x.stream().map(z -> z.replace(s.id(), s.ensemblId())).toList());
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(3_000);
    }

    private static String text(Annotation a) {
        return a.transcript() == null ? "intergenic" : String.join("|", a.transcript().gene(), a.transcript().id(), a.consequenceTerms(),
                a.hgvsc().replaceFirst("^[^:]*:", ""), a.hgvspShort(), a.exon(), a.intron(), a.cdsPosition(), a.proteinPosition());
    }

    /**
     * GENCODE lines: gene, a longer decoy transcript, the MANE transcript (tagged) with exon, CDS, stop_codon,
     * attributes laid out as GENCODE's (numbers unquoted: {@code exon_number 3; level 2;}).
     */
    static String gtf(TranscriptSet set) {
        StringBuilder b = new StringBuilder("##description: written from the shipped models\n");
        for (Transcript t : set.all()) {
            String strand = t.plus() ? "+" : "-";
            String attr = "gene_id \"G_" + t.gene() + "\"; transcript_id \"" + t.ensemblId() + "\"; gene_type \"protein_coding\"; gene_name \""
                    + t.gene() + "\"; transcript_type \"protein_coding\";";
            String decoy = "gene_id \"G_" + t.gene() + "\"; transcript_id \"DECOY_" + t.gene() + "\"; gene_name \"" + t.gene() + "\";";
            b.append(line(t.chrom(), "gene", t.txStart(), t.txEnd(), strand, "gene_id \"G_" + t.gene() + "\"; gene_name \"" + t.gene() + "\";"));
            b.append(line(t.chrom(), "exon", t.txStart() - 5000, t.txEnd() + 5000, strand, decoy));
            b.append(line(t.chrom(), "transcript", t.txStart(), t.txEnd(), strand, attr + " tag \"basic\"; tag \"MANE_Select\";"));
            int stopFirst = t.plus() ? t.cdsEnd() - 2 : t.cdsStart();
            int stopLast = t.plus() ? t.cdsEnd() : t.cdsStart() + 2;
            for (int i = 0; i < t.exonCount(); i++) {
                int number = t.plus() ? i + 1 : t.exonCount() - i;
                String exon = attr + " exon_number " + number + "; exon_id \"E" + number + "\"; level 2; tag \"basic\"; tag \"MANE_Select\";";
                b.append(line(t.chrom(), "exon", t.exonStart(i), t.exonEnd(i), strand, exon));
                int s = Math.max(t.exonStart(i), t.plus() ? t.cdsStart() : stopLast + 1);
                int e = Math.min(t.exonEnd(i), t.plus() ? stopFirst - 1 : t.cdsEnd());
                if (s <= e) {
                    b.append(line(t.chrom(), "CDS", s, e, strand, exon));
                }
            }
            // the stop codon (within one exon for these models)
            b.append(line(t.chrom(), "stop_codon", stopFirst, stopLast, strand, attr + " tag \"MANE_Select\";"));
        }
        return b.toString();
    }

    private static String line(String chrom, String type, int start, int end, String strand, String attr) {
        return String.join("\t", chrom, "HAVANA", type, Integer.toString(start), Integer.toString(end), ".", strand, ".", attr) + "\n";
    }

    /** The CLI with its stderr into {@code err}. */
    private static picocli.CommandLine cli(java.io.StringWriter err) {
        picocli.CommandLine cl = org.oncoconcord.cli.Main.commandLine();
        cl.setErr(new java.io.PrintWriter(err));
        return cl;
    }

    /**
     * A hand-made gene on a 60-bp contig (CDS ATG..TAA at 11-40, GGT codon 3 at 17-19): the FASTA (contig
     * {@code fastaContig}), its GTF (contig {@code gtfContig}, transcript {@code transcript} tagged {@code tag})
     * and a VCF of G>A at 18 (on the FASTA's contig), named {@code name}.*; returns {FASTA, GTF, VCF}.
     */
    private Path[] handMadeGene(String name, String fastaContig, String gtfContig, String transcript, String tag) throws Exception {
        String seq = "CCCCCCCCCC" + "ATGAAAGGTGGCAAACCCGGGTTTCAGTAA" + "CCCCCCCCCCCCCCCCCCCC";
        Path fa = Files.writeString(dir.resolve(name + ".fa"), ">" + fastaContig + "\n" + seq + "\n");
        Files.writeString(dir.resolve(name + ".fa.fai"), fastaContig + "\t60\t" + (fastaContig.length() + 2) + "\t60\t61\n");
        String attr = "gene_id \"G1\"; transcript_id \"" + transcript + "\"; gene_name \"GENE1\"; tag \"" + tag + "\";";
        Path gtf = Files.writeString(dir.resolve(name + ".gtf"), line(gtfContig, "exon", 5, 50, "+", attr)
                + line(gtfContig, "CDS", 11, 37, "+", attr) + line(gtfContig, "stop_codon", 38, 40, "+", attr));
        Path vcf = Files.writeString(dir.resolve(name + ".vcf"), "##fileformat=VCFv4.2\n##contig=<ID=" + fastaContig + ",length=60>\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n" + fastaContig + "\t18\t.\tG\tA\t.\tPASS\t.\n");
        return new Path[] {fa, gtf, vcf};
    }

    /** annotate --gtf on a hand-made gene (GGT codon 3 at t1:17-19): c.8G>A p.G3D from the FASTA's codons; --gtf without --fasta is a usage error. */
    @Test
    void annotateCommandUsesTheGtf() throws Exception {
        Path[] files = handMadeGene("t", "t1", "t1", "TX1", "MANE_Select");
        Path fa = files[0];
        Path gtf = files[1];
        Path vcf = files[2];
        Path out = dir.resolve("out.vcf");
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cl = cli(err);
        assertThat(cl.execute("annotate", "--genome", "GRCh38", "--gtf", gtf.toString(), "-o", out.toString(), vcf.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--gtf needs --fasta");
        int rc = cl.execute("annotate", "--genome", "GRCh38", "--gtf", gtf.toString(), "--fasta", fa.toString(), "-o", out.toString(), vcf.toString());
        assertThat(rc).as(err.toString()).isZero();
        String body = Files.readAllLines(out).stream().filter(l -> l.startsWith("t1")).findFirst().orElseThrow();
        assertThat(body).contains("A|missense_variant|MODERATE|GENE1|").contains("TX1:c.8G>A").contains("|p.G3D|");
    }

    /**
     * NCBI names chromosomes by RefSeq accession ({@code NC_000007.14}): such models fit a FASTA and VCF
     * that say {@code chr7}; models none of whose contigs the FASTA has are refused, naming both sides
     * (they would have annotated every variant as intergenic).
     */
    @Test
    void refSeqAccessionsMatchAndDisjointContigsAreRefused() throws Exception {
        Path[] files = handMadeGene("c7", "chr7", "NC_000007.14", "NM_1.1", "MANE Select");
        Path fa = files[0];
        Path gtf = files[1];
        Path vcf = files[2];
        Path out = dir.resolve("c7.out.vcf");
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cl = cli(err);
        int rc = cl.execute("annotate", "--gtf", gtf.toString(), "--fasta", fa.toString(), "-o", out.toString(), vcf.toString());
        assertThat(rc).as(err.toString()).isZero();
        String body = Files.readAllLines(out).stream().filter(l -> l.startsWith("chr7")).findFirst().orElseThrow();
        assertThat(body).contains("A|missense_variant|MODERATE|GENE1|").contains("NM_1.1:c.8G>A").contains("|p.G3D|");

        Path other = Files.writeString(dir.resolve("other.gtf"), Files.readString(gtf).replace("NC_000007.14", "scaffold_7"));
        rc = cl.execute("annotate", "--gtf", other.toString(), "--fasta", fa.toString(), "-o", out.toString(), vcf.toString());
        assertThat(rc).isEqualTo(1);
        assertThat(err.toString()).contains("c7.fa: none of the contigs of the 1 transcript models (GTF other.gtf")
                .contains(": scaffold_7) is in the FASTA (chr7)");
    }

    /**
     * Models of another build (same contig names, other coordinates) splice into sequences that are not open
     * reading frames: with 10 or more genes and fewer than half ATG ... stop, annotate refuses, naming the
     * counts; {@code --no-cds-check} goes on; models whose CDS are ORFs pass. (Twelve 30-bp genes on one contig.)
     */
    @Test
    void modelsThatDoNotSpliceIntoOrfsAreRefused() throws Exception {
        java.util.Random rnd = new java.util.Random(5);
        StringBuilder random = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            random.append("ACGT".charAt(rnd.nextInt(4)));
        }
        StringBuilder orfs = new StringBuilder(random);
        StringBuilder gtfText = new StringBuilder();
        for (int g = 0; g < 12; g++) {
            int start = 101 + g * 150; // CDS start..start+26, stop codon +27..+29 (1-based)
            String attr = "gene_id \"G" + g + "\"; transcript_id \"T" + g + "\"; gene_name \"GENE" + g + "\"; tag \"MANE_Select\";";
            gtfText.append(line("t1", "exon", start - 10, start + 40, "+", attr)).append(line("t1", "CDS", start, start + 26, "+", attr))
                    .append(line("t1", "stop_codon", start + 27, start + 29, "+", attr));
            orfs.replace(start - 1, start + 29, "ATGAAAGGTGGCAAACCCGGGTTTCAGTAA");
        }
        Path gtf = Files.writeString(dir.resolve("twelve.gtf"), gtfText.toString());
        Path vcf = Files.writeString(dir.resolve("t1.vcf"), "##fileformat=VCFv4.2\n##contig=<ID=t1,length=2000>\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\nt1\t50\t.\t" + random.charAt(49) + "\t"
                + (random.charAt(49) == 'A' ? "C" : "A") + "\t.\tPASS\t.\n");
        Path out = dir.resolve("t1.out.vcf");
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cl = cli(err);
        Path other = Files.writeString(dir.resolve("other.fa"), ">t1\n" + random + "\n");
        Files.writeString(dir.resolve("other.fa.fai"), "t1\t2000\t4\t2000\t2001\n");
        assertThat(cl.execute("annotate", "--gtf", gtf.toString(), "--fasta", other.toString(), "-o", out.toString(), vcf.toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("other.fa: only ").contains(" of the 12 coding sequences of GTF twelve.gtf")
                .contains("start with ATG and end with a stop codon").contains("--no-cds-check");
        assertThat(out).doesNotExist();
        assertThat(cl.execute("annotate", "--gtf", gtf.toString(), "--fasta", other.toString(), "--no-cds-check", "-o", out.toString(),
                vcf.toString())).as(err.toString()).isZero();
        Path fit = Files.writeString(dir.resolve("fit.fa"), ">t1\n" + orfs + "\n");
        Files.writeString(dir.resolve("fit.fa.fai"), "t1\t2000\t4\t2000\t2001\n");
        Files.writeString(vcf, Files.readString(vcf).replace("\t" + random.charAt(49) + "\t", "\t" + orfs.charAt(49) + "\t"));
        assertThat(cl.execute("annotate", "--gtf", gtf.toString(), "--fasta", fit.toString(), "-o", out.toString(), vcf.toString()))
                .as(err.toString()).isZero();
        assertThat(TranscriptSet.isOrf("ATGAAATAA")).isTrue();
        assertThat(TranscriptSet.isOrf("ATGAAATA")).isFalse();
        assertThat(TranscriptSet.isOrf("ATGAAACAA")).isFalse();
        assertThat(TranscriptSet.isOrf("CTGAAATGA")).isFalse();
    }

    @Test
    void badLinesNameFileAndLine() throws Exception {
        Path gtf = Files.writeString(dir.resolve("bad.gtf"), "#c\nchr1\tx\texon\t10\t5\t.\t+\t.\ttranscript_id \"T\"; gene_name \"G\";\n");
        assertThatThrownBy(() -> GtfReader.read(gtf)).isInstanceOf(UserException.class).hasMessageContaining("bad.gtf:2: start 10 and end 5");
        Path gff3 = Files.writeString(dir.resolve("x.gff3"), "chr1\tx\texon\t1\t5\t.\t+\t.\tID=exon1;Parent=T1\n");
        assertThatThrownBy(() -> GtfReader.read(gff3)).hasMessageContaining("x.gff3:1: attribute column is not GTF");
        Path cols = Files.writeString(dir.resolve("c.gtf"), "chr1\tx\texon\t1\t5\n");
        assertThatThrownBy(() -> GtfReader.read(cols)).hasMessageContaining("c.gtf:1: 5 tab-separated columns");
    }

    /** The reader's in-place checks (numbers, strand, attributes) give the same errors, each naming file and line. */
    @Test
    void badFieldsNameFileAndLine() throws Exception {
        String ok = "chr1\tx\texon\t10\t50\t.\t+\t.\ttranscript_id \"T\"; gene_name \"G\";\n";
        String[][] cases = {
            {"chr1\tx\texon\t1O\t50\t.\t+\t.\ttranscript_id \"T\";\n", ":2: start/end '1O'/'50' are not whole numbers"},
            {"chr1\tx\tCDS\t10\t\t.\t+\t.\ttranscript_id \"T\";\n", ":2: start/end '10'/'' are not whole numbers"},
            {"chr1\tx\texon\t10\t50\t.\t++\t.\ttranscript_id \"T\";\n", ":2: strand '++' is not + or -"},
            {"chr1\tx\texon\t10\t50\t.\t.\t.\ttranscript_id \"T\";\n", ":2: strand '.' is not + or -"},
            {"chr1\tx\texon\t10\t50\t.\t+\t.\tgene_name \"G\";\n", ":2: no transcript_id attribute"},
            {"chr1\tx\texon\t10\t50\t.\t+\t.\ttranscript_id \"\"; gene_name \"G\";\n", ":2: no transcript_id attribute"},
            {"chr1\tx\texon\t10\t50\t.\t+\t.\ttranscript_id \"T\";\n", ":2: no gene_id attribute"},
            {"chr1\tx\texon\t10\t50\t.\t+\t.\ttranscript_id \"T\"; gene_name G;\n", ":2: attribute column is not GTF 'key \"value\";' pairs near ' gene_name G;' (a GFF3 file is read with --gff3)"},
            {"chr2\tx\texon\t60\t90\t.\t+\t.\ttranscript_id \"T\"; gene_name \"G\";\n", ":2: transcript T changes contig, strand or gene"},
        };
        for (String[] c : cases) {
            Path gtf = Files.writeString(dir.resolve("f.gtf"), ok + c[0]);
            assertThatThrownBy(() -> GtfReader.read(gtf)).as(c[0]).isInstanceOf(UserException.class).hasMessage(gtf + c[1]);
        }
    }

    /**
     * Lines of two transcripts interleaved (the reader reuses a value equal to the line before's):
     * each keeps its own id, gene, contig and exons; trailing blanks after the last attribute are allowed.
     */
    @Test
    void interleavedTranscriptsKeepTheirOwnValues() throws Exception {
        String a = "gene_id \"GA\"; transcript_id \"TA\"; gene_name \"AAA\";";
        String b = "gene_id \"GB\"; transcript_id \"TAB\"; gene_name \"AA\"; tag \"Ensembl_canonical\";  ";
        Path gtf = Files.writeString(dir.resolve("i.gtf"), line("chr1", "exon", 100, 200, "+", a) + line("chr10", "exon", 150, 260, "-", b)
                + line("chr1", "CDS", 120, 200, "+", a) + line("chr10", "CDS", 150, 240, "-", b) + line("chr1", "exon", 300, 400, "+", a)
                + line("chr10", "exon", 500, 600, "-", b) + line("chr1", "CDS", 300, 380, "+", a));
        TranscriptSet set = GtfReader.read(gtf);
        Transcript ta = set.gene("AAA");
        Transcript tb = set.gene("AA");
        assertThat(List.of(ta.id(), ta.chrom(), ta.plus(), ta.txStart(), ta.txEnd(), ta.cdsStart(), ta.cdsEnd(), ta.exonCount()))
                .containsExactly("TA", "chr1", true, 100, 400, 120, 380, 2);
        assertThat(List.of(tb.id(), tb.chrom(), tb.plus(), tb.txStart(), tb.txEnd(), tb.cdsStart(), tb.cdsEnd(), tb.exonCount()))
                .containsExactly("TAB", "chr10", false, 150, 600, 150, 240, 2);
    }
}
