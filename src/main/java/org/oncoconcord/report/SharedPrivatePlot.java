package org.oncoconcord.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/** Stacked bars per patient: shared, primary-only, new-in-metastasis and plasma-only variant counts. */
final class SharedPrivatePlot {
    static final String[][] PARTS = {{"shared", "Shared primary + metastasis"}, {"primary_only", "Primary only"},
            {"metastasis_new", "New in metastasis"}, {"plasma_only", "Plasma only"}};

    private SharedPrivatePlot() {
    }

    static JFreeChart chart(Tsv patients) {
        List<Map<String, String>> rows = new ArrayList<>(patients.rows());
        rows.sort(Comparator.comparingDouble((Map<String, String> r) -> -total(r)).thenComparing(r -> r.get("patient")));
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (String[] part : PARTS) {
            for (Map<String, String> r : rows) {
                double v = Tsv.num(r, part[0]);
                data.addValue(Double.isNaN(v) ? 0 : v, part[1], r.get("patient"));
            }
        }
        CategoryAxis x = new CategoryAxis(rows.size() <= 60 ? "Patient" : "Patients (n = " + rows.size() + "), most variants first");
        x.setCategoryLabelPositions(CategoryLabelPositions.UP_90);
        x.setTickLabelsVisible(rows.size() <= 60);
        x.setCategoryMargin(0.15);
        x.setLowerMargin(0.01);
        x.setUpperMargin(0.01);
        NumberAxis y = new NumberAxis("Variants");
        StackedBarRenderer r = new StackedBarRenderer();
        r.setBarPainter(new StandardBarPainter());
        r.setShadowVisible(false);
        java.awt.Color[] colours = {new java.awt.Color(0x555555), ChartStyle.PRIMARY, ChartStyle.METASTASIS, ChartStyle.PLASMA};
        for (int i = 0; i < colours.length; i++) {
            r.setSeriesPaint(i, colours[i]);
        }
        CategoryPlot plot = new CategoryPlot(data, x, y, r);
        JFreeChart chart = new JFreeChart("Shared and private mutations per patient", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartStyle.apply(chart, "Primary vs metastasis pair; plasma-only = found in plasma and in no tissue sample");
    }

    private static double total(Map<String, String> r) {
        double t = 0;
        for (String[] p : PARTS) {
            double v = Tsv.num(r, p[0]);
            t += Double.isNaN(v) ? 0 : v;
        }
        return t;
    }
}
