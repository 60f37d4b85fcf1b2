package org.oncoconcord.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Cumulative incidence of competing causes ({@code survival cif}: Aalen-Johansen, as cmprsk::cuminc):
 * one step curve per group and cause from the {@code kind = event} rows of cif.tsv, starting at 0;
 * colour = group, line style = cause. Gray's test per cause when cif.json carries it.
 */
final class CifPlot {
    private CifPlot() {
    }

    /** One curve: the group ("" or "all" without groups), the cause and its steps. */
    record Curve(String group, String cause, XYSeries steps) {
    }

    static List<Curve> curves(Tsv cif) {
        Map<String, Curve> out = new LinkedHashMap<>();
        boolean hasKind = cif.header().contains("kind");
        for (Map<String, String> r : cif.rows()) {
            double t = Tsv.num(r, "time"), y = Tsv.num(r, "cif");
            if ((hasKind && !"event".equals(r.get("kind"))) || Double.isNaN(t) || Double.isNaN(y)) {
                continue;
            }
            String g = r.get("group"), c = r.get("cause");
            Curve curve = out.computeIfAbsent(g + "\t" + c, k -> {
                XYSeries s = new XYSeries(label(g, c), true, true);
                s.add(0, 0);
                return new Curve(g, c, s);
            });
            curve.steps().addOrUpdate(t, y);
        }
        return new ArrayList<>(out.values());
    }

    static String label(String group, String cause) {
        boolean grouped = group != null && !group.isEmpty() && !group.equals("all") && !group.equals("NA") && !group.equals(".");
        return (grouped ? group + ", " : "") + "cause " + cause;
    }

    /** Gray's test of one cause. */
    record Gray(String cause, double statistic, double df, double p) {
    }

    /**
     * Gray's tests from cif.json, when present: {@code gray} (or {@code gray_test}, {@code tests}) as an array of
     * {cause, statistic, df, p} or an object cause -> {statistic, df, p}. Empty when absent.
     */
    static List<Gray> gray(JsonNode summary) {
        List<Gray> out = new ArrayList<>();
        if (summary == null) {
            return out;
        }
        JsonNode g = summary.path("gray");
        for (String alt : List.of("gray_test", "tests")) {
            if (g.isMissingNode() || g.isNull()) {
                g = summary.path(alt);
            }
        }
        if (g.isArray()) {
            for (JsonNode t : g) {
                out.add(gray(t.path("cause").asText("?"), t));
            }
        } else if (g.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = g.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isObject()) {
                    out.add(gray(e.getKey(), e.getValue()));
                }
            }
        }
        return out;
    }

    private static Gray gray(String cause, JsonNode t) {
        JsonNode stat = t.has("statistic") ? t.get("statistic") : t.path("stat");
        return new Gray(cause, stat.asDouble(Double.NaN), t.path("df").asDouble(Double.NaN), t.path("p").asDouble(t.path("pv").asDouble(Double.NaN)));
    }

    static String grayText(List<Gray> tests) {
        List<String> parts = new ArrayList<>();
        for (Gray g : tests) {
            parts.add("cause " + g.cause() + ": Gray's test p " + SurvivalResults.formatP(g.p()));
        }
        return String.join("; ", parts);
    }

    static JFreeChart chart(SurvivalResults.Cif cif) {
        List<Curve> curves = curves(cif.table());
        XYSeriesCollection data = new XYSeriesCollection();
        XYStepRenderer r = new XYStepRenderer();
        List<String> groups = new ArrayList<>(), causes = new ArrayList<>();
        for (Curve c : curves) {
            if (!groups.contains(c.group())) {
                groups.add(c.group());
            }
            if (!causes.contains(c.cause())) {
                causes.add(c.cause());
            }
        }
        double end = 1;
        for (int i = 0; i < curves.size(); i++) {
            Curve c = curves.get(i);
            data.addSeries(c.steps());
            r.setSeriesPaint(i, ChartStyle.SERIES[groups.indexOf(c.group()) % ChartStyle.SERIES.length]);
            int k = causes.indexOf(c.cause());
            r.setSeriesStroke(i, k == 0 ? new BasicStroke(2f) : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f,
                    new float[] {6f * k, 4f}, 0f));
            end = Math.max(end, c.steps().getMaxX());
        }
        NumberAxis x = new NumberAxis("Days");
        x.setRange(0, 1.03 * end);
        NumberAxis y = new NumberAxis("Cumulative incidence");
        y.setRange(0, 1);
        XYPlot plot = new XYPlot(data, x, y, r);
        String name = ReportBuilder.endpoint(cif.name());
        JFreeChart chart = new JFreeChart("Cumulative incidence by cause: " + name, JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        List<Gray> gray = gray(cif.summary());
        String method = cif.summary() == null ? "" : cif.summary().path("method").asText("");
        return ChartStyle.apply(chart, (method.isEmpty() ? "Aalen-Johansen" : method) + "; colour = group, dash = cause"
                + (gray.isEmpty() ? (groups.size() > 1 ? "; no Gray's test in cif.json" : "") : "; " + grayText(gray)));
    }
}
