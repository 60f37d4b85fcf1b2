package org.oncoconcord.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Plasma calls of blood origin, in their own table (cohort {@code plasma_ch.tsv}: every plasma call
 * labelled CH, germline or possible CH, its rule and whether it counted), with the CH rule(s) used
 * stated; and, when the cohort step wrote it, the serial-plasma table per timepoint
 * ({@code plasma_timepoints.tsv}, shown as written; the part is left out when the file is absent).
 */
final class PlasmaChSection {
    static final String CH_FILE = "plasma_ch.tsv", TIMEPOINTS_FILE = "plasma_timepoints.tsv";

    /** What each {@code ch_rule} of the cohort tables means (docs/PLASMA.md). */
    static final Map<String, String> RULES = Map.of(
            "wbc", "with a white-blood-cell (normal) sample: a plasma call also in it is CH, or germline when its WBC VAF is at least 0.30; "
                    + "left out of the comparison",
            "gene_list/exclude", "without a WBC sample: plasma-only calls in the CH gene list (TP53 only below 2% VAF) are possible CH and "
                    + "left out of the comparison",
            "gene_list/count", "without a WBC sample: plasma-only calls in the CH gene list (TP53 only below 2% VAF) are labelled possible CH "
                    + "but still counted in the comparison",
            "none", "older concordance files: no CH labelling");

    private PlasmaChSection() {
    }

    /** "gene_list/exclude (12 patients): meaning" per rule in the table's {@code ch_rules} / {@code ch_rule} column. */
    static List<String> rules(Tsv ch) {
        Map<String, Integer> n = new TreeMap<>();
        for (Map<String, String> r : ch.rows()) {
            n.merge(r.getOrDefault("ch_rule", "unknown"), 1, Integer::sum);
        }
        List<String> out = new ArrayList<>();
        n.forEach((rule, calls) -> out.add(rule + " (" + calls + " call" + (calls == 1 ? "" : "s") + "): " + RULES.getOrDefault(rule, "see docs/PLASMA.md")));
        return out;
    }

    /** Label -> {calls, counted}, in the order ch, germline, possible_ch, then others. */
    static Map<String, int[]> byLabel(Tsv ch) {
        Map<String, int[]> out = new LinkedHashMap<>();
        for (String l : List.of("ch", "germline", "possible_ch")) {
            out.put(l, new int[2]);
        }
        for (Map<String, String> r : ch.rows()) {
            int[] c = out.computeIfAbsent(r.get("label"), k -> new int[2]);
            c[0]++;
            c[1] += "1".equals(r.get("counted")) || "true".equals(r.get("counted")) ? 1 : 0;
        }
        return out;
    }

    static String html(CohortResults cohort) {
        StringBuilder sb = new StringBuilder("<h3>Plasma calls of blood origin (clonal haematopoiesis, germline)</h3>");
        Tsv ch = cohort.plasmaCh();
        if (ch == null) {
            sb.append(Html.note("No " + CH_FILE + " in the cohort folder (no plasma sample, or an older cohort step): no CH calls shown."));
        } else {
            List<String> parts = new ArrayList<>();
            byLabel(ch).forEach((l, c) -> parts.add(c[0] + " " + l.replace('_', ' ') + " (" + c[1] + " counted)"));
            long patients = ch.rows().stream().map(r -> r.get("patient")).distinct().count();
            sb.append("<p>").append(Html.esc(ch.rows().size() + " plasma calls of blood origin in " + patients + " patients: "
                    + String.join(", ", parts) + ". They are not tissue/plasma discordance: calls not counted are in no PPA, NPA or "
                    + "sensitivity above.")).append("</p>");
            sb.append(Html.note("CH rule used: " + (ch.rows().isEmpty() ? "no call labelled" : String.join("; ", rules(ch))) + "."));
            List<List<String>> rows = new ArrayList<>();
            for (Map<String, String> r : ch.rows()) {
                String gene = r.getOrDefault("gene", "");
                rows.add(List.of(r.get("patient"), r.getOrDefault("sample", ""),
                        ProteinChanges.label(gene.equals("NA") ? "" : gene.split(",")[0], r.get("variant"), r.get("hgvsp_short")), gene, r.get("label"),
                        r.getOrDefault("rule", ""), r.getOrDefault("plasma_vaf", "NA"), r.getOrDefault("wbc_vaf", "NA"),
                        r.getOrDefault("in_tissue", "NA"), r.getOrDefault("counted", "NA")));
            }
            if (!rows.isEmpty()) {
                sb.append(Html.table(List.of("Patient", "Plasma sample", "Variant", "Gene", "Label", "Rule", "Plasma VAF", "WBC VAF", "In tissue",
                        "Counted"), rows));
            }
        }
        Tsv tp = cohort.plasmaTimepoints();
        if (tp != null) {
            sb.append("<h3>Serial plasma: agreement with tissue per timepoint</h3>");
            List<List<String>> rows = new ArrayList<>();
            tp.rows().forEach(r -> rows.add(tp.header().stream().map(h -> r.get(h)).toList()));
            sb.append(Html.plainTable(tp.header(), rows)).append(Html.note("As written by the cohort step (" + TIMEPOINTS_FILE
                    + "): per timepoint, the plasma samples, tissue variants, those detected, sensitivity with Wilson 95% CIs over all and "
                    + "over informative calls, and patients with ctDNA detected."));
        }
        return sb.toString();
    }
}
