package org.oncoconcord.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Internal validation of an endpoint's multivariable model ({@code <endpoint>/validate/}, docs/SURVIVAL.md
 * "TRIPOD validation"): apparent vs optimism-corrected Harrell's C, td-AUC, Brier and calibration slope,
 * the calibration and decision-curve figures, the sample-size check with its over-fitting warnings and
 * the model written out at the horizon.
 */
final class ValidationSection {
    /** Measures of validation.tsv in display order, with their labels. */
    static final Map<String, String> MEASURES = new LinkedHashMap<>();

    static {
        MEASURES.put("harrell_c", "Harrell's C");
        MEASURES.put("td_auc", "td-AUC at the horizon");
        MEASURES.put("calibration_slope", "Calibration slope");
        MEASURES.put("brier", "Brier score");
        MEASURES.put("scaled_brier", "Scaled Brier");
    }

    private ValidationSection() {
    }

    /** One row of validation.tsv as shown: measure label, apparent, optimism, corrected, Monte-Carlo SE. */
    static List<List<String>> rows(Tsv measures) {
        List<List<String>> rows = new ArrayList<>();
        List<Map<String, String>> ordered = new ArrayList<>(measures.rows());
        List<String> keys = new ArrayList<>(MEASURES.keySet());
        ordered.sort((a, b) -> Integer.compare(rank(keys, a.get("measure")), rank(keys, b.get("measure"))));
        for (Map<String, String> r : ordered) {
            rows.add(List.of(MEASURES.getOrDefault(r.get("measure"), r.get("measure")), ReportBuilder.fmt(Tsv.num(r, "apparent"), 3),
                    ReportBuilder.fmt(Tsv.num(r, "optimism"), 3), ReportBuilder.fmt(Tsv.num(r, "corrected"), 3),
                    ReportBuilder.fmt(Tsv.num(r, "mc_se"), 3)));
        }
        return rows;
    }

    private static int rank(List<String> keys, String m) {
        int i = keys.indexOf(m);
        return i < 0 ? keys.size() : i;
    }

    /** The row of one measure, or null. */
    static Map<String, String> measure(SurvivalResults.Validation v, String name) {
        return v.measures() == null ? null : v.measures().rows().stream().filter(r -> name.equals(r.get("measure"))).findFirst().orElse(null);
    }

    /** The over-fitting warnings of validation.json: sample_size.warnings, then the step's own warnings. */
    static List<String> warnings(SurvivalResults.Validation v) {
        List<String> out = new ArrayList<>();
        if (v.summary() == null) {
            return out;
        }
        v.summary().path("sample_size").path("warnings").forEach(w -> out.add(w.asText()));
        v.summary().path("warnings").forEach(w -> out.add(w.asText()));
        return out;
    }

    /** True when validation.json flags the model as over-fitted. */
    static boolean overfitted(SurvivalResults.Validation v) {
        return v.summary() != null && v.summary().path("sample_size").path("overfitted").asBoolean(false);
    }

    /** "169 of 200 bootstrap resamples used (31 left out), seed 1". */
    static String bootstrap(SurvivalResults.Validation v) {
        JsonNode b = v.summary() == null ? null : v.summary().path("bootstrap");
        if (b == null || !b.isObject()) {
            return "bootstrap details not recorded";
        }
        return b.path("used").asText("?") + " of " + b.path("resamples").asText("?") + " bootstrap resamples used ("
                + b.path("failed").asText("0") + " left out), seed " + b.path("seed").asText("?");
    }

