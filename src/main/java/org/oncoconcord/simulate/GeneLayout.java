package org.oncoconcord.simulate;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the CRC driver genes and the clonal-haematopoiesis genes sit in the synthetic genome (their
 * transcript models, {@link GeneModel}), and the hotspot codons written into them (transcript-orientation
 * codons at their real numbers: KRAS G12 = GGT, G12D = GGT>GAT, on the minus strand C>T in the genome).
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

    /** A hotspot codon: its number (1 = the start codon) and sequence, in transcript orientation. */
    record Codon(String gene, String label, int number, String bases, String group) {
    }

    /** A hotspot mutation: base {@code index} (0-2) of the codon becomes {@code alt}. */
    record HotspotMutation(String gene, String label, String codon, int index, char alt) {
    }

    /**
     * Transcript models: real strands and (where they fit) real protein lengths, so hotspots sit at their
     * real codon numbers (KRAS G12, BRAF V600, PIK3CA H1047, DNMT3A R882); APC, TET2 and ASXL1 shortened.
     */
    static final List<GeneModel> MODELS = List.of(
            GeneModel.layout("NRAS", "chr1", false, 3001, 189, 4),
            GeneModel.layout("DNMT3A", "chr2", false, 3001, 912, 8),
            GeneModel.layout("PIK3CA", "chr3", true, 3001, 1068, 8),
            GeneModel.layout("FBXW7", "chr4", false, 2001, 707, 6),
            GeneModel.layout("TET2", "chr4", true, 6501, 500, 5),
            GeneModel.layout("APC", "chr5", true, 3001, 1000, 6),
            GeneModel.layout("BRAF", "chr7", false, 3001, 766, 7),
            GeneModel.layout("KRAS", "chr12", false, 3001, 189, 4),
            GeneModel.layout("TP53", "chr17", false, 3001, 393, 6),
            GeneModel.layout("SMAD4", "chr18", true, 3001, 552, 5),
            GeneModel.layout("ASXL1", "chr20", true, 3001, 600, 5));

    static final List<Gene> GENES = MODELS.stream()
            .map(m -> new Gene(m.name(), m.contig(), m.start(), m.span(),
                    m.name().equals("KRAS") || m.name().equals("NRAS") ? "RAS" : "."))
            .toList();

    private static final String[][] RAS_CODONS = {{"G12", "GGT"}, {"G13", "GGC"}, {"A59", "GCA"}, {"Q61", "CAA"},
            {"K117", "AAA"}, {"A146", "GCA"}};

    static final List<Codon> CODONS;
    static final List<HotspotMutation> MUTATIONS;

    static {
        List<Codon> codons = new ArrayList<>();
        for (String g : List.of("KRAS", "NRAS")) {
            for (String[] c : RAS_CODONS) {
                codons.add(new Codon(g, c[0], number(c[0]), c[1], "RAS"));
            }
        }
        codons.add(new Codon("BRAF", "V600", number("V600"), "GTG", "BRAF_V600E"));
        codons.add(new Codon("PIK3CA", "E542", number("E542"), "GAA", "."));
        codons.add(new Codon("PIK3CA", "E545", number("E545"), "GAG", "."));
        codons.add(new Codon("PIK3CA", "Q546", number("Q546"), "CAG", "."));
        codons.add(new Codon("PIK3CA", "H1047", number("H1047"), "CAT", "."));
        codons.add(new Codon("TP53", "R175", number("R175"), "CGC", "."));
        codons.add(new Codon("TP53", "R248", number("R248"), "CGG", "."));
        codons.add(new Codon("TP53", "R273", number("R273"), "CGT", "."));
        codons.add(new Codon("TP53", "R282", number("R282"), "CGG", "."));
        codons.add(new Codon("DNMT3A", "R882", number("R882"), "CGC", "."));
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

    /** The codon number of a label such as {@code G12}. */
    static int number(String label) {
        return Integer.parseInt(label.replaceAll("[^0-9]", ""));
    }

    /** The transcript model of {@code name}. */
    static GeneModel model(String name) {
        for (GeneModel m : MODELS) {
            if (m.name().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("no gene " + name);
    }

    /** Genomic position of base {@code index} (0-2) of hotspot codon {@code c}. */
    static int codonBase(Codon c, int index) {
        return model(c.gene()).cdsGenomic((c.number() - 1) * 3 + index);
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
