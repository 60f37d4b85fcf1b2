package org.oncoconcord.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;

/** Cross-validated accuracy at the horizon: each repeat's value and the mean with +-1 SD, per metric. */
final class AccuracyPlot {
    private AccuracyPlot() {
    }

    static JFreeChart chart(String name, CvMetrics cv) {
        List<IntervalDotChart.Point> points = new ArrayList<>();
        double lo = 0, hi = 1;
        for (var e : cv.metrics().entrySet()) {
            String label = CvMetrics.LABELS.get(e.getKey());
            CvMetrics.Metric m = e.getValue();
            for (double v : m.values()) {
                points.add(new IntervalDotChart.Point(label, "Each repeat", v, Double.NaN, Double.NaN));
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            double sd = Double.isNaN(m.sd()) ? 0 : m.sd();
            points.add(new IntervalDotChart.Point(label, "Mean \u00b1 SD", m.mean(), m.mean() - sd, m.mean() + sd));
            lo = Math.min(lo, m.mean() - sd);
            hi = Math.max(hi, m.mean() + sd);
        }
        String title = String.format(Locale.ROOT, "Prediction accuracy at %.0f days (cross-validated)", cv.horizon());
        JFreeChart chart = IntervalDotChart.build(title, "Value", points, Double.NaN, false, lo - 0.05, hi + 0.05);
        return ChartStyle.apply(chart, name + ": out-of-sample, repeated k-fold cross-validation");
    }
}
