package org.oncoconcord.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * Swimmer plot from the clinical day columns carried in features.tsv: one lane per patient from 0
 * to the last follow-up ({@code os_days}), with surgery ({@code surgery_days}), metastasis
 * ({@code metastasis_days}), plasma draws (every {@code plasma*_days} column of the clinical table,
 * and the samplesheet's {@code collection_day} of each plasma sample, counted from surgery: drawn at
 * {@code surgery_days + collection_day}, surgery at day 0 when {@code surgery_days} is unknown),
 * recurrence ({@code rfs_days} with {@code rfs_event} = 1) and death ({@code os_event} = 1) or
 * censoring. The legend lists every event, those without a column in this study marked "not
 * available"; at most {@link #MAX_PATIENTS} lanes (evenly spaced by follow-up when there are more).
 */
final class SwimmerPlot {
    static final int MAX_PATIENTS = 120;
    static final String END = "os_days", DEATH = "os_event", SURGERY = "surgery_days", METASTASIS = "metastasis_days",
            RECURRENCE = "rfs_days", RECURRENCE_EVENT = "rfs_event";

    private SwimmerPlot() {
    }

    /** One patient's lane: follow-up end, whether it ends in death, and event days (NaN when unknown or absent). */
    record Lane(String patient, double end, boolean died, double surgery, double metastasis, List<Double> plasma, double recurrence) {
    }

    static List<String> plasmaColumns(List<String> header) {
        return header.stream().filter(h -> h.startsWith("plasma") && h.endsWith("_days")).toList();
    }

    /** Plasma collection days from surgery per patient, from the samplesheet's plasma rows (empty without the column). */
    static Map<String, List<Double>> collectionDays(Samplesheet sheet) {
        Map<String, List<Double>> out = new java.util.HashMap<>();
        if (sheet != null) {
            for (Samplesheet.Row r : sheet.rows()) {
                if ("plasma".equals(r.type()) && !Double.isNaN(r.collectionDay())) {
                    out.computeIfAbsent(r.patient(), k -> new ArrayList<>()).add(r.collectionDay());
                }
            }
        }
        return out;
    }

    /** Lanes of every patient with a known follow-up end, longest first (no samplesheet). */
    static List<Lane> lanes(Tsv features) {
        return lanes(features, null);
    }

    /** Lanes of every patient with a known follow-up end, longest first. */
    static List<Lane> lanes(Tsv features, Samplesheet sheet) {
        List<Lane> out = new ArrayList<>();
        if (features == null || !features.header().contains(END)) {
            return out;
        }
        List<String> plasma = plasmaColumns(features.header());
        Map<String, List<Double>> collected = collectionDays(sheet);
        for (Map<String, String> r : features.rows()) {
            double end = Tsv.num(r, END);
            if (Double.isNaN(end)) {
                continue;
            }
            List<Double> draws = new ArrayList<>();
            plasma.forEach(c -> {
                double v = Tsv.num(r, c);
                if (!Double.isNaN(v)) {
                    draws.add(v);
                }
            });
            double surgeryDay = Tsv.num(r, SURGERY);
            for (double d : collected.getOrDefault(r.get("patient"), List.of())) {
                double day = (Double.isNaN(surgeryDay) ? 0 : surgeryDay) + d;
                if (!draws.contains(day)) {
                    draws.add(day);
                }
            }
            double rec = Tsv.num(r, RECURRENCE_EVENT) == 1 ? Tsv.num(r, RECURRENCE) : Double.NaN;
            out.add(new Lane(r.get("patient"), end, Tsv.num(r, DEATH) == 1, Tsv.num(r, SURGERY), Tsv.num(r, METASTASIS), draws, rec));
        }
        out.sort(Comparator.comparingDouble(Lane::end).reversed().thenComparing(Lane::patient));
        return out;
    }

