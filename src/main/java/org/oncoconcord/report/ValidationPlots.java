package org.oncoconcord.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The figures of {@code survival validate} (docs/SURVIVAL.md): calibration at the horizon (groups of
 * predicted risk with the observed risk and its 95% CI, the smoothed observed-vs-predicted curve and
 * the diagonal) and the decision curve (net benefit of the model, treat-all and treat-none). Every
 * point is a row of the step's tables, drawn as written.
 */
final class ValidationPlots {
    static final String GROUPS = "Groups of predicted risk (observed, 95% CI)", SMOOTH = "Smoothed calibration curve",
            MODEL = "Model", TREAT_ALL = "Treat all", TREAT_NONE = "Treat none";

    private ValidationPlots() {
    }

    /** Calibration groups with an observed value: x = mean predicted, y = observed with its interval. */
    static XYIntervalSeries groups(Tsv groups) {
        XYIntervalSeries s = new XYIntervalSeries(GROUPS);
        for (Map<String, String> r : groups.rows()) {
            double x = Tsv.num(r, "predicted"), y = Tsv.num(r, "observed");
            if (Double.isNaN(x) || Double.isNaN(y)) {
                continue;
            }
            double lo = Tsv.num(r, "observed_lower"), hi = Tsv.num(r, "observed_upper");
            s.add(x, x, x, y, Double.isNaN(lo) ? y : lo, Double.isNaN(hi) ? y : hi);
        }
        return s;
    }

    /** The smoothed curve: observed_smooth against predicted, by predicted risk. */
    static XYSeries smooth(Tsv smooth) {
        XYSeries s = new XYSeries(SMOOTH, true, true);
        List<double[]> pts = new ArrayList<>();
        for (Map<String, String> r : smooth.rows()) {
            double x = Tsv.num(r, "predicted"), y = Tsv.num(r, "observed_smooth");
            if (!Double.isNaN(x) && !Double.isNaN(y)) {
                pts.add(new double[] {x, y});
            }
        }
        pts.sort(Comparator.comparingDouble(p -> p[0]));
        pts.forEach(p -> s.add(p[0], p[1]));
        return s;
    }

    /** Groups whose follow-up ends before the horizon (observed NA): named in the subtitle. */
    static long groupsWithoutObserved(Tsv groups) {
        return groups.rows().stream().filter(r -> Double.isNaN(Tsv.num(r, "observed"))).count();
    }

    static JFreeChart calibration(SurvivalResults.Validation v) {
        double h = v.horizon();
        XYPlot plot = new XYPlot();
        NumberAxis x = new NumberAxis(String.format(Locale.ROOT, "Predicted risk of the event by %.0f days", h));
        NumberAxis y = new NumberAxis("Observed risk (1 - Kaplan-Meier)");
        for (NumberAxis a : List.of(x, y)) {
            a.setRange(0, 1);
            a.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.1));
        }
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        int k = 0;
        if (v.groups() != null) {
            XYIntervalSeriesCollection g = new XYIntervalSeriesCollection();
            g.addSeries(groups(v.groups()));
            XYErrorRenderer r = new XYErrorRenderer();
            r.setDrawXError(false);
            r.setDefaultLinesVisible(false);
            r.setSeriesPaint(0, ChartStyle.PRIMARY);
            r.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
            r.setErrorStroke(new BasicStroke(1.4f));
            r.setCapLength(6);
            plot.setDataset(k, g);
            plot.setRenderer(k++, r);
        }
        if (v.smooth() != null) {
            XYSeriesCollection c = new XYSeriesCollection(smooth(v.smooth()));
            XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
            r.setSeriesPaint(0, ChartStyle.METASTASIS);
            r.setSeriesStroke(0, new BasicStroke(2f));
            plot.setDataset(k, c);
            plot.setRenderer(k, r);
        }
        plot.addAnnotation(new XYLineAnnotation(0, 0, 1, 1, dashed(), new Color(0x888888)));
        JFreeChart chart = new JFreeChart(String.format(Locale.ROOT, "Calibration at %.0f days (apparent, whole cohort)", h),
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        JsonSmooth s = JsonSmooth.of(v);
        long na = v.groups() == null ? 0 : groupsWithoutObserved(v.groups());
        return ChartStyle.apply(chart, "ICI " + ReportBuilder.fmt(s.ici(), 3) + ", E50 " + ReportBuilder.fmt(s.e50(), 3) + ", E90 "
                + ReportBuilder.fmt(s.e90(), 3) + "; dashed = perfect calibration"
                + (na > 0 ? "; " + na + " group(s) without follow-up to the horizon not drawn" : ""));
    }

    /** ICI, E50, E90 of validation.json (NaN when absent). */
    record JsonSmooth(double ici, double e50, double e90) {
        static JsonSmooth of(SurvivalResults.Validation v) {
            var c = v.summary() == null ? null : v.summary().path("calibration_smooth");
            return c == null ? new JsonSmooth(Double.NaN, Double.NaN, Double.NaN)
                    : new JsonSmooth(c.path("ici").asDouble(Double.NaN), c.path("e50").asDouble(Double.NaN), c.path("e90").asDouble(Double.NaN));
        }
    }

    /** The three decision-curve series (model, treat all, treat none) from decision_curve.tsv; NA points left out. */
    static List<XYSeries> decisionSeries(Tsv decision) {
        XYSeries model = new XYSeries(MODEL, true, true), all = new XYSeries(TREAT_ALL, true, true), none = new XYSeries(TREAT_NONE, true, true);
        for (Map<String, String> r : decision.rows()) {
            double t = Tsv.num(r, "threshold");
            if (Double.isNaN(t)) {
                continue;
            }
            add(model, t, Tsv.num(r, "net_benefit"));
            add(all, t, Tsv.num(r, "treat_all"));
            add(none, t, Tsv.num(r, "treat_none"));
        }
        return List.of(model, all, none);
    }

    private static void add(XYSeries s, double x, double y) {
        if (!Double.isNaN(y)) {
            s.add(x, y);
        }
    }

    static JFreeChart decisionCurve(SurvivalResults.Validation v) {
        List<XYSeries> series = decisionSeries(v.decision());
        XYSeriesCollection data = new XYSeriesCollection();
        series.forEach(data::addSeries);
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, false);
        Color[] colours = {ChartStyle.PRIMARY, new Color(0x777777), Color.BLACK};
        for (int i = 0; i < 3; i++) {
            r.setSeriesPaint(i, colours[i]);
            r.setSeriesStroke(i, i == 1 ? dashed() : new BasicStroke(i == 0 ? 2.2f : 1.2f));
        }
        double top = 0;
        for (XYSeries s : series) {
            for (int i = 0; i < s.getItemCount(); i++) {
                top = Math.max(top, s.getY(i).doubleValue());
            }
        }
        NumberAxis x = new NumberAxis("Threshold probability (risk at which one would intervene)");
        x.setRange(0, 1);
        x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.1));
        NumberAxis y = new NumberAxis("Net benefit");
        double span = Math.max(top, 0.01);
        y.setRange(-0.1 * span - 0.01, 1.1 * span);
        XYPlot plot = new XYPlot(data, x, y, r);
        JFreeChart chart = new JFreeChart(String.format(Locale.ROOT, "Decision curve at %.0f days", v.horizon()), JFreeChart.DEFAULT_TITLE_FONT,
                plot, true);
        return ChartStyle.apply(chart, "Net benefit of acting on the model's risk vs treating everyone or no one; "
                + "thresholds where too few treated patients reach the horizon are not drawn; treat-all below the axis cut off");
    }

    private static BasicStroke dashed() {
        return new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f);
    }
}
