package org.oncoconcord.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.contract.ContractJson;
import org.oncoconcord.contract.NormalizeStatsJson;

/**
 * The numbers of each report section against an independent count: the per-patient concordance
 * JSONs of the 40-patient fixture (the cohort step's own input), hand-made tables with hand-computed
 * answers, and the survival layout on disk.
 */
class ReportSectionsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    static Tsv tsv(Path dir, String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return Tsv.read(f);
    }

    /** Per patient: status by sample type from the fixture's JSONs (mutant/true = 1). */
    static List<Map<String, Boolean>> statuses(String feature) throws Exception {
        List<Map<String, Boolean>> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(ReportRun.report().resolve("conc"))) {
            for (Path f : s.filter(p -> p.toString().endsWith(".concordance.json")).sorted().toList()) {
                JsonNode root = JSON.readTree(f.toFile());
                Map<String, Boolean> m = new java.util.HashMap<>();
                for (JsonNode sample : root.get("samples")) {
                    JsonNode v = feature.equals("RAS") ? root.get("ras_status").get("status").get(sample.get("label").asText())
                            : root.get("ras_status").get("braf_v600e").get(sample.get("label").asText());
                    m.put(sample.get("type").asText(), v.isBoolean() ? v.asBoolean() : v.asText().equals("mutant"));
                }
                m.put("#" + root.get("patient").asText(), true);
                out.add(m);
            }
        }
        return out;
    }

    static String patient(Map<String, Boolean> m) {
        return m.keySet().stream().filter(k -> k.startsWith("#")).findFirst().orElseThrow().substring(1);
    }

    @Test
    void discordantPatientsAreThoseWhoseJsonStatusDiffers() throws Exception {
        CohortResults cohort = CohortResults.read(ReportRun.report().resolve("cohort"));
        for (String f : List.of("RAS", "BRAF_V600E")) {
            List<String> expected = statuses(f).stream().filter(m -> !m.get("primary").equals(m.get("metastasis"))).map(ReportSectionsTest::patient).toList();
            assertThat(SummarySection.discordantPrimaryMetastasis(cohort.oncoprint(), f)).extracting(SummarySection.Discordant::patient)
                    .as(f).containsExactlyElementsOf(expected);
        }
        // and the block lists them with kappa and the agreement of gene_concordance.tsv
        String html = SummarySection.primaryVsMetastasis(cohort);
        Map<String, String> ras = cohort.concordanceRow("primary_vs_metastasis", "RAS");
        assertThat(html).contains(ReportBuilder.ci(Tsv.num(ras, "kappa"), Tsv.num(ras, "kappa_lower"), Tsv.num(ras, "kappa_upper"), false));
        for (SummarySection.Discordant d : SummarySection.discordantPrimaryMetastasis(cohort.oncoprint(), "RAS")) {
            assertThat(html).contains("<td>RAS</td><td>" + d.patient() + "</td><td>" + Html.esc(d.reference()) + "</td><td>"
                    + Html.esc(d.test()) + "</td>");
            assertThat(List.of(d.reference(), d.test())).contains(ProteinChanges.WILD_TYPE);
        }
    }

    @Test
    void plasmaBlockShowsPpaAndNpaCountedFromTheJsons() throws Exception {
        CohortResults cohort = CohortResults.read(ReportRun.report().resolve("cohort"));
        int tissuePos = 0, found = 0, tissueNeg = 0, negInPlasma = 0;
        for (Map<String, Boolean> m : statuses("RAS")) {
            if (!m.containsKey("plasma")) {
                continue;
            }
            boolean tissue = m.get("primary") || m.get("metastasis");
            if (tissue) {
                tissuePos++;
                found += m.get("plasma") ? 1 : 0;
            } else {
                tissueNeg++;
                negInPlasma += m.get("plasma") ? 0 : 1;
            }
        }
        String html = SummarySection.plasmaVsTissue(cohort, PatientJsons.read(ReportRun.report().resolve("conc")));
        String rasRow = html.substring(html.indexOf("<td>RAS</td>"), html.indexOf("</tr>", html.indexOf("<td>RAS</td>")));
        assertThat(rasRow).contains(" " + found + "/" + tissuePos + "<").contains(" " + negInPlasma + "/" + tissueNeg + "<")
                .contains(ReportBuilder.fmt(100.0 * found / tissuePos, 1) + "%");
        // OPA is there too, but after PPA/NPA
        assertThat(rasRow.indexOf(ReportBuilder.fmt(100.0 * (found + negInPlasma) / (tissuePos + tissueNeg), 1) + "%"))
                .isGreaterThan(rasRow.indexOf(found + "/" + tissuePos));
    }

    /** A survival layout with one endpoint whose cox has {@code terms} estimated terms (+ a dropped one) and a cv with {@code events}. */
    Path layout(int terms, int events) throws IOException {
        Path ep = tmp.resolve("survival/os_days");
        StringBuilder coef = new StringBuilder("term\tcoef\tse\thr\thr_lower\thr_upper\tz\tp\n");
        for (int i = 0; i < terms; i++) {
            coef.append("x").append(i).append("\t0.1\t0.1\t1.105\t0.9\t1.3\t1\t0.3\n");
        }
        tsv(ep, "cox/coefficients.tsv", coef.toString());
        Files.writeString(ep.resolve("cox/model.json"), "{\"n\": 100, \"events\": " + events + ", \"method\": \"partial_likelihood\", "
                + "\"cause\": null, \"analysis\": {\"kind\": \"cox\", \"endpoint\": {\"time\": \"os_days\", \"cause\": null, \"start\": null}}}");
        Files.createDirectories(ep.resolve("cv"));
        StringBuilder cov = new StringBuilder();
        for (int i = 0; i < terms; i++) {
            cov.append("\"x").append(i).append("\", ");
        }
        Files.writeString(ep.resolve("cv/cv.json"), "{\"horizon\": 730, \"n\": 100, \"events\": " + events + ", \"covariates\": [" + cov
                + "\"stage\"], \"metrics\": {\"auc\": {\"mean\": 0.71, \"sd\": 0.02, \"per_repeat\": [0.7, 0.72]}, \"cal_slope\": {\"mean\": 0.8, "
                + "\"sd\": 0.1, \"per_repeat\": [0.7, 0.9]}, \"brier\": {\"mean\": 0.2, \"sd\": 0.01, \"per_repeat\": [0.19, 0.21]}}}");
        return tmp.resolve("survival");
    }

    @Test
    void modelBlockComputesEventsPerVariableFromTheModelsTermsAndWarnsBelowTen() throws Exception {
        SurvivalResults s = SurvivalResults.scan(layout(4, 22));
        String html = SummarySection.model(s);
        assertThat(html).contains("5.5 (4 terms)").contains("22 events for 4 terms = 5.5 events per variable: below 10")
                .contains("0.710 \u00b1 0.020").contains("0.800 \u00b1 0.100").contains("0.200 \u00b1 0.010");
        // stage is in cv.json's covariates but has no term: named as dropped, not listed among the covariates
        SummarySection.Covariates c = SummarySection.covariates(s.cv().get(0).summary().get("covariates"), s.multivariable("os_days"));
        assertThat(c.used()).containsExactly("x0", "x1", "x2", "x3");
        assertThat(c.dropped()).containsExactly("stage");
        assertThat(c.describe()).isEqualTo("x0, x1, x2, x3 (dropped, no coefficient estimated: stage)");
    }

    @Test
    void noWarningWithEnoughEventsAndAPlainNoteWithoutCv() throws Exception {
        String html = SummarySection.model(SurvivalResults.scan(layout(2, 60)));
        assertThat(html).contains("30.0 (2 terms)").doesNotContain("\u26a0");
        assertThat(SummarySection.model(SurvivalResults.none())).contains("No cross-validation result");
        assertThat(SummarySection.eventsPerVariable(7, 0)).isNaN();
    }

    @Test
    void survivalResultsAreFoundByWhatTheirJsonSays() throws Exception {
        Path root = tmp.resolve("s");
        String km = "group\ttime\tn_risk\tn_event\tsurv\tse\tlower\tupper\tkind\nall\t10\t5\t1\t0.8\t0.1\t0.6\t1\tevent\n";
        String coef = "term\tcoef\tse\thr\thr_lower\thr_upper\tz\tp\nage\t0.1\t0.1\t1.1\t0.9\t1.3\t1\t0.3\n";
        for (String[] k : new String[][] {{"os_days/km_all", "os_days", "null"}, {"os_days/km_ras_mutant_primary", "os_days", "\"ras_mutant_primary\""},
                {"rfs_days/km_all", "rfs_days", "null"}}) {
            tsv(root, k[0] + "/km.tsv", km);
            Files.writeString(root.resolve(k[0] + "/logrank.json"), "{\"p\": 0.5, \"group\": " + k[2] + ", \"analysis\": {\"kind\": \"km\", "
                    + "\"group\": " + k[2] + ", \"endpoint\": {\"time\": \"" + k[1] + "\"}}}");
        }
        for (String[] m : new String[][] {{"cox", "cox", "null"}, {"coxnet", "cox_elastic_net", "null"}, {"cox_uni_age", "cox_univariable", "\"age\""},
                {"cox_ras_extra", "crr", "null"}}) { // a Fine-Gray model: not shown, listed
            tsv(root, "os_days/" + m[0] + "/coefficients.tsv", coef);
            Files.writeString(root.resolve("os_days/" + m[0] + "/model.json"), "{\"n\": 10, \"analysis\": {\"kind\": \"" + m[1] + "\", "
                    + "\"feature\": " + m[2] + ", \"endpoint\": {\"time\": \"os_days\", \"cause\": null, \"start\": null}}}");
        }
        tsv(root, "skipped.tsv", "endpoint\tanalysis\treason\nrfs_days\tcox\tno events\n");
        SurvivalResults s = SurvivalResults.scan(root);
        assertThat(s.km()).extracting(SurvivalResults.Km::name).containsExactly("os_days/km_all", "os_days/km_ras_mutant_primary", "rfs_days/km_all");
        assertThat(s.km().get(1).group()).isEqualTo("ras_mutant_primary");
        assertThat(s.cox()).extracting(c -> c.kind() + ":" + c.feature()).containsExactly("MULTIVARIABLE:null", "UNIVARIABLE:age", "ELASTIC_NET:null");
        assertThat(s.ignored()).containsExactly("os_days/cox_ras_extra");
        assertThat(s.skipped().rows()).hasSize(1);
        // an endpoint folder given as the root
        assertThat(SurvivalResults.scan(root.resolve("os_days")).km()).hasSize(2);
    }

    @Test
    void table1CountsAndQuantilesByHand() throws Exception {
        Tsv f = tsv(tmp, "features.tsv", "patient\tos_days\tos_event\tage\tsex\tstage\tras_mutant_primary\n"
                + "A\t100\t1\t50\tF\tIII\t1\nB\t200\t0\t60\tM\tIV\t0\nC\t300\t1\t70\tF\tNA\t1\nD\t400\t0\t55\tF\tIII\tNA\n"
                + "E\t500\t1\t65\tM\tIII\t0\nF\t600\t0\t75\tM\tIV\t0\nG\t700\t1\t80\tF\tIII\t1\n");
        Table1.Table t = Table1.build(f, null, Table1.DEFAULT_BY);
        assertThat(t.header()).containsExactly("Characteristic", "", "Overall (n = 7)", "RAS mutant (n = 3)", "RAS wild-type (n = 3)", "unknown (n = 1)");
        Map<String, List<String>> byLevel = new java.util.LinkedHashMap<>();
        String var = "";
        for (Table1.Line l : t.lines()) {
            var = l.variable().isEmpty() ? var : l.variable();
            byLevel.put(var + "/" + l.level(), l.cells());
        }
        // ages 50 55 60 65 70 75 80: type-7 quartiles 57.5, 65, 72.5; RAS mutant 50 70 80: 60, 70, 75
        assertThat(byLevel.get("age/median [IQR]")).startsWith("65.0 [57.5\u201372.5]", "70.0 [60.0\u201375.0]");
        assertThat(byLevel.get("sex/F")).containsExactly("4 (57.1%)", "3 (100.0%)", "0 (0.0%)", "1 (100.0%)");
        assertThat(byLevel.get("stage/missing")).containsExactly("1 (14.3%)", "1 (33.3%)", "0 (0.0%)", "0 (0.0%)");
        assertThat(byLevel.get("OS/events, n (%)")).containsExactly("4 (57.1%)", "3 (100.0%)", "1 (33.3%)", "0 (0.0%)");
        // the group columns add up to the overall for every categorical line
        for (String key : List.of("sex/F", "sex/M", "stage/III", "stage/IV", "stage/missing")) {
            List<String> c = byLevel.get(key);
            int sum = c.subList(1, c.size()).stream().mapToInt(x -> Integer.parseInt(x.split(" ")[0])).sum();
            assertThat(sum).as(key).isEqualTo(Integer.parseInt(c.get(0).split(" ")[0]));
        }
    }

    @Test
    void hypermutatedPatientsAreAboveTheFarOutFence() throws Exception {
        StringBuilder sb = new StringBuilder("patient\tshared\tprimary_only\tmetastasis_new\tplasma_only\n");
        int[] totals = {10, 11, 12, 13, 14, 15, 16, 17, 200};
        for (int i = 0; i < totals.length; i++) {
            sb.append("P").append(i).append('\t').append(totals[i] - 2).append("\t1\t1\t0\n");
        }
        Hypermutation.Result h = Hypermutation.of(tsv(tmp, "patients.tsv", sb.toString()));
        // Q1 = 12, Q3 = 16 (type 7), fence = 16 + 3 * 4 = 28
        assertThat(h.fence()).isCloseTo(28, within(1e-12));
        assertThat(h.patients()).extracting(Hypermutation.Patient::patient).containsExactly("P8");
        assertThat(h.share()).isCloseTo(200.0 / 308, within(1e-12));
    }

    @Test
    void sampleFlowAndQcCountEverySample() throws Exception {
        Path root = ReportRun.report();
        CohortResults cohort = CohortResults.read(root.resolve("cohort"));
        PatientJsons jsons = PatientJsons.read(root.resolve("conc"));
        StringBuilder sheet = new StringBuilder("patient,sample,type,vcf,regions\n");
        Path norm = Files.createDirectories(tmp.resolve("norm"));
        int k = 0;
        for (PatientJsons.Sample s : jsons.samples()) {
            sheet.append(s.patient()).append(',').append(s.label()).append(',').append(s.type()).append(",x.vcf,").append(k % 2 == 0 ? "bed.bed" : "").append('\n');
            Path f = norm.resolve(s.patient() + "." + s.label() + ".normalize.json");
            if (k == 0) {
                normalizeStats(f, 0, 0, 0, Map.of());
            } else {
                normalizeStats(f, 10, 9, 1, Map.of("ref_mismatch", 2L));
            }
            k++;
        }
        sheet.append("P999,P999_T,primary,x.vcf,\n"); // a single-sample patient: in, not compared
        Files.writeString(tmp.resolve("sheet.csv"), sheet);
        Samplesheet ss = Samplesheet.read(tmp.resolve("sheet.csv"));
        NormalizeStats ns = NormalizeStats.read(norm);
        List<SampleFlow.Stage> stages = SampleFlow.stages(ss, ns, jsons, cohort, SurvivalResults.none());
        long plasma = jsons.samples().stream().filter(s -> s.type().equals("plasma")).count();
        assertThat(stages.get(0).count()).isEqualTo((jsons.samples().size() + 1) + " samples, 41 patients");
        assertThat(stages.get(0).byType()).containsEntry("primary", 41L).containsEntry("metastasis", 40L).containsEntry("plasma", plasma);
        assertThat(stages.get(1).note()).isEqualTo(10 * (jsons.samples().size() - 1) + " records in, " + 2 * (jsons.samples().size() - 1)
                + " rejected; 1 empty VCF(s)");
        assertThat(stages.get(2).note()).isEqualTo("1 not compared (single sample or failed): P999");
        assertThat(SampleFlow.evaluable(cohort, "primary_vs_metastasis")).isEqualTo("40 patients");
        // QC: one line per sample, the empty one flagged, BEDs as in the samplesheet, the unbalanced counts caught
        List<QcSection.Line> lines = QcSection.lines(jsons, ns, ss);
        assertThat(lines).hasSize(jsons.samples().size());
        assertThat(lines.stream().filter(QcSection.Line::empty)).hasSize(1);
        assertThat(lines.stream().filter(l -> l.regions().equals("yes"))).hasSize((jsons.samples().size() + 1) / 2);
        assertThat(lines.get(1).rejected()).isEqualTo("2 (ref_mismatch 2)");
        assertThat(ns.samples().get(1).balanced()).isTrue();
        String html = QcSection.html(jsons, ns, ss, cohort);
        assertThat(html).contains("1 empty VCF(s): " + lines.get(0).sample())
                .contains(jsons.samples().size() + " sample(s) checked, 0 flagged");

        // without the cohort's swap table: said so; with a table flagging one sample: only that row listed
        Path withSwap = Files.createDirectories(tmp.resolve("cohort_swap"));
        try (var files = Files.list(root.resolve("cohort"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (!f.getFileName().toString().equals(CohortResults.SWAP_CHECK)) {
                    Files.copy(f, withSwap.resolve(f.getFileName()));
                }
            }
        }
        assertThat(QcSection.html(jsons, ns, ss, CohortResults.read(withSwap))).contains("No swap-check table");
        Files.writeString(withSwap.resolve(CohortResults.SWAP_CHECK), "patient\tsample\ttype\tn_variants\town_best_sample\town_shared"
                + "\tother_best_patient\tother_best_sample\tother_shared\tflagged\n"
                + "P1\tP1_T\tprimary\t10\tP1_M\t8\tP2\tP2_T\t1\t0\n"
                + "P2\tP2_M\tmetastasis\t12\tP2_T\t1\tP7\tP7_T\t11\t1\n");
        String swapHtml = QcSection.html(jsons, ns, ss, CohortResults.read(withSwap));
        assertThat(swapHtml).contains("2 sample(s) checked, 1 flagged").contains("P2_M").contains("P7_T").doesNotContain("P1_M\t");
    }

    /** The pipeline publishes normalize stats as {@code <patient>/<sample>.normalize.json}: the id is patient.sample. */
    @Test
    void normalizeStatsInPerPatientFoldersKeepThePatient(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("P1"));
        normalizeStats(dir.resolve("P1").resolve("T.normalize.json"), 5, 4, 0, Map.of("malformed_alt", 1L));
        normalizeStats(dir.resolve("P2.M.normalize.json"), 2, 2, 0, Map.of());
        Files.writeString(dir.resolve("P3.T.normalize.json"), "{\"in\": 2, \"out\": 2}"); // an incomplete file: listed, not used
        NormalizeStats ns = NormalizeStats.read(dir);
        assertThat(ns.samples()).hasSize(2);
        assertThat(ns.unreadable()).singleElement().asString().contains("P3.T.normalize.json").contains("key 'split' missing");
        assertThat(ns.of("P1", "T")).isNotNull();
        assertThat(ns.of("P1", "T").rejected()).containsEntry("malformed_alt", 1L);
        assertThat(ns.of("P1", "T").balanced()).isTrue();
        assertThat(ns.of("P2", "M").out()).isEqualTo(2);
    }

    /** Writes a complete normalize stats file (the record normalize writes). */
    static void normalizeStats(Path file, long in, long out, long splitAdded, Map<String, Long> rejected) throws IOException {
        long total = rejected.values().stream().mapToLong(Long::longValue).sum();
        ContractJson.write(file, new NormalizeStatsJson(in, out, 0, splitAdded, 0, 0, 0, 0, rejected, total, "TUMOR"));
    }
}