    /** At most {@code max} lanes, evenly spaced through the sorted list (all when fewer). */
    static List<Lane> shown(List<Lane> lanes, int max) {
        if (lanes.size() <= max) {
            return lanes;
        }
        List<Lane> out = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            out.add(lanes.get((int) Math.round(i * (lanes.size() - 1) / (double) (max - 1))));
        }
        return out;
    }

    /** Absent event columns, for the subtitle (no samplesheet). */
    static List<String> absent(Tsv features) {
        return absent(features, null);
    }

    /** Absent event columns, for the subtitle and legend. */
    static List<String> absent(Tsv features, Samplesheet sheet) {
        List<String> out = new ArrayList<>();
        for (String c : List.of(SURGERY, METASTASIS, RECURRENCE_EVENT)) {
            if (!features.header().contains(c)) {
                out.add(c);
            }
        }
        if (plasmaColumns(features.header()).isEmpty() && collectionDays(sheet).isEmpty()) {
            out.add(PLASMA_COLUMNS);
        }
        return out;
    }

    /** How the plasma draw columns are named in messages. */
    static final String PLASMA_COLUMNS = "plasma*_days / samplesheet " + Samplesheet.COLLECTION_DAY;

    /** The legend: every event, in the plot's symbols; unavailable ones greyed and marked. */
    static org.jfree.chart.LegendItemCollection legend(List<String> absent, Color[] colours, Shape[] shapes) {
        String[] names = {"Surgery", "Metastasis", "Plasma draw", "Recurrence", "Death", "Alive at last follow-up"};
        String[] columns = {SURGERY, METASTASIS, PLASMA_COLUMNS, RECURRENCE_EVENT, DEATH, END};
        org.jfree.chart.LegendItemCollection items = new org.jfree.chart.LegendItemCollection();
        for (int i = 0; i < names.length; i++) {
            boolean missing = absent.contains(columns[i]);
            org.jfree.chart.LegendItem item = new org.jfree.chart.LegendItem(names[i] + (missing ? " (not available in this study)" : ""),
                    null, null, null, true, shapes[i], i != 4, missing ? new Color(0xBBBBBB) : colours[i], i == 4,
                    missing ? new Color(0xBBBBBB) : colours[i], new BasicStroke(1.6f), false, new Rectangle2D.Double(), new BasicStroke(), Color.BLACK);
            if (missing) {
                item.setLabelPaint(new Color(0x888888));
            }
            items.add(item);
        }
        return items;
    }

    static JFreeChart chart(Tsv features, List<Lane> all) {
        return chart(features, null, all);
    }

    static JFreeChart chart(Tsv features, Samplesheet sheet, List<Lane> all) {
        List<Lane> lanes = shown(all, MAX_PATIENTS);
        XYSeriesCollection data = new XYSeriesCollection();
        XYSeries surgery = new XYSeries("Surgery", false, true), met = new XYSeries("Metastasis", false, true),
                plasma = new XYSeries("Plasma draw", false, true), rec = new XYSeries("Recurrence", false, true),
                death = new XYSeries("Death", false, true), cens = new XYSeries("Alive at last follow-up", false, true);
        XYPlot plot = new XYPlot();
        for (int i = 0; i < lanes.size(); i++) {
            Lane l = lanes.get(i);
            plot.addAnnotation(new XYLineAnnotation(0, i, l.end(), i, new BasicStroke(lanes.size() > 60 ? 1.5f : 5f), new Color(0xC8D3DE)));
            add(surgery, l.surgery(), i);
            add(met, l.metastasis(), i);
            for (double d : l.plasma()) {
                add(plasma, d, i);
            }
            add(rec, l.recurrence(), i);
            add(l.died() ? death : cens, l.end(), i);
        }
        XYSeries[] all6 = {surgery, met, plasma, rec, death, cens};
        Color[] colours = {ChartStyle.PRIMARY, ChartStyle.METASTASIS, ChartStyle.PLASMA, ChartStyle.YELLOW, Color.BLACK, new Color(0x777777)};
        Shape[] shapes = {new Ellipse2D.Double(-4, -4, 8, 8), triangle(), new Rectangle2D.Double(-3, -3, 6, 6), diamond(), cross(), arrow()};
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(false, true);
        int k = 0;
        for (int i = 0; i < all6.length; i++) {
            if (all6[i].getItemCount() == 0) {
                continue;
            }
            data.addSeries(all6[i]);
            r.setSeriesPaint(k, colours[i]);
            r.setSeriesShape(k, shapes[i]);
            r.setSeriesStroke(k, new BasicStroke(1.6f));
            r.setSeriesShapesFilled(k, i != 4);
            k++;
        }
        r.setUseOutlinePaint(false);
        ValueAxis y;
        if (lanes.size() <= 60) {
            SymbolAxis sy = new SymbolAxis(null, lanes.stream().map(Lane::patient).toArray(String[]::new));
            sy.setGridBandsVisible(false);
            y = sy;
        } else {
            NumberAxis ny = new NumberAxis("Patients, longest follow-up first");
            ny.setTickLabelsVisible(false);
            ny.setTickMarksVisible(false);
            y = ny;
        }
        y.setInverted(true);
        y.setRange(-0.7, lanes.size() - 0.3);
        NumberAxis x = new NumberAxis("Days from diagnosis");
        x.setRange(0, 1.03 * Math.max(1, lanes.stream().mapToDouble(Lane::end).max().orElse(1)));
        plot.setDataset(data);
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        plot.setRenderer(r);
        plot.setRangeGridlinesVisible(false);
        plot.setSeriesRenderingOrder(org.jfree.chart.plot.SeriesRenderingOrder.FORWARD);
        JFreeChart chart = new JFreeChart("Swimmer plot: follow-up and events per patient", JFreeChart.DEFAULT_TITLE_FONT, plot, true);
        List<String> absent = absent(features, sheet);
        plot.setFixedLegendItems(legend(absent, colours, shapes));
        String sub = (lanes.size() < all.size() ? lanes.size() + " of " + all.size() + " patients, evenly spaced by follow-up; " : all.size() + " patients; ")
                + (absent.isEmpty() ? "all event columns present" : "not in the clinical table: " + String.join(", ", absent));
        return ChartStyle.apply(chart, sub);
    }

    static int height(int lanes) {
        int n = Math.min(lanes, MAX_PATIENTS);
        return 170 + (n <= 60 ? 22 : 6) * n;
    }

    private static void add(XYSeries s, double x, int y) {
        if (!Double.isNaN(x)) {
            s.add(x, y);
        }
    }

    private static Shape triangle() {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, -7);
        p.lineTo(7, 5);
        p.lineTo(-7, 5);
        p.closePath();
        return p;
    }

    private static Shape diamond() {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(0, -5);
        p.lineTo(5, 0);
        p.lineTo(0, 5);
        p.lineTo(-5, 0);
        p.closePath();
        return p;
    }

    private static Shape cross() {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(-4, -4);
        p.lineTo(4, 4);
        p.moveTo(-4, 4);
        p.lineTo(4, -4);
        return p;
    }

    private static Shape arrow() {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(-2, -5);
        p.lineTo(5, 0);
        p.lineTo(-2, 5);
        p.closePath();
        return p;
    }
}
