package org.oncoconcord.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Paint;
import java.awt.Rectangle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Oncoprint from the cohort's {@code oncoprint.tsv}: patients (columns, sorted so that mutated
 * patients come first gene by gene) x genes (rows, most often mutated first), each gene row split
 * into primary (top), metastasis (middle) and plasma (bottom). Colour = mutated in that sample;
 * grey = wild-type; white = no such sample or not evaluable.
 */
final class OncoprintPlot {
    static final int MAX_GENES = 25;
    static final String[] TYPES = {"primary", "metastasis", "plasma"};
    private static final double[] OFFSET = {-0.3, 0, 0.3};

    private OncoprintPlot() {
    }

    /** Genes shown: mutated in any sample of any patient, most frequent first, at most {@link #MAX_GENES}. */
    static List<String> genes(Tsv onco) {
        Map<String, Integer> freq = new HashMap<>();
        for (Map<String, String> r : onco.rows()) {
            String g = r.get("gene");
            if (g.equals("RAS") || g.equals("BRAF_V600E")) {
                continue;
            }
            freq.merge(g, mutatedAny(r) ? 1 : 0, Integer::sum);
        }
        return freq.entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(MAX_GENES).map(Map.Entry::getKey).toList();
    }

    static boolean mutatedAny(Map<String, String> r) {
        for (String t : TYPES) {
            if ("1".equals(r.get(t))) {
                return true;
            }
        }
        return false;
    }

    static List<String> patients(Tsv onco, List<String> genes) {
        Map<String, boolean[]> bits = new HashMap<>();
        Set<String> all = new LinkedHashSet<>();
        for (Map<String, String> r : onco.rows()) {
            all.add(r.get("patient"));
            int g = genes.indexOf(r.get("gene"));
            if (g >= 0) {
                bits.computeIfAbsent(r.get("patient"), k -> new boolean[genes.size()])[g] = mutatedAny(r);
            }
        }
        Comparator<String> memo = (a, b) -> {
            boolean[] x = bits.getOrDefault(a, new boolean[genes.size()]), y = bits.getOrDefault(b, new boolean[genes.size()]);
            for (int i = 0; i < genes.size(); i++) {
                if (x[i] != y[i]) {
                    return x[i] ? -1 : 1;
                }
            }
            return a.compareTo(b);
        };
        List<String> ps = new ArrayList<>(all);
        ps.sort(memo);
        return ps;
    }

    static JFreeChart chart(Tsv onco) {
        List<String> genes = genes(onco);
        List<String> patients = patients(onco, genes);
        List<double[]> cells = new ArrayList<>();
        for (Map<String, String> r : onco.rows()) {
            int g = genes.indexOf(r.get("gene"));
            if (g < 0) {
                continue;
            }
            int p = patients.indexOf(r.get("patient"));
            for (int t = 0; t < TYPES.length; t++) {
                String v = r.get(TYPES[t]);
                double code = "1".equals(v) ? 3 + t : "0".equals(v) ? 2 : 0;
                if (code > 0) { // absent / not evaluable = the white background: not drawn, keeps the SVG small
                    cells.add(new double[] {p, g + OFFSET[t], code});
                }
            }
        }
        double[][] xyz = new double[3][cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            for (int k = 0; k < 3; k++) {
                xyz[k][i] = cells.get(i)[k];
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("calls", xyz);
        LookupPaintScale scale = new LookupPaintScale(0, 6, ChartStyle.ABSENT);
        Paint[] paints = {ChartStyle.ABSENT, ChartStyle.ABSENT, ChartStyle.WILDTYPE, ChartStyle.PRIMARY, ChartStyle.METASTASIS, ChartStyle.PLASMA};
        for (int i = 0; i < paints.length; i++) {
            scale.add(i, paints[i]);
        }
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(scale);
        r.setBlockWidth(patients.size() > 150 ? 1.0 : 0.85);
        r.setBlockHeight(0.27);

        ValueAxis x;
        if (patients.size() <= 60) {
            SymbolAxis sx = new SymbolAxis("Patient", patients.toArray(String[]::new));
            sx.setVerticalTickLabels(true);
            sx.setGridBandsVisible(false);
            x = sx;
        } else {
            NumberAxis nx = new NumberAxis("Patients (n = " + patients.size() + ")");
            nx.setTickLabelsVisible(false);
            nx.setTickMarksVisible(false);
            x = nx;
        }
        x.setRange(-0.5, patients.size() - 0.5);
        SymbolAxis y = new SymbolAxis(null, genes.toArray(String[]::new));
        y.setInverted(true);
        y.setGridBandsVisible(false);
        y.setRange(-0.5, genes.size() - 0.5);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        LegendItemCollection legend = new LegendItemCollection();
        String[] names = {"Mutated in primary", "Mutated in metastasis", "Mutated in plasma", "Wild-type", "No sample / not evaluable"};
        Paint[] lp = {ChartStyle.PRIMARY, ChartStyle.METASTASIS, ChartStyle.PLASMA, ChartStyle.WILDTYPE, ChartStyle.ABSENT};
        for (int i = 0; i < names.length; i++) {
            LegendItem li = new LegendItem(names[i], null, null, null, new Rectangle(-5, -5, 10, 10), lp[i],
                    new BasicStroke(0.5f), Color.GRAY);
            legend.add(li);
        }
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart("Oncoprint: mutations per patient, gene and sample type",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartStyle.apply(chart, "Each gene row: primary (top), metastasis (middle), plasma (bottom); "
                + genes.size() + " most often mutated genes");
    }

    static int width(Tsv onco) {
        int n = (int) onco.rows().stream().map(r -> r.get("patient")).distinct().count();
        return Math.max(760, Math.min(1600, 160 + 16 * n));
    }

    static int height(Tsv onco) {
        return 190 + 34 * Math.max(1, genes(onco).size()) + (onco.rows().stream().map(r -> r.get("patient")).distinct().count() <= 60 ? 60 : 0);
    }
}
