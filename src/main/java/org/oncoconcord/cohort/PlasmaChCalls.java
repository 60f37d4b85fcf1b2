package org.oncoconcord.cohort;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    public record PatientCh(String patient, String plasmaSample, String rule, String wbcSample, List<JsonNode> calls,
                            long nCh, long nGermline, long nPossibleCh, boolean truncated) {
    }

    private PlasmaChCalls() {
    }

    /** The CH section of every patient with plasma (by patient id, in input order), as ConcordanceReader read it. */
    public static Map<String, PatientCh> read(Collection<PatientConcordance> patients) {
        Map<String, PatientCh> out = new LinkedHashMap<>();
        for (PatientConcordance p : patients) {
            if (p.plasma() == null) {
                continue;
            }
            String label = p.plasma().label();
            JsonNode ch = p.plasma().clonalHaematopoiesis();
            if (ch.isMissingNode()) {
                out.put(p.patient(), new PatientCh(p.patient(), label, NO_RULE, null, List.of(), 0, 0, 0, false));
                continue;
            }
            String rule = ch.path("rule").asText();
            String shown = rule.equals("wbc") ? "wbc" : rule + "/" + ch.path("possible_ch").asText();
            List<JsonNode> calls = new ArrayList<>();
            ch.path("calls").forEach(calls::add);
            out.put(p.patient(), new PatientCh(p.patient(), label, shown,
                    ch.path("wbc_sample").isNull() ? null : ch.path("wbc_sample").asText(null), calls,
                    ch.path("n_ch").asLong(), ch.path("n_germline").asLong(), ch.path("n_possible_ch").asLong(),
                    ch.path("calls_truncated").asBoolean(false)));
        }
        return out;
    }

    /** cohort/plasma_ch.tsv: one row per labelled plasma call. */
    public static Table table(Map<String, PatientCh> byPatient) {
        Table t = new Table("patient", "sample", "variant", "gene", "plasma_vaf", "plasma_depth", "wbc_sample", "wbc_vaf",
                "in_tissue", "label", "rule", "counted", "ch_rule");
        for (PatientCh p : byPatient.values()) {
            for (JsonNode c : p.calls()) {
                t.add(p.patient(), p.plasmaSample(), c.path("variant").asText(), text(c.path("gene")), number(c.path("plasma_vaf")),
                        c.path("plasma_depth").isNumber() ? c.path("plasma_depth").asLong() : null, p.wbcSample(),
                        number(c.path("wbc_vaf")), c.path("in_tissue").asBoolean(), c.path("label").asText(),
                        c.path("rule").asText(), c.path("counted").asBoolean(), p.rule());
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

    private static String text(JsonNode n) {
        return n.isNull() || n.isMissingNode() ? null : n.asText();
    }

    private static Double number(JsonNode n) {
        return n.isNumber() ? n.asDouble() : null;
    }
}
