package org.oncoconcord.report;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;

/**
 * Forest plot of hazard ratios with 95% CIs on a log axis with ticks at 0.1, 0.2, 0.5, 1, 2, 5,
 * 10, ...; the axis spans the estimates (at most 1/50 to 50), and an interval that leaves it is
 * cut at the edge and drawn with an arrow head there. Each row reads "term (n, events, p)".
 */
final class ForestPlot {
    static final double AXIS_MIN = 1 / 50.0, AXIS_MAX = 50;
    private static final double[] NICE = {0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100};

    private ForestPlot() {
    }

    /** One row: label, series (model), HR and interval, n and events (NaN when unknown), p. */
    record Row(String term, String series, double hr, double lower, double upper, double n, double events, double p) {
        String label() {
            StringBuilder sb = new StringBuilder(term).append("  (");
            if (!Double.isNaN(n)) {
                sb.append("n=").append((long) n).append(", ").append((long) events).append(" events, ");
            }
            return sb.append("p").append(Double.isNaN(p) || p >= 0.001 ? "=" : "").append(SurvivalResults.formatP(p)).append(")").toString();
        }
    }

    /** Rows of the multivariable models: every term with a finite positive HR; n and events of the model. */
    static List<Row> rows(List<SurvivalResults.Cox> models) {
        List<Row> out = new ArrayList<>();
        for (SurvivalResults.Cox m : models) {
            double n = m.model() == null ? Double.NaN : m.model().path("n").asDouble(Double.NaN);
            double ev = m.model() == null ? Double.NaN : m.model().path("events").asDouble(Double.NaN);
            for (Map<String, String> t : m.coefficients().rows()) {
                double hr = Tsv.num(t, "hr");
                if (finite(hr)) {
                    out.add(new Row(t.get("term"), m.name(), hr, Tsv.num(t, "hr_lower"), Tsv.num(t, "hr_upper"), n, ev, Tsv.num(t, "p")));
                }
            }
        }
        return out;
    }

    /** Rows of a univariable table: one per term, with its own n and events. */
    static List<Row> univariableRows(Tsv table, String series) {
        List<Row> out = new ArrayList<>();
        for (Map<String, String> t : table.rows()) {
            double hr = Tsv.num(t, "hr");
            if (finite(hr)) {
                String term = t.get("term") + ("landmark".equals(t.get("analysis")) ? " [landmark]" : "");
                out.add(new Row(term, series, hr, Tsv.num(t, "hr_lower"), Tsv.num(t, "hr_upper"), Tsv.num(t, "n"), Tsv.num(t, "events"), Tsv.num(t, "p")));
            }
        }
        return out;
    }

    static boolean finite(double hr) {
        return !Double.isNaN(hr) && !Double.isInfinite(hr) && hr > 0;
    }

    /** The axis range in HR: the estimates and intervals, widened to include 1, within [AXIS_MIN, AXIS_MAX]. */
    static double[] range(List<Row> rows) {
        double lo = 1, hi = 1;
        for (Row r : rows) {
            lo = Math.min(lo, Double.isNaN(r.lower()) ? r.hr() : Math.min(r.hr(), r.lower()));
            hi = Math.max(hi, Double.isNaN(r.upper()) ? r.hr() : Math.max(r.hr(), r.upper()));
        }
        return new double[] {Math.max(AXIS_MIN, lo / 1.25), Math.min(AXIS_MAX, hi * 1.25)};
    }

    static JFreeChart chart(String title, String subtitle, List<Row> rows) {
        double[] range = range(rows);
        double lx = Math.log10(range[0]), hx = Math.log10(range[1]);
        List<IntervalDotChart.Point> points = new ArrayList<>();
        List<XYTextAnnotation> arrows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> series = rows.stream().map(Row::series).distinct().toList();
        for (Row r : rows) {
            double x = clamp(Math.log10(r.hr()), lx, hx);
            double lo = Double.isNaN(r.lower()) ? Double.NaN : Math.log10(Math.max(r.lower(), 1e-300));
            double hi = Double.isNaN(r.upper()) ? Double.NaN : Math.log10(r.upper());
            String label = r.label();
            points.add(new IntervalDotChart.Point(label, r.series(), x, Double.isNaN(lo) ? lo : clamp(lo, lx, hx), Double.isNaN(hi) ? hi : clamp(hi, lx, hx)));
            if (!labels.contains(label)) {
                labels.add(label);
            }
            int k = series.indexOf(r.series());
            double y = labels.indexOf(label) + (series.size() == 1 ? 0 : (k - (series.size() - 1) / 2.0) * (0.6 / series.size()));
            if (!Double.isNaN(lo) && lo < lx) {
                arrows.add(arrow("\u25C0", lx, y, TextAnchor.CENTER_LEFT, k));
            }
            if (!Double.isNaN(hi) && (hi > hx || Double.isInfinite(hi))) {
                arrows.add(arrow("\u25B6", hx, y, TextAnchor.CENTER_RIGHT, k));
            }
        }
        JFreeChart chart = IntervalDotChart.build(title, "Hazard ratio (95% CI), log scale", points, 0, false, lx, hx);
        XYPlot plot = (XYPlot) chart.getPlot();
        HazardAxis axis = new HazardAxis("Hazard ratio (95% CI), log scale");
        axis.setRange(lx, hx);
        plot.setDomainAxis(axis);
        arrows.forEach(plot::addAnnotation);
        ChartStyle.apply(chart, subtitle + (arrows.isEmpty() ? "" : "; \u25C0 \u25B6 = interval continues off the axis"));
        for (XYTextAnnotation a : arrows) { // the theme repaints annotations
            a.setPaint(ChartStyle.SERIES[(int) Math.round(a.getRotationAngle() * 1000) % ChartStyle.SERIES.length]);
            a.setRotationAngle(0);
            a.setFont(new Font(ChartStyle.FONT, Font.PLAIN, 11));
        }
        return chart;
    }

    private static XYTextAnnotation arrow(String text, double x, double y, TextAnchor anchor, int series) {
        XYTextAnnotation a = new XYTextAnnotation(text, x, y);
        a.setTextAnchor(anchor);
        a.setRotationAngle(series / 1000.0); // carries the series index past the theme; reset after
        return a;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    /** Log10 scale with ticks at 1-2-5 hazard ratios labelled as ratios. */
    static final class HazardAxis extends NumberAxis {
        HazardAxis(String label) {
            super(label);
            setAutoRangeIncludesZero(false);
        }

        @Override
        public List<NumberTick> refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
            List<NumberTick> ticks = new ArrayList<>();
            for (double v : ticks(Math.pow(10, getLowerBound()), Math.pow(10, getUpperBound()))) {
                ticks.add(new NumberTick(TickType.MAJOR, Math.log10(v), label(v), TextAnchor.TOP_CENTER, TextAnchor.CENTER, 0.0));
            }
            return ticks;
        }
    }

    /** The 1-2-5 tick values within [lo, hi] (HR scale). */
    static List<Double> ticks(double lo, double hi) {
        List<Double> out = new ArrayList<>();
        for (double v : NICE) {
            if (v >= lo * 0.999 && v <= hi * 1.001) {
                out.add(v);
            }
        }
        return out;
    }

    static String label(double v) {
        return v >= 1 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
