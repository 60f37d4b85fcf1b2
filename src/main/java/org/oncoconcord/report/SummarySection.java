package org.oncoconcord.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The three answers first: (1) primary vs metastasis (share of mutations shared, RAS / BRAF V600E
 * status agreement with kappa, the discordant patients by name); (2) plasma vs tissue (PPA and NPA
 * for RAS / BRAF and per gene, over all calls and over informative calls, pooled variant-level sensitivity and
 * the tumour fraction of each plasma sample);
 * (3) the prediction model (out-of-sample td-AUC, calibration slope and Brier with their spread,
 * events per variable with an over-fitting warning).
 */
final class SummarySection {
    /** Events per variable below which the model is flagged as likely over-fitted (Peduzzi et al. 1996). */
    static final double EPV_WARN = 10;
    /** Events per variable below which the model is flagged as borderline (Vittinghoff & McCulloch 2007: 5-9 often fine, 20 safer). */
    static final double EPV_CAUTION = 20;

    /** Discordant patients named in the summary; more are counted, and listed in oncoprint.tsv. */
    static final int MAX_LISTED = 25;

    private SummarySection() {
    }

    /** A patient whose status differs between two sample types: each side's variants ({@code KRAS p.G12D}) or {@code wild type}. */
    record Discordant(String patient, String reference, String test) {
    }

    /** Patients with a known (0/1) status in both primary and metastasis that differ, from oncoprint.tsv's feature rows. */
    static List<Discordant> discordantPrimaryMetastasis(Tsv oncoprint, String feature) {
        List<Discordant> out = new ArrayList<>();
        ProteinChanges names = ProteinChanges.of(oncoprint);
        for (Map<String, String> r : oncoprint.rows()) {
            String p = r.get("primary"), m = r.get("metastasis");
            if (feature.equals(r.get("gene")) && isCall(p) && isCall(m) && !p.equals(m)) {
                out.add(new Discordant(r.get("patient"), names.status(r, "primary"), names.status(r, "metastasis")));
            }
        }
        return out;
    }

    private static boolean isCall(String v) {
        return "0".equals(v) || "1".equals(v) || "true".equals(v) || "false".equals(v);
    }

    /** The model's terms as fitted: estimated (finite coefficient) and dropped (NA, e.g. constant or collinear). */
    record Terms(List<String> estimated, List<String> dropped) {
    }

    static Terms terms(SurvivalResults.Cox model) {
        List<String> est = new ArrayList<>(), dropped = new ArrayList<>();
        for (Map<String, String> r : model.coefficients().rows()) {
            double b = Tsv.num(r, "coef");
            (Double.isNaN(b) || Double.isInfinite(b) ? dropped : est).add(r.get("term"));
        }
        return new Terms(est, dropped);
    }

    /** A model's covariates as requested, split into those with an estimated term and those dropped (no term, or NA). */
    record Covariates(List<String> used, List<String> dropped) {
        String describe() {
            return String.join(", ", used) + (dropped.isEmpty() ? "" : " (dropped, no coefficient estimated: " + String.join(", ", dropped) + ")");
        }
    }

    static Covariates covariates(JsonNode requested, SurvivalResults.Cox model) {
        List<String> used = new ArrayList<>(), dropped = new ArrayList<>();
        List<String> est = model == null ? null : terms(model).estimated();
        if (requested != null) {
            for (JsonNode c : requested) {
                String name = c.asText();
                boolean ok = est == null || est.stream().anyMatch(t -> t.equals(name) || t.startsWith(name));
                (ok ? used : dropped).add(name);
            }
        }
        return new Covariates(used, dropped);
    }

    /** Events per estimated term; NaN without terms. */
    static double eventsPerVariable(int events, int terms) {
        return terms == 0 ? Double.NaN : (double) events / terms;
    }

    static String html(CohortResults cohort, SurvivalResults survival, PatientJsons jsons) {
        StringBuilder sb = new StringBuilder("<div class=\"answers\">");
        sb.append(primaryVsMetastasis(cohort));
        sb.append(plasmaVsTissue(cohort, jsons));
        sb.append(model(survival));
        return sb.append("</div>\n").toString();
    }

