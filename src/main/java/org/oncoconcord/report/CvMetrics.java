package org.oncoconcord.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The accuracy metrics of a {@code survival cv} run ({@code cv.json}): per metric the mean, sd
 * and per-repeat values, read from either {@code {"mean": {m: x}, "sd": {m: x}, "repeats": [{m: x}]}}
 * or {@code {m: {"mean": x, "sd": x, "values": [...]}}}.
 */
record CvMetrics(double horizon, Map<String, Metric> metrics) {
    /** Metric keys in display order with their labels. */
    static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("td_auc", "Time-dependent AUC");
        LABELS.put("uno_c", "Uno's C");
        LABELS.put("brier", "Brier score");
        LABELS.put("scaled_brier", "Scaled Brier (IPA)");
        LABELS.put("calibration_slope", "Calibration slope");
        LABELS.put("ici", "ICI");
    }

    record Metric(double mean, double sd, List<Double> values) {
    }

    static CvMetrics of(JsonNode cv) {
        double horizon = cv.path("horizon").asDouble(730);
        JsonNode repeats = cv.has("repeats") ? cv.get("repeats") : cv.path("per_repeat");
        Map<String, Metric> out = new LinkedHashMap<>();
        for (String m : LABELS.keySet()) {
            List<Double> values = new ArrayList<>();
            if (repeats.isArray()) {
                repeats.forEach(r -> addNumber(values, r.get(m)));
            }
            double mean = num(cv.path("mean").get(m)), sd = num(cv.path("sd").get(m));
            JsonNode own = cv.get(m);
            if (own != null && own.isObject()) {
                mean = Double.isNaN(mean) ? num(own.get("mean")) : mean;
                sd = Double.isNaN(sd) ? num(own.get("sd")) : sd;
                JsonNode vals = own.has("values") ? own.get("values") : own.path("per_repeat");
                if (values.isEmpty() && vals.isArray()) {
                    vals.forEach(v -> addNumber(values, v));
                }
            }
            if (Double.isNaN(mean) && !values.isEmpty()) {
                mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            }
            if (!Double.isNaN(mean)) {
                out.put(m, new Metric(mean, sd, values));
            }
        }
        return new CvMetrics(horizon, out);
    }

    private static void addNumber(List<Double> values, JsonNode v) {
        if (v != null && v.isNumber()) {
            values.add(v.asDouble());
        }
    }

    private static double num(JsonNode v) {
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }
}
