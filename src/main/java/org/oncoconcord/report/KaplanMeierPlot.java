package org.oncoconcord.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Kaplan-Meier curves per group from {@code km.tsv} (rows of kind {@code event}: the curve; rows
 * of kind {@code at}: numbers at risk at fixed times) with dashed 95% CIs, the log-rank p from
 * {@code logrank.json}, and a numbers-at-risk table under the time axis.
 */
final class KaplanMeierPlot {
    /** Censoring mark: a plus sign (drawn as an outline, so lines only). */
    static final java.awt.Shape PLUS;

    static {
        java.awt.geom.Path2D.Double plus = new java.awt.geom.Path2D.Double();
        plus.moveTo(-4, 0);
        plus.lineTo(4, 0);
        plus.moveTo(0, -4);
        plus.lineTo(0, 4);
        PLUS = plus;
    }

    private KaplanMeierPlot() {
    }

    static JFreeChart chart(SurvivalResults.Km km, String title) {
        return chart(km, title, new KmFollowUp(java.util.Map.of(), null));
    }

    /** With censoring marks ("+") and each curve run to its group's last follow-up when {@code fu} has the group. */
    static JFreeChart chart(SurvivalResults.Km km, String title, KmFollowUp fu) {
        List<String> groups = km.table().rows().stream().map(r -> r.get("group")).distinct().toList();
        boolean hasKind = km.table().header().contains("kind");
        XYSeriesCollection curves = new XYSeriesCollection();
        XYStepRenderer r = new XYStepRenderer();
        double maxTime = 0;
        int censored = 0;
        XYSeriesCollection marks = new XYSeriesCollection();
        org.jfree.chart.renderer.xy.XYLineAndShapeRenderer markRenderer = new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(false, true);
        markRenderer.setUseOutlinePaint(false);
        markRenderer.setDefaultShapesFilled(false);
        markRenderer.setDrawOutlines(true);
        for (int g = 0; g < groups.size(); g++) {
            XYSeries s = new XYSeries(legend(groups.get(g), groups), true, true), lo = new XYSeries(groups.get(g) + " lower", true, true),
                    hi = new XYSeries(groups.get(g) + " upper", true, true);
            s.add(0, 1);
            lo.add(0, 1);
            hi.add(0, 1);
            for (Map<String, String> row : km.table().rows()) {
                if (!row.get("group").equals(groups.get(g)) || (hasKind && !"event".equals(row.get("kind")))) {
                    continue;
                }
                double t = Tsv.num(row, "time"), sv = Tsv.num(row, "surv");
                if (Double.isNaN(t) || Double.isNaN(sv)) {
                    continue;
                }
                s.addOrUpdate(t, sv);
                addIfNumber(lo, t, Tsv.num(row, "lower"));
                addIfNumber(hi, t, Tsv.num(row, "upper"));
                maxTime = Math.max(maxTime, t);
            }
            for (Map<String, String> row : km.table().rows()) {
                if (row.get("group").equals(groups.get(g)) && !Double.isNaN(Tsv.num(row, "surv"))) {
                    maxTime = Math.max(maxTime, Tsv.num(row, "time"));
                }
            }
            KmFollowUp.Group fg = fu.groups().get(groups.get(g));
            if (fg != null && s.getItemCount() > 0) {
                double lastS = s.getY(s.getItemCount() - 1).doubleValue();
                if (fg.lastFollowUp() > s.getMaxX()) {
                    s.add(fg.lastFollowUp(), lastS);
                    if (lo.getItemCount() > 0) {
                        lo.add(fg.lastFollowUp(), lo.getY(lo.getItemCount() - 1));
                        hi.add(fg.lastFollowUp(), hi.getY(hi.getItemCount() - 1));
                    }
                }
                maxTime = Math.max(maxTime, fg.lastFollowUp());
                XYSeries c = new XYSeries(groups.get(g) + " censored", false, true);
                fg.censored().forEach(x -> c.add(x[0], x[1]));
                marks.addSeries(c);
                int k = marks.getSeriesCount() - 1;
                markRenderer.setSeriesPaint(k, ChartStyle.SERIES[g % ChartStyle.SERIES.length]);
                markRenderer.setSeriesShape(k, PLUS);
                markRenderer.setSeriesStroke(k, new BasicStroke(1.3f));
                markRenderer.setSeriesVisibleInLegend(k, false);
                censored += fg.patientsCensored();
            }
            Color c = ChartStyle.SERIES[g % ChartStyle.SERIES.length];
            int base = curves.getSeriesCount();
            curves.addSeries(s);
            curves.addSeries(lo);
            curves.addSeries(hi);
            r.setSeriesPaint(base, c);
            r.setSeriesStroke(base, new BasicStroke(2f));
            BasicStroke dashed = new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {3f, 3f}, 0f);
            for (int k = 1; k <= 2; k++) {
                r.setSeriesPaint(base + k, c);
                r.setSeriesStroke(base + k, dashed);
                r.setSeriesVisibleInLegend(base + k, false);
            }
        }
        NumberAxis survAxis = new NumberAxis("Survival probability");
        survAxis.setRange(0, 1.02);
        XYPlot top = new XYPlot(curves, null, survAxis, r);
        if (marks.getSeriesCount() > 0) {
            top.setDataset(1, marks);
            top.setRenderer(1, markRenderer);
        }
        ChartStyle.grid(top);

