package org.oncoconcord.simulate;

import java.util.ArrayList;
import java.util.List;
import org.oncoconcord.simulate.Planted.Call;
import org.oncoconcord.simulate.Planted.Clinical;
import org.oncoconcord.simulate.Planted.Detection;
import org.oncoconcord.simulate.Planted.FileStyle;
import org.oncoconcord.simulate.Planted.Origin;
import org.oncoconcord.simulate.Planted.Sample;
import org.oncoconcord.simulate.Planted.TumourVariant;

/**
 * The blood draws of one patient beyond the first plasma sample, all drawn from their own random
 * stream (so every earlier variant, VAF and clinical value stays as without them): the timeline of
 * the first plasma draw ({@code baseline} before surgery, or {@code relapse} at the recurrence of a
 * stage III patient), a white-blood-cell sample ({@code normal}: the blood's CH clones and a few
 * germline variants, which then also appear in every plasma draw), and serial plasma for stage III
 * patients: a {@code post-op} draw whose tumour fraction follows relapse status, and for a patient whose
 * first draw was at relapse a pre-surgery {@code baseline} draw (which then becomes the draw compared
 * with tissue, first in the sample list). Days count from surgery, taken as the day of diagnosis.
 */
final class BloodDraws {
    /** Stream id of the draws (not used by any other part of the simulator). */
    static final long STREAM = 0xB100D5L;
    /** Stream ids of the new samples' files (the first samples use their list index). */
    static final long FIRST_NEW_SAMPLE_STREAM = 100;

    /** A blood clone (CH or germline) and its allele fraction in the blood. */
    record Clone(TumourVariant variant, double vaf) {
    }

    /** The patient's samples in their final order, the CH variants called in any new draw, the germline variants. */
    record Result(List<Sample> samples, List<TumourVariant> chCalled, List<TumourVariant> germline) {
    }

    private final PatientSimulator sim;
    private final SimulationConfig cfg;
    private final Rng rng;
    private final String id;
    private long nextStream = FIRST_NEW_SAMPLE_STREAM;

    BloodDraws(PatientSimulator sim, Rng rng, String id) {
        this.sim = sim;
        this.cfg = sim.config();
        this.rng = rng;
        this.id = id;
    }

    Result add(Clinical clinical, List<TumourVariant> tumour, List<Sample> samples, List<Clone> chClones) {
        int at = -1;
        for (int i = 0; i < samples.size(); i++) {
            if (samples.get(i).type().equals("plasma")) {
                at = i;
            }
        }
        if (at < 0) {
            return new Result(List.copyOf(samples), List.of(), List.of());
        }
        var bd = cfg.bloodDraws();
        boolean stageIii = clinical.stage().equals("III");
        boolean relapse = stageIii && Boolean.TRUE.equals(clinical.rfsEvent());
        Sample first = samples.get(at);
        String firstTimepoint = relapse ? "relapse" : "baseline";
        int firstDay = relapse ? clinical.metastasisDays() : rng.integer(bd.baselineDayMin(), bd.baselineDayMax());
        boolean wbc = rng.bernoulli(bd.wbcFraction());
        boolean serial = stageIii && rng.bernoulli(bd.serialFraction());
        List<Clone> germline = wbc ? germline() : List.of();
        List<TumourVariant> chCalled = new ArrayList<>();

        List<Call> firstCalls = new ArrayList<>(first.calls());
        for (Clone g : germline) {
            firstCalls.add(bloodCall(g));
        }
        sim.sortCalls(firstCalls);
        List<Sample> before = new ArrayList<>(samples.subList(0, at));
        List<Sample> after = new ArrayList<>();
        if (serial) {
            if (relapse) {
                int day = rng.integer(bd.baselineDayMin(), bd.baselineDayMax());
                double fraction = sim.sheddingFraction(rng, "none");
                before.add(plasmaDraw(id + "_P_baseline", "baseline", day, fraction, false, tumour, chClones, germline, chCalled));
            }
            int day = rng.integer(bd.postopDayMin(), bd.postopDayMax());
            boolean positive = rng.bernoulli(relapse ? bd.postopPositiveIfRelapse() : bd.postopPositiveIfNoRelapse());
            double fraction = positive ? Math.min(cfg.plasma().maxFraction(), rng.logNormal(bd.postopMedianFraction(), bd.postopSdlog())) : 0;
            if (!relapse || day < clinical.metastasisDays()) {
                after.add(plasmaDraw(id + "_P_postop", "post-op", day, fraction, relapse, tumour, chClones, germline, chCalled));
            }
        }
        List<Sample> out = new ArrayList<>(before);
        out.add(first.withDraw(firstTimepoint, firstDay, List.copyOf(firstCalls)));
        out.addAll(after);
        out.addAll(samples.subList(at + 1, samples.size()));
        if (wbc) {
            out.add(wbcSample(chClones, germline, chCalled));
        }
        return new Result(List.copyOf(out), List.copyOf(chCalled), germline.stream().map(Clone::variant).toList());
    }