    static String primaryVsMetastasis(CohortResults cohort) {
        StringBuilder sb = new StringBuilder("<div class=\"answer\"><h3>1. Primary vs metastasis</h3>");
        Map<String, String> shared = cohort.summary().rows().stream().filter(r -> "percent_shared".equals(r.get("metric"))).findFirst().orElse(null);
        if (shared != null && !Double.isNaN(Tsv.num(shared, "median"))) {
            sb.append("<p class=\"big\">").append(ReportBuilder.fmt(Tsv.num(shared, "median"), 1)).append("%</p><p>median share of mutations shared "
                    + "by primary and metastasis (IQR ").append(ReportBuilder.fmt(Tsv.num(shared, "q1"), 1)).append("\u2013")
                    .append(ReportBuilder.fmt(Tsv.num(shared, "q3"), 1)).append("%, n = ").append(Html.esc(shared.get("n"))).append(" patients)</p>");
        } else {
            sb.append(Html.note("No patient has both a primary and a metastasis sample: no share of mutations to report."));
        }
        List<List<String>> rows = new ArrayList<>();
        List<List<String>> discordant = new ArrayList<>();
        int moreDiscordant = 0;
        for (String f : List.of("RAS", "BRAF_V600E")) {
            Map<String, String> r = cohort.concordanceRow("primary_vs_metastasis", f);
            if (r == null || Tsv.num(r, "n_evaluable") == 0) {
                continue;
            }
            List<Discordant> d = discordantPrimaryMetastasis(cohort.oncoprint(), f);
            rows.add(List.of(label(f), r.get("n_evaluable"), ReportBuilder.ci(Tsv.num(r, "opa"), Tsv.num(r, "opa_lower"), Tsv.num(r, "opa_upper"), true),
                    ReportBuilder.ci(Tsv.num(r, "kappa"), Tsv.num(r, "kappa_lower"), Tsv.num(r, "kappa_upper"), false),
                    d.isEmpty() ? "none" : String.valueOf(d.size())));
            for (Discordant x : d) {
                if (discordant.size() < MAX_LISTED) {
                    discordant.add(List.of(label(f), x.patient(), x.reference(), x.test()));
                } else {
                    moreDiscordant++;
                }
            }
        }
        sb.append(rows.isEmpty() ? Html.note("No patient is evaluable for RAS / BRAF V600E in both primary and metastasis.")
                : Html.plainTable(List.of("Status", "n", "Agreement (95% CI)", "\u03ba (95% CI)", "Discordant patients"), rows));
        if (!discordant.isEmpty()) {
            sb.append(Html.plainTable(List.of("Status", "Discordant patient", "Primary", "Metastasis"), discordant));
            if (moreDiscordant > 0) {
                sb.append(Html.note(moreDiscordant + " more discordant patients, all in cohort/oncoprint.tsv (RAS and BRAF_V600E rows)."));
            }
        }
        return sb.append("</div>").toString();
    }

    /** RAS, BRAF V600E, then every gene with a tissue-positive patient evaluable in plasma (gene_concordance.tsv order). */
    static List<String> plasmaFeatures(CohortResults cohort) {
        List<String> features = new ArrayList<>(List.of("RAS", "BRAF_V600E"));
        cohort.concordance().rows().stream().filter(r -> "tissue_vs_plasma".equals(r.get("comparison")) && "gene".equals(r.get("kind"))
                && Tsv.num(r, "both_mutated") + Tsv.num(r, "reference_only") > 0).map(r -> r.get("feature")).forEach(features::add);
        return features;
    }

