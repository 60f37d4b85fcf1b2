package org.oncoconcord.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * Horizontal point-and-interval chart shared by the concordance, forest and accuracy plots: one
 * row per label (top to bottom in the given order), one coloured series per group, each point
 * with its interval drawn as a horizontal error bar.
 */
final class IntervalDotChart {
    /** One point: row label, series, estimate and interval (NaN bounds draw no bar). */
    record Point(String row, String series, double x, double lower, double upper) {
    }

    private IntervalDotChart() {
    }

    /**
     * @param reference x of a dashed vertical reference line, or NaN
     * @param log       logarithmic x axis (hazard ratios)
     */
    static JFreeChart build(String title, String xLabel, List<Point> points, double reference, boolean log,
                            double xMin, double xMax) {
        List<String> rows = new ArrayList<>();
        points.forEach(p -> {
            if (!rows.contains(p.row())) {
                rows.add(p.row());
            }
        });
        Map<String, XYIntervalSeries> series = new LinkedHashMap<>();
        points.forEach(p -> series.computeIfAbsent(p.series(), XYIntervalSeries::new));
        int nSeries = series.size();
        List<String> names = new ArrayList<>(series.keySet());
        for (Point p : points) {
            int k = names.indexOf(p.series());
            double offset = nSeries == 1 ? 0 : (k - (nSeries - 1) / 2.0) * (0.6 / nSeries);
            double y = rows.indexOf(p.row()) + offset;
            double lo = Double.isNaN(p.lower()) ? p.x() : p.lower(), hi = Double.isNaN(p.upper()) ? p.x() : p.upper();
            series.get(p.series()).add(p.x(), lo, hi, y, y, y);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        series.values().forEach(data::addSeries);

        ValueAxis xAxis;
        if (log) {
            LogAxis la = new LogAxis(xLabel);
            la.setBase(2);
            la.setSmallestValue(1e-3);
            la.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(1));
            la.setNumberFormatOverride(new java.text.DecimalFormat("0.###"));
            xAxis = la;
        } else {
            NumberAxis na = new NumberAxis(xLabel);
            na.setAutoRangeIncludesZero(false);
            xAxis = na;
        }
        if (!Double.isNaN(xMin) && !Double.isNaN(xMax)) {
            xAxis.setRange(xMin, xMax);
        }
        SymbolAxis yAxis = new SymbolAxis(null, rows.toArray(String[]::new));
        yAxis.setInverted(true);
        yAxis.setGridBandsVisible(true);
        yAxis.setGridBandPaint(new Color(0xF7F7F7));
        yAxis.setGridBandAlternatePaint(Color.WHITE);
        yAxis.setRange(-0.6, rows.size() - 0.4);

        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawYError(false);
        r.setErrorStroke(new BasicStroke(1.6f));
        r.setCapLength(5);
        r.setDefaultLinesVisible(false);
        r.setDefaultShapesVisible(true);
        for (int i = 0; i < nSeries; i++) {
            r.setSeriesPaint(i, ChartStyle.SERIES[i % ChartStyle.SERIES.length]);
            r.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
        }
        XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
        if (!Double.isNaN(reference)) {
            ValueMarker m = new ValueMarker(reference, new Color(0x888888), new BasicStroke(1f, BasicStroke.CAP_BUTT,
                    BasicStroke.JOIN_MITER, 1f, new float[] {4f, 4f}, 0f));
            plot.addDomainMarker(m);
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, plot, nSeries > 1);
        return chart;
    }

    /** A sensible chart height for {@code rows} rows. */
    static int height(int rows) {
        return Math.max(260, 130 + 24 * rows);
    }
}
