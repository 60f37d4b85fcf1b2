package org.oncoconcord.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The accuracy metrics of a {@code survival cv} run ({@code cv.json}): per metric the mean, sd
 * and per-repeat values, from {@code {"horizon": 730, "metrics": {"auc": {"mean": x, "sd": x,
 * "per_repeat": [...]}, ...}}} (metric objects may also sit at the top level).
 */
record CvMetrics(double horizon, Map<String, Metric> metrics) {
    /** Metric keys in display order with their labels. */
    static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("auc", "Time-dependent AUC");
        LABELS.put("uno_c", "Uno's C");
        LABELS.put("brier", "Brier score");
        LABELS.put("brier_null", "Brier score, null model");
        LABELS.put("scaled_brier", "Scaled Brier (IPA)");
        LABELS.put("cal_slope", "Calibration slope");
        LABELS.put("ici", "ICI");
    }

    record Metric(double mean, double sd, List<Double> values) {
    }

    static CvMetrics of(JsonNode cv) {
        double horizon = cv.path("horizon").asDouble(730);
        JsonNode metrics = cv.path("metrics").isObject() ? cv.get("metrics") : cv;
        Map<String, Metric> out = new LinkedHashMap<>();
        for (String m : LABELS.keySet()) {
            List<Double> values = new ArrayList<>();
            double mean = Double.NaN, sd = Double.NaN;
            JsonNode own = metrics.get(m);
            if (own != null && own.isObject()) {
                mean = num(own.get("mean"));
                sd = num(own.get("sd"));
                own.path("per_repeat").forEach(v -> addNumber(values, v));
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
