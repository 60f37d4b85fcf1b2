package org.oncoconcord.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The validate/ and cif/ outputs of the survival step in the report, on small hand-made folders of the
 * declared layout: every point of the calibration and decision-curve figures is a row of its table,
 * the measures table is validation.tsv, the over-fitting warning reaches question 3, and the cumulative
 * incidence curves step through cif.tsv with Gray's p from cif.json.
 */
class ValidationReportTest {
    @TempDir
    Path tmp;

    static final String VALIDATION_JSON = "{\"horizon\": 730.0, \"n\": 12, \"events\": 7, \"covariates\": [\"age\", \"stage\"], \"landmark\": null,"
            + " \"bootstrap\": {\"resamples\": 200, \"used\": 169, \"failed\": 31, \"seed\": 1},"
            + " \"calibration_smooth\": {\"ici\": 0.0345, \"e50\": 0.0289, \"e90\": 0.0793},"
            + " \"sample_size\": {\"parameters\": 4, \"events\": 7, \"n\": 12, \"events_per_parameter\": 1.75, \"r2_cox_snell\": 0.43,"
            + " \"r2_max\": 0.91, \"heuristic_shrinkage\": 0.41, \"riley_minimum_n\": 186.0, \"overfitted\": true,"
            + " \"warnings\": [\"over-fitting risk: 7 events for 4 parameters\"]},"
            + " \"warnings\": [\"31 of 200 bootstrap resamples left out\"]}";

    /** survival/os_days/validate/ as `survival validate` writes it, plus cif/ with two groups and two causes. */
    Path layout(boolean withCif, boolean overfitted) throws Exception {
        Path v = tmp.resolve("survival/os_days/validate");
        ReportSectionsTest.tsv(v, "validation.tsv", "measure\tapparent\toptimism\toptimism_sd\tmc_se\tcorrected\n"
                + "harrell_c\t0.7641509434\t0.120632915\t0.1269\t0.00976\t0.6435180284\n"
                + "td_auc\t0.8888888889\t0.1035565574\t0.1326\t0.0102\t0.7853323315\n"
                + "brier\t0.113207576\t-0.08562526017\t0.0712\t0.0055\t0.1988328362\n"
                + "scaled_brier\t0.547169696\t0.2562968805\t0.2825\t0.0217\t0.2908728155\n"
                + "calibration_slope\t1\t0.25\t0.3\t0.02\t0.75\n");
        ReportSectionsTest.tsv(v, "calibration_groups.tsv", "group\tn\tevents\trisk_min\trisk_max\tpredicted\tobserved\tobserved_lower\tobserved_upper\n"
                + "1\t2\t0\t0.005\t0.027\t0.0165\t0\t0\t0\n2\t2\t1\t0.13\t0.15\t0.1433\t0.5\t0.0896\t0.994\n"
                + "3\t3\t1\t0.30\t0.39\t0.3602\t0.25\t0.05\t0.7\n4\t2\t2\t0.76\t0.764\t0.7623\tNA\tNA\tNA\n");
        ReportSectionsTest.tsv(v, "calibration_smooth.tsv", "id\ttime\tevent\tpredicted\tobserved_smooth\n"
                + "P1\t261\t1\t0.764\t0.768\nP2\t344\t1\t0.1331\t0.1263\nP3\t1107\t0\t0.4\t0.38\nP4\t900\t0\t0.0165\tNA\n");
        ReportSectionsTest.tsv(v, "decision_curve.tsv", "threshold\ttreated\tnet_benefit\ttreat_all\ttreat_none\n"
                + "0.1\t10\t0.45\t0.44\t0\n0.2\t8\t0.40\t0.37\t0\n0.3\t6\t0.33\t0.28\t0\n0.9\t1\tNA\t-3.5\t0\n");
        Files.writeString(v.resolve("validation.json"), overfitted ? VALIDATION_JSON
                : VALIDATION_JSON.replace("\"overfitted\": true", "\"overfitted\": false").replaceAll("\"warnings\": \\[[^\\]]*\\]", "\"warnings\": []"));
        Files.writeString(v.resolve("model_at_horizon.json"), "{\"horizon\": 730.0, \"formula\": \"S(horizon | x) = baseline_survival ^ "
                + "exp(sum_j coef_j * (x_j - mean_j)); risk = 1 - S\", \"terms\": [{\"term\": \"age\", \"coef\": -0.154, \"hr\": 0.857, "
                + "\"mean\": 68.17}], \"baseline\": [{\"stratum\": \"\", \"baseline_survival\": 0.6994}]}");
        if (withCif) {
            Path c = tmp.resolve("survival/os_days/cif");
            ReportSectionsTest.tsv(c, "cif.tsv", "group\tcause\ttime\tcif\tkind\n"
                    + "A\t1\t100\t0.1\tevent\nA\t1\t300\t0.25\tevent\nA\t2\t200\t0.05\tevent\nB\t1\t150\t0.2\tevent\n"
                    + "A\t1\t365\t0.25\tat\nB\t2\t400\t0.1\tevent\n");
            Files.writeString(c.resolve("cif.json"), "{\"method\": \"Aalen-Johansen\", \"causes\": [1, 2], \"group\": \"sex\","
                    + " \"gray\": [{\"cause\": 1, \"statistic\": 6.2, \"df\": 1, \"p\": 0.0128}, {\"cause\": 2, \"statistic\": 0.4, \"df\": 1, \"p\": 0.527}]}");
        }
        return tmp.resolve("survival");
    }

