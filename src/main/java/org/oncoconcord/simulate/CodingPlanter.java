package org.oncoconcord.simulate;

import java.util.ArrayList;
import java.util.List;

/**
 * Plants a variant of a wanted consequence class in a gene by construction (the alt base that makes
 * the wanted codon change; an indel of one unit at a codon-aligned CDS repeat) and states its
 * consequence (Sequence Ontology term, VEP's vocabulary) and HGVSp_Short from the simulator's own
 * translation of the reference and altered transcript (independent of {@code annotate}).
 */
public final class CodingPlanter {
    /** Classes a driver (or CH) variant can be planted as (protein-altering). */
    static final List<String> DRIVER_CLASSES = List.of("missense_variant", "stop_gained", "inframe_indel", "splice_site");
    /** Classes an in-gene passenger or germline variant can be planted as. */
    static final List<String> SILENT_CLASSES = List.of("synonymous_variant", "intron_variant", "utr_variant");

    /** A planted variant's consequence on its gene's transcript; {@code hgvspShort} null when none (splice, intron, UTR). */
    public record Effect(String gene, String consequence, String hgvspShort) {
    }

    /** Where variants may go: positions not taken by another variant of the patient; {@link #take} claims them. */
    interface Space {
        boolean free(String contig, int from, int to);

        void take(String contig, int from, int to);
    }

    record Planting(Variant variant, Effect effect) {
    }

    private final SyntheticGenome genome;

    CodingPlanter(SyntheticGenome genome) {
        this.genome = genome;
    }

    /** A variant of class {@code cls} in {@code gene} (null when no free site was found). */
    Planting plant(String gene, String cls, Rng rng, Space space) {
        GeneModel m = GeneLayout.model(gene);
        for (int attempt = 0; attempt < 400; attempt++) {
            Variant v = switch (cls) {
                case "missense_variant", "stop_gained", "synonymous_variant" -> codonChange(m, cls, rng);
                case "splice_site" -> spliceSite(m, rng);
                case "intron_variant" -> intronic(m, rng);
                case "utr_variant" -> utr(m, rng);
                case "frameshift_variant" -> repeatIndel(m, rng, true);
                case "inframe_indel" -> repeatIndel(m, rng, false);
                default -> throw new IllegalArgumentException("unknown consequence class " + cls);
            };
            if (v == null) {
                continue;
            }
            // an indel's repeat (at most 24 bp) lies after its anchor
            if (!space.free(v.chrom(), v.pos() - 6, v.isIndel() ? v.pos() + 31 : v.end() + 5)) {
                continue;
            }
            space.take(v.chrom(), v.pos() - (v.isIndel() ? 1 : 0), v.isIndel() ? v.pos() + 25 : v.end());
            Variant n = Alleles.normalize(genome, v);
            return new Planting(n, effect(m, n));
        }
        return null;
    }

