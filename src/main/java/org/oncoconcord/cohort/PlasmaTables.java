package org.oncoconcord.cohort;

import org.oncoconcord.core.Proportion;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The plasma-as-an-assay tables: per-patient tumour fraction and informative misses, and the pooled
 * variant-level sensitivity of plasma against tissue over all and over informative calls, overall and
 * by tumour-fraction bin (docs/PLASMA.md).
 */
public final class PlasmaTables {
    /** Bins in report order; "unknown" holds plasma samples without a tumour-fraction estimate. */
    static final List<String> BINS = List.of("all", "<1%", "1-5%", ">5%", "unknown");

    private PlasmaTables() {
    }

    /** One row per patient with plasma. */
    public static Table tumourFraction(Collection<PatientConcordance> patients) {
        return tumourFraction(patients, Map.of());
    }

    /**
     * One row per patient with plasma, with the clonal-haematopoiesis rule its plasma calls were judged by
     * ({@code ch_rule}: wbc, gene_list/exclude, gene_list/count; {@link PlasmaChCalls}).
     */
    public static Table tumourFraction(Collection<PatientConcordance> patients, Map<String, String> chRuleByPatient) {
        Table t = new Table("patient", "tumour_fraction", "tf_lower", "tf_upper", "tf_bin", "max_somatic_vaf",
                "tissue_variants_detected", "missed_informative", "missed_not_informative", "ch_rule");
        for (PatientConcordance p : patients) {
            PatientConcordance.PlasmaSignal s = p.plasma();
            if (s != null) {
                t.add(p.patient(), s.tumourFraction(), s.tfLower(), s.tfUpper(), s.tfBin(), s.maxSomaticVaf(),
                        s.detected(), s.missedInformative(), s.missedNotInformative(), chRuleByPatient.get(p.patient()));
            }
        }
        return t;
    }

    /** Pooled variant-level sensitivity of plasma for tissue variants, all and informative-only, by bin. */
    public static Table sensitivity(Collection<PatientConcordance> patients) {
        return sensitivity(patients, Map.of());
    }

    /** As {@link #sensitivity(Collection)}, with the CH rules of the pooled patients ({@code ch_rules}, e.g. {@code wbc:3;gene_list/exclude:5}). */
    public static Table sensitivity(Collection<PatientConcordance> patients, Map<String, String> chRuleByPatient) {
        Map<String, Map<String, Integer>> rulesBy = new TreeMap<>();
        BINS.forEach(b -> rulesBy.put(b, new TreeMap<>()));
        Map<String, int[]> by = new TreeMap<>();
        BINS.forEach(b -> by.put(b, new int[4]));
        for (PatientConcordance p : patients) {
            PatientConcordance.PlasmaSignal s = p.plasma();
            if (s == null) {
                continue;
            }
            for (String b : List.of("all", s.tfBin())) {
                String rule = chRuleByPatient.get(p.patient());
                if (rule != null) {
                    rulesBy.get(b).merge(rule, 1, Integer::sum);
                }
                int[] c = by.get(b);
                c[0]++;
                c[1] += s.detected();
                c[2] += s.missedInformative();
                c[3] += s.missedNotInformative();
            }
        }
        Table t = new Table("tf_bin", "n_patients", "detected", "missed_informative", "missed_not_informative",
                "sensitivity_all", "sensitivity_all_lower", "sensitivity_all_upper",
                "sensitivity_informative", "sensitivity_informative_lower", "sensitivity_informative_upper", "ch_rules");
        for (String b : BINS) {
            int[] c = by.get(b);
            Proportion all = Proportion.wilson(c[1], c[1] + c[2] + c[3]);
            Proportion inf = Proportion.wilson(c[1], c[1] + c[2]);
            StringBuilder rules = new StringBuilder();
            rulesBy.get(b).forEach((r, k) -> rules.append(rules.length() == 0 ? "" : ";").append(r).append(':').append(k));
            t.add(b, c[0], c[1], c[2], c[3], all.estimate(), all.lower(), all.upper(), inf.estimate(), inf.lower(), inf.upper(),
                    rules.toString());
        }
        return t;
    }
}
