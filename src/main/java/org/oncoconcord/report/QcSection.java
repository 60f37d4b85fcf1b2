package org.oncoconcord.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Quality control: per sample records in / out / rejected by reason (normalize stats), counted
 * variants and filters (concordance), empty VCFs, samples without a regions BED, the swap check
 * (when the cohort folder has one) and hypermutated patients with their weight on cohort counts.
 */
final class QcSection {
    private QcSection() {
    }

    /** One sample's QC line. */
    record Line(String patient, String sample, String type, String in, String out, String rejected, String variants,
                String filtered, String regions, boolean empty) {
    }

    static List<Line> lines(PatientJsons jsons, NormalizeStats norm, Samplesheet sheet) {
        List<Line> out = new ArrayList<>();
        // indexed once: a look-up per sample stays linear in the cohort (thousands of samples)
        java.util.Map<String, NormalizeStats.Sample> stats = norm.byId();
        java.util.Set<String> withRegions = new java.util.HashSet<>();
        if (sheet != null) {
            sheet.rows().stream().filter(Samplesheet.Row::hasRegions).forEach(r -> withRegions.add(r.patient() + "\t" + r.sample()));
        }
        for (PatientJsons.Sample s : jsons.samples()) {
            NormalizeStats.Sample n = stats.get(s.patient() + "." + s.label());
            String regions = s.regions() != null || withRegions.contains(s.patient() + "\t" + s.label()) ? "yes" : "no";
            boolean empty = n != null ? n.in() == 0 : s.records() == 0;
            out.add(new Line(s.patient(), s.label(), s.type(), n == null ? "NA" : String.valueOf(n.in()), n == null ? "NA" : String.valueOf(n.out()),
                    n == null ? "NA" : rejected(n), s.variants() < 0 ? "NA" : String.valueOf(s.variants()),
                    (s.filtered() + s.belowMinVaf() + s.belowMinDepth()) + " (FILTER " + s.filtered() + ", VAF " + s.belowMinVaf() + ", depth "
                            + s.belowMinDepth() + ")", regions, empty));
        }
        if (jsons.samples().isEmpty()) { // no concordance results: normalize stats alone
            for (NormalizeStats.Sample n : norm.samples()) {
                out.add(new Line(n.id().contains(".") ? n.id().substring(0, n.id().indexOf('.')) : n.id(), n.id().substring(n.id().indexOf('.') + 1),
                        "NA", String.valueOf(n.in()), String.valueOf(n.out()), rejected(n), "NA", "NA", "NA", n.in() == 0));
            }
        }
        return out;
    }

    static String rejected(NormalizeStats.Sample n) {
        if (n.rejectedTotal() == 0) {
            return "0";
        }
        List<String> parts = new ArrayList<>();
        n.rejected().forEach((k, v) -> parts.add(k + " " + v));
        return n.rejectedTotal() + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
    }

    /** Samples above which the page lists only the flagged ones and writes every line to {@link #TABLE}. */
    static final int MAX_ROWS = 1000;
    static final String TABLE = "qc_samples.tsv";
    static final List<String> HEADER = List.of("Patient", "Sample", "Type", "Records in", "Records out", "Rejected (by reason)", "Variants counted",
            "Not counted", "Regions BED");

    static boolean flagged(Line l) {
        return l.empty() || !(l.rejected().equals("0") || l.rejected().equals("NA"));
    }

