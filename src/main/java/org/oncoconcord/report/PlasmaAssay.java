package org.oncoconcord.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.oncoconcord.core.Proportion;

/**
 * Plasma as an assay, from the cohort step's tables (docs/PLASMA.md): the pooled variant-level
 * sensitivity of plasma against tissue over all and over informative calls, by tumour-fraction bin
 * ({@code plasma_sensitivity.tsv}), and each plasma sample's tumour fraction with its 95%
 * profile-likelihood interval ({@code plasma_tumour_fraction.tsv}). Shown as written; the per-patient
 * sensitivities are recomputed from the counts with {@link Proportion#wilson}.
 */
final class PlasmaAssay {
    /** Plasma samples listed one by one in the summary answer; above it, the median and range. */
    static final int MAX_ANSWER_LISTED = 12;
    /** Plasma samples above which the tumour-fraction figure is left out (the table stays). */
    static final int MAX_FIGURE_ROWS = 60;

    private PlasmaAssay() {
    }

    /** The pooled row of plasma_sensitivity.tsv ({@code tf_bin} = all), or null. */
    static Map<String, String> pooled(CohortResults cohort) {
        if (cohort.plasmaSensitivity() == null) {
            return null;
        }
        return cohort.plasmaSensitivity().rows().stream().filter(r -> "all".equals(r.get("tf_bin"))).findFirst().orElse(null);
    }

    /** Two sentences for the summary's plasma answer: pooled variant-level sensitivity and the tumour fractions. */
    static String answer(CohortResults cohort) {
        Map<String, String> all = pooled(cohort);
        if (all == null) {
            return Html.note("No plasma_sensitivity.tsv in the cohort folder (no plasma, or an older cohort step): no variant-level sensitivity.");
        }
        StringBuilder sb = new StringBuilder("<p>Variant level, pooled over " + Html.esc(all.get("n_patients")) + " plasma samples: "
                + "sensitivity for tissue variants over all calls <b>" + Html.esc(sensitivity(all, "sensitivity_all", "detected",
                "missed_informative", "missed_not_informative")) + "</b>, over informative calls <b>" + Html.esc(sensitivity(all,
                "sensitivity_informative", "detected", "missed_informative", null)) + "</b> (" + Html.esc(all.get("missed_not_informative"))
                + " misses not informative).");
        Tsv tf = cohort.plasmaTumourFraction();
        if (tf != null && !tf.rows().isEmpty()) {
            if (tf.rows().size() <= MAX_ANSWER_LISTED) {
                List<String> parts = new ArrayList<>();
                tf.rows().forEach(r -> parts.add(sampleName(r) + " " + tumourFraction(r)));
                sb.append(" Tumour fraction per plasma sample (95% CI): ").append(Html.esc(String.join("; ", parts))).append('.');
            } else {
                double[] est = estimates(tf);
                sb.append(Html.esc(String.format(java.util.Locale.ROOT, " Tumour fraction: median %s%% (range %s\u2013%s%%) over %d plasma samples "
                        + "with an estimate, %d without; each with its interval in the Concordance section.", pct(median(est)),
                        pct(est.length == 0 ? Double.NaN : est[0]), pct(est.length == 0 ? Double.NaN : est[est.length - 1]), est.length,
                        tf.rows().size() - est.length)));
            }
        }
        return sb.append("</p>").toString();
    }

    /** "33.3% (9.7–70.0) 2/6" from a sensitivity column and its counts. */
    static String sensitivity(Map<String, String> r, String column, String detected, String missedA, String missedB) {
        long x = (long) Tsv.num(r, detected);
        long n = x + (long) Tsv.num(r, missedA) + (missedB == null ? 0 : (long) Tsv.num(r, missedB));
        return ReportBuilder.ci(Tsv.num(r, column), Tsv.num(r, column + "_lower"), Tsv.num(r, column + "_upper"), true) + " " + x + "/" + n;
    }

    /** "1.37% (0.89–2.00)"; "unknown" without an estimate. */
    static String tumourFraction(Map<String, String> r) {
        double est = Tsv.num(r, "tumour_fraction");
        if (Double.isNaN(est)) {
            return "unknown";
        }
        return pct(est) + "% (" + pct(Tsv.num(r, "tf_lower")) + "\u2013" + pct(Tsv.num(r, "tf_upper")) + ")";
    }

    /** A tumour fraction in percent, 2 decimals below 10%, 1 above. */
    static String pct(double v) {
        return ReportBuilder.fmt(100 * v, Math.abs(v) < 0.09995 ? 2 : 1);
    }

    /** The tumour-fraction estimates, sorted, without the unknown ones. */
    static double[] estimates(Tsv tf) {
        return tf.rows().stream().mapToDouble(r -> Tsv.num(r, "tumour_fraction")).filter(v -> !Double.isNaN(v)).sorted().toArray();
    }

