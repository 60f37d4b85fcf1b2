package org.oncoconcord.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Table 1, patient characteristics, from the cohort's {@code features.tsv}: every clinical column
 * (numeric: median [IQR] and missing; categorical: n (%) per level, missing last), then per endpoint
 * the events, the median follow-up (reverse Kaplan-Meier) and the median survival with 95% CI;
 * overall and per level of one column (default {@code ras_mutant_primary}; patients with it unknown
 * in their own column, so the columns add up to the overall).
 */
final class Table1 {
    static final String DEFAULT_BY = org.oncoconcord.contract.FeaturesTsv.RAS_MUTANT_PRIMARY;
    static final String UNKNOWN = "unknown";
    /** Clinical columns when features.columns.tsv is absent. */
    static final List<String> CLINICAL_FALLBACK = List.of("age", "sex", "stage", "metastatic_site", "msi_status");

    private Table1() {
    }

    /** One line of the table: variable, level ("" for the variable's own line) and one cell per column (overall first). */
    record Line(String variable, String level, List<String> cells) {
    }

    /** The table: column headings (overall first) and lines. */
    record Table(List<String> header, List<Line> lines) {
    }

    /** The clinical columns: kind {@code clinical} in features.columns.tsv, without times of landmarks; else the fallback list present. */
    static List<String> clinicalColumns(Tsv features, Tsv columns) {
        List<String> out = new ArrayList<>();
        if (columns != null && columns.header().contains("kind")) {
            for (Map<String, String> r : columns.rows()) {
                String c = r.get("column");
                if (("clinical".equals(r.get("kind")) || CLINICAL_FALLBACK.contains(c)) && features.header().contains(c) && !c.endsWith("_days")) {
                    out.add(c);
                }
            }
            return out;
        }
        CLINICAL_FALLBACK.stream().filter(features.header()::contains).forEach(out::add);
        return out;
    }

    /** Group label of a row for the {@code by} column. */
    static String group(Map<String, String> row, String by) {
        String v = row.get(by);
        if (v == null || v.isEmpty() || v.equalsIgnoreCase("NA") || v.equals(".")) {
            return UNKNOWN;
        }
        if (by.equals(DEFAULT_BY)) {
            return v.equals("1") ? "RAS mutant" : v.equals("0") ? "RAS wild-type" : v;
        }
        return v;
    }

    static Table build(Tsv features, Tsv columns, String by) {
        List<Map<String, String>> all = features.rows();
        Map<String, List<Map<String, String>>> groups = new LinkedHashMap<>();
        groups.put("Overall", all);
        if (by != null && features.header().contains(by)) {
            TreeSet<String> levels = new TreeSet<>((a, b) -> a.equals(UNKNOWN) ? (b.equals(UNKNOWN) ? 0 : 1) : b.equals(UNKNOWN) ? -1 : a.compareTo(b));
            all.forEach(r -> levels.add(group(r, by)));
            for (String l : levels) {
                groups.put(l, all.stream().filter(r -> group(r, by).equals(l)).toList());
            }
        }
        List<String> header = new ArrayList<>(List.of("Characteristic", ""));
        groups.forEach((g, rows) -> header.add(g + " (n = " + rows.size() + ")"));
        List<Line> lines = new ArrayList<>();
        for (String c : clinicalColumns(features, columns)) {
            if (c.equals(by)) {
                continue;
            }
            if (numeric(all, c)) {
                lines.add(new Line(c, "median [IQR]", cells(groups, rows -> medianIqr(rows, c))));
            } else {
                Set<String> levels = new TreeSet<>();
                all.forEach(r -> {
                    if (!missing(r.get(c))) {
                        levels.add(r.get(c));
                    }
                });
                boolean first = true;
                for (String l : levels) {
                    lines.add(new Line(first ? c : "", l, cells(groups, rows -> nPercent(rows.stream().filter(r -> l.equals(r.get(c))).count(), rows.size()))));
                    first = false;
                }
            }
            if (all.stream().anyMatch(r -> missing(r.get(c)))) {
                lines.add(new Line("", "missing", cells(groups, rows -> nPercent(rows.stream().filter(r -> missing(r.get(c))).count(), rows.size()))));
            }
        }
        for (String[] ep : FollowUp.endpoints(features.header())) {
            String name = ReportBuilder.endpoint(ep[0]);
            lines.add(new Line(name, "events, n (%)", cells(groups, rows -> {
                FollowUp f = FollowUp.of(rows, ep[0], ep[1]);
                return f == null ? "NA" : nPercent(f.events(), f.n());
            })));
            lines.add(new Line("", "median follow-up, days (95% CI), reverse KM", cells(groups, rows -> {
                FollowUp f = FollowUp.of(rows, ep[0], ep[1]);
                return f == null ? "NA" : FollowUp.format(f.followUp());
            })));
            lines.add(new Line("", "median " + name + ", days (95% CI)", cells(groups, rows -> {
                FollowUp f = FollowUp.of(rows, ep[0], ep[1]);
                return f == null ? "NA" : FollowUp.format(f.survival());
            })));
        }
        return new Table(header, lines);
    }

    private static List<String> cells(Map<String, List<Map<String, String>>> groups, java.util.function.Function<List<Map<String, String>>, String> f) {
        List<String> out = new ArrayList<>();
        groups.values().forEach(rows -> out.add(f.apply(rows)));
        return out;
    }

    static boolean missing(String v) {
        return v == null || v.isEmpty() || v.equalsIgnoreCase("NA") || v.equals(".");
    }

    /** Numeric: every known value a number and at least 6 distinct values (else shown by level). */
    static boolean numeric(List<Map<String, String>> rows, String c) {
        Set<Double> distinct = new TreeSet<>();
        for (Map<String, String> r : rows) {
            if (missing(r.get(c))) {
                continue;
            }
            double v = Tsv.num(r, c);
            if (Double.isNaN(v)) {
                return false;
            }
            distinct.add(v);
        }
        return distinct.size() >= 6;
    }

    static String nPercent(long k, long n) {
        return n == 0 ? "0" : k + " (" + String.format(Locale.ROOT, "%.1f", 100.0 * k / n) + "%)";
    }

    static String medianIqr(List<Map<String, String>> rows, String c) {
        double[] v = rows.stream().mapToDouble(r -> Tsv.num(r, c)).filter(x -> !Double.isNaN(x)).sorted().toArray();
        if (v.length == 0) {
            return "NA";
        }
        return ReportBuilder.fmt(quantile(v, 0.5), 1) + " [" + ReportBuilder.fmt(quantile(v, 0.25), 1) + "\u2013"
                + ReportBuilder.fmt(quantile(v, 0.75), 1) + "]";
    }

    /** R's type-7 quantile of sorted values. */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    static String html(Table t) {
        List<List<String>> rows = new ArrayList<>();
        for (Line l : t.lines()) {
            List<String> r = new ArrayList<>(List.of(l.variable().replace('_', ' '), l.level()));
            r.addAll(l.cells());
            rows.add(r);
        }
        return Html.plainTable(t.header(), rows);
    }

}