    static String html(PatientJsons jsons, NormalizeStats norm, Samplesheet sheet, CohortResults cohort) {
        try {
            return html(jsons, norm, sheet, cohort, null);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** With {@code outDir}, a cohort of more than {@link #MAX_ROWS} samples gets its full table there as {@link #TABLE}. */
    static String html(PatientJsons jsons, NormalizeStats norm, Samplesheet sheet, CohortResults cohort, java.nio.file.Path outDir)
            throws java.io.IOException {
        StringBuilder sb = new StringBuilder();
        List<Line> lines = lines(jsons, norm, sheet);
        if (lines.isEmpty()) {
            sb.append(Html.note("No per-sample results were given (--concordance, --normalized): no per-sample QC."));
        } else {
            if (norm.samples().isEmpty()) {
                sb.append(Html.note("Normalize statistics not given (--normalized): records in/out/rejected are NA."));
            }
            List<Line> empty = lines.stream().filter(Line::empty).toList();
            long noBed = lines.stream().filter(l -> l.regions().equals("no")).count();
            sb.append("<ul>");
            sb.append("<li>").append(empty.isEmpty() ? "No empty VCF." : Html.esc(empty.size() + " empty VCF(s): "
                    + String.join(", ", empty.stream().map(Line::sample).toList()))).append("</li>");
            sb.append("<li>").append(Html.esc(noBed + " of " + lines.size() + " samples without a regions BED (a variant absent there counts "
                    + "as absent wherever the sample has no depth information).")).append("</li>");
            List<String> unbalanced = norm.samples().stream().filter(s -> !s.balanced()).map(NormalizeStats.Sample::id).toList();
            if (!unbalanced.isEmpty()) {
                sb.append("<li class=\"warn\">").append(Html.esc("Counts do not add up (in + split_added != out + rejected + joined_away) for: "
                        + String.join(", ", unbalanced))).append("</li>");
            }
            List<String> bad = new ArrayList<>(jsons.unreadable());
            bad.addAll(norm.unreadable());
            if (!bad.isEmpty()) {
                sb.append("<li class=\"warn\">").append(Html.esc("Unreadable: " + String.join("; ", bad))).append("</li>");
            }
            sb.append("</ul>");
            List<List<String>> rows = new ArrayList<>(), shown = new ArrayList<>();
            for (Line l : lines) {
                List<String> row = List.of(l.patient(), l.sample(), l.type(), l.in(), l.out(), l.rejected(), l.variants(), l.filtered(), l.regions());
                rows.add(row);
                if (flagged(l) && shown.size() < MAX_ROWS) {
                    shown.add(row);
                }
            }
            if (rows.size() <= MAX_ROWS || outDir == null) {
                sb.append(Html.details("Per sample (" + rows.size() + " samples)", Html.table(HEADER, rows)));
            } else {
                StringBuilder tsv = new StringBuilder(String.join("\t", HEADER)).append('\n');
                rows.forEach(r -> tsv.append(String.join("\t", r)).append('\n'));
                org.oncoconcord.io.AtomicFiles.writeString(outDir.resolve(TABLE), tsv.toString());
                sb.append(Html.details("Samples with an empty VCF or rejected records (" + shown.size() + " shown of "
                        + lines.stream().filter(QcSection::flagged).count() + "; all " + rows.size() + " samples in " + TABLE + ")",
                        Html.table(HEADER, shown)));
                sb.append("<p class=\"note\">Every sample: <a href=\"" + TABLE + "\">" + TABLE + "</a>.</p>");
            }
        }
        sb.append("<h3>Sample swap check</h3>");
        if (cohort.swapCheck() == null) {
            sb.append(Html.note("No swap-check table (cohort/" + CohortResults.SWAP_CHECK + ") was found: samples of a patient were not checked "
                    + "for coming from one person."));
        } else {
            // only the flagged samples are listed (a cohort of thousands has a row per sample); all are in the TSV
            List<List<String>> rows = new ArrayList<>();
            cohort.swapCheck().rows().stream().filter(r -> "1".equals(r.get("flagged")) || "true".equalsIgnoreCase(r.get("flagged")))
                    .forEach(r -> rows.add(new ArrayList<>(r.values())));
            sb.append(Html.note(String.format(Locale.ROOT, "%d sample(s) checked, %d flagged as sharing more variants with another "
                    + "patient's sample than with their own (cohort/%s).", cohort.swapCheck().rows().size(), rows.size(), CohortResults.SWAP_CHECK)));
            if (!rows.isEmpty()) {
                sb.append(Html.table(cohort.swapCheck().header(), rows));
            }
        }
        sb.append("<h3>Hypermutated patients</h3>");
        Hypermutation.Result h = Hypermutation.of(cohort.patients());
        if (Double.isNaN(h.fence())) {
            sb.append(Html.note("Fewer than 4 patients: no hypermutation rule applied."));
        } else if (h.patients().isEmpty()) {
            sb.append(Html.note(String.format(Locale.ROOT, "None: no patient has more tissue variants than Q3 + 3 IQR = %.0f.", h.fence())));
        } else {
            sb.append(Html.note(String.format(Locale.ROOT, "%d patient(s) with more tissue variants than Q3 + 3 IQR = %.0f; together %.1f%% of "
                    + "all tissue variants in the cohort (per-patient medians are robust to them; totals are not).", h.patients().size(), h.fence(),
                    100 * h.share())));
            List<List<String>> rows = new ArrayList<>();
            h.patients().forEach(p -> rows.add(List.of(p.patient(), ReportBuilder.fmt(p.variants(), 0))));
            sb.append(Html.table(List.of("Patient", "Tissue variants"), rows));
        }
        return sb.toString();
    }

}
