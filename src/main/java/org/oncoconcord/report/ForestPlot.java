package org.oncoconcord.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/** Hazard ratios with 95% CIs of every Cox model found, on a log axis with a line at HR = 1. */
final class ForestPlot {
    private ForestPlot() {
    }

    static JFreeChart chart(List<SurvivalResults.Cox> models) {
        List<IntervalDotChart.Point> points = new ArrayList<>();
        double lo = 1, hi = 1;
        for (SurvivalResults.Cox m : models) {
            for (Map<String, String> t : m.coefficients().rows()) {
                double hr = Tsv.num(t, "hr"), l = Tsv.num(t, "hr_lower"), u = Tsv.num(t, "hr_upper");
                if (Double.isNaN(hr) || hr <= 0 || Double.isInfinite(hr)) {
                    continue;
                }
                double p = Tsv.num(t, "p");
                String label = t.get("term") + (Double.isNaN(p) ? "" : "  (p" + (p < 0.001 ? "" : "=") + SurvivalResults.formatP(p) + ")");
                points.add(new IntervalDotChart.Point(label, m.name(), hr, clip(l), clip(u)));
                lo = Math.min(lo, clip(Double.isNaN(l) ? hr : l));
                hi = Math.max(hi, clip(Double.isNaN(u) ? hr : u));
            }
        }
        JFreeChart chart = IntervalDotChart.build("Hazard ratios (Cox proportional hazards)",
                "Hazard ratio (95% CI), log scale", points, 1.0, true, lo / 1.3, hi * 1.3);
        return ChartStyle.apply(chart, "One colour per model; HR > 1 = higher hazard");
    }

    private static double clip(double v) {
        return Double.isNaN(v) ? v : Math.max(1e-3, Math.min(1e3, v));
    }

    /** Terms with a finite positive hazard ratio, the ones drawn. */
    static long finiteRows(List<SurvivalResults.Cox> models) {
        return models.stream().flatMap(m -> m.coefficients().rows().stream()).map(t -> Tsv.num(t, "hr"))
                .filter(hr -> !Double.isNaN(hr) && !Double.isInfinite(hr) && hr > 0).count();
    }

    static int rows(List<SurvivalResults.Cox> models) {
        return models.stream().mapToInt(m -> m.coefficients().rows().size()).sum();
    }
}
