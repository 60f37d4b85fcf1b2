package org.oncoconcord.simulate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.oncoconcord.simulate.Planted.Call;
import org.oncoconcord.simulate.Planted.Sample;

/**
 * One record as a caller writes it, before dialect formatting: possibly right-shifted or padded,
 * possibly several nearby alleles merged into one multiallelic record (Mutect2-like only).
 * {@code chrom} is the reference's name; the writer applies the sample's contig style.
 */
record RawRecord(String chrom, int pos, String ref, List<String> alts, String filter, int depth, int refReads,
                 List<Integer> altReads) {

    boolean indel() {
        return alts.stream().anyMatch(a -> a.length() != ref.length());
    }

    /** Builds the records of one sample from its calls, drawing the representation quirks from {@code rng}. */
    static List<RawRecord> of(SyntheticGenome g, Sample s, SimulationConfig.Files f, Rng rng) {
        List<Call> calls = s.calls();
        boolean mergeNearby = s.style().dialect().equals("mutect2");
        List<RawRecord> out = new ArrayList<>();
        int i = 0;
        while (i < calls.size()) {
            Call c = calls.get(i);
            List<Call> group = new ArrayList<>(List.of(c));
            while (mergeNearby && c.pass() && i + group.size() < calls.size()) {
                Call last = group.get(group.size() - 1);
                Call next = calls.get(i + group.size());
                if (next.pass() && next.variant().chrom().equals(last.variant().chrom())
                        && next.variant().pos() > last.variant().end() && next.variant().pos() - last.variant().end() <= 3) {
                    group.add(next);
                } else {
                    break;
                }
            }
            i += group.size();
            if (group.size() > 1) {
                String[] m = Alleles.merge(g, group.stream().map(Call::variant).toList());
                int depth = group.stream().mapToInt(Call::depth).max().orElseThrow();
                List<Integer> alt = group.stream().map(Call::altReads).toList();
                int refReads = Math.max(0, depth - alt.stream().mapToInt(Integer::intValue).sum());
                List<String> alts = new ArrayList<>();
                for (int k = 2; k < m.length; k++) {
                    alts.add(m[k]);
                }
                out.add(new RawRecord(c.variant().chrom(), Integer.parseInt(m[0]), m[1], alts, "PASS", depth, refReads, alt));
                continue;
            }
            Variant v = c.variant();
            if (v.isIndel()) {
                double u = rng.uniform();
                if (u < f.rightShiftIndelFraction()) {
                    v = Alleles.rightShift(g, v);
                } else if (u < f.rightShiftIndelFraction() + f.paddedIndelFraction()) {
                    boolean left = rng.bernoulli(0.5) && v.pos() > 2;
                    v = Alleles.pad(g, v, left ? 1 : 0, left ? 0 : 1);
                }
            }
            out.add(new RawRecord(v.chrom(), v.pos(), v.ref(), List.of(v.alt()), c.filter(), c.depth(),
                    Math.max(0, c.depth() - c.altReads()), List.of(c.altReads())));
        }
        out.sort(Comparator.comparing((RawRecord r) -> g.contigIndex(r.chrom())).thenComparingInt(RawRecord::pos)
                .thenComparing(RawRecord::ref).thenComparing(r -> String.join(",", r.alts())));
        return out;
    }
}
