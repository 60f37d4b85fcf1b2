package org.oncoconcord.simulate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulated reference: contigs named like human chromosomes (only those holding the genes),
 * random sequence (41% GC), hotspot codons written into the genes, and tandem repeats (homopolymers,
 * di- and trinucleotide repeats) about every {@code repeatSpacing} bp, where indels are planted so
 * they can be written in several equivalent ways.
 */
final class SyntheticGenome {

    /**
     * A perfect tandem repeat: {@code copies} x {@code unit} (plus-strand) starting at {@code start}
     * (1-based); {@code inCds}: written codon-aligned into a gene's CDS (frameshift and in-frame indel sites).
     */
    record Repeat(String contig, int start, String unit, int copies, String gene, boolean inCds) {
        int end() {
            return start + unit.length() * copies - 1;
        }
    }

    private final Map<String, byte[]> sequences = new LinkedHashMap<>();
    private final Map<String, Integer> contigIndex = new LinkedHashMap<>();
    private final List<Repeat> repeats;
    /** Positions (per contig) that point mutations must avoid: repeats and hotspot codons, with margins. */
    private final Map<String, boolean[]> blocked = new LinkedHashMap<>();
    /** Gene structure the background repeats keep out of: exons and splice regions. */
    private final Map<String, boolean[]> structure = new LinkedHashMap<>();
    /** Bases the stop-codon repair must not change: start/stop/hotspot codons, splice sites, CDS repeats and flanks. */
    private final Map<String, boolean[]> fixed = new LinkedHashMap<>();

    private SyntheticGenome(List<Repeat> repeats) {
        this.repeats = repeats;
    }

    /** Builds the genome from its own random stream. */
    static SyntheticGenome build(SimulationConfig.Genome cfg, Rng rng) {
        int len = cfg.contigLength();
        List<Repeat> repeats = new ArrayList<>();
        SyntheticGenome g = new SyntheticGenome(Collections.unmodifiableList(repeats));
        for (String contig : GeneLayout.CONTIGS) {
            byte[] s = new byte[len];
            for (int i = 0; i < len; i++) {
                s[i] = randomBase(rng);
            }
            g.contigIndex.put(contig, g.sequences.size());
            g.sequences.put(contig, s);
            g.blocked.put(contig, new boolean[len + 2]);
            g.structure.put(contig, new boolean[len + 2]);
            g.fixed.put(contig, new boolean[len + 2]);
        }
        for (GeneModel m : GeneLayout.MODELS) {
            g.writeGene(m, rng);
        }
        for (GeneModel m : GeneLayout.MODELS) {
            g.writeCdsRepeats(m, rng, cfg.repeatSpacing(), repeats);
        }
        // background tandem repeats, away from codons, gene structure and contig ends
        for (String contig : GeneLayout.CONTIGS) {
            byte[] s = g.sequences.get(contig);
            int pos = 120;
            while (pos < len - 200) {
                int type = rng.integer(0, 9);
                String unit;
                int copies;
                if (type < 5) {
                    unit = String.valueOf((char) randomBase(rng));
                    copies = rng.integer(6, 10);
                } else if (type < 8) {
                    unit = randomUnit(rng, 2);
                    copies = rng.integer(4, 7);
                } else {
                    unit = randomUnit(rng, 3);
                    copies = rng.integer(3, 5);
                }
                int span = unit.length() * copies;
                if (!g.anyBlocked(contig, pos - 3, pos + span + 3) && !g.any(g.structure, contig, pos - 3, pos + span + 3)) {
                    for (int i = 0; i < span; i++) {
                        s[pos - 1 + i] = (byte) unit.charAt(i % unit.length());
                    }
                    // flanks that end the repeat: a base differing from the unit's end before, start after
                    s[pos - 2] = differentBase(rng, unit.charAt(unit.length() - 1));
                    s[pos - 1 + span] = differentBase(rng, unit.charAt(0));
                    repeats.add(new Repeat(contig, pos, unit, copies, geneAt(contig, pos, pos + span - 1), false));
                    g.block(contig, pos - 3, pos + span + 3);
                }
                pos += cfg.repeatSpacing() + rng.integer(-20, 20) + span;
            }
        }
        for (GeneModel m : GeneLayout.MODELS) {
            g.repairStops(m, rng);
        }
        return g;
    }

