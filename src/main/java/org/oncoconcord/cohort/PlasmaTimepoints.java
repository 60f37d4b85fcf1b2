package org.oncoconcord.cohort;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.oncoconcord.core.PlasmaTimepoint;
import org.oncoconcord.core.Proportion;

/**
 * Serial plasma pooled over the cohort (docs/PLASMA.md "Serial plasma"): plasma against tissue per
 * timepoint ({@code plasma_timepoints.tsv}) and per collection interval in days from surgery
 * ({@code plasma_intervals.tsv}), variant-level sensitivity with Wilson 95% intervals over all and
 * over informative calls, and the draws and patients with ctDNA (tumour signal).
 */
public final class PlasmaTimepoints {
    /** Collection-interval bins (days from surgery, upper bounds inclusive): (-inf,0), [0,30], (30,90], (90,180], (180,365], (365,inf). */
    static final List<String> INTERVALS = List.of("<0", "0-30", "31-90", "91-180", "181-365", ">365", "unknown");
    static final String UNLABELLED = "unlabelled";

    private PlasmaTimepoints() {
    }

    /** The interval bin of a day from surgery. */
    static String interval(Double day) {
        if (day == null || day.isNaN()) {
            return "unknown";
        }
        double d = day;
        return d < 0 ? "<0" : d <= 30 ? "0-30" : d <= 90 ? "31-90" : d <= 180 ? "91-180" : d <= 365 ? "181-365" : ">365";
    }

    /** The timepoint group of a draw: its recognised kind, else its own label (lower case), else {@code unlabelled}. */
    static String timepoint(PlasmaDraws.Draw d) {
        if (d.kind() == null) {
            return UNLABELLED;
        }
        return d.kind() == PlasmaTimepoint.OTHER ? d.timepoint().trim().toLowerCase(Locale.ROOT)
                : d.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Rows {@code all}, baseline, post-op, relapse, other labels in alphabetical order, {@code unlabelled}. */
    public static Table byTimepoint(List<PlasmaDraws.Draw> draws) {
        List<String> order = new ArrayList<>(List.of("baseline", "post-op", "relapse"));
        Set<String> other = new java.util.TreeSet<>();
        for (PlasmaDraws.Draw d : draws) {
            String t = timepoint(d);
            if (!order.contains(t) && !t.equals(UNLABELLED)) {
                other.add(t);
            }
        }
        order.addAll(other);
        order.add(UNLABELLED);
        return table("timepoint", order, draws, PlasmaTimepoints::timepoint);
    }

    /** Rows {@code all} and the {@link #INTERVALS}. */
    public static Table byInterval(List<PlasmaDraws.Draw> draws) {
        return table("collection_interval", INTERVALS, draws, d -> interval(d.collectionDay()));
    }

    private static Table table(String first, List<String> groups, List<PlasmaDraws.Draw> draws, Function<PlasmaDraws.Draw, String> key) {
        Map<String, List<PlasmaDraws.Draw>> by = new LinkedHashMap<>();
        by.put("all", draws);
        groups.forEach(g -> by.put(g, new ArrayList<>()));
        for (PlasmaDraws.Draw d : draws) {
            by.get(key.apply(d)).add(d);
        }
        Table t = new Table(first, "samples", "patients", "tissue_variants", "detected", "missed_informative", "missed_not_informative",
                "sensitivity_all", "sensitivity_all_lower", "sensitivity_all_upper", "sensitivity_informative",
                "sensitivity_informative_lower", "sensitivity_informative_upper", "ctdna_positive_samples", "ctdna_positive_patients",
                "ctdna_cleared_samples");
        Set<PlasmaDraws.Draw> cleared = cleared(draws);
        for (var e : by.entrySet()) {
            long detected = 0;
            long inf = 0;
            long notInf = 0;
            Set<String> patients = new LinkedHashSet<>();
            Set<String> positive = new LinkedHashSet<>();
            int positiveSamples = 0;
            int clearedSamples = 0;
            for (PlasmaDraws.Draw d : e.getValue()) {
                if (cleared.contains(d)) {
                    clearedSamples++;
                }
                detected += d.detected();
                inf += d.missedInformative();
                notInf += d.missedNotInformative();
                patients.add(d.patient());
                if (d.tumourSignal()) {
                    positiveSamples++;
                    positive.add(d.patient());
                }
            }
            Proportion all = Proportion.wilson((int) detected, (int) (detected + inf + notInf));
            Proportion informative = Proportion.wilson((int) detected, (int) (detected + inf));
            t.add(e.getKey(), e.getValue().size(), patients.size(), detected + inf + notInf, detected, inf, notInf,
                    all.estimate(), all.lower(), all.upper(), informative.estimate(), informative.lower(), informative.upper(),
                    positiveSamples, positive.size(), clearedSamples);
        }
        return t;
    }

    /**
     * Draws where ctDNA has cleared: no tumour signal, after an earlier draw of the same patient with
     * tumour signal. Earlier: by collection day when both draws have one, else by timepoint (baseline
     * before post-op before relapse); other pairs are not ordered.
     */
    static Set<PlasmaDraws.Draw> cleared(List<PlasmaDraws.Draw> draws) {
        Map<String, List<PlasmaDraws.Draw>> byPatient = new LinkedHashMap<>();
        draws.forEach(d -> byPatient.computeIfAbsent(d.patient(), k -> new ArrayList<>()).add(d));
        Set<PlasmaDraws.Draw> out = new java.util.HashSet<>();
        for (List<PlasmaDraws.Draw> own : byPatient.values()) {
            for (PlasmaDraws.Draw d : own) {
                if (!d.tumourSignal() && own.stream().anyMatch(e -> e != d && e.tumourSignal() && before(e, d))) {
                    out.add(d);
                }
            }
        }
        return out;
    }

    private static boolean before(PlasmaDraws.Draw a, PlasmaDraws.Draw b) {
        if (a.collectionDay() != null && b.collectionDay() != null && !a.collectionDay().isNaN() && !b.collectionDay().isNaN()) {
            return a.collectionDay() < b.collectionDay();
        }
        int ra = rank(a.kind());
        int rb = rank(b.kind());
        return ra >= 0 && rb >= 0 && ra < rb;
    }

    private static int rank(PlasmaTimepoint kind) {
        return kind == null ? -1 : switch (kind) {
            case BASELINE -> 0;
            case POST_OP -> 1;
            case RELAPSE -> 2;
            default -> -1;
        };
    }
}
