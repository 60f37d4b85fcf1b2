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

    /** A perfect tandem repeat: {@code copies} x {@code unit} starting at {@code start} (1-based). */
    record Repeat(String contig, int start, String unit, int copies, String gene) {
        int end() {
            return start + unit.length() * copies - 1;
        }
    }

    private final Map<String, byte[]> sequences = new LinkedHashMap<>();
    private final Map<String, Integer> contigIndex = new LinkedHashMap<>();
    private final List<Repeat> repeats;
    /** Positions (per contig) that point mutations must avoid: repeats and hotspot codons, with margins. */
    private final Map<String, boolean[]> blocked = new LinkedHashMap<>();

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
        }
        // hotspot codons
        for (GeneLayout.Codon c : GeneLayout.CODONS) {
            GeneLayout.Gene gene = GeneLayout.gene(c.gene());
            int pos = gene.start() + c.offset();
            byte[] s = g.sequences.get(gene.contig());
            for (int i = 0; i < 3; i++) {
                s[pos - 1 + i] = (byte) c.bases().charAt(i);
            }
            g.block(gene.contig(), pos - 8, pos + 10);
        }
        // tandem repeats, away from codons and contig ends
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
                if (!g.anyBlocked(contig, pos - 3, pos + span + 3)) {
                    for (int i = 0; i < span; i++) {
                        s[pos - 1 + i] = (byte) unit.charAt(i % unit.length());
                    }
                    // flanks that end the repeat: a base differing from the unit's end before, start after
                    s[pos - 2] = differentBase(rng, unit.charAt(unit.length() - 1));
                    s[pos - 1 + span] = differentBase(rng, unit.charAt(0));
                    repeats.add(new Repeat(contig, pos, unit, copies, geneAt(contig, pos, pos + span - 1)));
                    g.block(contig, pos - 3, pos + span + 3);
                }
                pos += cfg.repeatSpacing() + rng.integer(-20, 20) + span;
            }
        }
        return g;
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

    /** Repeats inside {@code gene}, or, for null, repeats at least 50 bp away from every gene. */
    List<Repeat> repeatsIn(String gene) {
        return repeatsByGene.computeIfAbsent(gene == null ? "" : gene, k -> repeats.stream()
                .filter(r -> k.isEmpty() ? geneAt(r.contig(), r.start() - 50, r.end() + 50) == null : k.equals(r.gene()))
                .toList());
    }
}
