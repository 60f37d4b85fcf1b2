package org.oncoconcord.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;

/** Per-gene overall percent agreement with Wilson 95% CIs, primary vs metastasis and tissue vs plasma. */
final class ConcordancePlot {
    private ConcordancePlot() {
    }

    static final Map<String, String> COMPARISONS = Map.of("primary_vs_metastasis", "Primary vs metastasis",
            "tissue_vs_plasma", "Tissue vs plasma");

    /** Rows: RAS and BRAF V600E first, then genes evaluable in at least one comparison. */
    static JFreeChart chart(Tsv concordance) {
        List<IntervalDotChart.Point> points = new ArrayList<>();
        List<Map<String, String>> rows = new ArrayList<>(concordance.rows());
        rows.sort((a, b) -> {
            int ka = a.get("kind").equals("status") ? 0 : 1, kb = b.get("kind").equals("status") ? 0 : 1;
            return ka != kb ? Integer.compare(ka, kb) : a.get("feature").compareTo(b.get("feature"));
        });
        for (String comparison : List.of("primary_vs_metastasis", "tissue_vs_plasma")) {
            for (Map<String, String> r : rows) {
                double opa = Tsv.num(r, "opa");
                if (!r.get("comparison").equals(comparison) || Double.isNaN(opa)) {
                    continue;
                }
                String label = r.get("feature").replace("_", " ");
                points.add(new IntervalDotChart.Point(label, COMPARISONS.get(comparison),
                        100 * opa, 100 * Tsv.num(r, "opa_lower"), 100 * Tsv.num(r, "opa_upper")));
            }
        }
        // keep the row order of the sorted table whatever the comparison order
        List<String> order = rows.stream().map(r -> r.get("feature").replace("_", " ")).distinct().toList();
        points.sort((a, b) -> Integer.compare(order.indexOf(a.row()), order.indexOf(b.row())));
        double min = points.stream().mapToDouble(p -> Double.isNaN(p.lower()) ? p.x() : p.lower()).min().orElse(0);
        double from = Math.max(0, Math.floor(min / 10) * 10);
        JFreeChart chart = IntervalDotChart.build("Concordance of mutation status per gene",
                "Overall percent agreement, % of evaluable patients (Wilson 95% CI)", points, Double.NaN, false, from - 1, 101);
        ((NumberAxis) ((XYPlot) chart.getPlot()).getDomainAxis()).setTickUnit(new org.jfree.chart.axis.NumberTickUnit(10));
        return ChartStyle.apply(chart, "RAS = KRAS/NRAS codons 12, 13, 59, 61, 117, 146; tissue = primary or metastasis");
    }

    static int rows(Tsv concordance) {
        return (int) concordance.rows().stream().filter(r -> !Double.isNaN(Tsv.num(r, "opa"))).map(r -> r.get("feature")).distinct().count();
    }
}
