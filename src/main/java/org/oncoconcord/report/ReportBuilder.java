package org.oncoconcord.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.oncoconcord.core.VersionProvider;

/** Builds the report's sections (figures written to {@code plots/}) from the cohort and survival results. */
final class ReportBuilder {
    private final CohortResults cohort;
    private final SurvivalResults survival;
    private final PatientJsons jsons;
    private final NormalizeStats norm;
    private final Samplesheet sheet;
    private final String table1By;
    private final EvidenceSection.Counts evidence;
    private final Map<String, String> params;
    private final Path plots;
    private final Map<String, String> nav = new LinkedHashMap<>();
    private final List<String> figures = new ArrayList<>();
    private final List<String> log = new ArrayList<>();

    /** Kaplan-Meier groupings plotted (in this order); the others are listed in a table. */
    static final List<String> FEATURED_KM = List.of(org.oncoconcord.contract.FeaturesTsv.RAS_MUTANT_PRIMARY,
            org.oncoconcord.contract.FeaturesTsv.ANY_DRIVER_METASTASIS_NEW);

    /** Everything the report reads; the optional parts are empty (or null) when not given. */
    record Inputs(CohortResults cohort, SurvivalResults survival, PatientJsons jsons, NormalizeStats norm, Samplesheet sheet,
                  Map<String, String> params, String table1By, EvidenceSection.Counts evidence) {
    }

    ReportBuilder(Inputs in, Path plots) {
        this.cohort = in.cohort();
        this.survival = in.survival();
        this.jsons = in.jsons();
        this.norm = in.norm();
        this.sheet = in.sheet();
        this.params = in.params();
        this.table1By = in.table1By();
        this.evidence = in.evidence();
        this.plots = plots;
    }

    /** Names of the figures written, in order. */
    List<String> figures() {
        return figures;
    }

    /** Messages for the log (parts left out because their input is absent). */
    List<String> log() {
        return log;
    }

    Map<String, String> nav() {
        return nav;
    }