        NumberAxis time = new NumberAxis(km.landmark() ? "Days since " + km.logrank().get("landmark").path("column").asText("the landmark") : "Time (days)");
        time.setRange(-0.04 * maxTime - 1, maxTime * 1.04 + 1);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(time);
        combined.setGap(4);
        combined.add(top, 5);
        XYPlot risk = riskTable(km, groups, hasKind);
        if (risk != null) {
            combined.add(risk, Math.max(1, groups.size()));
        }
        JFreeChart chart = new JFreeChart(title, JFreeChart.DEFAULT_TITLE_FONT, combined, true);
        double p = km.logrank() == null ? Double.NaN : km.logrank().path("p").asDouble(Double.NaN);
        String sub = (groups.size() > 1 ? "Log-rank p = " + SurvivalResults.formatP(p) + "; " : "")
                + (risk != null ? "numbers at risk below the axis; " : "") + "dashed: 95% CI; "
                + (fu.problem() == null ? "+ = censored (" + censored + "), curves to the last follow-up" : fu.problem());
        ChartStyle.apply(chart, sub);
        if (risk != null) { // the theme repaints annotations: colour the numbers at risk by group again
            for (Object a : risk.getAnnotations()) {
                if (a instanceof XYTextAnnotation t) {
                    t.setPaint(ChartStyle.SERIES[(int) t.getY() % ChartStyle.SERIES.length]);
                    t.setFont(new Font(ChartStyle.FONT, Font.PLAIN, 12));
                }
            }
        }
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.TOP);
        return chart;
    }

    /** Legend text of a group: 0/1 groups read "no"/"yes". */
    static String legend(String group, List<String> groups) {
        boolean binary = groups.stream().allMatch(x -> x.equals("0") || x.equals("1"));
        return binary ? (group.equals("1") ? "yes" : "no") : group;
    }

    private static void addIfNumber(XYSeries s, double t, double v) {
        if (!Double.isNaN(v)) {
            s.addOrUpdate(t, v);
        }
    }

    /** Numbers at risk at the km.tsv rows of kind "at", one text row per group; null when there are none. */
    private static XYPlot riskTable(SurvivalResults.Km km, List<String> groups, boolean hasKind) {
        if (!hasKind) {
            return null;
        }
        TreeSet<Double> times = new TreeSet<>();
        XYPlot plot = new XYPlot(new XYSeriesCollection(), null, null, new XYStepRenderer());
        for (Map<String, String> row : km.table().rows()) {
            if (!"at".equals(row.get("kind"))) {
                continue;
            }
            double t = Tsv.num(row, "time"), n = Tsv.num(row, "n_risk");
            if (Double.isNaN(t) || Double.isNaN(n)) {
                continue;
            }
            times.add(t);
            int g = groups.indexOf(row.get("group"));
            XYTextAnnotation a = new XYTextAnnotation(String.valueOf((long) n), t, g);
            a.setFont(new Font(ChartStyle.FONT, Font.PLAIN, 11));
            a.setPaint(ChartStyle.SERIES[g % ChartStyle.SERIES.length]);
            plot.addAnnotation(a);
        }
        if (times.isEmpty()) {
            return null;
        }
        SymbolAxis names = new SymbolAxis("At risk", groups.stream().map(x -> legend(x, groups)).toArray(String[]::new));
        names.setInverted(true);
        names.setRange(-0.6, groups.size() - 0.4);
        names.setGridBandsVisible(false);
        names.setLabelFont(new Font(ChartStyle.FONT, Font.PLAIN, 10));
        plot.setRangeAxis(names);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        plot.setOutlineVisible(false);
        return plot;
    }

    static List<String> groups(SurvivalResults.Km km) {
        return new ArrayList<>(km.table().rows().stream().map(r -> r.get("group")).distinct().toList());
    }
}
