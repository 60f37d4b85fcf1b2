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
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.DefaultXYZDataset;
import org.oncoconcord.cohort.Features;

/**
 * Oncoprint from the cohort's {@code oncoprint.tsv}: patients (columns) x genes (rows), each gene
 * row split into primary (top), metastasis (middle) and plasma (bottom). Tumour genes most often
 * mutated first, clonal-haematopoiesis genes ({@link Features#CH_GENES}) in their own block below;
 * patients ordered by the tumour genes top-down; hypermutated patients marked in a row of their own.
 * A mutated cell is coloured by sample type, or by variant class when the table has a class column
 * ({@code <type>_class} or {@code class}: missense, truncating, inframe, splice, multi_hit). Each
 * mutated cell carries a tooltip naming its variants ({@code KRAS p.G12D}, {@link ProteinChanges}),
 * written into the SVG as a {@code <title>} ({@link ChartFiles}).
 */
final class OncoprintPlot {
    static final int MAX_GENES = 25;
    static final String[] TYPES = {"primary", "metastasis", "plasma"};
    static final String HYPER_ROW = "Hypermutated";
    /** Variant classes in legend order (codes 6..). */
    static final List<String> CLASSES = List.of("missense", "truncating", "inframe", "splice", "multi_hit", "other");
    private static final Paint[] CLASS_PAINT = {new Color(0x2E7D32), Color.BLACK, new Color(0x8E44AD), new Color(0xE69F00), new Color(0x0072B2),
        new Color(0x999999)};
    private static final double[] OFFSET = {-0.3, 0, 0.3};
    /** Height of a sample type's band in a gene row, in row units. */
    static final double BLOCK_HEIGHT = 0.27;

    private OncoprintPlot() {
    }

    static boolean isCh(String gene) {
        return Features.CH_GENES.contains(gene.toUpperCase(Locale.ROOT));
    }