    /** Start codon, sense codons, hotspot codons, stop codon and GT..AG introns of one gene. */
    private void writeGene(GeneModel m, Rng rng) {
        int n = m.codons();
        for (int k = 1; k <= n; k++) {
            String codon = k == 1 ? "ATG" : senseCodon(rng);
            writeCodon(m, k, codon, k == 1);
        }
        String[] stops = {"TAA", "TAG", "TGA"};
        writeCodon(m, n + 1, stops[rng.integer(0, 2)], true);
        for (GeneLayout.Codon c : GeneLayout.CODONS) {
            if (c.gene().equals(m.name())) {
                writeCodon(m, c.number(), c.bases(), true);
                int a = m.cdsGenomic((c.number() - 1) * 3);
                int b = m.cdsGenomic((c.number() - 1) * 3 + 2);
                block(m.contig(), Math.min(a, b) - 8, Math.max(a, b) + 8);
            }
        }
        for (int[] in : m.introns()) {
            setTx(m, in[0], 'G', true);
            setTx(m, in[0] + 1, 'T', true);
            setTx(m, in[1] - 1, 'A', true);
            setTx(m, in[1], 'G', true);
            int[] r = m.genomicRange(in[0], in[0] + 12);
            mark(structure, m.contig(), r[0], r[1]);
            r = m.genomicRange(in[1] - 24, in[1]);
            mark(structure, m.contig(), r[0], r[1]);
        }
        for (int[] e : m.exons()) {
            int[] r = m.genomicRange(e[0], e[1]);
            mark(structure, m.contig(), r[0] - 3, r[1] + 3);
        }
    }

    /**
     * Codon-aligned repeats inside CDS exons (homopolymers of 6-8 for frameshifts, 3-4 copies of a sense
     * codon for in-frame indels), about one per {@code spacing} CDS bases, at least 12 bases from exon edges; the
     * first a homopolymer, the second a codon repeat.
     */
    private void writeCdsRepeats(GeneModel m, Rng rng, int spacing, List<Repeat> out) {
        int c = 30 + rng.integer(0, 20) * 3;
        int placed = 0;
        while (c < m.cdsLength() - 60) {
            // every gene gets at least one of each kind: a homopolymer first, then a codon repeat
            boolean homopolymer = placed == 0 || (placed > 1 && rng.bernoulli(0.6));
            String unit = homopolymer ? String.valueOf("ACGT".charAt(rng.integer(0, 3))) : codonUnit(rng);
            int copies = homopolymer ? rng.integer(6, 8) : rng.integer(3, 4);
            int len = unit.length() * copies;
            int first = c - c % 3;
            if (fitsInExon(m, first - 1, first + len) && !fixedOrBlockedCds(m, first - 4, first + len + 3)) {
                for (int i = 0; i < len; i++) {
                    setTx(m, m.cdsLocal(first + i), unit.charAt(i % unit.length()), true);
                }
                char before = txBase(m, m.cdsLocal(first - 1));
                if (before == unit.charAt(unit.length() - 1)) {
                    setTx(m, m.cdsLocal(first - 1), otherBase(rng, before), true);
                } else {
                    setTx(m, m.cdsLocal(first - 1), before, true);
                }
                char after = txBase(m, m.cdsLocal(first + len));
                setTx(m, m.cdsLocal(first + len), after == unit.charAt(0) ? otherBase(rng, after) : after, true);
                int[] r = m.genomicRange(m.cdsLocal(first), m.cdsLocal(first + len - 1));
                String plusUnit = m.plus() ? unit : Codons.reverseComplement(unit);
                out.add(new Repeat(m.contig(), r[0], plusUnit, copies, m.name(), true));
                placed++;
                block(m.contig(), r[0] - 3, r[1] + 3);
            }
            c = first + len + spacing + rng.integer(-20, 20);
        }
    }

    private boolean fitsInExon(GeneModel m, int cdsFrom, int cdsTo) {
        int a = m.cdsLocal(cdsFrom);
        int b = m.cdsLocal(cdsTo);
        if (b - a != cdsTo - cdsFrom) {
            return false;
        }
        return m.distanceToSpliceEdge(a) > 12 && m.distanceToSpliceEdge(b) > 12;
    }

    private boolean fixedOrBlockedCds(GeneModel m, int cdsFrom, int cdsTo) {
        int[] r = m.genomicRange(m.cdsLocal(Math.max(0, cdsFrom)), m.cdsLocal(Math.min(m.cdsLength() - 1, cdsTo)));
        return anyBlocked(m.contig(), r[0], r[1]) || any(fixed, m.contig(), r[0], r[1]);
    }

    /** Changes a free base of every premature stop codon (made by repeats meeting random codons) to a sense codon. */
    private void repairStops(GeneModel m, Rng rng) {
        for (int k = 2; k <= m.codons(); k++) {
            StringBuilder codon = new StringBuilder();
            for (int i = 0; i < 3; i++) {
                codon.append(txBase(m, m.cdsLocal((k - 1) * 3 + i)));
            }
            if (Codons.translate(codon) != '*') {
                continue;
            }
            boolean done = false;
            for (int i = 0; i < 3 && !done; i++) {
                int local = m.cdsLocal((k - 1) * 3 + i);
                if (fixed.get(m.contig())[m.genomic(local)]) {
                    continue;
                }
                for (char b : new char[] {'C', 'G', 'A', 'T'}) {
                    StringBuilder t = new StringBuilder(codon);
                    t.setCharAt(i, b);
                    if (Codons.translate(t) != '*') {
                        setTx(m, local, b, false);
                        done = true;
                        break;
                    }
                }
            }
            if (!done) {
                throw new IllegalStateException(m.name() + ": stop codon " + k + " made of fixed bases");
            }
        }
    }

