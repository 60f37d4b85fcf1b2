package org.oncoconcord.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report on the pipeline's survival layout (survival/&lt;time&gt;/{km_*, univariable.tsv,
 * cox_uni_*, cox, coxnet, cv}, skipped.tsv), made by the real {@code survival} subcommands on the
 * report fixture's features (with a made-up metastasis time as landmark): the univariable rows, the
 * multivariable model alone in the forest plot, the elastic-net non-zero terms, the landmark note.
 */
class ReportSurvivalLayoutTest {
    @TempDir
    Path tmp;

    private static void ok(String... args) {
        ReportRun.Result r = ReportRun.run(args);
        assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isZero();
    }

    @Test
    void showsUnivariableMultivariableElasticNetAndLandmarkResults() throws Exception {
        Path root = ReportRun.report();
        // features.tsv plus a landmark column: unknown for every third patient, else 10 days per patient index
        List<String> lines = Files.readAllLines(root.resolve("cohort/features.tsv"));
        List<String> out = new ArrayList<>(List.of(lines.get(0) + "\tmetastasis_days"));
        for (int i = 1; i < lines.size(); i++) {
            out.add(lines.get(i) + "\t" + (i % 3 == 0 ? "NA" : String.valueOf(10 * i)));
        }
        Path features = Files.write(tmp.resolve("features.tsv"), out);
        Path surv = tmp.resolve("survival");
        Path os = surv.resolve("os_days");
        String[] data = {"--data", features.toString(), "--time", "os_days", "--event", "os_event", "--quiet"};
        String genes = "APC_primary,BRAF_primary,FBXW7_primary,KRAS_primary,NRAS_primary,PIK3CA_primary,SMAD4_primary,TP53_primary";
        ok(cat(new String[] {"survival", "km", "--group", "ras_mutant_primary", "--at", "0,365,730", "--out", os.resolve("km_ras_mutant_primary").toString()}, data));
        ok(cat(new String[] {"survival", "km", "--group", "any_driver_metastasis_new", "--landmark", "metastasis_days", "--at", "0,365,730",
                "--out", os.resolve("km_any_driver_metastasis_new").toString()}, data));
        ok(cat(new String[] {"survival", "univariable", "--covariates", "ras_mutant_primary,age,any_driver_metastasis_new", "--landmark",
                "metastasis_days", "--landmark-covariates", "any_driver_metastasis_new", "--out", os.toString()}, data));
        ok(cat(new String[] {"survival", "cox", "--covariates", "age,braf_v600e_primary", "--out", os.resolve("cox").toString()}, data));
        ok(cat(new String[] {"survival", "cox", "--penalty", "elastic-net", "--covariates", genes + ",age", "--unpenalized", "age",
                "--out", os.resolve("coxnet").toString()}, data));
        ok(cat(new String[] {"survival", "cv", "--covariates", "age,braf_v600e_primary", "--folds", "3", "--repeats", "2",
                "--out", os.resolve("cv").toString()}, data));
        ok(cat(new String[] {"survival", "validate", "--covariates", "age,braf_v600e_primary", "--bootstrap", "20", "--seed", "3",
                "--out", os.resolve("validate").toString()}, data));
        ok(cat(new String[] {"survival", "cif", "--group", "ras_mutant_primary", "--out", os.resolve("cif").toString()}, data));
        Files.writeString(surv.resolve("skipped.tsv"), "endpoint\tanalysis\treason\nrfs_days\tendpoint\tcolumn(s) rfs_days, rfs_event not in features.tsv\n");
        Path report = tmp.resolve("report");
        ok("report", "--cohort", root.resolve("cohort").toString(), "--survival", surv.toString(), "--out", report.toString());
        String html = Files.readString(report.resolve("report.html"));

        // univariable: every row of univariable.tsv, with its analysis and HR (95% CI)
        Tsv uni = Tsv.read(os.resolve("univariable.tsv"));
        assertThat(uni.rows()).extracting(r -> r.get("feature") + ":" + r.get("analysis"))
                .containsExactly("ras_mutant_primary:baseline", "age:baseline", "any_driver_metastasis_new:landmark");
        String uniSection = html.substring(html.indexOf("<h3>Univariable Cox models</h3>"), html.indexOf("<h3>Multivariable Cox models</h3>"));
        for (Map<String, String> r : uni.rows()) {
            assertThat(uniSection).contains("<td>" + r.get("feature") + "</td>").contains(ReportBuilder.ci(Tsv.num(r, "hr"),
                    Tsv.num(r, "hr_lower"), Tsv.num(r, "hr_upper"), false));
        }
        // the forest plot holds the multivariable model's terms only (no univariable fit, no elastic net)
        String forest = Files.readString(report.resolve("plots/forest.svg"));
        assertThat(forest).contains("braf_v600e_primary").contains("age").doesNotContain("any_driver_metastasis_new")
                .doesNotContain("cox_uni_").doesNotContain("coxnet").doesNotContain("TP53_primary");
        // elastic net: exactly the non-zero terms of coefficients.tsv
        String net = html.substring(html.indexOf("<h3>Elastic-net Cox over the gene features</h3>"), html.indexOf("<h3>Prediction at"));
        int nonzero = 0;
        for (Map<String, String> t : Tsv.read(os.resolve("coxnet/coefficients.tsv")).rows()) {
            boolean shown = net.contains("<td>" + t.get("term") + "</td>");
            assertThat(shown).as(t.get("term") + " coef " + t.get("coef")).isEqualTo(Tsv.num(t, "coef") != 0);
            nonzero += shown ? 1 : 0;
        }
        assertThat(nonzero).as("age is unpenalised, so at least it is non-zero").isGreaterThan(0);
        // landmark KM: its plot and the counts of logrank.json in the caption
        JsonNode lr = SurvivalResults.json(os.resolve("km_any_driver_metastasis_new/logrank.json"));
        assertThat(report.resolve("plots/km_os_days_km_any_driver_metastasis_new.svg")).isRegularFile();
        assertThat(html).contains("From the landmark metastasis_days: " + lr.get("landmark").get("kept").asText() + " of "
                + (lines.size() - 1) + " patients at risk then");
        // validate/: the measures table as validation.tsv, both figures; cif/: its curves
        String val = html.substring(html.indexOf("<h3>Internal validation (TRIPOD): OS at 730 days</h3>"));
        for (Map<String, String> r : Tsv.read(os.resolve("validate/validation.tsv")).rows()) {
            assertThat(val).contains("<td>" + ValidationSection.MEASURES.get(r.get("measure")) + "</td><td class=\"num\">"
                    + ReportBuilder.fmt(Tsv.num(r, "apparent"), 3) + "</td>");
            assertThat(val).contains(ReportBuilder.fmt(Tsv.num(r, "corrected"), 3));
        }
        assertThat(report.resolve("plots/validate_calibration_os_days.svg")).isRegularFile();
        assertThat(report.resolve("plots/validate_decision_os_days.svg")).isRegularFile();
        assertThat(Files.readString(report.resolve("plots/cif_os_days_cif.svg"))).contains("cause 1");
        assertThat(html).doesNotContain("outside the survival layout");
        // skipped analyses and the cv heading per endpoint
        assertThat(html).contains("Analyses not run (1)").contains("rfs_days, rfs_event not in features.tsv")
                .contains("<h3>Prediction at 730 days: OS</h3>");
    }

    private static String[] cat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
