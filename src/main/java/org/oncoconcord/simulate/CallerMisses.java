package org.oncoconcord.simulate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oncoconcord.simulate.CohortSimulator.SimulatedCohort;
import org.oncoconcord.simulate.Planted.Call;
import org.oncoconcord.simulate.Planted.Origin;
import org.oncoconcord.simulate.Planted.Patient;
import org.oncoconcord.simulate.Planted.Sample;

/**
 * Caller misses (config {@code bams.missed_call_fraction}, off by default): in the tissue samples that get a BAM,
 * a share of the true low-VAF calls (VAF below {@code bams.missed_call_max_vaf}) is left out of the sample's VCF
 * while its reads keep the planted ALT reads, as a real caller misses variants its reads show. Eligible: a PASS
 * tumour call (driver or passenger) that another sample of the patient still calls (so it is among the sites a
 * pileup counts) and with no other call of the sample within 5 bp (it is written as a record of its own). Each
 * sample draws from its own random stream ({@link #STREAM}, patient, sample stream), so nothing else changes.
 */
final class CallerMisses {
    /** Stream id of the miss draws (not used by any other part of the simulator). */
    static final long STREAM = 0xC411L;
    private static final int NEAR = 5;

    private CallerMisses() {
    }

    /** Per sample id (in patient and sample order) the calls left out of its VCF; empty when the fraction is 0. */
    static Map<String, List<Call>> choose(SimulatedCohort c) {
        var cfg = c.config().bams();
        Map<String, List<Call>> out = new LinkedHashMap<>();
        if (cfg.missedCallFraction() <= 0) {
            return out;
        }
        for (int pi = 0; pi < c.patients().size(); pi++) {
            Patient p = c.patients().get(pi);
            if (!cfg.patients().contains(p.id())) {
                continue;
            }
            Set<String> missed = new HashSet<>();
            for (Sample s : p.samples()) {
                boolean tissue = s.type().equals("primary") || s.type().equals("metastasis");
                if (!tissue || !cfg.sampleTypes().contains(s.type())) {
                    continue;
                }
                Rng rng = new Rng(Rng.stream(c.seed(), STREAM, pi + 1L, s.stream()));
                List<Call> list = new ArrayList<>();
                for (Call call : s.calls()) {
                    if (eligible(p, s, call, missed, cfg.missedCallMaxVaf()) && rng.bernoulli(cfg.missedCallFraction())) {
                        list.add(call);
                        missed.add(s.id() + "\t" + call.variant().key());
                    }
                }
                out.put(s.id(), List.copyOf(list));
            }
        }
        return out;
    }

    private static boolean eligible(Patient p, Sample s, Call call, Set<String> missed, double maxVaf) {
        if (!call.pass() || call.source() == null || call.source().pairWith() != null
                || (call.source().origin() != Origin.DRIVER && call.source().origin() != Origin.PASSENGER)
                || (double) call.altReads() / call.depth() >= maxVaf) {
            return false;
        }
        Variant v = call.variant();
        for (Call other : s.calls()) {
            if (other != call && other.variant().chrom().equals(v.chrom()) && Math.abs(other.variant().pos() - v.pos()) <= NEAR) {
                return false;
            }
        }
        if (p.tumourVariants().stream().anyMatch(t -> v.key().equals(t.pairWith()))) {
            return false;
        }
        for (Sample o : p.samples()) {
            if (o != s && !o.type().equals("normal") && !missed.contains(o.id() + "\t" + v.key())
                    && o.calls().stream().anyMatch(x -> x.pass() && x.variant().key().equals(v.key()))) {
                return true;
            }
        }
        return false;
    }
}
