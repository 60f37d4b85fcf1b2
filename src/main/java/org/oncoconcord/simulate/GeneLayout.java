package org.oncoconcord.simulate;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the CRC driver genes and the clonal-haematopoiesis genes sit in the synthetic genome, and
 * the hotspot codons written into them (plus-strand codon sequences, so a hotspot's reference and
 * alternate bases look like the coding change, e.g. KRAS G12D = GGT>GAT).
 */
final class GeneLayout {
    static final List<String> DRIVERS = List.of("APC", "TP53", "KRAS", "NRAS", "BRAF", "PIK3CA", "SMAD4", "FBXW7");
    static final List<String> CH_GENES = List.of("DNMT3A", "TET2", "ASXL1");
    /** Contigs of the synthetic genome, in order. */
    static final List<String> CONTIGS = List.of("chr1", "chr2", "chr3", "chr4", "chr5", "chr7", "chr12", "chr17",
            "chr18", "chr20");

    /** A gene: contig, 1-based start, length, concordance group of the gene row. */
    record Gene(String name, String contig, int start, int length, String group) {
        int end() {
            return start + length - 1;
        }
    }

    /** A hotspot codon: offset of its first base from the gene start, plus-strand sequence. */
    record Codon(String gene, String label, int offset, String bases, String group) {
    }

    /** A hotspot mutation: base {@code index} (0-2) of the codon becomes {@code alt}. */
    record HotspotMutation(String gene, String label, String codon, int index, char alt) {
    }

    static final List<Gene> GENES = List.of(
            new Gene("NRAS", "chr1", 3001, 2000, "RAS"),
            new Gene("DNMT3A", "chr2", 3001, 2000, "."),
            new Gene("PIK3CA", "chr3", 3001, 2000, "."),
            new Gene("FBXW7", "chr4", 3001, 2000, "."),
            new Gene("TET2", "chr4", 7001, 2000, "."),
            new Gene("APC", "chr5", 3001, 3000, "."),
            new Gene("BRAF", "chr7", 3001, 2000, "."),
            new Gene("KRAS", "chr12", 3001, 2000, "RAS"),
            new Gene("TP53", "chr17", 3001, 2000, "."),
            new Gene("SMAD4", "chr18", 3001, 2000, "."),
            new Gene("ASXL1", "chr20", 3001, 2000, "."));

    private static final String[][] RAS_CODONS = {{"G12", "GGT"}, {"G13", "GGC"}, {"A59", "GCA"}, {"Q61", "CAA"},
            {"K117", "AAA"}, {"A146", "GCA"}};

    static final List<Codon> CODONS;
    static final List<HotspotMutation> MUTATIONS;

    static {
        List<Codon> codons = new ArrayList<>();
        for (String g : List.of("KRAS", "NRAS")) {
            int off = 200;
            for (String[] c : RAS_CODONS) {
                codons.add(new Codon(g, c[0], off, c[1], "RAS"));
                off += 90;
            }
        }
        codons.add(new Codon("BRAF", "V600", 600, "GTG", "BRAF_V600E"));
        codons.add(new Codon("PIK3CA", "E542", 300, "GAA", "."));
        codons.add(new Codon("PIK3CA", "E545", 390, "GAG", "."));
        codons.add(new Codon("PIK3CA", "Q546", 393, "CAG", "."));
        codons.add(new Codon("PIK3CA", "H1047", 1200, "CAT", "."));
        codons.add(new Codon("TP53", "R175", 300, "CGC", "."));
        codons.add(new Codon("TP53", "R248", 600, "CGG", "."));
        codons.add(new Codon("TP53", "R273", 800, "CGT", "."));
        codons.add(new Codon("TP53", "R282", 860, "CGG", "."));
        codons.add(new Codon("DNMT3A", "R882", 900, "CGC", "."));
        CODONS = List.copyOf(codons);
        List<HotspotMutation> m = new ArrayList<>();
        for (String g : List.of("KRAS", "NRAS")) {
            m.add(new HotspotMutation(g, "G12D", "G12", 1, 'A'));
            m.add(new HotspotMutation(g, "G12V", "G12", 1, 'T'));
            m.add(new HotspotMutation(g, "G12A", "G12", 1, 'C'));
            m.add(new HotspotMutation(g, "G12C", "G12", 0, 'T'));
            m.add(new HotspotMutation(g, "G12S", "G12", 0, 'A'));
            m.add(new HotspotMutation(g, "G12R", "G12", 0, 'C'));
            m.add(new HotspotMutation(g, "G13D", "G13", 1, 'A'));
            m.add(new HotspotMutation(g, "G13R", "G13", 0, 'C'));
            m.add(new HotspotMutation(g, "A59T", "A59", 0, 'A'));
            m.add(new HotspotMutation(g, "Q61K", "Q61", 0, 'A'));
            m.add(new HotspotMutation(g, "Q61H", "Q61", 2, 'C'));
            m.add(new HotspotMutation(g, "Q61L", "Q61", 1, 'T'));
            m.add(new HotspotMutation(g, "Q61R", "Q61", 1, 'G'));
            m.add(new HotspotMutation(g, "K117N", "K117", 2, 'C'));
            m.add(new HotspotMutation(g, "A146T", "A146", 0, 'A'));
        }
        m.add(new HotspotMutation("BRAF", "V600E", "V600", 1, 'A'));
        m.add(new HotspotMutation("PIK3CA", "E542K", "E542", 0, 'A'));
        m.add(new HotspotMutation("PIK3CA", "E545K", "E545", 0, 'A'));
        m.add(new HotspotMutation("PIK3CA", "Q546K", "Q546", 0, 'A'));
        m.add(new HotspotMutation("PIK3CA", "H1047R", "H1047", 1, 'G'));
        m.add(new HotspotMutation("TP53", "R175H", "R175", 1, 'A'));
        m.add(new HotspotMutation("TP53", "R248W", "R248", 0, 'T'));
        m.add(new HotspotMutation("TP53", "R248Q", "R248", 1, 'A'));
        m.add(new HotspotMutation("TP53", "R273H", "R273", 1, 'A'));
        m.add(new HotspotMutation("TP53", "R273C", "R273", 0, 'T'));
        m.add(new HotspotMutation("TP53", "R282W", "R282", 0, 'T'));
        m.add(new HotspotMutation("DNMT3A", "R882H", "R882", 1, 'A'));
        MUTATIONS = List.copyOf(m);
    }

    private GeneLayout() {
    }

    static Gene gene(String name) {
        for (Gene g : GENES) {
            if (g.name().equals(name)) {
                return g;
            }
        }
        throw new IllegalArgumentException("no gene " + name);
    }

    static Codon codon(String gene, String label) {
        for (Codon c : CODONS) {
            if (c.gene().equals(gene) && c.label().equals(label)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no codon " + gene + " " + label);
    }

    /** The hotspot mutation {@code label} of {@code gene}, or null. */
    static HotspotMutation hotspotMutation(String gene, String label) {
        for (HotspotMutation h : MUTATIONS) {
            if (h.gene().equals(gene) && h.label().equals(label)) {
                return h;
            }
        }
        return null;
    }

    static List<String> knownMutations(String gene) {
        return MUTATIONS.stream().filter(h -> h.gene().equals(gene)).map(HotspotMutation::label).toList();
    }
}
