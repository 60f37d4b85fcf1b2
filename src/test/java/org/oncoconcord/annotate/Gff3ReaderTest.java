package org.oncoconcord.annotate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.core.UserException;
import org.oncoconcord.vcf.GenomeBuild;

/**
 * GFF3 written from the shipped GRCh37 models in Ensembl's layout (gene / mRNA / exon / CDS with the
 * stop codon inside the CDS, a longer non-MANE mRNA per gene, children listed before their parent
 * for some genes, gzipped) is read back by htsjdk's codec into the same models and gives identical
 * annotations along every transcript; RefSeq's layout (gene= attribute, "MANE Select" tag) too.
 */
class Gff3ReaderTest {
    @TempDir
    Path dir;

    @Test
    void ensemblGff3OfTheShippedModelsGivesIdenticalAnnotations() throws Exception {
        TranscriptSet shipped = TranscriptSet.shipped(GenomeBuild.GRCh37);
        Path gff3 = dir.resolve("models.gff3.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gff3))) {
            out.write(ensembl(shipped).getBytes(StandardCharsets.UTF_8));
        }
        TranscriptSet read = Gff3Reader.read(gff3);
        assertThat(read.source()).startsWith("GFF3 models.gff3.gz (" + shipped.all().size() + " coding genes");
        GtfReaderTest.assertSameModelsAndAnnotations(shipped, read);
    }

