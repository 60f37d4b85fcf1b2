package org.oncoconcord.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CONSORT-like flow of samples and patients: samples in (per type), normalized, compared, patients
 * accepted or rejected by the cohort step (with reasons), and the patients analysed for each of the
 * three questions. Each stage is shown only when its input was given, and says so when not.
 */
final class SampleFlow {
    static final List<String> TYPES = List.of("primary", "metastasis", "plasma");

    private SampleFlow() {
    }

    /** One stage: a label, the count, per type counts (may be empty) and a note. */
    record Stage(String label, String count, Map<String, Long> byType, String note) {
    }

    static List<Stage> stages(Samplesheet sheet, NormalizeStats norm, PatientJsons jsons, CohortResults cohort, SurvivalResults survival) {
        List<Stage> out = new ArrayList<>();
        if (sheet != null) {
            long patients = sheet.rows().stream().map(Samplesheet.Row::patient).distinct().count();
            out.add(new Stage("Samples in the samplesheet", sheet.rows().size() + " samples, " + patients + " patients",
                    byType(sheet.rows().stream().map(Samplesheet.Row::type).toList()), ""));
        } else {
            out.add(new Stage("Samples in the samplesheet", "NA", Map.of(), "samplesheet not given (--samplesheet)"));
        }
        if (!norm.samples().isEmpty()) {
            long in = norm.samples().stream().mapToLong(NormalizeStats.Sample::in).sum();
            long rej = norm.samples().stream().mapToLong(NormalizeStats.Sample::rejectedTotal).sum();
            long empty = norm.samples().stream().filter(s -> s.in() == 0).count();
            out.add(new Stage("Samples normalized", norm.samples().size() + " samples", Map.of(),
                    in + " records in, " + rej + " rejected" + (empty > 0 ? "; " + empty + " empty VCF(s)" : "")));
        }
        if (!jsons.patients().isEmpty()) {
            out.add(new Stage("Patients compared (two or more samples)", jsons.patients().size() + " patients, " + jsons.samples().size() + " samples",
                    byType(jsons.samples().stream().map(PatientJsons.Sample::type).toList()),
                    sheet == null ? "" : notCompared(sheet, jsons)));
        }
        JsonNode counts = cohort.info() == null ? null : cohort.info().path("counts");
        if (counts != null && counts.isObject()) {
            out.add(new Stage("Cohort step: concordance results", counts.path("accepted").asText("?") + " accepted of " + counts.path("inputs").asText("?"),
                    Map.of(), counts.path("rejected").asInt() == 0 ? "none rejected" : counts.path("rejected").asText() + " rejected: " + reasons(cohort.rejects())));
        }
        out.add(new Stage("Analysed: primary vs metastasis (RAS)", evaluable(cohort, "primary_vs_metastasis"), Map.of(),
                "patients with both a primary and a metastasis evaluable for RAS"));
        out.add(new Stage("Analysed: plasma vs tissue (RAS)", evaluable(cohort, "tissue_vs_plasma"), Map.of(),
                "patients with plasma and tissue evaluable for RAS"));
        for (SurvivalResults.Cv cv : survival.cv()) {
            JsonNode s = cv.summary();
            out.add(new Stage("Analysed: " + ReportBuilder.endpoint(cv.endpoint()) + " model (cross-validated)",
                    s.path("n").asText("NA") + " patients, " + s.path("events").asText("NA") + " events", Map.of(),
                    s.path("dropped_missing").asInt() > 0 ? s.path("dropped_missing").asText() + " dropped for a missing value" : "no patient dropped"));
        }
        return out;
    }

    private static String notCompared(Samplesheet sheet, PatientJsons jsons) {
        java.util.Set<String> compared = new java.util.HashSet<>(jsons.patients().stream().map(PatientJsons.Patient::patient).toList());
        List<String> missing = sheet.rows().stream().map(Samplesheet.Row::patient).distinct().filter(p -> !compared.contains(p)).toList();
        return missing.isEmpty() ? "every samplesheet patient compared" : missing.size() + " not compared (single sample or failed): "
                + String.join(", ", missing.subList(0, Math.min(20, missing.size()))) + (missing.size() > 20 ? ", ..." : "");
    }

    static String evaluable(CohortResults cohort, String comparison) {
        Map<String, String> r = cohort.concordanceRow(comparison, "RAS");
        return r == null ? "NA" : r.get("n_evaluable") + " patients";
    }

    /** Reasons of rejects.tsv with their counts, most frequent first. */
    static String reasons(Tsv rejects) {
        if (rejects == null || !rejects.header().contains("reason")) {
            return "reasons not available (cohort/rejects.tsv)";
        }
        Map<String, Integer> n = new TreeMap<>();
        rejects.rows().forEach(r -> n.merge(r.get("reason"), 1, Integer::sum));
        List<String> parts = new ArrayList<>();
        n.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).forEach(e -> parts.add(e.getValue() + " " + e.getKey()));
        return String.join("; ", parts);
    }

    static Map<String, Long> byType(List<String> types) {
        Map<String, Long> m = new LinkedHashMap<>();
        TYPES.forEach(t -> m.put(t, types.stream().filter(t::equals).count()));
        types.stream().filter(t -> !TYPES.contains(t)).forEach(t -> m.merge(t, 1L, Long::sum));
        return m;
    }

    static String html(List<Stage> stages) {
        List<List<String>> rows = new ArrayList<>();
        for (Stage s : stages) {
            String types = s.byType().isEmpty() ? "" : String.join(", ", s.byType().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList());
            rows.add(List.of(s.label(), s.count(), types, s.note()));
        }
        return Html.plainTable(List.of("Stage", "Count", "By sample type", "Note"), rows);
    }
}