    private void writeCodon(GeneModel m, int number, String codon, boolean fix) {
        for (int i = 0; i < 3; i++) {
            setTx(m, m.cdsLocal((number - 1) * 3 + i), codon.charAt(i), fix);
        }
    }

    /** Writes {@code base} (transcript orientation) at a local position of the gene. */
    private void setTx(GeneModel m, int local, char base, boolean fix) {
        int pos = m.genomic(local);
        sequences.get(m.contig())[pos - 1] = (byte) (m.plus() ? base : Codons.complement(base));
        if (fix) {
            fixed.get(m.contig())[pos] = true;
        }
    }

    /** The base (transcript orientation) at a local position of the gene. */
    char txBase(GeneModel m, int local) {
        char b = base(m.contig(), m.genomic(local));
        return m.plus() ? b : Codons.complement(b);
    }

    private static String senseCodon(Rng rng) {
        while (true) {
            String c = "" + (char) randomBase(rng) + (char) randomBase(rng) + (char) randomBase(rng);
            if (Codons.translate(c) != '*') {
                return c;
            }
        }
    }

    /** A sense codon with at least two different bases (a true trinucleotide unit). */
    private static String codonUnit(Rng rng) {
        while (true) {
            String c = senseCodon(rng);
            if (c.chars().distinct().count() > 1) {
                return c;
            }
        }
    }

    private static char otherBase(Rng rng, char not) {
        return (char) differentBase(rng, not);
    }

    private void mark(Map<String, boolean[]> mask, String contig, int from, int to) {
        boolean[] b = mask.get(contig);
        for (int i = Math.max(1, from); i <= Math.min(b.length - 2, to); i++) {
            b[i] = true;
        }
    }

    private boolean any(Map<String, boolean[]> mask, String contig, int from, int to) {
        boolean[] b = mask.get(contig);
        for (int i = Math.max(1, from); i <= Math.min(b.length - 2, to); i++) {
            if (b[i]) {
                return true;
            }
        }
        return false;
    }

    private static String randomUnit(Rng rng, int n) {
        while (true) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < n; i++) {
                b.append((char) randomBase(rng));
            }
            String u = b.toString();
            if (u.chars().distinct().count() > 1) {
                return u;
            }
        }
    }

    private static byte randomBase(Rng rng) {
        double u = rng.uniform();
        return (byte) (u < 0.295 ? 'A' : u < 0.59 ? 'T' : u < 0.795 ? 'G' : 'C');
    }

    private static byte differentBase(Rng rng, char not) {
        while (true) {
            byte b = randomBase(rng);
            if (b != not) {
                return b;
            }
        }
    }

    /** The gene overlapping [start,end] on contig, or null. */
    static String geneAt(String contig, int start, int end) {
        for (GeneLayout.Gene g : GeneLayout.GENES) {
            if (g.contig().equals(contig) && start <= g.end() && end >= g.start()) {
                return g.name();
            }
        }
        return null;
    }

    private void block(String contig, int from, int to) {
        boolean[] b = blocked.get(contig);
        for (int i = Math.max(1, from); i <= Math.min(b.length - 2, to); i++) {
            b[i] = true;
        }
    }

    boolean anyBlocked(String contig, int from, int to) {
        boolean[] b = blocked.get(contig);
        for (int i = Math.max(1, from); i <= Math.min(b.length - 2, to); i++) {
            if (b[i]) {
                return true;
            }
        }
        return false;
    }

    List<String> contigs() {
        return List.copyOf(sequences.keySet());
    }

    int length(String contig) {
        return sequences.get(contig).length;
    }

    int contigIndex(String contig) {
        return contigIndex.get(contig);
    }

    /** The base at 1-based {@code pos}. */
    char base(String contig, int pos) {
        return (char) sequences.get(contig)[pos - 1];
    }

    /** Bases [start, end] (1-based, inclusive). */
    String bases(String contig, int start, int end) {
        return new String(sequences.get(contig), start - 1, end - start + 1, java.nio.charset.StandardCharsets.US_ASCII);
    }

    byte[] sequence(String contig) {
        return sequences.get(contig).clone();
    }

    List<Repeat> repeats() {
        return repeats;
    }

    private final Map<String, List<Repeat>> repeatsByGene = new java.util.concurrent.ConcurrentHashMap<>();

    /** Codon-aligned CDS repeats of {@code gene}, or, for null, repeats at least 50 bp away from every gene. */
    List<Repeat> repeatsIn(String gene) {
        return repeatsByGene.computeIfAbsent(gene == null ? "" : gene, k -> repeats.stream()
                .filter(r -> k.isEmpty() ? geneAt(r.contig(), r.start() - 50, r.end() + 50) == null : k.equals(r.gene()) && r.inCds())
                .toList());
    }
}
