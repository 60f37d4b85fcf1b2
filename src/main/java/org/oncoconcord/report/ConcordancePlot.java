package org.oncoconcord.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;

/**
 * Per-gene agreement of one comparison: PPA (reference-positive patients found) beside OPA (which
 * counts double wild-type patients as agreement), Wilson 95% CIs; and the per-gene plasma
 * sensitivity forest (PPA of plasma, all evaluable patients beside those whose plasma has tumour signal).
 */
final class ConcordancePlot {
    private ConcordancePlot() {
    }

    static final Map<String, String> COMPARISONS = Map.of("primary_vs_metastasis", "Primary vs metastasis",
            "tissue_vs_plasma", "Tissue vs plasma");
    static final String PPA = "PPA: reference-positive found", OPA = "OPA: incl. double wild-type";

    /** Rows with evaluable patients of one comparison: RAS and BRAF V600E first, then genes by name. */
    static List<Map<String, String>> rows(Tsv concordance, String comparison) {
        List<Map<String, String>> rows = new ArrayList<>(concordance.rows().stream()
                .filter(r -> comparison.equals(r.get("comparison")) && !Double.isNaN(Tsv.num(r, "opa"))).toList());
        rows.sort((a, b) -> {
            int ka = "status".equals(a.get("kind")) ? 0 : 1, kb = "status".equals(b.get("kind")) ? 0 : 1;
            return ka != kb ? Integer.compare(ka, kb) : a.get("feature").compareTo(b.get("feature"));
        });
        return rows;
    }

    /** Row label: "KRAS (n=9, 3 ref+)". */
    static String label(Map<String, String> r) {
        return SummarySection.label(r.get("feature")) + " (n=" + r.get("n_evaluable") + ", "
                + (long) (Tsv.num(r, "both_mutated") + Tsv.num(r, "reference_only")) + " ref+)";
    }

    static JFreeChart chart(Tsv concordance, String comparison) {
        List<IntervalDotChart.Point> points = new ArrayList<>();
        for (Map<String, String> r : rows(concordance, comparison)) {
            String label = label(r);
            if (!Double.isNaN(Tsv.num(r, "ppa"))) {
                points.add(point(label, PPA, r, "ppa"));
            }
            points.add(point(label, OPA, r, "opa"));
        }
        JFreeChart chart = IntervalDotChart.build(COMPARISONS.get(comparison) + ": agreement per gene",
                "% of evaluable patients (Wilson 95% CI)", points, Double.NaN, false, -1, 101);
        ((NumberAxis) ((XYPlot) chart.getPlot()).getDomainAxis()).setTickUnit(new org.jfree.chart.axis.NumberTickUnit(10));
        return ChartStyle.apply(chart, "Reference: " + (comparison.equals("tissue_vs_plasma") ? "tissue (primary or metastasis)" : "primary")
                + "; ref+ = reference-positive patients; PPA missing where no patient is reference-positive");
    }

    private static IntervalDotChart.Point point(String label, String series, Map<String, String> r, String m) {
        return new IntervalDotChart.Point(label, series, 100 * Tsv.num(r, m), 100 * Tsv.num(r, m + "_lower"), 100 * Tsv.num(r, m + "_upper"));
    }

    /** Per gene with tissue-positive patients: PPA of plasma, all evaluable and (when the stratified table exists) plasma with tumour signal. */
    static List<IntervalDotChart.Point> sensitivityPoints(CohortResults cohort) {
        List<IntervalDotChart.Point> points = new ArrayList<>();
        for (Map<String, String> r : rows(cohort.concordance(), "tissue_vs_plasma")) {
            if (Double.isNaN(Tsv.num(r, "ppa"))) {
                continue;
            }
            String f = r.get("feature");
            String label = SummarySection.label(f) + " (" + (long) Tsv.num(r, "both_mutated") + "/"
                    + (long) (Tsv.num(r, "both_mutated") + Tsv.num(r, "reference_only")) + ")";
            points.add(point(label, "All evaluable patients", r, "ppa"));
            Map<String, String> s = cohort.signalRow("tissue_vs_plasma", f, "signal");
            if (s != null && !Double.isNaN(Tsv.num(s, "ppa"))) {
                points.add(point(label, "Plasma with tumour signal (informative)", s, "ppa"));
            }
        }
        return points;
    }

    static JFreeChart sensitivity(List<IntervalDotChart.Point> points) {
        JFreeChart chart = IntervalDotChart.build("Plasma sensitivity per gene (PPA vs tissue)", "PPA, % of tissue-positive patients (Wilson 95% CI)",
                points, Double.NaN, false, -1, 101);
        ((NumberAxis) ((XYPlot) chart.getPlot()).getDomainAxis()).setTickUnit(new org.jfree.chart.axis.NumberTickUnit(10));
        return ChartStyle.apply(chart, "Found in plasma / tissue-positive (all evaluable); informative = plasma detects at least one tissue variant");
    }
}
