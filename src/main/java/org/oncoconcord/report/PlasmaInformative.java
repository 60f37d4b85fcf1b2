package org.oncoconcord.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.oncoconcord.core.Proportion;

/**
 * Patient-level plasma sensitivity (PPA against tissue) per gene / status, over all calls and over
 * informative calls only. A tissue-positive patient whose plasma is negative for the feature is a miss;
 * the miss is <b>not informative</b> when every tissue variant of the feature the plasma missed has a
 * detection probability below the concordance step's threshold (P(alt reads >= k | depth, TF/2 x clonal
 * share) < 0.95, docs/PLASMA.md): the plasma carried too little tumour DNA to show it. Such misses leave
 * the informative denominator; a miss with at least one informative variant, or whose variants are not
 * labelled (older concordance.json, capped list), stays in it ({@code unlabelled}).
 * The "all" counts are the 2x2 cells of gene_concordance.tsv (tissue_vs_plasma), recounted from oncoprint.tsv.
 */
final class PlasmaInformative {
    private PlasmaInformative() {
    }

    /** One feature's counts: found in plasma, missed informatively, missed uninformatively, missed without labels. */
    record Row(String feature, int found, int missedInformative, int missedNotInformative, int missedUnlabelled) {
        int tissuePositive() {
            return found + missedInformative + missedNotInformative + missedUnlabelled;
        }

        Proportion all() {
            return Proportion.wilson(found, tissuePositive());
        }

        /** Found / (found + informative and unlabelled misses). */
        Proportion informative() {
            return Proportion.wilson(found, found + missedInformative + missedUnlabelled);
        }
    }

    /** The rule as applied, from the concordance JSONs (distinct values when they differ). */
    record Rule(Set<Integer> minAltReads, Set<Double> probability, int plasmaSamplesLabelled) {
        String describe() {
            if (plasmaSamplesLabelled == 0) {
                return "No concordance.json carries detection probabilities (older files): informative misses cannot be told apart, "
                        + "so the informative-only PPA equals the PPA over all calls.";
            }
            return "Informative = a plasma miss the plasma should have seen: probability \u2265 " + join(probability) + " of at least "
                    + join(minAltReads) + " alt reads, Binomial(plasma depth, tumour fraction / 2 \u00d7 clonal share) (docs/PLASMA.md). "
                    + "A patient's miss of a gene counts as informative when any of the gene's missed tissue variants is; "
                    + "misses with no label stay in the denominator.";
        }

        private static String join(Set<?> s) {
            return s.isEmpty() ? "?" : String.join(" / ", s.stream().map(v -> v instanceof Double d ? ReportBuilder.fmt(d, 2) : v.toString()).toList());
        }
    }

    static Rule rule(PatientJsons jsons) {
        Set<Integer> k = new TreeSet<>();
        Set<Double> p = new TreeSet<>();
        int n = 0;
        for (PatientJsons.Patient pt : jsons.patients()) {
            for (PatientJsons.PlasmaDetection d : pt.detection()) {
                if (d.minAltReads() > 0) {
                    k.add(d.minAltReads());
                }
                if (!Double.isNaN(d.informativeProbability())) {
                    p.add(d.informativeProbability());
                }
                n++;
            }
        }
        return new Rule(k, p, n);
    }

    /** Per feature of oncoprint.tsv with a tissue-positive patient evaluable in plasma, in the given order. */
    static List<Row> rows(Tsv oncoprint, PatientJsons jsons, List<String> features) {
        Map<String, PatientJsons.Patient> byId = new HashMap<>();
        jsons.patients().forEach(p -> byId.put(p.patient(), p));
        List<Row> out = new ArrayList<>();
        for (String f : features) {
            int found = 0, inf = 0, notInf = 0, unlabelled = 0;
            for (Map<String, String> r : oncoprint.rows()) {
                if (!f.equals(r.get("gene")) || !tissuePositive(r.get("primary"), r.get("metastasis"))) {
                    continue;
                }
                String plasma = r.get("plasma");
                if ("1".equals(plasma)) {
                    found++;
                } else if ("0".equals(plasma)) {
                    switch (miss(byId.get(r.get("patient")), f)) {
                        case INFORMATIVE -> inf++;
                        case NOT_INFORMATIVE -> notInf++;
                        case UNLABELLED -> unlabelled++;
                    }
                }
            }
            if (found + inf + notInf + unlabelled > 0) {
                out.add(new Row(f, found, inf, notInf, unlabelled));
            }
        }
        return out;
    }

    private static boolean tissuePositive(String primary, String metastasis) {
        return "1".equals(primary) || "1".equals(metastasis);
    }

    enum Miss { INFORMATIVE, NOT_INFORMATIVE, UNLABELLED }

    /** How one patient's plasma miss of a feature counts. */
    static Miss miss(PatientJsons.Patient p, String feature) {
        if (p == null || p.detection().isEmpty()) {
            return Miss.UNLABELLED;
        }
        Set<String> keys = p.variants().getOrDefault(feature, Set.of());
        boolean anyLabelled = false;
        for (PatientJsons.PlasmaDetection d : p.detection()) {
            for (String k : keys) {
                Boolean informative = d.misses().get(k);
                if (Boolean.TRUE.equals(informative)) {
                    return Miss.INFORMATIVE;
                }
                anyLabelled |= informative != null;
            }
        }
        boolean complete = p.detection().stream().allMatch(PatientJsons.PlasmaDetection::missesListed);
        return anyLabelled && complete ? Miss.NOT_INFORMATIVE : Miss.UNLABELLED;
    }
}