    /** An SNV in a codon (not the first or last, not near a splice site or hotspot) with the wanted protein change. */
    private Variant codonChange(GeneModel m, String cls, Rng rng) {
        int k = rng.integer(2, m.codons());
        int idx = rng.integer(0, 2);
        int c = (k - 1) * 3 + idx;
        int local = m.cdsLocal(c);
        int pos = m.genomic(local);
        if (m.distanceToSpliceEdge(local) < 4 || genome.anyBlocked(m.contig(), pos - 1, pos + 1)) {
            return null;
        }
        StringBuilder codon = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            codon.append(genome.txBase(m, m.cdsLocal((k - 1) * 3 + i)));
        }
        char from = Codons.translate(codon);
        List<Character> ok = new ArrayList<>();
        for (char b : new char[] {'A', 'C', 'G', 'T'}) {
            if (b == codon.charAt(idx)) {
                continue;
            }
            StringBuilder t = new StringBuilder(codon);
            t.setCharAt(idx, b);
            char to = Codons.translate(t);
            boolean wanted = switch (cls) {
                case "missense_variant" -> to != '*' && to != from;
                case "stop_gained" -> to == '*';
                default -> to == from;
            };
            if (wanted) {
                ok.add(b);
            }
        }
        if (ok.isEmpty()) {
            return null;
        }
        char alt = rng.pick(ok);
        char ref = genome.base(m.contig(), pos);
        return new Variant(m.contig(), pos, String.valueOf(ref), String.valueOf(m.plus() ? alt : Codons.complement(alt)));
    }

    /** A base of an intron's GT (donor) or AG (acceptor) changed. */
    private Variant spliceSite(GeneModel m, Rng rng) {
        int[] in = rng.pick(m.introns());
        boolean donor = rng.bernoulli(0.5);
        int local = donor ? in[0] + rng.integer(0, 1) : in[1] - rng.integer(0, 1);
        return randomSnv(m, m.genomic(local), rng);
    }

    /** An intronic SNV at least 25 bases from both exons. */
    private Variant intronic(GeneModel m, Rng rng) {
        int[] in = rng.pick(m.introns());
        if (in[1] - in[0] < 60) {
            return null;
        }
        return randomSnv(m, m.genomic(rng.integer(in[0] + 25, in[1] - 25)), rng);
    }

    /** A 5' or 3' UTR SNV at least 4 bases from the start/stop codon and the transcript ends. */
    private Variant utr(GeneModel m, Rng rng) {
        int tx = rng.bernoulli(0.5) ? rng.integer(4, m.utr5() - 4)
                : rng.integer(m.utr5() + m.cdsLength() + 4, m.txLength() - 5);
        int local = m.txToLocal(tx);
        if (m.distanceToSpliceEdge(local) < 12) {
            return null;
        }
        return randomSnv(m, m.genomic(local), rng);
    }

    private Variant randomSnv(GeneModel m, int pos, Rng rng) {
        if (genome.anyBlocked(m.contig(), pos - 1, pos + 1)) {
            return null;
        }
        char ref = genome.base(m.contig(), pos);
        List<Character> alts = new ArrayList<>();
        for (char b : new char[] {'A', 'C', 'G', 'T'}) {
            if (b != ref) {
                alts.add(b);
            }
        }
        return new Variant(m.contig(), pos, String.valueOf(ref), String.valueOf(rng.pick(alts)));
    }

    /** One unit inserted or deleted at a CDS repeat: a homopolymer (frameshift) or a codon repeat (in frame). */
    private Variant repeatIndel(GeneModel m, Rng rng, boolean frameshift) {
        List<SyntheticGenome.Repeat> rs = genome.repeatsIn(m.name()).stream()
                .filter(r -> (r.unit().length() == 1) == frameshift).toList();
        if (rs.isEmpty()) {
            return null;
        }
        SyntheticGenome.Repeat r = rng.pick(rs);
        boolean deletion = rng.bernoulli(0.5) && r.copies() > 2;
        int anchor = r.start() - 1;
        String a = String.valueOf(genome.base(r.contig(), anchor));
        return deletion ? new Variant(r.contig(), anchor, a + r.unit(), a) : new Variant(r.contig(), anchor, a, a + r.unit());
    }

    /** The consequence and HGVSp_Short of a normalized variant on {@code m}, from translating both transcripts. */
    Effect effect(GeneModel m, Variant v) {
        int first = m.local(v.pos());
        int last = m.local(v.end());
        int lo = Math.min(first, last);
        int hi = Math.max(first, last);
        for (int[] in : m.introns()) {
            if (lo <= in[1] && hi >= in[0]) {
                boolean donor = lo <= in[0] + 1;
                boolean acceptor = hi >= in[1] - 1;
                String term = donor ? "splice_donor_variant" : acceptor ? "splice_acceptor_variant" : "intron_variant";
                return new Effect(m.name(), term, null);
            }
        }
        int tx = m.localToTx(lo);
        if (tx < m.utr5()) {
            return new Effect(m.name(), "5_prime_UTR_variant", null);
        }
        if (tx >= m.utr5() + m.cdsLength()) {
            return new Effect(m.name(), "3_prime_UTR_variant", null);
        }
        String ref = transcript(m, null);
        String alt = transcript(m, v);
        String refProt = Codons.translateUntilStop(ref.substring(m.utr5()));
        String altProt = Codons.translateUntilStop(alt.substring(m.utr5()));
        int delta = v.alt().length() - v.ref().length();
        int codon = (tx - m.utr5()) / 3;
        if (refProt.equals(altProt)) {
            return new Effect(m.name(), delta == 0 ? "synonymous_variant" : "inframe_" + (delta > 0 ? "insertion" : "deletion"),
                    "p." + refProt.charAt(codon) + (codon + 1) + "=");
        }
        int p = 0;
        while (p < refProt.length() && p < altProt.length() && refProt.charAt(p) == altProt.charAt(p)) {
            p++;
        }
        char from = refProt.charAt(p);
        char to = p < altProt.length() ? altProt.charAt(p) : 'X';
        if (delta % 3 != 0) {
            if (to == '*') {
                return new Effect(m.name(), "frameshift_variant", "p." + from + (p + 1) + "*");
            }
            String n = altProt.endsWith("*") ? Integer.toString(altProt.length() - p) : "?";
            return new Effect(m.name(), "frameshift_variant", "p." + from + (p + 1) + to + "fs*" + n);
        }
        if (delta == 0) {
            return to == '*' ? new Effect(m.name(), "stop_gained", "p." + from + (p + 1) + "*")
                    : new Effect(m.name(), "missense_variant", "p." + from + (p + 1) + to);
        }
        if (delta == -3) {
            return new Effect(m.name(), "inframe_deletion", "p." + from + (p + 1) + "del");
        }
        if (delta == 3 && p > 0 && altProt.charAt(p) == refProt.charAt(p - 1)) {
            return new Effect(m.name(), "inframe_insertion", "p." + refProt.charAt(p - 1) + p + "dup");
        }
        throw new IllegalStateException("unplanned in-frame change " + v.key() + " in " + m.name());
    }

    /** The transcript sequence (exons, transcript orientation), with {@code v} applied when not null. */
    private String transcript(GeneModel m, Variant v) {
        int[] span = m.genomicRange(0, m.span() - 1);
        StringBuilder plus = new StringBuilder(genome.bases(m.contig(), span[0], span[1]));
        if (v != null) {
            int off = v.pos() - span[0];
            plus.replace(off, off + v.ref().length(), v.alt());
        }
        int shift = v == null ? 0 : v.alt().length() - v.ref().length();
        String gene = m.plus() ? plus.toString() : Codons.reverseComplement(plus.toString());
        StringBuilder tx = new StringBuilder();
        for (int[] e : m.exons()) {
            // on either strand the local frame runs 5'->3': exons after the change move by shift
            int a = e[0];
            int b = e[1];
            if (v != null) {
                int vLocal = Math.min(m.local(v.pos()), m.local(v.end()));
                if (e[0] > vLocal) {
                    a += shift;
                    b += shift;
                } else if (e[1] >= vLocal) {
                    b += shift;
                }
            }
            tx.append(gene, a, b + 1);
        }
        return tx.toString();
    }
}
