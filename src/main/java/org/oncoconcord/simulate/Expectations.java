package org.oncoconcord.simulate;

import java.util.LinkedHashMap;
import java.util.Map;
import org.oncoconcord.simulate.CohortSimulator.SimulatedCohort;
import org.oncoconcord.simulate.Planted.Detection;
import org.oncoconcord.simulate.Planted.Patient;
import org.oncoconcord.simulate.Planted.Sample;
import org.oncoconcord.simulate.Planted.TumourVariant;

/**
 * Cohort-level planted quantities that an analysis should recover, next to what this cohort
 * realised, so a test can check estimates against the planted values.
 *
 * <ul>
 * <li>Per-gene primary-vs-metastasis concordance (share of patients with both samples whose gene
 * status agrees): planted as 1 - discordance, independent of the primary status by construction.
 * <li>Plasma variant sensitivity: share of the plasma-source clone's somatic variants called in
 * plasma; expected = mean of the per-variant detection probabilities P(Binomial(depth, VAF) >= k)
 * given each patient's ctDNA fraction (a cohort-conditional expectation; CH excluded).
 * <li>Plasma RAS sensitivity (per patient): RAS-mutant source clone, any RAS variant called in plasma;
 * expected = mean over those patients of 1 - prod(1 - p).
 * </ul>
 */
public final class Expectations {
    private Expectations() {
    }

    /** An expected value with the observed count behind it. */
    public record Quantity(double expected, long x, long n) {
        public double observed() {
            return n == 0 ? Double.NaN : (double) x / n;
        }
    }

    /** Planted per-gene concordance, and the realised agreement counts among patients with a metastasis sample. */
    public static Map<String, Quantity> geneConcordance(SimulatedCohort c) {
        Map<String, Quantity> out = new LinkedHashMap<>();
        for (var e : c.config().drivers().entrySet()) {
            String gene = e.getKey();
            long agree = 0;
            long n = 0;
            for (Patient p : c.patients()) {
                Sample m = p.sample("metastasis");
                if (m == null) {
                    continue;
                }
                boolean inP = hasGene(p.sample("primary"), gene);
                boolean inM = hasGene(m, gene);
                n++;
                if (inP == inM) {
                    agree++;
                }
            }
            out.put(gene, new Quantity(1.0 - e.getValue().discordance(), agree, n));
        }
        return out;
    }

    private static boolean hasGene(Sample s, String gene) {
        return s.calls().stream().anyMatch(cl -> cl.pass() && cl.source() != null && gene.equals(cl.source().gene()));
    }

    public static Quantity plasmaVariantSensitivity(SimulatedCohort c) {
        Tally t = new Tally();
        for (Patient p : c.patients()) {
            Sample pl = p.sample("plasma");
            if (pl == null) {
                continue;
            }
            for (Detection d : pl.detections()) {
                t.add(d.probability(), d.detected());
            }
        }
        return t.quantity();
    }

    public static Quantity plasmaRasSensitivity(SimulatedCohort c) {
        return plasmaRasSensitivity(c, null);
    }

    /** Plasma RAS sensitivity per metastatic site ({@code none}: no metastatic disease). */
    public static Map<String, Quantity> plasmaRasSensitivityBySite(SimulatedCohort c) {
        Map<String, Quantity> out = new LinkedHashMap<>();
        for (String site : c.config().plasma().shedding().keySet()) {
            out.put(site, plasmaRasSensitivity(c, site));
        }
        return out;
    }

    private static Quantity plasmaRasSensitivity(SimulatedCohort c, String site) {
        Tally t = new Tally();
        for (Patient p : c.patients()) {
            Sample pl = p.sample("plasma");
            String patientSite = p.clinical().metastaticSite() == null ? "none" : p.clinical().metastaticSite();
            if (pl == null || (site != null && !site.equals(patientSite))) {
                continue;
            }
            DetectedAny r = detectedAny(pl, t2 -> isRas(t2));
            if (r != null) {
                t.add(r.probability(), r.detected());
            }
        }
        return t.quantity();
    }