    String body() throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(section("summary", "Summary: the three answers", SummarySection.html(cohort, survival, jsons)));
        sb.append(population());
        sb.append(oncoprint());
        sb.append(concordance());
        sb.append(sharedPrivate());
        sb.append(survivalSection());
        sb.append(section("qc", "Quality control", QcSection.html(jsons, norm, sheet, cohort, plots.getParent())));
        sb.append(methods());
        return sb.toString();
    }

    /** Patients above which per-patient figures are inlined as PNG (SVG file beside). */
    static final int RASTER_PATIENTS = 200;

    private boolean large() {
        return cohort.patients().rows().size() > RASTER_PATIENTS;
    }

    private ChartFiles.Written plot(JFreeChart chart, String name, int w, int h) throws IOException {
        figures.add(name);
        return ChartFiles.write(chart, plots, name, w, h);
    }

    private String section(String id, String title, String content) {
        nav.put(id, title);
        return Html.section(id, title, content);
    }

    static String ci(double est, double lo, double hi, boolean percent) {
        if (Double.isNaN(est)) {
            return "NA";
        }
        double k = percent ? 100 : 1;
        int digits = percent ? 1 : 2;
        String s = fmt(k * est, digits) + (percent ? "%" : "");
        return Double.isNaN(lo) ? s : s + " (" + fmt(k * lo, digits) + "\u2013" + fmt(k * hi, digits) + ")";
    }

    /** Table 1, sample flow, follow-up and median survival. */
    private String population() throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("<h3>Sample flow</h3>").append(SampleFlow.html(SampleFlow.stages(sheet, norm, jsons, cohort, survival)));
        sb.append("<h3>Table 1: patient characteristics</h3>");
        if (cohort.features() == null) {
            sb.append(Html.note("cohort/features.tsv not found: no patient characteristics."));
        } else {
            Tsv columns = Tsv.readIfExists(cohort.features().file().resolveSibling(org.oncoconcord.contract.FeaturesTsv.COLUMNS_FILE));
            String by = table1By != null ? table1By : Table1.DEFAULT_BY;
            if (!cohort.features().header().contains(by)) {
                sb.append(Html.note("Column '" + by + "' is not in features.tsv: Table 1 is shown overall only."));
            }
            sb.append(Table1.html(Table1.build(cohort.features(), columns, by)));
            sb.append(Html.note("Numeric: median [IQR]; categorical: n (% of the column). Follow-up: reverse Kaplan-Meier (censoring as the "
                    + "event); median survival: Kaplan-Meier with log-transformed 95% CI (as R survfit); 'not reached' when the curve stays above 0.5."));
        }
        sb.append("<h3>Follow-up per patient</h3>");
        List<SwimmerPlot.Lane> lanes = SwimmerPlot.lanes(cohort.features(), sheet);
        if (lanes.isEmpty()) {
            sb.append(Html.note("No follow-up column (" + SwimmerPlot.END + ") in features.tsv: no swimmer plot."));
        } else {
            figures.add("swimmer");
            ChartFiles.Written w = ChartFiles.write(SwimmerPlot.chart(cohort.features(), sheet, lanes), plots, "swimmer", 1000,
                    SwimmerPlot.height(lanes.size()), large());
            sb.append(Html.figure(w, "Per patient: follow-up from diagnosis and the events with a day column in the clinical table (plasma "
                    + "draws also from the samplesheet's collection_day, days from surgery); the legend marks events this study does not record."));
        }
        return section("population", "Study population", sb.toString());
    }

    private String oncoprint() throws IOException {
        if (OncoprintPlot.genes(cohort.oncoprint()).isEmpty()) {
            return section("oncoprint", "Oncoprint", Html.note("No mutated gene in any patient."));
        }
        java.util.Set<String> hyper = new java.util.HashSet<>();
        Hypermutation.of(cohort.patients()).patients().forEach(p -> hyper.add(p.patient()));
        figures.add("oncoprint");
        ChartFiles.Written w = ChartFiles.write(OncoprintPlot.chart(cohort.oncoprint(), hyper), plots, "oncoprint",
                OncoprintPlot.width(cohort.oncoprint()), OncoprintPlot.height(cohort.oncoprint()), large());
        String figure = Html.figure(w, "Mutation status per patient, gene and sample type; hover a cell for its variants.");
        if (w.dataArea() != null) { // raster (large cohort): the page's script names the cell under the pointer from the table below
            figure = "<div class=\"oncoprint-map\">\n<script type=\"application/json\" class=\"oncoprint-cells\">"
                    + OncoprintPlot.hoverMap(cohort.oncoprint(), hyper, w.dataArea()) + "</script>\n" + figure + "</div>\n";
        }
        return section("oncoprint", "Oncoprint", figure + MutationTable.html(cohort.oncoprint()));
    }

    private String concordance() throws IOException {
        StringBuilder sb = new StringBuilder(tissueVsPlasma());
        sb.append("<h3>Agreement per gene</h3>");
        sb.append(Html.note("Per gene and for the clinically actionable calls (RAS, BRAF V600E): patients evaluable in both sample types, "
                + "overall (OPA), positive (PPA) and negative (NPA) percent agreement with Wilson 95% CIs (reference: primary, or tissue), "
                + "Cohen's kappa with 95% CI, and McNemar's test of the discordant patients."));
        boolean any = false;
        for (String comparison : List.of("primary_vs_metastasis", "tissue_vs_plasma")) {
            int n = ConcordancePlot.rows(cohort.concordance(), comparison).size();
            if (n > 0) {
                any = true;
                ChartFiles.Written w = plot(ConcordancePlot.chart(cohort.concordance(), comparison), "gene_concordance_" + comparison, 900,
                        IntervalDotChart.height(n));
                sb.append(Html.figure(w, ConcordancePlot.COMPARISONS.get(comparison) + ": positive percent agreement (reference-positive patients "
                        + "found) beside overall agreement, which also counts patients wild-type in both."));
            }
        }
        if (!any) {
            sb.append(Html.note("No patient is evaluable in two sample types: no agreement to plot."));
        }
        List<IntervalDotChart.Point> sens = ConcordancePlot.sensitivityPoints(cohort, jsons);
        if (!sens.isEmpty()) {
            ChartFiles.Written w = plot(ConcordancePlot.sensitivity(sens), "plasma_sensitivity", 900,
                    IntervalDotChart.height((int) sens.stream().map(IntervalDotChart.Point::row).distinct().count()));
            sb.append(Html.figure(w, "Sensitivity of plasma per gene: over all calls and over informative calls only."));
            sb.append(plasmaSensitivityTable());
        }
        sb.append(PlasmaAssay.section(cohort, this::plot));
        sb.append(Html.table(concordanceHeader(false), concordanceRows(cohort.concordance(), false, null)));
        for (Tsv by : cohort.concordanceBy()) {
            String col = by.rows().isEmpty() ? "?" : by.rows().get(0).get("stratum_column");
            sb.append(Html.details("Stratified by " + col + " (RAS, BRAF V600E and genes)",
                    Html.table(concordanceHeader(true), concordanceRows(by, true, null))));
        }
        return section("concordance", "Concordance", sb.toString());
    }

    /**
     * The tissue/plasma part first: PPA (all and informative calls) and NPA per gene and for RAS / BRAF V600E, overall and
     * by tumour-fraction bin; sensitivity by tissue VAF bin; the CH / germline calls in their own table with the rule used;
     * the per-timepoint table of serial plasma when present.
     */
    private String tissueVsPlasma() {
        if (ConcordancePlot.rows(cohort.concordance(), "tissue_vs_plasma").isEmpty() && cohort.plasmaCh() == null) {
            return EvidenceSection.html(evidence, cohort);
        }
        return "<h3>Plasma against tissue: PPA and NPA by tumour fraction</h3>"
                + PlasmaAgreement.html(cohort.oncoprint(), jsons, SummarySection.plasmaFeatures(cohort))
                + "<h3>Plasma sensitivity by tissue VAF</h3>" + PlasmaByVaf.html(cohort.variantsLong(), jsons)
                + PlasmaChSection.html(cohort) + EvidenceSection.html(evidence, cohort);
    }

    /** Per gene: tissue-positive patients, found, misses by informativeness, PPA over all and over informative calls. */
    private String plasmaSensitivityTable() {
        List<List<String>> rows = new ArrayList<>();
        for (PlasmaInformative.Row r : PlasmaInformative.rows(cohort.oncoprint(), jsons, SummarySection.plasmaFeatures(cohort))) {
            rows.add(List.of(SummarySection.label(r.feature()), String.valueOf(r.tissuePositive()), String.valueOf(r.found()),
                    r.missedInformative() + " / " + r.missedNotInformative() + " / " + r.missedUnlabelled(),
                    SummarySection.proportionCell(r.all()), SummarySection.proportionCell(r.informative())));
        }
        return Html.table(List.of("Gene / status", "Tissue+", "Found", "Missed: inf. / not inf. / unlabelled", "PPA, all calls",
                "PPA, informative calls"), rows) + Html.note("Tissue+ = tissue-positive patients with plasma evaluable. "
                + PlasmaInformative.rule(jsons).describe());
    }

    private static List<String> concordanceHeader(boolean strata) {
        List<String> h = new ArrayList<>();
        if (strata) {
            h.add("Stratum");
        }
        h.addAll(List.of("Comparison", "Feature", "n", "OPA (95% CI)", "PPA (95% CI)", "NPA (95% CI)", "\u03ba (95% CI)", "McNemar p", "Test"));
        return h;
    }

    private static List<List<String>> concordanceRows(Tsv t, boolean strata, String only) {
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, String> r : t.rows()) {
            if (Tsv.num(r, "n_evaluable") == 0 || (only != null && !only.equals(r.get("feature")))) {
                continue;
            }
            List<String> row = new ArrayList<>();
            if (strata) {
                row.add(r.get("stratum"));
            }
            row.add(ConcordancePlot.COMPARISONS.getOrDefault(r.get("comparison"), r.get("comparison")));
            row.add(r.get("feature").replace('_', ' '));
            row.add(r.get("n_evaluable"));
            for (String m : List.of("opa", "ppa", "npa")) {
                row.add(ci(Tsv.num(r, m), Tsv.num(r, m + "_lower"), Tsv.num(r, m + "_upper"), true));
            }
            row.add(ci(Tsv.num(r, "kappa"), Tsv.num(r, "kappa_lower"), Tsv.num(r, "kappa_upper"), false));
            row.add(SurvivalResults.formatP(Tsv.num(r, "mcnemar_p")));
            row.add(r.getOrDefault("mcnemar_method", "").replace('_', ' '));
            rows.add(row);
        }
        return rows;
    }

    private String sharedPrivate() throws IOException {
        StringBuilder sb = new StringBuilder();
        figures.add("shared_private");
        ChartFiles.Written w = ChartFiles.write(SharedPrivatePlot.chart(cohort.patients()), plots, "shared_private", 1000, 460, large());
        sb.append(Html.figure(w, "Variants per patient by class."));
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, String> r : cohort.summary().rows()) {
            rows.add(List.of(r.get("metric").replace('_', ' '), r.get("n"), fmt(Tsv.num(r, "median"), 1),
                    fmt(Tsv.num(r, "q1"), 1) + "\u2013" + fmt(Tsv.num(r, "q3"), 1), fmt(Tsv.num(r, "min"), 1) + "\u2013" + fmt(Tsv.num(r, "max"), 1)));
        }
        sb.append("<h3>Cohort summary</h3>").append(Html.table(List.of("Per patient", "n", "Median", "IQR", "Range"), rows));
        if (cohort.metastasisNew() != null) {
            List<List<String>> nm = new ArrayList<>();
            for (Map<String, String> r : cohort.metastasisNew().rows()) {
                if (Tsv.num(r, "patients_with_new") > 0) {
                    nm.add(List.of(r.get("gene"), r.get("patients_with_new") + " / " + r.get("patients_evaluable"),
                            ci(Tsv.num(r, "percent") / 100, Tsv.num(r, "lower") / 100, Tsv.num(r, "upper") / 100, true), r.get("n_variants")));
                }
            }
            sb.append("<h3>Mutations new in the metastasis, by gene</h3>");
            sb.append(nm.isEmpty() ? Html.note("No gene gained a mutation in any metastasis.")
                    : Html.table(List.of("Gene", "Patients with a new mutation", "% (95% CI)", "Variants"), nm));
        }
        List<PatientJsons.PlasmaMisses> plasma = jsons.plasma();
        if (!plasma.isEmpty()) {
            long missed = plasma.stream().mapToLong(PatientJsons.PlasmaMisses::missed).sum();
            long with = plasma.stream().mapToLong(PatientJsons.PlasmaMisses::withSignal).sum();
            long without = plasma.stream().mapToLong(PatientJsons.PlasmaMisses::withoutSignal).sum();
            sb.append("<h3>Tissue variants missed in plasma</h3>");
            sb.append(Html.note(String.format(Locale.ROOT, "%d tissue variants were not found in plasma across %d patients: %d in plasma with "
                    + "detectable tumour signal (a true absence or a subclone) and %d in plasma without tumour signal (too little ctDNA to tell).",
                    missed, plasma.size(), with, without)));
        }
        List<List<String>> per = new ArrayList<>();
        for (Map<String, String> r : cohort.patients().rows()) {
            per.add(List.of(r.get("patient"), r.get("shared"), r.get("primary_only"), r.get("metastasis_new"),
                    r.getOrDefault("percent_shared", "NA"), r.get("plasma_only"), r.getOrDefault("plasma_tumour_signal", "NA")));
        }
        sb.append(Html.details("Per-patient counts (" + per.size() + " patients)", Html.table(
                List.of("Patient", "Shared", "Primary only", "New in metastasis", "% shared", "Plasma only", "Plasma tumour signal"), per)));
        return section("shared", "Shared and private mutations", sb.toString());
    }

    private String survivalSection() throws IOException {
        StringBuilder sb = new StringBuilder();
        if (survival.isEmpty()) {
            return section("survival", "Survival", Html.note("No survival results were given (--survival) or none was found "
                    + "(survival/<endpoint>/<folder>/ holding km.tsv, coefficients.tsv, cv.json, validation.json or cif.tsv)."));
        }
        if (!survival.ignored().isEmpty()) {
            sb.append(Html.note("Folders without a survival result the report shows (or a Fine-Gray model), not shown: " + String.join(", ", survival.ignored()) + "."));
        }
        sb.append(Html.note("Features known only once the metastasis is sequenced (new mutations, plasma detection) are analysed "
                + "from a landmark: patients still at risk when the metastasis was found, follow-up measured from then. "
                + "Baseline features use every patient with follow-up from diagnosis."));
        if (survival.skipped() != null && !survival.skipped().rows().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            survival.skipped().rows().forEach(r -> rows.add(List.of(r.getOrDefault("endpoint", ""), r.getOrDefault("analysis", ""),
                    r.getOrDefault("reason", ""))));
            sb.append(Html.details("Analyses not run (" + rows.size() + ")", Html.table(List.of("Endpoint", "Analysis", "Reason"), rows)));
        }
        sb.append(kaplanMeier());
        sb.append(univariable());
        sb.append(multivariable());
        sb.append(elasticNet());
        for (SurvivalResults.Cv cv : survival.cv()) {
            CvMetrics m = CvMetrics.of(cv.summary());
            sb.append("<h3>Prediction at ").append(String.format(Locale.ROOT, "%.0f", m.horizon())).append(" days: ")
                    .append(Html.esc(endpoint(cv.name()))).append("</h3>");
            JsonNode s = cv.summary();
            sb.append(Html.note(String.format(Locale.ROOT, "Model: %s; %s; %s-fold cross-validation repeated %s times; n = %s, events = %s.",
                    s.path("model").asText("cox"), s.path("covariates").isArray() ? "covariates " + SummarySection.covariates(s.get("covariates"),
                            survival.multivariable(cv.endpoint())).describe() : "",
                    s.path("folds").asText("?"), s.path("repeats").asText("?"), s.path("n").asText("?"), s.path("events").asText("?"))
                    + landmarkNote(s.get("landmark"))));
            sb.append("<div class=\"grid2\">");
            if (cv.predictions() != null) {
                List<CalibrationPlot.Prediction> preds = CalibrationPlot.predictions(cv.predictions());
                if (preds.size() >= 4) {
                    ChartFiles.Written w = plot(CalibrationPlot.chart(cv.name(), preds, m.horizon()), "calibration_" + safe(cv.name()), 600, 520);
                    sb.append(Html.figure(w, "Calibration of out-of-sample predicted risk at the horizon."));
                }
            }
            if (!m.metrics().isEmpty()) {
                ChartFiles.Written w = plot(AccuracyPlot.chart(cv.name(), m), "accuracy_" + safe(cv.name()), 640, 360);
                sb.append(Html.figure(w, "Time-dependent AUC, Uno's C, Brier score and calibration at the horizon, per cross-validation repeat."));
            }
            sb.append("</div>");
            List<List<String>> rows = new ArrayList<>();
            m.metrics().forEach((k, v) -> rows.add(List.of(CvMetrics.LABELS.get(k), fmt(v.mean(), 3), fmt(v.sd(), 3), String.valueOf(v.values().size()))));
            sb.append(Html.table(List.of("Metric", "Mean", "SD", "Repeats"), rows));
        }
        for (SurvivalResults.Validation v : survival.validation()) {
            sb.append(ValidationSection.html(v, this::plot));
        }
        if (survival.cif().isEmpty()) {
            log.add("no cif/ folder under --survival: no cumulative incidence curves (competing risks) in the report");
        }
        for (SurvivalResults.Cif c : survival.cif()) {
            sb.append("<h3>Competing risks: ").append(Html.esc(endpoint(c.name()))).append(" (").append(Html.esc(c.folder())).append(")</h3>");
            if (CifPlot.curves(c.table()).isEmpty()) {
                sb.append(Html.note(c.name() + "/cif.tsv has no event rows: no curve to draw."));
                continue;
            }
            ChartFiles.Written w = plot(CifPlot.chart(c), "cif_" + safe(c.name()), 760, 520);
            sb.append(Html.figure(w, "Cumulative incidence of each cause (Aalen-Johansen), per group"
                    + (CifPlot.gray(c.summary()).isEmpty() ? "." : ", with Gray's test per cause.")));
            List<CifPlot.Gray> gray = CifPlot.gray(c.summary());
            if (!gray.isEmpty()) {
                List<List<String>> rows = new ArrayList<>();
                gray.forEach(g -> rows.add(List.of(g.cause(), fmt(g.statistic(), 3), fmt(g.df(), 0), SurvivalResults.formatP(g.p()))));
                sb.append(Html.plainTable(List.of("Cause", "Gray's statistic", "df", "p"), rows));
            }
        }
        return section("survival", "Survival", sb.toString());
    }

    /** Curves by RAS and by new-in-metastasis status (all curves when neither exists); the other groupings as a table. */
    private String kaplanMeier() throws IOException {
        List<SurvivalResults.Km> kms = new ArrayList<>(survival.km());
        if (kms.isEmpty()) {
            return "";
        }
        kms.sort(Comparator.comparingInt(ReportBuilder::kmRank).thenComparing(SurvivalResults.Km::name));
        boolean featured = kms.stream().anyMatch(k -> kmRank(k) < FEATURED_KM.size());
        StringBuilder sb = new StringBuilder("<h3>Kaplan-Meier curves</h3><div class=\"grid2\">");
        List<List<String>> others = new ArrayList<>();
        for (SurvivalResults.Km km : kms) {
            JsonNode lr = km.logrank();
            if (featured && kmRank(km) == FEATURED_KM.size()) {
                others.add(List.of(pretty(km.name()), lr == null ? "NA" : lr.path("n").asText("NA"), lr == null ? "NA" : lr.path("events").asText("NA"),
                        lr == null ? "NA" : SurvivalResults.formatP(lr.path("p").asDouble(Double.NaN)),
                        lr != null && lr.path("landmark").isObject() ? "landmark " + lr.get("landmark").path("column").asText() : "baseline"));
                continue;
            }
            String name = "km_" + safe(km.name());
            figures.add(name);
            ChartFiles.Written w = ChartFiles.write(KaplanMeierPlot.chart(km, "Kaplan-Meier: " + pretty(km.name()), KmFollowUp.of(km, cohort.features())),
                    plots, name, 640, 470 + 22 * KaplanMeierPlot.groups(km).size(), large());
            sb.append(Html.figure(w, "Kaplan-Meier estimate, " + pretty(km.name()) + ", with 95% CIs, numbers at risk and the log-rank test."
                    + (lr == null ? "" : landmarkNote(lr.get("landmark")))));
        }
        sb.append("</div>");
        if (!others.isEmpty()) {
            sb.append(Html.details("Other Kaplan-Meier groupings (" + others.size() + ")",
                    Html.table(List.of("Curve", "n", "Events", "Log-rank p", "Analysis"), others)));
        }
        return sb.toString();
    }

    /** One row per term of every univariable fit, per endpoint. */
    private String univariable() throws IOException {
        if (survival.univariable().isEmpty()) {
            return "";
        }
        List<List<String>> rows = new ArrayList<>();
        for (SurvivalResults.Univariable u : survival.univariable()) {
            for (Map<String, String> r : u.table().rows()) {
                String note = r.getOrDefault("note", ".");
                rows.add(List.of(endpoint(u.name()), r.get("feature"), r.get("term"), r.get("analysis"), r.get("n"), r.get("events"),
                        ci(Tsv.num(r, "hr"), Tsv.num(r, "hr_lower"), Tsv.num(r, "hr_upper"), false), SurvivalResults.formatP(Tsv.num(r, "p")),
                        note.equals(".") ? "" : note));
            }
        }
        StringBuilder figs = new StringBuilder();
        for (SurvivalResults.Univariable u : survival.univariable()) {
            List<ForestPlot.Row> forest = ForestPlot.univariableRows(u.table(), endpoint(u.name()));
            if (!forest.isEmpty()) {
                ChartFiles.Written w = plot(ForestPlot.chart("Hazard ratios, univariable Cox models: " + endpoint(u.name()),
                        "One model per feature; [landmark] = from the metastasis, patients at risk then", forest),
                        "forest_univariable_" + safe(u.name()), 900, IntervalDotChart.height(forest.size()));
                figs.append(Html.figure(w, "Univariable hazard ratios with 95% CIs, n and events of each model on its row."));
            }
        }
        return "<h3>Univariable Cox models</h3>" + figs + Html.note("One Cox model per feature (Wald p; Firth's penalised likelihood under "
                + "separation). Analysis: baseline = all patients, time from diagnosis; landmark = patients at risk when the "
                + "metastasis was found, time from then.")
                + Html.table(List.of("Endpoint", "Feature", "Term", "Analysis", "n", "Events", "HR (95% CI)", "p", "Note"), rows);
    }

    /** The multivariable (unpenalised, non-univariable) Cox models: forest plot, terms and fit statistics. */
    private String multivariable() throws IOException {
        List<SurvivalResults.Cox> models = survival.cox().stream().filter(m -> !m.penalized() && !m.univariableFit()).toList();
        if (models.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("<h3>Multivariable Cox models</h3>");
        List<ForestPlot.Row> forest = ForestPlot.rows(models);
        if (!forest.isEmpty()) {
            ChartFiles.Written w = plot(ForestPlot.chart("Hazard ratios, multivariable Cox models", "One colour per model; HR > 1 = higher hazard",
                    forest), "forest", 900, IntervalDotChart.height(forest.size()));
            sb.append(Html.figure(w, "Hazard ratios with 95% CIs; n and events of the model on each row."));
        }
        List<List<String>> rows = new ArrayList<>();
        for (SurvivalResults.Cox m : models) {
            for (Map<String, String> t : m.coefficients().rows()) {
                rows.add(List.of(m.name(), t.get("term"), ci(Tsv.num(t, "hr"), Tsv.num(t, "hr_lower"), Tsv.num(t, "hr_upper"), false),
                        SurvivalResults.formatP(Tsv.num(t, "p"))));
            }
        }
        sb.append(Html.table(List.of("Model", "Term", "HR (95% CI)", "p"), rows));
        List<List<String>> fits = new ArrayList<>();
        for (SurvivalResults.Cox m : models) {
            JsonNode j = m.model();
            if (j != null) {
                fits.add(List.of(m.name(), j.path("n").asText("NA"), j.path("events").asText("NA"),
                        SurvivalResults.formatP(j.path("lr_test").path("p").asDouble(Double.NaN)),
                        fmt(j.path("concordance").path("c").asDouble(Double.NaN), 3) + " (se " + fmt(j.path("concordance").path("se").asDouble(Double.NaN), 3) + ")",
                        j.path("method").asText("") + landmarkNote(j.get("landmark"))));
            }
        }
        if (!fits.isEmpty()) {
            sb.append(Html.details("Model fit statistics", Html.table(List.of("Model", "n", "Events", "LR test p", "Harrell's C", "Method"), fits)));
        }
        return sb.toString();
    }

    /** Elastic-net Cox fits: the terms with a non-zero coefficient at the chosen lambda. */
    private String elasticNet() {
        List<SurvivalResults.Cox> models = survival.cox().stream().filter(SurvivalResults.Cox::penalized).toList();
        if (models.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder("<h3>Elastic-net Cox over the gene features</h3>");
        for (SurvivalResults.Cox m : models) {
            JsonNode j = m.model();
            List<String> unpen = new ArrayList<>();
            j.path("unpenalized").forEach(u -> unpen.add(u.asText()));
            List<List<String>> rows = new ArrayList<>();
            for (Map<String, String> t : m.coefficients().rows()) {
                double b = Tsv.num(t, "coef");
                if (!Double.isNaN(b) && b != 0) {
                    String term = t.get("term");
                    boolean free = unpen.stream().anyMatch(term::startsWith);
                    rows.add(List.of(term, String.format(Locale.ROOT, "%.3g", b), fmt(Math.exp(b), 2), free ? "no (clinical covariate)" : "yes"));
                }
            }
            sb.append(Html.note(String.format(Locale.ROOT, "%s: alpha %s, lambda %.4g (%s by %s-fold CV), n = %s, events = %s; %d of %d "
                    + "terms non-zero; apparent Harrell's C %s (in-sample, optimistic).", endpoint(m.name()), j.path("alpha").asText(),
                    j.path("lambda").asDouble(Double.NaN), j.path("lambda_rule").asText(), j.path("inner_folds").asText(), j.path("n").asText(),
                    j.path("events").asText(), rows.size(), m.coefficients().rows().size(), fmt(j.path("concordance").path("c").asDouble(Double.NaN), 3))));
            sb.append(rows.isEmpty() ? Html.note("No term has a non-zero coefficient.")
                    : Html.table(List.of("Term", "Coefficient", "HR", "Penalised"), rows));
        }
        return sb.toString();
    }

    /** " From the landmark COL: n of m patients at risk." or "" when the analysis is from time zero. */
    static String landmarkNote(JsonNode landmark) {
        if (landmark == null || !landmark.isObject()) {
            return "";
        }
        return String.format(Locale.ROOT, " From the landmark %s: %s of %s patients at risk then (%s without it, %s no longer at risk).",
                landmark.path("column").asText(), landmark.path("kept").asText(), landmark.path("rows_read").asText(),
                landmark.path("dropped_landmark_missing").asText(), landmark.path("dropped_not_at_risk").asText());
    }

    private static String join(JsonNode array) {
        List<String> parts = new ArrayList<>();
        array.forEach(a -> parts.add(a.asText()));
        return String.join(", ", parts);
    }

    /** "os_days/cv" -> "OS"; "rfs_days" -> "RFS". */
    static String endpoint(String name) {
        String first = name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
        return first.replaceFirst("_(days|time|months|years)$", "").toUpperCase(Locale.ROOT);
    }

    private static int kmRank(SurvivalResults.Km km) {
        int i = FEATURED_KM.indexOf(km.group());
        return i < 0 ? FEATURED_KM.size() : i;
    }

    private String methods() {
        StringBuilder sb = new StringBuilder();
        sb.append("<p>Generated by <b>oncoconcord ").append(Html.esc(VersionProvider.version())).append("</b> (Java ")
                .append(Html.esc(System.getProperty("java.version"))).append("). Plots drawn with JFreeChart and written as SVG by Apache Batik.</p>");
        sb.append("<ul>");
        for (String m : List.of(
                "Variants are matched across samples at allele level (CHROM, POS, REF, ALT) after normalization; a variant absent from a sample "
                        + "outside its covered regions or below its depth is not evaluable, not discordant.",
                "Agreement per gene: OPA, PPA (reference positives found), NPA (reference negatives confirmed), each with a Wilson score 95% interval; "
                        + "Cohen's kappa with the large-sample standard error of Fleiss, Cohen and Everitt (1969); McNemar's test exact (binomial) "
                        + "below 25 discordant patients, otherwise chi-square with continuity correction.",
                "Survival: Cox proportional hazards (Efron ties), Kaplan-Meier with Greenwood standard errors and the log-rank test; "
                        + "prediction accuracy at the horizon out of sample by repeated cross-validation (IPCW time-dependent AUC, Uno's C, Brier score, calibration).",
                "Features known only after the metastasis is sequenced (new mutations, plasma detection; post_metastasis in "
                        + "features.columns.tsv) enter only landmark analyses: patients with a known metastasis time still at risk then, "
                        + "follow-up measured from it, so that no patient is credited with survival before the feature could be known.",
                "Elastic-net Cox (coordinate descent, lambda by inner cross-validation of the partial-likelihood deviance) over every "
                        + "primary-tumour gene feature, clinical covariates unpenalised.")) {
            sb.append("<li>").append(Html.esc(m)).append("</li>");
        }
        sb.append("</ul>");
        JsonNode info = cohort.info();
        if (info != null && info.has("methods")) {
            sb.append(Html.details("Cohort step: methods as recorded", dl(flatten("", info.get("methods")))));
        }
        Map<String, String> all = new LinkedHashMap<>(params);
        if (info != null && info.has("parameters")) {
            all.putAll(flatten("cohort.", info.get("parameters")));
        }
        for (SurvivalResults.Cox m : survival.cox()) {
            if (m.model() != null && !m.univariableFit()) {
                for (String k : List.of("ties", "method", "n", "events", "dropped_missing")) {
                    if (m.model().has(k)) {
                        all.put("survival." + m.name() + "." + k, m.model().get(k).asText());
                    }
                }
            }
        }
        sb.append("<h3>Parameters</h3>").append(all.isEmpty() ? Html.note("No parameters recorded.") : dl(all));
        return section("methods", "Methods", sb.toString());
    }

    static Map<String, String> flatten(String prefix, JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return out;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.putAll(flatten(prefix + e.getKey() + ".", e.getValue()));
            }
        } else if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            node.forEach(n -> parts.add(n.isValueNode() ? n.asText() : n.toString()));
            out.put(trim(prefix), String.join(", ", parts));
        } else {
            out.put(trim(prefix), node.asText());
        }
        return out;
    }

    private static String trim(String prefix) {
        return prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
    }

    private static String dl(Map<String, String> kv) {
        StringBuilder sb = new StringBuilder("<dl class=\"params\">");
        kv.forEach((k, v) -> sb.append("<dt>").append(Html.esc(k)).append("</dt><dd>").append(Html.esc(v)).append("</dd>"));
        return sb.append("</dl>\n").toString();
    }

    /** A number with fixed decimals; never "-0.00". */
    static String fmt(double v, int digits) {
        if (Double.isNaN(v)) {
            return "NA";
        }
        String s = String.format(Locale.ROOT, "%." + digits + "f", v);
        return s.matches("-0\\.?0*") ? s.substring(1) : s;
    }

    static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]+", "_");
    }

    /** "os/km_ras_mutant_primary" -> "OS by RAS mutant primary". */
    static String pretty(String name) {
        String[] parts = name.split("/");
        String feature = parts[parts.length - 1].replaceFirst("^(km|cox|cv)_", "").replace('_', ' ');
        feature = feature.replaceAll("\\bras\\b", "RAS").replaceAll("\\bbraf\\b", "BRAF").replaceAll("v600e", "V600E");
        String endpoint = parts.length > 1 ? endpoint(name) : "";
        return endpoint.isEmpty() ? feature : endpoint + " by " + feature;
    }
}