    static String plasmaVsTissue(CohortResults cohort, PatientJsons jsons) {
        StringBuilder sb = new StringBuilder("<div class=\"answer\"><h3>2. Plasma vs tissue</h3>");
        List<List<String>> rows = new ArrayList<>();
        Map<String, PlasmaInformative.Row> informative = new java.util.HashMap<>();
        PlasmaInformative.rows(cohort.oncoprint(), jsons, plasmaFeatures(cohort)).forEach(r -> informative.put(r.feature(), r));
        for (String f : plasmaFeatures(cohort)) {
            Map<String, String> all = cohort.concordanceRow("tissue_vs_plasma", f);
            if (all == null || Tsv.num(all, "n_evaluable") == 0) {
                continue;
            }
            PlasmaInformative.Row inf = informative.get(f);
            rows.add(List.of(label(f), all.get("n_evaluable"), ppaCell(all), inf == null ? "NA" : proportionCell(inf.informative()),
                    inf == null ? "NA" : String.valueOf(inf.missedNotInformative()), npaCell(all),
                    ReportBuilder.ci(Tsv.num(all, "opa"), Tsv.num(all, "opa_lower"), Tsv.num(all, "opa_upper"), true)));
        }
        if (rows.isEmpty()) {
            sb.append(Html.note("No patient has a plasma sample and a tissue sample evaluable at the same positions: no plasma answer."));
        } else {
            sb.append("<p>Sensitivity of plasma (PPA: tissue-positive patients found in plasma), over all calls and over informative "
                    + "calls only, and specificity (NPA: tissue-negative patients negative in plasma), reference = tissue (primary or "
                    + "metastasis). Agreement (OPA) counts double wild-type patients as agreement and is shown last for that reason.</p>");
            sb.append(Html.plainTable(List.of("Gene / status", "n", "PPA, all calls (found / tissue+)", "PPA, informative calls",
                    "Misses not informative", "NPA (neg / tissue\u2212)", "OPA"), rows));
            sb.append(Html.note(PlasmaInformative.rule(jsons).describe()));
        }
        sb.append(PlasmaAssay.answer(cohort));
        return sb.append("</div>").toString();
    }

    /** "33.3% (9.7–70.0) 2/6": a proportion with its Wilson CI and counts. */
    static String proportionCell(org.oncoconcord.core.Proportion p) {
        return p.n() == 0 ? "NA (0/0)" : ReportBuilder.ci(p.estimate(), p.lower(), p.upper(), true) + " " + p.x() + "/" + p.n();
    }

    private static String ppaCell(Map<String, String> r) {
        return ReportBuilder.ci(Tsv.num(r, "ppa"), Tsv.num(r, "ppa_lower"), Tsv.num(r, "ppa_upper"), true) + " "
                + count(r, "both_mutated") + "/" + count(Tsv.num(r, "both_mutated") + Tsv.num(r, "reference_only"));
    }

    private static String npaCell(Map<String, String> r) {
        return ReportBuilder.ci(Tsv.num(r, "npa"), Tsv.num(r, "npa_lower"), Tsv.num(r, "npa_upper"), true) + " "
                + count(r, "both_wildtype") + "/" + count(Tsv.num(r, "both_wildtype") + Tsv.num(r, "test_only"));
    }

    private static String count(Map<String, String> r, String col) {
        return count(Tsv.num(r, col));
    }

    private static String count(double v) {
        return Double.isNaN(v) ? "NA" : String.valueOf((long) v);
    }

