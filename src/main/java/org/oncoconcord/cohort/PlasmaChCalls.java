package org.oncoconcord.cohort;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oncoconcord.contract.ConcordanceJson;

/**
 * The plasma calls each patient's concordance labelled of blood origin (clonal haematopoiesis, germline,
 * possible CH; concordance.json {@code plasma.clonal_haematopoiesis}), pooled into {@code cohort/plasma_ch.tsv},
 * and the rule each patient was judged by (docs/PLASMA.md).
 */
public final class PlasmaChCalls {
    /** The rule of a concordance.json written before the CH rules existed. */
    static final String NO_RULE = "none";

    /**
     * One patient's labelled calls.
     *
     * @param rule {@code wbc} (a white-blood-cell sample), {@code gene_list/exclude} or {@code gene_list/count}
     */
    public record PatientCh(String patient, String plasmaSample, String rule, String wbcSample, List<ConcordanceJson.ChCall> calls,
                            long nCh, long nGermline, long nPossibleCh, boolean truncated, Map<String, String> proteins) {
    }

    private PlasmaChCalls() {
    }

    /** The CH section of every patient with plasma (by patient id, in input order), as ConcordanceReader read it. */
    public static Map<String, PatientCh> read(Collection<PatientConcordance> patients) {
        return read(patients, p -> VariantProteins.of(p.variants()));
    }

    /**
     * As {@link #read(Collection)}, with each patient's protein changes (variant key -> HGVSp_Short, {@link VariantProteins})
     * given by {@code proteins} (the cohort step keeps only those of the labelled calls, not each patient's table).
     */
    static Map<String, PatientCh> read(Collection<PatientConcordance> patients,
                                       java.util.function.Function<PatientConcordance, Map<String, String>> proteins) {
        Map<String, PatientCh> out = new LinkedHashMap<>();
        for (PatientConcordance p : patients) {
            if (p.plasma() == null) {
                continue;
            }
            String label = p.plasma().label();
            ConcordanceJson.ClonalHaematopoiesis ch = p.plasma().clonalHaematopoiesis();
            if (ch == null) {
                out.put(p.patient(), new PatientCh(p.patient(), label, NO_RULE, null, List.of(), 0, 0, 0, false, Map.of()));
                continue;
            }
            String shown = "wbc".equals(ch.rule()) ? "wbc" : ch.rule() + "/" + ch.possibleCh();
            out.put(p.patient(), new PatientCh(p.patient(), label, shown, ch.wbcSample(), List.copyOf(ch.calls()),
                    ch.nCh(), ch.nGermline(), ch.nPossibleCh(), ch.callsTruncated(), proteins.apply(p)));
        }
        return out;
    }

    /** cohort/plasma_ch.tsv: one row per labelled plasma call, with its short protein change from variants.tsv (NA: none or unknown). */
    public static Table table(Map<String, PatientCh> byPatient) {
        Table t = new Table("patient", "sample", "variant", "hgvsp_short", "gene", "plasma_vaf", "plasma_depth", "wbc_sample", "wbc_vaf",
                "in_tissue", "label", "rule", "counted", "ch_rule");
        for (PatientCh p : byPatient.values()) {
            for (ConcordanceJson.ChCall c : p.calls()) {
                t.add(p.patient(), p.plasmaSample(), c.variant(), VariantProteins.lookup(p.proteins(), c.variant()), c.gene(), c.plasmaVaf(), c.plasmaDepth(), p.wbcSample(),
                        c.wbcVaf(), c.inTissue(), c.label(), c.rule(), c.counted(), p.rule());
            }
        }
        return t;
    }

    /** Per patient: the rule used, and its counts (for the plasma tables and the report). */
    public static Map<String, String> rules(Map<String, PatientCh> byPatient) {
        Map<String, String> m = new LinkedHashMap<>();
        byPatient.forEach((k, v) -> m.put(k, v.rule()));
        return m;
    }
}