    /** One to a few germline SNVs, half of them inside a panel gene; heterozygous (VAF 0.5) or homozygous (VAF 1). */
    private List<Clone> germline() {
        var bd = cfg.bloodDraws();
        int n = Math.max(1, rng.poisson(bd.germlineVariantsMean()));
        List<Clone> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String gene = ".";
            Variant v;
            CodingPlanter.Effect effect = null;
            if (rng.bernoulli(0.5)) {
                CodingPlanter.Planting p = sim.silentInGene(rng);
                v = p == null ? null : p.variant();
                if (p != null) {
                    effect = p.effect();
                    gene = effect.gene();
                }
            } else {
                v = sim.randomIntergenicSnv(rng);
            }
            if (v == null) {
                continue;
            }
            boolean hom = rng.bernoulli(bd.germlineHomozygousFraction());
            out.add(new Clone(new TumourVariant(v, gene, hom ? "homozygous" : "heterozygous", Origin.GERMLINE, 0, 0, null, effect),
                    hom ? 1.0 : 0.5));
        }
        return out;
    }

    private int depth() {
        return Math.max(100, rng.negativeBinomial(cfg.plasma().depthMean(), cfg.plasma().depthShape()));
    }

    /** A germline variant's call at a fresh depth (always called: its alt reads are far above any threshold). */
    private Call bloodCall(Clone c) {
        int depth = depth();
        int alt = Math.max(cfg.plasma().minAltReads(), rng.binomial(depth, c.vaf()));
        return new Call(c.variant().variant(), depth, alt, "PASS", c.variant());
    }

    /**
     * CH clones called in this draw (alt reads at the calling threshold). With {@code weakFilter} (the WBC), a
     * clone with 1 to threshold - 1 alt reads is written as a filtered record, as Mutect2 writes low-support
     * candidates ({@code weak_evidence}) or a force-calling run at the plasma sites reports them.
     */
    private void chCalls(List<Clone> chClones, List<Call> calls, List<TumourVariant> chCalled, String weakFilter) {
        for (Clone c : chClones) {
            int depth = depth();
            int alt = rng.binomial(depth, c.vaf());
            if (alt >= cfg.plasma().minAltReads()) {
                calls.add(new Call(c.variant().variant(), depth, alt, "PASS", c.variant()));
                if (!chCalled.contains(c.variant())) {
                    chCalled.add(c.variant());
                }
            } else if (weakFilter != null && alt > 0) {
                calls.add(new Call(c.variant().variant(), depth, alt, weakFilter, c.variant()));
            }
        }
    }

    private Sample plasmaDraw(String sampleId, String timepoint, int day, double fraction, boolean metastaticClone,
                              List<TumourVariant> tumour, List<Clone> chClones, List<Clone> germline, List<TumourVariant> chCalled) {
        FileStyle style = sim.style(rng, true);
        List<Call> calls = new ArrayList<>();
        List<Detection> detections = new ArrayList<>();
        sim.tumourPlasmaCalls(rng, tumour, metastaticClone, fraction, calls, detections);
        chCalls(chClones, calls, chCalled, null);
        for (Clone g : germline) {
            calls.add(bloodCall(g));
        }
        sim.addArtefacts(rng, calls, style, 0.001, 0.004, cfg.plasma().depthMean(), cfg.plasma().depthShape());
        sim.sortCalls(calls);
        return new Sample(sampleId, "plasma", fraction, style, List.copyOf(calls), List.copyOf(detections), timepoint, day,
                nextStream++);
    }

    /** The white blood cells, sequenced as deep as plasma: CH clones at their blood VAF, germline variants. */
    private Sample wbcSample(List<Clone> chClones, List<Clone> germline, List<TumourVariant> chCalled) {
        FileStyle style = sim.style(rng, true);
        List<Call> calls = new ArrayList<>();
        chCalls(chClones, calls, chCalled, PatientSimulator.weakEvidenceFilter(style.dialect()));
        for (Clone g : germline) {
            calls.add(bloodCall(g));
        }
        sim.addArtefacts(rng, calls, style, 0.001, 0.004, cfg.plasma().depthMean(), cfg.plasma().depthShape());
        sim.sortCalls(calls);
        return new Sample(id + "_WBC", "normal", 0, style, List.copyOf(calls), List.of(), null, null, nextStream++);
    }
}