    /** The median of sorted values (NaN when empty). */
    static double median(double[] sorted) {
        int n = sorted.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The patient, and the sample when the table names it (serial plasma). */
    static String sampleName(Map<String, String> r) {
        String sample = r.get("sample");
        return sample == null || sample.isEmpty() || sample.equals("NA") ? r.get("patient") : r.get("patient") + " " + sample;
    }

    /** The section part: by-bin table, tumour-fraction figure and table. */
    static String section(CohortResults cohort, Figures figures) throws java.io.IOException {
        StringBuilder sb = new StringBuilder("<h3>Plasma as an assay: tumour fraction and informative calls</h3>");
        if (cohort.plasmaSensitivity() == null && cohort.plasmaTumourFraction() == null) {
            return sb.append(Html.note("No plasma_sensitivity.tsv / plasma_tumour_fraction.tsv in the cohort folder (no plasma sample, or "
                    + "an older cohort step).")).toString();
        }
        sb.append(Html.note("Tumour fraction (TF): maximum likelihood over the plasma alt reads of the clonal tissue variants "
                + "(Binomial(depth, TF/2); variants absent from plasma censored below the calling threshold), 95% profile-likelihood "
                + "interval. A missed tissue variant is informative when the plasma had at least a 95% chance of showing it at its depth "
                + "and TF; misses that are not informative are left out of the informative sensitivity. Variant level, pooled over "
                + "patients, Wilson 95% CIs (docs/PLASMA.md)."));
        if (cohort.plasmaSensitivity() != null) {
            List<List<String>> rows = new ArrayList<>();
            for (Map<String, String> r : cohort.plasmaSensitivity().rows()) {
                rows.add(List.of(r.get("tf_bin"), r.get("n_patients"), r.get("detected"), r.get("missed_informative"), r.get("missed_not_informative"),
                        sensitivity(r, "sensitivity_all", "detected", "missed_informative", "missed_not_informative"),
                        sensitivity(r, "sensitivity_informative", "detected", "missed_informative", null)));
            }
            sb.append(Html.plainTable(List.of("TF bin", "Plasma samples", "Detected", "Missed, inf.", "Missed, not inf.",
                    "Sensitivity, all calls", "Sensitivity, informative calls"), rows));
        }
        Tsv tf = cohort.plasmaTumourFraction();
        if (tf != null && !tf.rows().isEmpty()) {
            List<IntervalDotChart.Point> points = points(tf);
            if (!points.isEmpty() && points.size() <= MAX_FIGURE_ROWS) {
                ChartFiles.Written w = figures.plot(chart(points), "plasma_tumour_fraction", 900, IntervalDotChart.height(points.size()));
                sb.append(Html.figure(w, "Tumour fraction of each plasma sample with its 95% profile-likelihood interval; "
                        + "row: tissue variants detected / missed informatively / missed not informatively."));
            } else if (points.size() > MAX_FIGURE_ROWS) {
                sb.append(Html.note(points.size() + " plasma samples: the tumour-fraction figure is left out above " + MAX_FIGURE_ROWS
                        + "; every sample is in the table."));
            }
            sb.append(Html.table(List.of("Plasma sample", "Tumour fraction (95% CI)", "TF bin", "Detected / missed inf. / not inf.",
                    "Sensitivity, all", "Sensitivity, informative"), tfRows(tf)));
        }
        return sb.toString();
    }

    static List<List<String>> tfRows(Tsv tf) {
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, String> r : tf.rows()) {
            int d = (int) Tsv.num(r, "tissue_variants_detected"), mi = (int) Tsv.num(r, "missed_informative"),
                    mn = (int) Tsv.num(r, "missed_not_informative");
            rows.add(List.of(sampleName(r), tumourFraction(r), r.get("tf_bin"), d + " / " + mi + " / " + mn,
                    SummarySection.proportionCell(Proportion.wilson(d, d + mi + mn)), SummarySection.proportionCell(Proportion.wilson(d, d + mi))));
        }
        return rows;
    }

    /** Row label of the tumour-fraction figure: "P001 (4/1/1)". */
    static String label(Map<String, String> r) {
        return sampleName(r) + " (" + (long) Tsv.num(r, "tissue_variants_detected") + "/" + (long) Tsv.num(r, "missed_informative") + "/"
                + (long) Tsv.num(r, "missed_not_informative") + ")";
    }

    /** One point per sample with an estimate, in percent, highest first. */
    static List<IntervalDotChart.Point> points(Tsv tf) {
        List<Map<String, String>> rows = new ArrayList<>(tf.rows().stream().filter(r -> !Double.isNaN(Tsv.num(r, "tumour_fraction"))).toList());
        rows.sort((a, b) -> Double.compare(Tsv.num(b, "tumour_fraction"), Tsv.num(a, "tumour_fraction")));
        List<IntervalDotChart.Point> out = new ArrayList<>();
        for (Map<String, String> r : rows) {
            out.add(new IntervalDotChart.Point(label(r), "Tumour fraction", 100 * Tsv.num(r, "tumour_fraction"), 100 * Tsv.num(r, "tf_lower"),
                    100 * Tsv.num(r, "tf_upper")));
        }
        return out;
    }

    static JFreeChart chart(List<IntervalDotChart.Point> points) {
        double max = points.stream().mapToDouble(p -> Double.isNaN(p.upper()) ? p.x() : p.upper()).max().orElse(1);
        JFreeChart chart = IntervalDotChart.build("Tumour fraction per plasma sample", "Tumour fraction, % (95% profile-likelihood CI)",
                points, Double.NaN, false, 0, Math.max(1, 1.05 * max));
        return ChartStyle.apply(chart, "Row: sample (tissue variants detected / missed informatively / missed not informatively); "
                + "samples without an estimate are in the table only");
    }

    /** Where the section's figures go (the report builder records the names). */
    interface Figures {
        ChartFiles.Written plot(JFreeChart chart, String name, int width, int height) throws java.io.IOException;
    }
}