    static String html(SurvivalResults.Validation v, PlasmaAssay.Figures figures) throws IOException {
        String name = ReportBuilder.endpoint(v.name());
        StringBuilder sb = new StringBuilder("<h3>Internal validation (TRIPOD): ").append(Html.esc(name))
                .append(String.format(Locale.ROOT, " at %.0f days</h3>", v.horizon()));
        JsonNode s = v.summary();
        sb.append(Html.note(String.format(Locale.ROOT, "Multivariable Cox model (%s), n = %s, events = %s. Harrell's bootstrap: each resample "
                + "refits the model; optimism = its performance on the resample minus on the original data; corrected = apparent - mean "
                + "optimism; MC SE = Monte-Carlo error of the corrected value. %s.", join(s.path("covariates")), s.path("n").asText("?"),
                s.path("events").asText("?"), bootstrap(v)) + ReportBuilder.landmarkNote(s.get("landmark"))));
        if (v.measures() != null) {
            sb.append(Html.plainTable(List.of("Measure", "Apparent", "Optimism", "Optimism-corrected", "MC SE"), rows(v.measures())));
        }
        for (String w : warnings(v)) {
            sb.append("<p class=\"warn\">\u26a0 ").append(Html.esc(w)).append("</p>");
        }
        sb.append("<div class=\"grid2\">");
        if (v.groups() != null || v.smooth() != null) {
            ChartFiles.Written w = figures.plot(ValidationPlots.calibration(v), "validate_calibration_" + ReportBuilder.safe(v.endpoint()), 600, 560);
            sb.append(Html.figure(w, "Calibration at the horizon: groups of predicted risk (mean predicted vs 1 - Kaplan-Meier with 95% CI), "
                    + "the smoothed curve (Cox model on a restricted cubic spline of log(-log S)) and the diagonal."));
        }
        if (v.decision() != null) {
            ChartFiles.Written w = figures.plot(ValidationPlots.decisionCurve(v), "validate_decision_" + ReportBuilder.safe(v.endpoint()), 640, 520);
            sb.append(Html.figure(w, "Decision curve at the horizon: net benefit of the model against treating all and treating none."));
        }
        sb.append("</div>");
        if (v.groups() != null) {
            List<List<String>> rows = new ArrayList<>();
            for (Map<String, String> r : v.groups().rows()) {
                rows.add(List.of(r.get("group"), r.get("n"), r.getOrDefault("events", "NA"), ReportBuilder.fmt(Tsv.num(r, "predicted"), 3),
                        ReportBuilder.ci(Tsv.num(r, "observed"), Tsv.num(r, "observed_lower"), Tsv.num(r, "observed_upper"), false)
                                .replace("NA", "NA (follow-up ends before the horizon)")));
            }
            sb.append(Html.details("Calibration groups (" + rows.size() + ")", Html.table(List.of("Group", "n", "Events", "Mean predicted risk",
                    "Observed risk (95% CI)"), rows)));
        }
        sb.append(sampleSize(s));
        sb.append(modelAtHorizon(v.modelAtHorizon()));
        return sb.toString();
    }

    private static String sampleSize(JsonNode s) {
        JsonNode ss = s == null ? null : s.path("sample_size");
        if (ss == null || !ss.isObject()) {
            return "";
        }
        List<List<String>> rows = List.of(
                List.of("Estimated parameters", ss.path("parameters").asText("NA")),
                List.of("Events / patients", ss.path("events").asText("NA") + " / " + ss.path("n").asText("NA")),
                List.of("Events per parameter", ReportBuilder.fmt(ss.path("events_per_parameter").asDouble(Double.NaN), 1)),
                List.of("Cox-Snell R\u00b2 (max)", ReportBuilder.fmt(ss.path("r2_cox_snell").asDouble(Double.NaN), 3) + " ("
                        + ReportBuilder.fmt(ss.path("r2_max").asDouble(Double.NaN), 3) + ")"),
                List.of("Heuristic shrinkage 1 - df/LR", ReportBuilder.fmt(ss.path("heuristic_shrinkage").asDouble(Double.NaN), 3)),
                List.of("Riley et al. minimum n (criterion i)", ReportBuilder.fmt(ss.path("riley_minimum_n").asDouble(Double.NaN), 0)),
                List.of("Over-fitted", ss.path("overfitted").asBoolean(false) ? "yes" : "no"));
        return Html.details("Sample size and over-fitting (Riley et al. 2020)", Html.plainTable(List.of("Quantity", "Value"), rows));
    }

    private static String modelAtHorizon(JsonNode m) {
        if (m == null) {
            return "";
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode t : m.path("terms")) {
            rows.add(List.of(t.path("term").asText(), String.format(Locale.ROOT, "%.6g", t.path("coef").asDouble(Double.NaN)),
                    ReportBuilder.fmt(t.path("hr").asDouble(Double.NaN), 3), String.format(Locale.ROOT, "%.6g", t.path("mean").asDouble(Double.NaN))));
        }
        List<String> base = new ArrayList<>();
        for (JsonNode b : m.path("baseline")) {
            String st = b.path("stratum").asText("");
            base.add((st.isEmpty() ? "" : st + ": ") + String.format(Locale.ROOT, "%.6g", b.path("baseline_survival").asDouble(Double.NaN)));
        }
        return Html.details("The model written out (model_at_horizon.json)", Html.note(m.path("formula").asText("")
                + (base.isEmpty() ? "" : "; baseline survival at the horizon " + String.join(", ", base)) + ".")
                + Html.plainTable(List.of("Term", "Coefficient", "HR", "Centring mean"), rows));
    }

    private static String join(JsonNode array) {
        List<String> parts = new ArrayList<>();
        if (array != null) {
            array.forEach(a -> parts.add(a.asText()));
        }
        return parts.isEmpty() ? "covariates not recorded" : String.join(", ", parts);
    }
}
