package org.oncoconcord.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.contract.ConcordanceJson;
import org.oncoconcord.core.Proportion;

/**
 * Plasma sensitivity over all and over informative calls, and the tumour fraction per plasma sample:
 * hand-made cases counted by hand, and the 40-patient fixture recounted from its concordance JSONs
 * and compared with the cohort step's tables.
 */
class PlasmaReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static PatientJsons.Patient patient(String id, Map<String, List<String>> genes, ConcordanceJson.Plasma plasma) {
        return PatientJsons.patient(ReportFixture.json(id, genes, plasma));
    }

    private static Map<String, Boolean> misses(Object... variantInformative) {
        Map<String, Boolean> m = new LinkedHashMap<>();
        for (int i = 0; i < variantInformative.length; i += 2) {
            m.put((String) variantInformative[i], (Boolean) variantInformative[i + 1]);
        }
        return m;
    }

    @Test
    void informativeMissesCountedByHand() throws Exception {
        Tsv onco = ReportSectionsTest.tsv(tmp, "oncoprint.tsv", "patient\tgene\tprimary\tmetastasis\tplasma\n"
                + "A\tKRAS\t1\t1\t1\n"      // found
                + "B\tKRAS\t1\t1\t0\n"      // missed, its variant informative
                + "C\tKRAS\tNA\t1\t0\n"     // missed (metastasis only), not informative
                + "D\tKRAS\t1\tNA\t0\n"     // missed, no detection block: unlabelled
                + "E\tKRAS\t0\t0\t0\n"      // tissue-negative: not counted
                + "F\tKRAS\t1\t1\tNA\n"     // plasma not evaluable: not counted
                + "G\tKRAS\t1\t1\t0\n");    // missed, labelled not informative but the list is capped: unlabelled
        Map<String, List<String>> kras = Map.of("KRAS", List.of("KRAS G12 (chr12:3202:G>A)", "chr12:3300:C>T"));
        List<PatientJsons.Patient> ps = List.of(
                patient("A", kras, null),
                patient("B", kras, ReportFixture.plasma("B_P", misses("chr12:3202:G>A", false, "chr12:3300:C>T", true), 1, 1)),
                patient("C", kras, ReportFixture.plasma("C_P", misses("chr12:3202:G>A", false), 0, 1)),
                patient("D", kras, ReportFixture.plasmaWithoutDetection("D_P")),
                patient("G", kras, ReportFixture.plasma("G_P", misses("chr12:3202:G>A", false), 3, 5)));
        PatientJsons jsons = new PatientJsons(ps, List.of());
        assertThat(ps.get(0).variants().get("KRAS")).containsExactly("chr12:3202:G>A", "chr12:3300:C>T");
        List<PlasmaInformative.Row> rows = PlasmaInformative.rows(onco, jsons, List.of("KRAS", "BRAF"));
        assertThat(rows).containsExactly(new PlasmaInformative.Row("KRAS", 1, 1, 1, 2));
        PlasmaInformative.Row r = rows.get(0);
        assertThat(r.all().x()).isEqualTo(1);
        assertThat(r.all().n()).isEqualTo(5);
        assertThat(r.informative().n()).isEqualTo(4);
        assertThat(r.informative()).isEqualTo(Proportion.wilson(1, 4));
        assertThat(PlasmaInformative.rule(jsons).describe()).contains("probability \u2265 0.95 of at least 3 alt reads");
        // the forest's label carries both counts
        assertThat(ConcordancePlot.sensitivityLabel(r)).isEqualTo("KRAS (1/5; informative 1/4)");
    }

    /** Per patient and gene of the fixture JSONs: {tissue positive, plasma status (null = no plasma), informative miss}. */
    private static Map<String, int[]> recount(Path conc, String gene) throws Exception {
        int found = 0, inf = 0, notInf = 0;
        try (Stream<Path> s = Files.list(conc)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".concordance.json")).sorted().toList()) {
                JsonNode root = JSON.readTree(f.toFile());
                JsonNode status = root.path("genes").path(gene).path("status");
                String id = root.get("patient").asText();
                boolean tissue = status.path(id + "_T").asBoolean(false) || status.path(id + "_M").asBoolean(false);
                if (!tissue || !status.has(id + "_P")) {
                    continue;
                }
                if (status.get(id + "_P").asBoolean()) {
                    found++;
                    continue;
                }
                boolean informative = false;
                for (JsonNode v : root.path("genes").path(gene).path("variants")) {
                    String text = v.asText();
                    String key = text.substring(text.indexOf('(') + 1, text.indexOf(')'));
                    for (JsonNode m : root.path("plasma").path("detection").path("misses")) {
                        informative |= m.get("variant").asText().equals(key) && m.get("informative").asBoolean();
                    }
                }
                if (informative) {
                    inf++;
                } else {
                    notInf++;
                }
            }
        }
        return Map.of(gene, new int[] {found, inf, notInf});
    }

    @Test
    void fixtureGenesRecountedFromTheJsonsAndAllCallsEqualGeneConcordance() throws Exception {
        Path root = ReportRun.report();
        CohortResults cohort = CohortResults.read(root.resolve("cohort"));
        PatientJsons jsons = PatientJsons.read(root.resolve("conc"));
        List<PlasmaInformative.Row> rows = PlasmaInformative.rows(cohort.oncoprint(), jsons, SummarySection.plasmaFeatures(cohort));
        assertThat(rows.size()).isGreaterThan(5);
        int withNotInformative = 0;
        String answer = SummarySection.plasmaVsTissue(cohort, jsons);
        for (PlasmaInformative.Row r : rows) {
            Map<String, String> gc = cohort.concordanceRow("tissue_vs_plasma", r.feature());
            assertThat(r.found()).as(r.feature()).isEqualTo((int) Tsv.num(gc, "both_mutated"));
            assertThat(r.tissuePositive()).as(r.feature()).isEqualTo((int) (Tsv.num(gc, "both_mutated") + Tsv.num(gc, "reference_only")));
            assertThat(r.all().estimate()).as(r.feature()).isCloseTo(Tsv.num(gc, "ppa"), within(1e-6));
            assertThat(r.missedUnlabelled()).as(r.feature()).isZero();
            if (!r.feature().equals("RAS") && !r.feature().equals("BRAF_V600E")) {
                int[] expected = recount(root.resolve("conc"), r.feature()).get(r.feature());
                assertThat(new int[] {r.found(), r.missedInformative(), r.missedNotInformative()}).as(r.feature()).containsExactly(expected);
            }
            withNotInformative += r.missedNotInformative() > 0 ? 1 : 0;
            String row = answer.substring(answer.indexOf("<td>" + SummarySection.label(r.feature()) + "</td>"));
            row = row.substring(0, row.indexOf("</tr>"));
            assertThat(row).contains(SummarySection.proportionCell(r.informative())).contains(" " + r.found() + "/" + r.tissuePositive() + "<");
        }
        assertThat(withNotInformative).as("the fixture has uninformative misses, so the two PPAs differ somewhere").isGreaterThan(0);
        assertThat(answer).contains("Informative = a plasma miss the plasma should have seen");
        // the forest plot: both series, the labels with both counts
        String svg = ChartFiles.svg(ConcordancePlot.sensitivity(ConcordancePlot.sensitivityPoints(cohort, jsons)), "s", 900, 500);
        assertThat(svg).contains(ConcordancePlot.ALL_CALLS).contains(ConcordancePlot.INFORMATIVE_CALLS);
        for (PlasmaInformative.Row r : rows) {
            assertThat(svg).contains(ConcordancePlot.sensitivityLabel(r));
        }
    }

    @Test
    void pooledSensitivityAndTumourFractionsEqualTheCohortTables() throws Exception {
        Path root = ReportRun.report();
        CohortResults cohort = CohortResults.read(root.resolve("cohort"));
        assertThat(cohort.plasmaSensitivity()).isNotNull();
        assertThat(cohort.plasmaTumourFraction()).isNotNull();
        // the cohort's Wilson intervals are core.Proportion's, from the counts
        for (Map<String, String> r : cohort.plasmaSensitivity().rows()) {
            int d = (int) Tsv.num(r, "detected"), mi = (int) Tsv.num(r, "missed_informative"), mn = (int) Tsv.num(r, "missed_not_informative");
            Proportion all = Proportion.wilson(d, d + mi + mn), inf = Proportion.wilson(d, d + mi);
            if (d + mi + mn > 0) {
                assertThat(Tsv.num(r, "sensitivity_all_lower")).as(r.get("tf_bin")).isCloseTo(all.lower(), within(1e-6));
                assertThat(Tsv.num(r, "sensitivity_all_upper")).as(r.get("tf_bin")).isCloseTo(all.upper(), within(1e-6));
            }
            if (d + mi > 0) {
                assertThat(Tsv.num(r, "sensitivity_informative")).as(r.get("tf_bin")).isCloseTo(inf.estimate(), within(1e-6));
            }
        }
        Map<String, String> all = PlasmaAssay.pooled(cohort);
        String answer = PlasmaAssay.answer(cohort);
        int d = (int) Tsv.num(all, "detected"), mi = (int) Tsv.num(all, "missed_informative"), mn = (int) Tsv.num(all, "missed_not_informative");
        assertThat(answer).contains(ReportBuilder.ci(Tsv.num(all, "sensitivity_all"), Tsv.num(all, "sensitivity_all_lower"),
                Tsv.num(all, "sensitivity_all_upper"), true) + " " + d + "/" + (d + mi + mn));
        assertThat(answer).contains(ReportBuilder.ci(Tsv.num(all, "sensitivity_informative"), Tsv.num(all, "sensitivity_informative_lower"),
                Tsv.num(all, "sensitivity_informative_upper"), true) + " " + d + "/" + (d + mi));
        // pooled counts = the sum over the per-sample table; each sample's TF and interval in the answer and the table
        int sumD = 0;
        List<String> figureLabels = new ArrayList<>();
        for (Map<String, String> r : cohort.plasmaTumourFraction().rows()) {
            sumD += (int) Tsv.num(r, "tissue_variants_detected");
            if (!Double.isNaN(Tsv.num(r, "tumour_fraction"))) {
                figureLabels.add(PlasmaAssay.label(r));
            }
        }
        assertThat(sumD).isEqualTo(d);
        // 29 plasma samples: the answer gives the median and range of the estimates (counted here by hand)
        List<Double> est = new ArrayList<>(cohort.plasmaTumourFraction().rows().stream().map(r -> Tsv.num(r, "tumour_fraction"))
                .filter(x -> !x.isNaN()).sorted().toList());
        assertThat(est).hasSizeGreaterThan(PlasmaAssay.MAX_ANSWER_LISTED);
        double median = est.size() % 2 == 1 ? est.get(est.size() / 2) : (est.get(est.size() / 2 - 1) + est.get(est.size() / 2)) / 2;
        assertThat(answer).contains("Tumour fraction: median " + PlasmaAssay.pct(median) + "% (range " + PlasmaAssay.pct(est.get(0)) + "\u2013"
                + PlasmaAssay.pct(est.get(est.size() - 1)) + "%) over " + est.size() + " plasma samples");
        // a small cohort lists every sample with its interval
        Path small = Files.createDirectories(tmp.resolve("small"));
        try (Stream<Path> files = Files.list(root.resolve("cohort"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, small.resolve(f.getFileName()));
            }
        }
        List<String> lines = Files.readAllLines(small.resolve(CohortResults.PLASMA_TF));
        Files.write(small.resolve(CohortResults.PLASMA_TF), lines.subList(0, 6));
        CohortResults few = CohortResults.read(small);
        String fewAnswer = PlasmaAssay.answer(few);
        for (Map<String, String> r : few.plasmaTumourFraction().rows()) {
            assertThat(fewAnswer).contains(r.get("patient") + " " + PlasmaAssay.tumourFraction(r));
        }
        Map<String, String> first = cohort.plasmaTumourFraction().rows().stream().filter(r -> Tsv.num(r, "tumour_fraction") > 0.01
                && Tsv.num(r, "tf_upper") < 0.09).findFirst().orElseThrow();
        assertThat(PlasmaAssay.tumourFraction(first)).isEqualTo(ReportBuilder.fmt(100 * Tsv.num(first, "tumour_fraction"), 2) + "% ("
                + ReportBuilder.fmt(100 * Tsv.num(first, "tf_lower"), 2) + "\u2013" + ReportBuilder.fmt(100 * Tsv.num(first, "tf_upper"), 2) + ")");
        Map<String, List<String>> section = new HashMap<>();
        String html = PlasmaAssay.section(cohort, (chart, name, w, h) -> {
            section.put(name, List.of(ChartFiles.svg(chart, name, w, h)));
            return ChartFiles.write(chart, tmp, name, w, h);
        });
        String svg = section.get("plasma_tumour_fraction").get(0);
        figureLabels.forEach(l -> assertThat(svg).contains(l));
        for (List<String> row : PlasmaAssay.tfRows(cohort.plasmaTumourFraction())) {
            assertThat(html).contains("<td>" + row.get(0) + "</td><td class=\"num\">" + Html.esc(row.get(1)) + "</td>");
        }
        // and the whole report carries both
        String report = Files.readString(root.resolve("report/report.html"));
        assertThat(report).contains("Plasma as an assay").contains("Sensitivity, informative calls").contains("fig-plasma_tumour_fraction");
    }
}
