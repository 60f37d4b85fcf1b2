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
 * sensitivity forest (PPA of plasma over all calls beside informative calls only).
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

    static final String ALL_CALLS = "All calls", INFORMATIVE_CALLS = "Informative calls only";

    /**
     * Per feature with tissue-positive patients evaluable in plasma (RAS, BRAF V600E, genes): PPA of plasma over all calls
     * (gene_concordance.tsv) and over informative calls ({@link PlasmaInformative}), Wilson 95% CIs.
     */
    static List<IntervalDotChart.Point> sensitivityPoints(CohortResults cohort, PatientJsons jsons) {
        List<IntervalDotChart.Point> points = new ArrayList<>();
        for (PlasmaInformative.Row r : PlasmaInformative.rows(cohort.oncoprint(), jsons, SummarySection.plasmaFeatures(cohort))) {
            Map<String, String> all = cohort.concordanceRow("tissue_vs_plasma", r.feature());
            if (all == null || Double.isNaN(Tsv.num(all, "ppa"))) {
                continue;
            }
            String label = sensitivityLabel(r);
            points.add(point(label, ALL_CALLS, all, "ppa"));
            org.oncoconcord.core.Proportion inf = r.informative();
            if (inf.n() > 0) {
                points.add(new IntervalDotChart.Point(label, INFORMATIVE_CALLS, 100 * inf.estimate(), 100 * inf.lower(), 100 * inf.upper()));
            }
        }
        return points;
    }

    /** "KRAS (2/3; informative 2/2)": found / tissue-positive, then over informative calls. */
    static String sensitivityLabel(PlasmaInformative.Row r) {
        return SummarySection.label(r.feature()) + " (" + r.found() + "/" + r.tissuePositive() + "; informative " + r.informative().x() + "/"
                + r.informative().n() + ")";
    }

    static JFreeChart sensitivity(List<IntervalDotChart.Point> points) {
        JFreeChart chart = IntervalDotChart.build("Plasma sensitivity per gene (PPA vs tissue)", "PPA, % of tissue-positive patients (Wilson 95% CI)",
                points, Double.NaN, false, -1, 101);
        ((NumberAxis) ((XYPlot) chart.getPlot()).getDomainAxis()).setTickUnit(new org.jfree.chart.axis.NumberTickUnit(10));
        return ChartStyle.apply(chart, "Found in plasma / tissue-positive; informative calls leave out misses the plasma could not have seen "
                + "(detection probability < 0.95 at its depth and tumour fraction)");
    }
}