    @Test
    void refSeqLayoutAndAnnotateCommand() throws Exception {
        String seq = "CCCCCCCCCC" + "ATGAAAGGTGGCAAACCCGGGTTTCAGTAA" + "CCCCCCCCCCCCCCCCCCCC";
        Path fa = Files.writeString(dir.resolve("t.fa"), ">t1\n" + seq + "\n");
        Files.writeString(dir.resolve("t.fa.fai"), "t1\t60\t4\t60\t61\n");
        // RefSeq: the transcript names its gene with gene=, the MANE tag has a space (URL-encoded here as %20)
        Path gff3 = Files.writeString(dir.resolve("t.gff3"), "##gff-version 3\n"
                + line("t1", "gene", 5, 50, "+", "ID=gene-GENE1;Name=GENE1;gene=GENE1")
                + line("t1", "mRNA", 5, 50, "+", "ID=rna-NM_1.1;Parent=gene-GENE1;gene=GENE1;transcript_id=NM_1.1;tag=MANE%20Select")
                + line("t1", "exon", 5, 50, "+", "ID=exon-NM_1.1-1;Parent=rna-NM_1.1;gene=GENE1")
                + line("t1", "CDS", 11, 40, "+", "ID=cds-NP_1.1;Parent=rna-NM_1.1;gene=GENE1")
                + line("t1", "mRNA", 5, 45, "+", "ID=rna-XM_9.1;Parent=gene-GENE1;gene=GENE1;transcript_id=XM_9.1")
                + line("t1", "exon", 5, 45, "+", "ID=exon-XM_9.1-1;Parent=rna-XM_9.1;gene=GENE1")
                + line("t1", "CDS", 11, 43, "+", "ID=cds-XP_9.1;Parent=rna-XM_9.1;gene=GENE1"));
        TranscriptSet read = Gff3Reader.read(gff3);
        assertThat(read.all()).singleElement().satisfies(t -> {
            assertThat(t.id()).isEqualTo("NM_1.1");
            assertThat(new int[] {t.cdsStart(), t.cdsEnd()}).containsExactly(11, 40);
        });
        Path vcf = Files.writeString(dir.resolve("in.vcf"), "##fileformat=VCFv4.2\n##contig=<ID=t1,length=60>\n"
                + "#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\nt1\t18\t.\tG\tA\t.\tPASS\t.\n");
        Path out = dir.resolve("out.vcf");
        picocli.CommandLine cl = org.oncoconcord.cli.Main.commandLine();
        java.io.StringWriter err = new java.io.StringWriter();
        cl.setErr(new java.io.PrintWriter(err));
        assertThat(cl.execute("annotate", "--genome", "GRCh38", "--gff3", gff3.toString(), "-o", out.toString(), vcf.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--gff3 needs --fasta");
        int rc = cl.execute("annotate", "--genome", "GRCh38", "--gff3", gff3.toString(), "--fasta", fa.toString(), "-o", out.toString(), vcf.toString());
        assertThat(rc).as(err.toString()).isZero();
        String body = Files.readAllLines(out).stream().filter(l -> l.startsWith("t1")).findFirst().orElseThrow();
        assertThat(body).contains("A|missense_variant|MODERATE|GENE1|").contains("NM_1.1:c.8G>A").contains("|p.G3D|");
    }

    /** BGZF (bgzip's many gzip members) reads as the plain file; bytes that are not UTF-8 name their line. */
    @Test
    void bgzippedGff3AndBytesThatAreNotText() throws Exception {
        TranscriptSet shipped = TranscriptSet.shipped(GenomeBuild.GRCh37);
        Path bgz = dir.resolve("models.gff3.bgz");
        try (OutputStream out = new htsjdk.samtools.util.BlockCompressedOutputStream(bgz.toFile())) {
            out.write(ensembl(shipped).getBytes(StandardCharsets.UTF_8));
        }
        GtfReaderTest.assertSameModelsAndAnnotations(shipped, Gff3Reader.read(bgz));
        StringBuilder text = new StringBuilder("##gff-version 3\n");
        for (int i = 0; i < 3000; i++) {
            text.append("#padding line, skipped by the reader\n");
        }
        text.append(line("chr1", "mRNA", 1, 9, "+", "ID=T1;gene_name=G@"));
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        bytes[text.indexOf("@")] = (byte) 0xfe;
        Path binary = Files.write(dir.resolve("binary.gff3"), bytes);
        assertThatThrownBy(() -> Gff3Reader.read(binary)).isInstanceOf(UserException.class)
                .hasMessageStartingWith(binary + ":3002: not UTF-8 text");
    }

    @Test
    void badFilesNameFileAndLine() throws Exception {
        Path noHeader = Files.writeString(dir.resolve("a.gff3"), "chr1\tx\texon\t1\t5\t.\t+\t.\tID=e1;Parent=T1\n");
        assertThatThrownBy(() -> Gff3Reader.read(noHeader)).isInstanceOf(UserException.class)
                .hasMessageContaining("a.gff3:1: not GFF3");
        Path orphan = Files.writeString(dir.resolve("b.gff3"), "##gff-version 3\n" + line("chr1", "exon", 1, 5, "+", "ID=e1;Parent=T1"));
        assertThatThrownBy(() -> Gff3Reader.read(orphan)).hasMessageContaining("b.gff3:2: Parent T1 is not the ID of any feature");
        Path cols = Files.writeString(dir.resolve("c.gff3"), "##gff-version 3\n#c\nchr1\tx\texon\t1\t5\n");
        assertThatThrownBy(() -> Gff3Reader.read(cols)).isInstanceOf(UserException.class).hasMessageContaining("c.gff3:3: ");
        Path strand = Files.writeString(dir.resolve("d.gff3"), "##gff-version 3\n"
                + line("chr1", "mRNA", 1, 9, ".", "ID=T1;gene_name=G") + line("chr1", "exon", 1, 5, ".", "Parent=T1"));
        assertThatThrownBy(() -> Gff3Reader.read(strand)).hasMessageContaining("d.gff3:3: exon has no strand");
        Path twice = Files.writeString(dir.resolve("e.gff3"), "##gff-version 3\n"
                + line("chr1", "gene", 1, 9, "+", "ID=T1;Name=G") + line("chr1", "mRNA", 1, 9, "+", "ID=T1;gene_name=G"));
        assertThatThrownBy(() -> Gff3Reader.read(twice)).hasMessageContaining("e.gff3:3: ID T1 is used twice (a gene on chr1 and a mRNA on chr1)");
        Path otherContig = Files.writeString(dir.resolve("f.gff3"), "##gff-version 3\n"
                + line("chr1", "mRNA", 1, 9, "+", "ID=T1;gene_name=G") + line("chr2", "mRNA", 1, 9, "+", "ID=T1;gene_name=G"));
        assertThatThrownBy(() -> Gff3Reader.read(otherContig)).hasMessageContaining("f.gff3:3: ID T1 is used twice (a mRNA on chr1 and a mRNA on chr2)");
    }

    /**
     * GENCODE's GFF3 layout: IDs repeated on the pieces of one feature (every segment of a 5' UTR is
     * {@code UTR5:<transcript>}, the CDS segments share {@code CDS:<transcript>}, a start codon split by an
     * intron), a transcript in two lines of one ID (a discontinuous feature): read as one model each.
     */
    @Test
    void gencodeRepeatsIdsOnTheSegmentsOfOneFeature() throws Exception {
        String tx = "Parent=ENST1.1;gene_id=ENSG1.1;transcript_id=ENST1.1;gene_type=protein_coding;gene_name=GENE1";
        String text = "##gff-version 3\n"
                + line("chr1", "gene", 100, 900, "+", "ID=ENSG1.1;gene_id=ENSG1.1;gene_type=protein_coding;gene_name=GENE1;level=2")
                + line("chr1", "transcript", 100, 900, "+", "ID=ENST1.1;Parent=ENSG1.1;gene_id=ENSG1.1;transcript_id=ENST1.1;gene_name=GENE1;tag=basic,Ensembl_canonical,MANE_Select")
                + line("chr1", "exon", 100, 200, "+", "ID=exon:ENST1.1:1;" + tx + ";exon_number=1")
                + line("chr1", "five_prime_UTR", 100, 200, "+", "ID=UTR5:ENST1.1;" + tx + ";exon_number=1")
                + line("chr1", "exon", 400, 500, "+", "ID=exon:ENST1.1:2;" + tx + ";exon_number=2")
                + line("chr1", "five_prime_UTR", 400, 449, "+", "ID=UTR5:ENST1.1;" + tx + ";exon_number=2")
                + line("chr1", "start_codon", 450, 452, "+", "ID=start_codon:ENST1.1;" + tx + ";exon_number=2")
                + line("chr1", "CDS", 450, 500, "+", "ID=CDS:ENST1.1;" + tx + ";exon_number=2")
                + line("chr1", "exon", 800, 900, "+", "ID=exon:ENST1.1:3;" + tx + ";exon_number=3")
                + line("chr1", "CDS", 800, 850, "+", "ID=CDS:ENST1.1;" + tx + ";exon_number=3")
                + line("chr1", "stop_codon", 851, 853, "+", "ID=stop_codon:ENST1.1;" + tx + ";exon_number=3")
                + line("chr1", "three_prime_UTR", 854, 900, "+", "ID=UTR3:ENST1.1;" + tx + ";exon_number=3")
                + line("chr1", "mRNA", 1000, 1100, "-", "ID=T2;gene_name=GENE2")
                + line("chr1", "mRNA", 1300, 1400, "-", "ID=T2;gene_name=GENE2")
                + line("chr1", "exon", 1000, 1100, "-", "Parent=T2") + line("chr1", "CDS", 1010, 1100, "-", "Parent=T2")
                + line("chr1", "exon", 1300, 1400, "-", "Parent=T2") + line("chr1", "CDS", 1300, 1390, "-", "Parent=T2");
        TranscriptSet set = Gff3Reader.read(Files.writeString(dir.resolve("gencode.gff3"), text));
        Transcript t = set.gene("GENE1");
        assertThat(List.of(t.id(), t.txStart(), t.txEnd(), t.cdsStart(), t.cdsEnd(), t.exonCount()))
                .containsExactly("ENST1.1", 100, 900, 450, 853, 3);
        Transcript t2 = set.gene("GENE2");
        assertThat(List.of(t2.id(), t2.plus(), t2.cdsStart(), t2.cdsEnd(), t2.exonCount())).containsExactly("T2", false, 1010, 1390, 2);
    }

    /**
     * Ensembl's GFF3 layout (transcript ids without their version, given apart as {@code version}); for every
     * other gene the exons come before their mRNA and gene.
     */
    static String ensembl(TranscriptSet set) {
        StringBuilder b = new StringBuilder("##gff-version 3\n#!genome-build GRCh37 written from the shipped models\n");
        int n = 0;
        for (Transcript t : set.all()) {
            String strand = t.plus() ? "+" : "-";
            String chrom = t.chrom();
            // Ensembl writes the id without its version and the version apart: transcript_id=ENST00000256078;version=4
            String[] idVersion = t.ensemblId().split("\\.", 2);
            String tx = "transcript:" + idVersion[0];
            StringBuilder parents = new StringBuilder()
                    .append(line(chrom, "gene", t.txStart() - 5000, t.txEnd() + 5000, strand, "ID=gene:G_" + t.gene() + ";Name=" + t.gene() + ";biotype=protein_coding"))
                    .append(line(chrom, "mRNA", t.txStart(), t.txEnd(), strand, "ID=" + tx + ";Parent=gene:G_" + t.gene()
                            + ";transcript_id=" + idVersion[0] + (idVersion.length > 1 ? ";version=" + idVersion[1] : "")
                            + ";tag=basic,Ensembl_canonical,MANE_Select"))
                    .append(line(chrom, "mRNA", t.txStart() - 5000, t.txEnd() + 5000, strand, "ID=transcript:DECOY_" + t.gene()
                            + ";Parent=gene:G_" + t.gene() + ";transcript_id=DECOY_" + t.gene() + ";tag=basic"))
                    .append(line(chrom, "exon", t.txStart() - 5000, t.txEnd() + 5000, strand, "Parent=transcript:DECOY_" + t.gene()));
            StringBuilder children = new StringBuilder();
            for (int i = 0; i < t.exonCount(); i++) {
                children.append(line(chrom, "exon", t.exonStart(i), t.exonEnd(i), strand, "Parent=" + tx + ";exon_id=E" + i));
                int s = Math.max(t.exonStart(i), t.cdsStart());
                int e = Math.min(t.exonEnd(i), t.cdsEnd());
                if (s <= e) {
                    children.append(line(chrom, "CDS", s, e, strand, "ID=CDS:P_" + t.gene() + ";Parent=" + tx));
                }
            }
            b.append(n++ % 2 == 0 ? parents.append(children) : children.append(parents)).append("###\n");
        }
        return b.toString();
    }

    private static String line(String chrom, String type, int start, int end, String strand, String attr) {
        return String.join("\t", chrom, "ensembl", type, Integer.toString(start), Integer.toString(end), ".", strand,
                type.equals("CDS") ? "0" : ".", attr) + "\n";
    }
}