    static String model(SurvivalResults survival) {
        StringBuilder sb = new StringBuilder("<div class=\"answer\"><h3>3. Prediction model</h3>");
        if (survival.cv().isEmpty()) {
            sb.append(Html.note("No cross-validation result (survival/<endpoint>/cv/cv.json) was given: no out-of-sample accuracy to report."));
            return sb.append(validation(survival)).append("</div>").toString();
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (SurvivalResults.Cv cv : survival.cv()) {
            CvMetrics m = CvMetrics.of(cv.summary());
            JsonNode s = cv.summary();
            SurvivalResults.Cox cox = survival.multivariable(cv.endpoint());
            int events = s.path("events").asInt(-1);
            Terms terms = cox == null ? null : terms(cox);
            double epv = terms == null || events < 0 ? Double.NaN : eventsPerVariable(events, terms.estimated().size());
            rows.add(List.of(ReportBuilder.endpoint(cv.endpoint()), String.format(Locale.ROOT, "%.0f d", m.horizon()),
                    s.path("n").asText("NA") + " / " + (events < 0 ? "NA" : events), meanSd(m, "auc"), meanSd(m, "cal_slope"), meanSd(m, "brier"),
                    meanSd(m, "scaled_brier"), Double.isNaN(epv) ? "NA" : ReportBuilder.fmt(epv, 1) + " (" + terms.estimated().size() + " terms)"));
            if (!Double.isNaN(epv) && epv < EPV_CAUTION) {
                warnings.add(String.format(Locale.ROOT, "%s: %d events for %d terms = %.1f events per variable%s.",
                        ReportBuilder.endpoint(cv.endpoint()), events, terms.estimated().size(), epv,
                        epv < EPV_WARN ? ": below 10, the model is likely over-fitted; its apparent fit is optimistic and the "
                                + "cross-validated figures are the ones to quote" : ": below 20, expect some over-fitting (calibration slope below 1)"));
            }
        }
        sb.append(Html.plainTable(List.of("Endpoint", "Horizon", "n / events", "td-AUC, mean \u00b1 SD", "Calibration slope", "Brier",
                "Scaled Brier", "Events per variable"), rows));
        sb.append("<p class=\"note\">Out of sample: repeated k-fold cross-validation; \u00b1 SD across repeats. Calibration slope 1 = "
                + "ideal, below 1 = predictions too extreme (over-fitting).</p>");
        for (String w : warnings) {
            sb.append("<p class=\"warn\">\u26a0 ").append(Html.esc(w)).append("</p>");
        }
        return sb.append(validation(survival)).append("</div>").toString();
    }

    /** Bootstrap-validated measures per endpoint (apparent vs optimism-corrected) and the over-fitting warning when flagged. */
    static String validation(SurvivalResults survival) {
        if (survival.validation().isEmpty()) {
            return "";
        }
        List<String> measures = List.of("harrell_c", "td_auc", "calibration_slope", "brier");
        List<List<String>> rows = new ArrayList<>();
        StringBuilder warn = new StringBuilder();
        for (SurvivalResults.Validation v : survival.validation()) {
            List<String> row = new ArrayList<>(List.of(ReportBuilder.endpoint(v.endpoint())));
            for (String m : measures) {
                Map<String, String> r = ValidationSection.measure(v, m);
                row.add(r == null ? "NA" : ReportBuilder.fmt(Tsv.num(r, "apparent"), 3) + " \u2192 " + ReportBuilder.fmt(Tsv.num(r, "corrected"), 3));
            }
            row.add(ValidationSection.bootstrap(v));
            rows.add(row);
            if (ValidationSection.overfitted(v) || !ValidationSection.warnings(v).isEmpty()) {
                warn.append("<p class=\"warn\">\u26a0 ").append(Html.esc(ReportBuilder.endpoint(v.endpoint()) + ": "
                        + (ValidationSection.overfitted(v) ? "the model is flagged as over-fitted (validation.json sample_size): " : "")
                        + String.join("; ", ValidationSection.warnings(v)) + ".")).append("</p>");
            }
        }
        return "<p>Internal validation by bootstrap (apparent \u2192 optimism-corrected):</p>"
                + Html.plainTable(List.of("Endpoint", "Harrell's C", "td-AUC", "Calibration slope", "Brier", "Bootstrap"), rows) + warn;
    }

    private static String meanSd(CvMetrics m, String key) {
        CvMetrics.Metric x = m.metrics().get(key);
        return x == null ? "NA" : ReportBuilder.fmt(x.mean(), 3) + " \u00b1 " + ReportBuilder.fmt(x.sd(), 3);
    }

    static String label(String feature) {
        return feature.equals("BRAF_V600E") ? "BRAF V600E" : feature.replace('_', ' ');
    }
}
