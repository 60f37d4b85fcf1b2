package org.oncoconcord.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleInsets;

/** The report's shared look: fonts, a white background, light grid lines and one colour palette. */
public final class ChartStyle {
    /** Colour per sample type and per series (Okabe-Ito, readable by colour-blind readers). */
    public static final Color PRIMARY = new Color(0x0072B2), METASTASIS = new Color(0xD55E00), PLASMA = new Color(0x009E73),
            EXTRA = new Color(0xCC79A7), YELLOW = new Color(0xE69F00), SKY = new Color(0x56B4E9),
            WILDTYPE = new Color(0xE4E4E4), ABSENT = new Color(0xFFFFFF), GRID = new Color(0xDDDDDD), TEXT = new Color(0x222222);
    public static final Color[] SERIES = {PRIMARY, METASTASIS, PLASMA, YELLOW, EXTRA, SKY, TEXT};
    static final String FONT = "SansSerif";

    private ChartStyle() {
    }

    /** Applies the theme, a subtitle (may be null) and the grid colours. */
    public static JFreeChart apply(JFreeChart chart, String subtitle) {
        StandardChartTheme theme = (StandardChartTheme) StandardChartTheme.createJFreeTheme();
        theme.setExtraLargeFont(new Font(FONT, Font.BOLD, 16));
        theme.setLargeFont(new Font(FONT, Font.BOLD, 13));
        theme.setRegularFont(new Font(FONT, Font.PLAIN, 12));
        theme.setSmallFont(new Font(FONT, Font.PLAIN, 10));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setAxisLabelPaint(TEXT);
        theme.setTickLabelPaint(TEXT);
        theme.setTitlePaint(TEXT);
        theme.setShadowVisible(false);
        keepSeriesStyles(chart.getPlot());
        theme.apply(chart);
        chart.setPadding(new RectangleInsets(8, 8, 8, 8));
        if (subtitle != null) {
            TextTitle t = new TextTitle(subtitle, new Font(FONT, Font.PLAIN, 11));
            t.setPaint(new Color(0x555555));
            chart.addSubtitle(t);
        }
        Plot plot = chart.getPlot();
        plot.setOutlinePaint(new Color(0xBBBBBB));
        if (plot instanceof XYPlot xy) {
            grid(xy);
        } else if (plot instanceof CategoryPlot cp) {
            cp.setRangeGridlineStroke(new BasicStroke(0.6f));
            cp.setRangeGridlinePaint(GRID);
        }
        return chart;
    }

    /** Stops the theme from replacing the series colours and strokes the plot classes set. */
    private static void keepSeriesStyles(Plot plot) {
        if (plot instanceof org.jfree.chart.plot.CombinedDomainXYPlot c) {
            c.getSubplots().forEach(ChartStyle::keepSeriesStyles);
        }
        if (plot instanceof XYPlot xy) {
            for (int i = 0; i < xy.getRendererCount(); i++) {
                if (xy.getRenderer(i) instanceof org.jfree.chart.renderer.AbstractRenderer r) {
                    r.setAutoPopulateSeriesPaint(false);
                    r.setAutoPopulateSeriesStroke(false);
                    r.setAutoPopulateSeriesShape(false);
                }
            }
        } else if (plot instanceof CategoryPlot cp && cp.getRenderer() instanceof org.jfree.chart.renderer.AbstractRenderer r) {
            r.setAutoPopulateSeriesPaint(false);
            r.setAutoPopulateSeriesStroke(false);
        }
    }

    static void grid(XYPlot xy) {
        xy.setDomainGridlinePaint(GRID);
        xy.setRangeGridlinePaint(GRID);
        xy.setDomainGridlineStroke(new BasicStroke(0.6f));
        xy.setRangeGridlineStroke(new BasicStroke(0.6f));
    }
}
