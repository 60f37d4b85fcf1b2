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
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * Calibration at the horizon from out-of-sample predictions ({@code cv_predictions.tsv}):
 * patients grouped by quantile of predicted risk; per group the mean predicted risk against the
 * observed risk 1 - KM(horizon) with its Greenwood 95% CI, and the diagonal of perfect calibration.
 */
final class CalibrationPlot {
    private CalibrationPlot() {
    }

    /** A prediction: follow-up, event (0/1) and predicted risk of the event by the horizon. */
    record Prediction(double time, int event, double risk) {
    }

    /** Reads predictions, finding the risk column (or 1 - the survival column); empty when not found. */
    static List<Prediction> predictions(Tsv t) {
        String time = first(t, "time", "os_days", "rfs_days"), event = first(t, "event", "status", "os_event", "rfs_event");
        String risk = first(t, "risk", "pred_risk", "predicted_risk", "risk_at_horizon");
        String surv = first(t, "surv", "pred_surv", "predicted_survival", "surv_at_horizon", "survival");
        List<Prediction> out = new ArrayList<>();
        if (time == null || event == null || (risk == null && surv == null)) {
            return out;
        }
        for (Map<String, String> r : t.rows()) {
            double tt = Tsv.num(r, time), e = Tsv.num(r, event);
            double p = risk != null ? Tsv.num(r, risk) : 1 - Tsv.num(r, surv);
            if (!Double.isNaN(tt) && !Double.isNaN(e) && !Double.isNaN(p)) {
                out.add(new Prediction(tt, (int) e, p));
            }
        }
        return out;
    }

    private static String first(Tsv t, String... names) {
        for (String n : names) {
            if (t.header().contains(n)) {
                return n;
            }
        }
        return null;
    }

    /** Observed risk by the horizon (1 - product-limit survival) with a Greenwood 95% CI: {risk, lower, upper}. */
    static double[] observedRisk(List<Prediction> group, double horizon) {
        List<Prediction> sorted = new ArrayList<>(group);
        sorted.sort(Comparator.comparingDouble(Prediction::time));
        double s = 1, gw = 0;
        int atRisk = sorted.size();
        for (int i = 0; i < sorted.size(); ) {
            double t = sorted.get(i).time();
            if (t > horizon) {
                break;
            }
            int d = 0, n = 0;
            while (i + n < sorted.size() && sorted.get(i + n).time() == t) {
                d += sorted.get(i + n).event();
                n++;
            }
            if (d > 0 && atRisk > d) {
                s *= 1 - (double) d / atRisk;
                gw += (double) d / ((double) atRisk * (atRisk - d));
            } else if (d > 0) {
                s = 0;
            }
            atRisk -= n;
            i += n;
        }
        double se = s * Math.sqrt(gw);
        return new double[] {1 - s, Math.max(0, 1 - s - 1.96 * se), Math.min(1, 1 - s + 1.96 * se)};
    }

    static JFreeChart chart(String name, List<Prediction> preds, double horizon) {
        int groups = Math.max(2, Math.min(5, preds.size() / 20));
        List<Prediction> sorted = new ArrayList<>(preds);
        sorted.sort(Comparator.comparingDouble(Prediction::risk));
        XYIntervalSeries s = new XYIntervalSeries("Risk group (observed 95% CI)");
        for (int g = 0; g < groups; g++) {
            List<Prediction> grp = sorted.subList(g * sorted.size() / groups, (g + 1) * sorted.size() / groups);
            if (grp.isEmpty()) {
                continue;
            }
            double mean = grp.stream().mapToDouble(Prediction::risk).average().orElse(Double.NaN);
            double[] obs = observedRisk(grp, horizon);
            s.add(mean, mean, mean, obs[0], obs[1], obs[2]);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        data.addSeries(s);
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDefaultLinesVisible(true);
        r.setSeriesPaint(0, ChartStyle.PRIMARY);
        r.setSeriesShape(0, new Ellipse2D.Double(-5, -5, 10, 10));
        r.setErrorStroke(new BasicStroke(1.4f));
        NumberAxis x = new NumberAxis(String.format(Locale.ROOT, "Predicted risk of the event by %.0f days", horizon));
        NumberAxis y = new NumberAxis("Observed risk (1 - Kaplan-Meier)");
        x.setRange(0, 1);
        y.setRange(0, 1);
        x.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.1));
        y.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.1));
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.addAnnotation(new XYLineAnnotation(0, 0, 1, 1, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
                1f, new float[] {4f, 4f}, 0f), new Color(0x888888)));
        JFreeChart chart = new JFreeChart(String.format(Locale.ROOT, "Calibration at %.0f days", horizon),
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartStyle.apply(chart, name + ": " + preds.size() + " out-of-sample predictions in " + groups
                + " groups of predicted risk; dashed = perfect calibration");
    }
}