    /** Genes shown: mutated in any sample; tumour genes by frequency, then CH genes by frequency; at most {@link #MAX_GENES}. */
    static List<String> genes(Tsv onco) {
        Map<String, Integer> freq = new HashMap<>();
        for (Map<String, String> r : onco.rows()) {
            String g = r.get("gene");
            if (g.equals("RAS") || g.equals("BRAF_V600E")) {
                continue;
            }
            freq.merge(g, mutatedAny(r) ? 1 : 0, Integer::sum);
        }
        Comparator<Map.Entry<String, Integer>> order = Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());
        List<String> out = new ArrayList<>(freq.entrySet().stream().filter(e -> e.getValue() > 0 && !isCh(e.getKey())).sorted(order)
                .limit(MAX_GENES).map(Map.Entry::getKey).toList());
        freq.entrySet().stream().filter(e -> e.getValue() > 0 && isCh(e.getKey())).sorted(order).map(Map.Entry::getKey).forEach(out::add);
        return out;
    }

    static boolean mutatedAny(Map<String, String> r) {
        for (String t : TYPES) {
            if ("1".equals(r.get(t))) {
                return true;
            }
        }
        return false;
    }

    /** Patients ordered by mutation status in the tumour genes, top gene first (a "memo sort"), then by id. */
    static List<String> patients(Tsv onco, List<String> genes) {
        List<String> tumour = genes.stream().filter(g -> !isCh(g)).toList();
        Map<String, boolean[]> bits = new HashMap<>();
        Set<String> all = new LinkedHashSet<>();
        for (Map<String, String> r : onco.rows()) {
            all.add(r.get("patient"));
            int g = tumour.indexOf(r.get("gene"));
            if (g >= 0) {
                bits.computeIfAbsent(r.get("patient"), k -> new boolean[tumour.size()])[g] = mutatedAny(r);
            }
        }
        Comparator<String> memo = (a, b) -> {
            boolean[] x = bits.getOrDefault(a, new boolean[tumour.size()]), y = bits.getOrDefault(b, new boolean[tumour.size()]);
            for (int i = 0; i < tumour.size(); i++) {
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

    /** The class column of a sample type, or null when the table has none. */
    static String classColumn(Tsv onco, String type) {
        return onco.header().contains(type + "_class") ? type + "_class" : onco.header().contains("class") ? "class" : null;
    }

    /** Cell code: 0 absent / not evaluable, 2 wild-type, 3-5 mutated by sample type, 6+ mutated by class. */
    static int code(Map<String, String> r, int type, String classColumn) {
        String v = r.get(TYPES[type]);
        if ("0".equals(v)) {
            return 2;
        }
        if (!"1".equals(v)) {
            return 0;
        }
        if (classColumn == null) {
            return 3 + type;
        }
        String c = r.getOrDefault(classColumn, "").toLowerCase(Locale.ROOT).replace('-', '_').replace("in_frame", "inframe");
        int k = CLASSES.indexOf(c);
        return 6 + (k < 0 ? CLASSES.size() - 1 : k);
    }

    static JFreeChart chart(Tsv onco, Set<String> hypermutated) {
        List<String> genes = genes(onco);
        List<String> patients = patients(onco, genes);
        boolean hyperRow = patients.stream().anyMatch(hypermutated::contains);
        List<String> rowNames = new ArrayList<>();
        if (hyperRow) {
            rowNames.add(HYPER_ROW);
        }
        genes.forEach(g -> rowNames.add(isCh(g) ? "CH: " + g : g));
        int shift = hyperRow ? 1 : 0;
        Map<String, Integer> pIndex = new HashMap<>();
        for (int i = 0; i < patients.size(); i++) {
            pIndex.put(patients.get(i), i);
        }
        boolean byClass = classColumn(onco, "primary") != null;
        List<double[]> cells = new ArrayList<>();
        List<String> tips = new ArrayList<>();
        ProteinChanges variantNames = ProteinChanges.of(onco);
        for (Map<String, String> r : onco.rows()) {
            int g = genes.indexOf(r.get("gene"));
            if (g < 0) {
                continue;
            }
            int p = pIndex.get(r.get("patient"));
            for (int t = 0; t < TYPES.length; t++) {
                int code = code(r, t, classColumn(onco, TYPES[t]));
                if (code > 0) { // absent / not evaluable = the white background: not drawn, keeps the SVG small
                    cells.add(new double[] {p, g + shift + OFFSET[t], code});
                    tips.add(code > 2 ? tooltip(r, TYPES[t], classColumn(onco, TYPES[t]), variantNames) : null);
                }
            }
        }
        if (hyperRow) {
            for (int i = 0; i < patients.size(); i++) {
                if (hypermutated.contains(patients.get(i))) {
                    for (double off : OFFSET) {
                        cells.add(new double[] {i, off, 1});
                        tips.add(null);
                    }
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
        LookupPaintScale scale = new LookupPaintScale(0, 6 + CLASSES.size(), ChartStyle.ABSENT);
        Paint[] paints = {ChartStyle.ABSENT, new Color(0x333333), ChartStyle.WILDTYPE, ChartStyle.PRIMARY, ChartStyle.METASTASIS, ChartStyle.PLASMA};
        for (int i = 0; i < paints.length; i++) {
            scale.add(i, paints[i]);
        }
        for (int i = 0; i < CLASSES.size(); i++) {
            scale.add(6 + i, CLASS_PAINT[i]);
        }
        XYBlockRenderer r = new XYBlockRenderer();
        r.setPaintScale(scale);
        r.setDefaultToolTipGenerator((dataset, series, item) -> tips.get(item));
        r.setBlockWidth(patients.size() > 150 ? 1.0 : 0.85);
        r.setBlockHeight(BLOCK_HEIGHT);

        ValueAxis x;
        if (patients.size() <= 60) {
            SymbolAxis sx = new SymbolAxis("Patient", patients.toArray(String[]::new));
            sx.setVerticalTickLabels(true);
            sx.setGridBandsVisible(false);
            x = sx;
        } else {
            NumberAxis nx = new NumberAxis("Patients (n = " + patients.size() + "), ordered by the top genes");
            nx.setTickLabelsVisible(false);
            nx.setTickMarksVisible(false);
            x = nx;
        }
        x.setRange(-0.5, patients.size() - 0.5);
        SymbolAxis y = new SymbolAxis(null, rowNames.toArray(String[]::new));
        y.setInverted(true);
        y.setGridBandsVisible(false);
        y.setRange(-0.5, rowNames.size() - 0.5);
        XYPlot plot = new XYPlot(data, x, y, r);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        int firstCh = (int) genes.stream().filter(g -> !isCh(g)).count();
        if (firstCh < genes.size()) {
            plot.addRangeMarker(new ValueMarker(firstCh + shift - 0.5, Color.DARK_GRAY, new BasicStroke(1.2f)));
        }
        if (hyperRow) {
            plot.addRangeMarker(new ValueMarker(0.5, Color.GRAY, new BasicStroke(0.8f)));
        }
        LegendItemCollection legend = new LegendItemCollection();
        List<String> names = new ArrayList<>();
        List<Paint> lp = new ArrayList<>();
        if (byClass) {
            for (int i = 0; i < CLASSES.size(); i++) {
                names.add(CLASSES.get(i).replace('_', '-'));
                lp.add(CLASS_PAINT[i]);
            }
        } else {
            names.addAll(List.of("Mutated in primary", "Mutated in metastasis", "Mutated in plasma"));
            lp.addAll(List.of(ChartStyle.PRIMARY, ChartStyle.METASTASIS, ChartStyle.PLASMA));
        }
        names.addAll(List.of("Wild-type", "No sample / not evaluable"));
        lp.addAll(List.of(ChartStyle.WILDTYPE, ChartStyle.ABSENT));
        if (hyperRow) {
            names.add("Hypermutated patient");
            lp.add(new Color(0x333333));
        }
        for (int i = 0; i < names.size(); i++) {
            legend.add(new LegendItem(names.get(i), null, null, null, new Rectangle(-5, -5, 10, 10), lp.get(i), new BasicStroke(0.5f), Color.GRAY));
        }
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart("Oncoprint: mutations per patient, gene and sample type",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        return ChartStyle.apply(chart, "Each gene row: primary (top), metastasis (middle), plasma (bottom); "
                + (byClass ? "colour = variant class" : "colour = sample type (no variant class column in oncoprint.tsv)")
                + (firstCh < genes.size() ? "; CH = clonal haematopoiesis genes, below the line" : ""));
    }

    /**
     * What the page's script needs to name the cell under the pointer on the raster oncoprint of a large cohort (the
     * inline PNG carries no per-cell title): the data area in chart units, the patients left to right, per row top down
     * the gene as the "Mutations per patient" table names it ("" for the hypermutation row), the sample types of a row's
     * three bands top down, and each band's offset and height in row units. The cell's text is read from that table,
     * which the page already holds, so the map adds only the patient order to the page.
     */
    static String hoverMap(Tsv onco, java.util.Set<String> hypermutated, java.awt.geom.Rectangle2D area) {
        List<String> genes = genes(onco);
        List<String> patients = patients(onco, genes);
        List<String> rows = new ArrayList<>();
        if (patients.stream().anyMatch(hypermutated::contains)) {
            rows.add("");
        }
        genes.forEach(g -> rows.add(SummarySection.label(g)));
        com.fasterxml.jackson.databind.ObjectMapper om = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode m = om.createObjectNode();
        com.fasterxml.jackson.databind.node.ArrayNode a = m.putArray("area");
        for (double v : new double[] {area.getX(), area.getY(), area.getWidth(), area.getHeight()}) {
            a.add(Math.round(v * 100) / 100.0);
        }
        patients.forEach(m.putArray("patients")::add);
        rows.forEach(m.putArray("rows")::add);
        java.util.Arrays.stream(TYPES).forEach(m.putArray("types")::add);
        java.util.Arrays.stream(OFFSET).forEach(m.putArray("offsets")::add);
        m.put("band", BLOCK_HEIGHT);
        try {
            return om.writeValueAsString(m).replace("</", "<\\/");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A mutated cell's tooltip: "P001, KRAS in primary: KRAS p.G12D (missense)". */
    static String tooltip(Map<String, String> r, String type, String classColumn, ProteinChanges names) {
        String k = classColumn == null ? "" : r.getOrDefault(classColumn, "");
        return r.get("patient") + ", " + r.get("gene").replace('_', ' ') + " in " + type + ": " + names.status(r, type)
                + (k.isEmpty() || k.equals("NA") ? "" : " (" + k.replace('_', ' ') + ")");
    }

    static int width(Tsv onco) {
        int n = (int) onco.rows().stream().map(r -> r.get("patient")).distinct().count();
        return Math.max(760, Math.min(1600, 160 + 16 * n));
    }

    static int height(Tsv onco) {
        return 230 + 34 * Math.max(1, genes(onco).size() + 1) + (onco.rows().stream().map(r -> r.get("patient")).distinct().count() <= 60 ? 60 : 0);
    }
}