    /**
     * Plasma RAS positive agreement against tissue, as {@code cohort} reports it (tissue_vs_plasma,
     * RAS): among patients with plasma whose primary or metastasis sample is RAS-mutant, the share
     * with a RAS variant called in plasma. Expected = mean of 1 - prod(1 - p) over the RAS variants
     * of the plasma-source clone (0 when the clone has none).
     */
    public static Quantity plasmaRasPpa(SimulatedCohort c) {
        return plasmaPpa(c, t -> isRas(t));
    }

    /**
     * Plasma positive agreement against tissue for one gene (cohort's tissue_vs_plasma row of the gene), as
     * {@link #plasmaRasPpa} for RAS.
     */
    public static Quantity plasmaGenePpa(SimulatedCohort c, String gene) {
        return plasmaPpa(c, t -> gene.equals(t.gene()));
    }

    private static Quantity plasmaPpa(SimulatedCohort c, java.util.function.Predicate<TumourVariant> inFeature) {
        Tally t = new Tally();
        for (Patient p : c.patients()) {
            Sample pl = p.sample("plasma");
            if (pl == null) {
                continue;
            }
            boolean tissue = false;
            for (String type : new String[] {"primary", "metastasis"}) {
                Sample s = p.sample(type);
                if (s != null) {
                    tissue |= s.calls().stream().anyMatch(cl -> cl.pass() && cl.source() != null
                            && cl.source().origin() == Planted.Origin.DRIVER && inFeature.test(cl.source()));
                }
            }
            if (!tissue) {
                continue;
            }
            DetectedAny r = detectedAny(pl, inFeature);
            t.add(r == null ? 0 : r.probability(), r != null && r.detected());
        }
        return t.quantity();
    }

    /**
     * Variant-level sensitivity of plasma against the primary (pairs primary-plasma): primary
     * variants called in plasma; expected = sum of their detection probabilities (0 for primary
     * variants absent from the plasma-source clone) over their number.
     */
    public static Quantity plasmaSensitivityVsPrimary(SimulatedCohort c) {
        Tally t = new Tally();
        for (Patient p : c.patients()) {
            Sample pl = p.sample("plasma");
            if (pl == null) {
                continue;
            }
            Map<TumourVariant, Detection> byVariant = new java.util.HashMap<>();
            for (Detection d : pl.detections()) {
                byVariant.put(d.variant(), d);
            }
            for (var call : p.sample("primary").calls()) {
                if (call.pass()) {
                    Detection d = byVariant.get(call.source());
                    t.add(d == null ? 0 : d.probability(), d != null && d.detected());
                }
            }
        }
        return t.quantity();
    }

    /** A mean of expected probabilities with the observed successes and trials behind it. */
    private static final class Tally {
        private double sum;
        private long x;
        private long n;

        void add(double expected, boolean observed) {
            sum += expected;
            n++;
            if (observed) {
                x++;
            }
        }

        Quantity quantity() {
            return new Quantity(n == 0 ? Double.NaN : sum / n, x, n);
        }
    }

    /** Plasma detection of a patient's driver variants of a feature: P(at least one is called) and whether one was. */
    private record DetectedAny(double probability, boolean detected) {
    }

    /** Null when the plasma-source clone has no driver variant of the feature. */
    private static DetectedAny detectedAny(Sample plasma, java.util.function.Predicate<TumourVariant> inFeature) {
        double missAll = 1;
        boolean any = false;
        boolean detected = false;
        for (Detection d : plasma.detections()) {
            if (d.variant().origin() == Planted.Origin.DRIVER && inFeature.test(d.variant())) {
                any = true;
                missAll *= 1 - d.probability();
                detected |= d.detected();
            }
        }
        return any ? new DetectedAny(1 - missAll, detected) : null;
    }

    private static boolean isRas(TumourVariant t) {
        return "KRAS".equals(t.gene()) || "NRAS".equals(t.gene());
    }
}