    @Test
    void figuresAreTheRowsOfTheirTables() throws Exception {
        SurvivalResults s = SurvivalResults.scan(layout(true, true));
        assertThat(s.ignored()).isEmpty();
        assertThat(s.validation()).hasSize(1);
        SurvivalResults.Validation v = s.validation("os_days");
        assertThat(v.horizon()).isEqualTo(730.0);

        XYIntervalSeries groups = ValidationPlots.groups(v.groups());
        assertThat(groups.getItemCount()).as("the NA group is not drawn").isEqualTo(3);
        List<Map<String, String>> rows = v.groups().rows();
        for (int i = 0; i < 3; i++) {
            assertThat(groups.getX(i).doubleValue()).isEqualTo(Tsv.num(rows.get(i), "predicted"));
            assertThat(groups.getYValue(i)).isEqualTo(Tsv.num(rows.get(i), "observed"));
            assertThat(groups.getYLowValue(i)).isEqualTo(Tsv.num(rows.get(i), "observed_lower"));
            assertThat(groups.getYHighValue(i)).isEqualTo(Tsv.num(rows.get(i), "observed_upper"));
        }
        XYSeries smooth = ValidationPlots.smooth(v.smooth());
        assertThat(smooth.getItems()).hasSize(3);
        assertThat(smooth.getX(0).doubleValue()).isEqualTo(0.1331);
        assertThat(smooth.getY(2).doubleValue()).isEqualTo(0.768);

        List<XYSeries> dc = ValidationPlots.decisionSeries(v.decision());
        assertThat(dc.get(0).getItemCount()).as("model: NA left out").isEqualTo(3);
        assertThat(dc.get(1).getItemCount()).isEqualTo(4);
        assertThat(dc.get(0).getY(1).doubleValue()).isEqualTo(0.40);
        assertThat(dc.get(1).getY(3).doubleValue()).isEqualTo(-3.5);
        assertThat(dc.get(2).getY(0).doubleValue()).isZero();

        JFreeChart cal = ValidationPlots.calibration(v);
        String calSvg = ChartFiles.svg(cal, "c", 600, 560);
        assertThat(FigureNumbersTest.subtitles(cal)).contains("ICI 0.035, E50 0.029, E90 0.079").contains("1 group(s) without follow-up");
        assertThat(calSvg).contains(ValidationPlots.GROUPS).contains(ValidationPlots.SMOOTH);
        assertThat(((XYPlot) cal.getPlot()).getAnnotations()).as("the diagonal").hasSize(1);
        String dcSvg = ChartFiles.svg(ValidationPlots.decisionCurve(v), "d", 640, 520);
        assertThat(dcSvg).contains(ValidationPlots.MODEL).contains(ValidationPlots.TREAT_ALL).contains(ValidationPlots.TREAT_NONE);

        // cumulative incidence: one step curve per group and cause from the event rows, starting at 0
        List<CifPlot.Curve> curves = CifPlot.curves(s.cif().get(0).table());
        assertThat(curves).extracting(CifPlot.Curve::group, CifPlot.Curve::cause)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("A", "1"), org.assertj.core.groups.Tuple.tuple("A", "2"),
                        org.assertj.core.groups.Tuple.tuple("B", "1"), org.assertj.core.groups.Tuple.tuple("B", "2"));
        XYSeries a1 = curves.get(0).steps();
        assertThat(a1.getItemCount()).as("0, 100, 300; the 'at' row not a step").isEqualTo(3);
        assertThat(a1.getY(2).doubleValue()).isEqualTo(0.25);
        JFreeChart cif = CifPlot.chart(s.cif().get(0));
        assertThat(FigureNumbersTest.subtitles(cif)).contains("cause 1: Gray's test p 0.0128").contains("cause 2: Gray's test p 0.527");
        assertThat(ChartFiles.svg(cif, "cif", 700, 500)).contains("A, cause 1").contains("B, cause 2");
    }

    @Test
    void measuresTableAndTheOverfittingWarningInQuestionThree() throws Exception {
        SurvivalResults s = SurvivalResults.scan(layout(false, true));
        String answer = SummarySection.model(s);
        assertThat(answer).as("no cv: still the bootstrap answer").contains("No cross-validation result")
                .contains("0.764 \u2192 0.644").contains("0.889 \u2192 0.785").contains("1.000 \u2192 0.750").contains("0.113 \u2192 0.199")
                .contains("169 of 200 bootstrap resamples used (31 left out), seed 1")
                .contains("the model is flagged as over-fitted").contains("over-fitting risk: 7 events for 4 parameters");
        String quiet = SummarySection.model(SurvivalResults.scan(layoutAgain(false)));
        assertThat(quiet).contains("0.764 \u2192 0.644").doesNotContain("over-fitted").doesNotContain("\u26a0");

        SurvivalResults.Validation v = s.validation("os_days");
        String html = ValidationSection.html(v, (chart, name, w, h) -> ChartFiles.write(chart, tmp.resolve("plots"), name, w, h));
        Tsv t = v.measures();
        for (Map<String, String> r : t.rows()) {
            assertThat(html).contains("<td>" + ValidationSection.MEASURES.get(r.get("measure")) + "</td><td class=\"num\">"
                    + ReportBuilder.fmt(Tsv.num(r, "apparent"), 3) + "</td><td class=\"num\">" + ReportBuilder.fmt(Tsv.num(r, "optimism"), 3)
                    + "</td><td class=\"num\">" + ReportBuilder.fmt(Tsv.num(r, "corrected"), 3) + "</td>");
        }
        assertThat(html).contains("Riley et al. minimum n").contains("186").contains("baseline survival at the horizon 0.6994")
                .contains("fig-validate_calibration_os_days").contains("fig-validate_decision_os_days");
        assertThat(tmp.resolve("plots/validate_calibration_os_days.svg")).isRegularFile();
    }

    private Path layoutAgain(boolean overfitted) throws Exception {
        Path old = tmp;
        tmp = Files.createDirectories(old.resolve("again"));
        try {
            return layout(false, overfitted);
        } finally {
            tmp = old;
        }
    }

    @Test
    void reportCommandShowsValidationAndLogsTheAbsentCif() throws Exception {
        Path root = ReportRun.report();
        Path surv = layout(false, true);
        ReportRun.Result r = ReportRun.run("report", "--cohort", root.resolve("cohort").toString(), "--survival", surv.toString(),
                "--out", tmp.resolve("rep").toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).contains("no cif/ folder under --survival");
        String html = Files.readString(tmp.resolve("rep/report.html"));
        assertThat(html).contains("Internal validation (TRIPOD): OS at 730 days").doesNotContain("outside the survival layout");
        Path surv2 = layoutAgain(true);
        Path cif = surv2.resolve("os_days/cif");
        Files.createDirectories(cif);
        Files.copy(surv.resolve("os_days/validate/validation.tsv"), cif.resolve("unused.tsv"));
        ReportSectionsTest.tsv(cif, "cif.tsv", "group\tcause\ttime\tcif\tkind\nall\t1\t10\t0.1\tevent\n");
        r = ReportRun.run("report", "--cohort", root.resolve("cohort").toString(), "--survival", surv2.toString(),
                "--out", tmp.resolve("rep2").toString(), "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(Files.readString(tmp.resolve("rep2/report.html"))).contains("Competing risks: OS (cif)").contains("fig-cif_os_days_cif");
    }
}
