package org.oncoconcord.simulate;

import java.util.ArrayList;
import java.util.List;

/**
 * The synthetic genes' transcript models as Ensembl-style GTF (gene, transcript tagged
 * {@code Ensembl_canonical} and {@code MANE_Select}, exon, CDS, start_codon, stop_codon, UTR; CDS
 * without the stop codon, as Ensembl writes it) and as Ensembl-style GFF3 (what {@code bcftools csq}
 * reads: gene/mRNA/exon/CDS/UTR with {@code ID=gene:}, {@code ID=transcript:}, biotype protein_coding).
 */
final class GeneModelWriter {
    private static final String SOURCE = "oncoconcord_simulate";

    private GeneModelWriter() {
    }

    static String gtf() {
        StringBuilder b = new StringBuilder();
        b.append("#!genome-build oncoconcord-simulate synthetic genome (reference.fa)\n");
        for (GeneModel m : GeneLayout.MODELS) {
            String gid = geneId(m);
            String tid = transcriptId(m);
            String geneAttr = "gene_id \"" + gid + "\"; gene_name \"" + m.name() + "\"; gene_source \"" + SOURCE
                    + "\"; gene_biotype \"protein_coding\";";
            String txAttr = "gene_id \"" + gid + "\"; transcript_id \"" + tid + "\"; gene_name \"" + m.name()
                    + "\"; gene_biotype \"protein_coding\"; transcript_name \"" + m.name() + "-201\"; transcript_biotype \"protein_coding\"; "
                    + "tag \"Ensembl_canonical\"; tag \"MANE_Select\";";
            line(b, m, "gene", m.start(), m.end(), ".", geneAttr);
            line(b, m, "transcript", m.start(), m.end(), ".", txAttr);
            int cdsDone = 0;
            int exonNumber = 0;
            for (int[] seg : exonsGenomic(m)) {
                exonNumber++;
                String exAttr = txAttr + " exon_number \"" + exonNumber + "\";";
                line(b, m, "exon", seg[0], seg[1], ".", exAttr);
                for (int[] part : cdsParts(m, seg, false)) {
                    int phase = (3 - cdsDone % 3) % 3;
                    line(b, m, "CDS", part[0], part[1], Integer.toString(phase), exAttr);
                    cdsDone += part[1] - part[0] + 1;
                }
            }
            int[] start = codonRange(m, 0);
            line(b, m, "start_codon", start[0], start[1], "0", txAttr);
            int[] stop = codonRange(m, m.codons());
            line(b, m, "stop_codon", stop[0], stop[1], "0", txAttr);
            for (int[] seg : exonsGenomic(m)) {
                for (int[] u : utrParts(m, seg)) {
                    line(b, m, u[2] == 5 ? "five_prime_utr" : "three_prime_utr", u[0], u[1], ".", txAttr);
                }
            }
        }
        return b.toString();
    }

    static String gff3() {
        StringBuilder b = new StringBuilder("##gff-version 3\n");
        for (GeneModel m : GeneLayout.MODELS) {
            b.append("##sequence-region ").append(m.contig()).append(' ').append(m.start()).append(' ').append(m.end()).append('\n');
        }
        for (GeneModel m : GeneLayout.MODELS) {
            String gid = geneId(m);
            String tid = transcriptId(m);
            gffLine(b, m, "gene", m.start(), m.end(), ".", "ID=gene:" + gid + ";Name=" + m.name() + ";biotype=protein_coding;gene_id=" + gid);
            gffLine(b, m, "mRNA", m.start(), m.end(), ".", "ID=transcript:" + tid + ";Parent=gene:" + gid + ";Name=" + m.name()
                    + "-201;biotype=protein_coding;tag=Ensembl_canonical,MANE_Select;transcript_id=" + tid);
            int cdsDone = 0;
            for (int[] seg : exonsGenomic(m)) {
                gffLine(b, m, "exon", seg[0], seg[1], ".", "Parent=transcript:" + tid);
                for (int[] u : utrParts(m, seg)) {
                    gffLine(b, m, u[2] == 5 ? "five_prime_UTR" : "three_prime_UTR", u[0], u[1], ".", "Parent=transcript:" + tid);
                }
                for (int[] part : cdsParts(m, seg, true)) {
                    int phase = (3 - cdsDone % 3) % 3;
                    gffLine(b, m, "CDS", part[0], part[1], Integer.toString(phase), "ID=CDS:" + tid + ";Parent=transcript:" + tid);
                    cdsDone += part[1] - part[0] + 1;
                }
            }
        }
        return b.toString();
    }

    static String geneId(GeneModel m) {
        return "SIMG" + String.format("%05d", GeneLayout.MODELS.indexOf(m) + 1);
    }

    static String transcriptId(GeneModel m) {
        return "SIMT" + String.format("%05d", GeneLayout.MODELS.indexOf(m) + 1);
    }

    /** Exons in transcript order as genomic [from, to]. */
    private static List<int[]> exonsGenomic(GeneModel m) {
        List<int[]> out = new ArrayList<>();
        for (int[] e : m.exons()) {
            out.add(m.genomicRange(e[0], e[1]));
        }
        return out;
    }

    /** Genomic range of codon {@code k} (0-based; {@code codons()} = the stop codon); a codon may span an intron, then its outer bounds. */
    private static int[] codonRange(GeneModel m, int k) {
        int a = m.cdsGenomic(k * 3);
        int c = m.cdsGenomic(k * 3 + 2);
        return new int[] {Math.min(a, c), Math.max(a, c)};
    }

    /** The coding part of an exon, genomic; {@code withStop}: the stop codon counts as CDS (GFF3) or not (GTF). */
    private static List<int[]> cdsParts(GeneModel m, int[] seg, boolean withStop) {
        int last = withStop ? m.cdsLength() - 1 : m.cdsLength() - 4;
        int[] cds = new int[] {Math.min(m.cdsGenomic(0), m.cdsGenomic(last)), Math.max(m.cdsGenomic(0), m.cdsGenomic(last))};
        int from = Math.max(seg[0], cds[0]);
        int to = Math.min(seg[1], cds[1]);
        return from <= to ? List.of(new int[] {from, to}) : List.of();
    }

    /** UTR parts of an exon: {from, to, 5 or 3}. */
    private static List<int[]> utrParts(GeneModel m, int[] seg) {
        int[] cds = new int[] {Math.min(m.cdsGenomic(0), m.cdsGenomic(m.cdsLength() - 1)),
                Math.max(m.cdsGenomic(0), m.cdsGenomic(m.cdsLength() - 1))};
        List<int[]> out = new ArrayList<>();
        int left = m.plus() ? 5 : 3;
        if (seg[0] < cds[0]) {
            out.add(new int[] {seg[0], Math.min(seg[1], cds[0] - 1), left});
        }
        if (seg[1] > cds[1]) {
            out.add(new int[] {Math.max(seg[0], cds[1] + 1), seg[1], 8 - left});
        }
        return out;
    }

    private static void line(StringBuilder b, GeneModel m, String type, int from, int to, String frame, String attrs) {
        b.append(m.contig()).append('\t').append(SOURCE).append('\t').append(type).append('\t').append(from).append('\t')
                .append(to).append("\t.\t").append(m.plus() ? '+' : '-').append('\t').append(frame).append('\t').append(attrs).append('\n');
    }

    private static void gffLine(StringBuilder b, GeneModel m, String type, int from, int to, String phase, String attrs) {
        line(b, m, type, from, to, phase, attrs);
    }
}
