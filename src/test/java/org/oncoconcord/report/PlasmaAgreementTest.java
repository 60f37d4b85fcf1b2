package org.oncoconcord.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.core.Proportion;

/**
 * The tissue/plasma part of the report (issue 14 item 7): PPA over all and informative calls and NPA
 * by tumour-fraction bin, sensitivity by tissue VAF bin, the CH table with its rule and the optional
 * per-timepoint table; hand-made inputs counted by hand, and the fixture's overall counts against the
 * cohort step's gene_concordance.tsv.
 */
class PlasmaAgreementTest {
    @TempDir
    Path tmp;

    private static PatientJsons.Patient patient(String id, String bin, Map<String, Boolean> misses) {
        PatientJsons.Patient p = PatientJsons.patient(ReportFixture.json(id, Map.of("KRAS", List.of("KRAS p.G12D (12:100:C>T)")),
                bin == null ? null : ReportFixture.plasma(id + "_P", misses, 0, 0)));
        if (bin == null || bin.equals("1-5%")) {
            return p;
        }
        PatientJsons.PlasmaDetection d = p.detection().get(0);
        return new PatientJsons.Patient(p.patient(), p.samples(), p.plasma(), List.of(new PatientJsons.PlasmaDetection(d.label(),
                d.tumourFraction(), d.tfLower(), d.tfUpper(), bin, d.minAltReads(), d.informativeProbability(), d.misses(), d.missesListed())),
                p.variants());
    }

    @Test
    void ppaAndNpaByTumourFractionBinCountedByHand() throws Exception {
        Tsv onco = ReportSectionsTest.tsv(tmp, "oncoprint.tsv", "patient\tgene\tprimary\tmetastasis\tplasma\n"
                + "A\tKRAS\t1\t1\t1\n"    // TF >5%: found
                + "B\tKRAS\t1\t0\t0\n"    // TF >5%: missed, informative
                + "C\tKRAS\t0\t1\t0\n"    // TF <1%: missed, not informative
                + "D\tKRAS\t0\t0\t0\n"    // TF <1%: tissue-negative, plasma negative
                + "E\tKRAS\t0\tNA\t1\n"   // TF 1-5%: tissue-negative, plasma positive
                + "F\tKRAS\tNA\tNA\t0\n"  // not evaluable in tissue: not counted
                + "G\tKRAS\t1\t1\tNA\n"   // plasma not evaluable: not counted
                + "H\tKRAS\t0\t0\t0\n");  // no plasma detection block: bin unknown, tissue-negative, plasma negative
        PatientJsons jsons = new PatientJsons(List.of(
                patient("A", ">5%", Map.of()), patient("B", ">5%", Map.of("12:100:C>T", true)), patient("C", "<1%", Map.of("12:100:C>T", false)),
                patient("D", "<1%", Map.of()), patient("E", "1-5%", Map.of()), patient("H", null, Map.of())), List.of());
        List<PlasmaAgreement.Row> rows = PlasmaAgreement.rows(onco, jsons, List.of("KRAS"));
        assertThat(rows).containsExactly(
                new PlasmaAgreement.Row("KRAS", "all", 1, 1, 1, 0, 2, 1),
                new PlasmaAgreement.Row("KRAS", "<1%", 0, 0, 1, 0, 1, 0),
                new PlasmaAgreement.Row("KRAS", "1-5%", 0, 0, 0, 0, 0, 1),
                new PlasmaAgreement.Row("KRAS", ">5%", 1, 1, 0, 0, 0, 0),
                new PlasmaAgreement.Row("KRAS", "unknown", 0, 0, 0, 0, 1, 0));
        PlasmaAgreement.Row all = rows.get(0);
        assertThat(all.ppaAll()).isEqualTo(Proportion.wilson(1, 3));
        assertThat(all.ppaInformative()).isEqualTo(Proportion.wilson(1, 2));
        assertThat(all.npa()).isEqualTo(Proportion.wilson(2, 3));
        String html = PlasmaAgreement.html(onco, jsons, List.of("KRAS"));
        assertThat(html).contains("<td>TF &gt;5%</td>").contains(SummarySection.proportionCell(Proportion.wilson(1, 2)))
                .contains(SummarySection.proportionCell(Proportion.wilson(2, 3)));
    }

    @Test
    void overallCountsEqualTheCohortStepsTwoByTwoCells() throws Exception {
        Path root = ReportRun.report();
        CohortResults cohort = CohortResults.read(root.resolve("cohort"));
        PatientJsons jsons = PatientJsons.read(root.resolve("conc"));
        List<String> features = SummarySection.plasmaFeatures(cohort);
        int checked = 0;
        for (PlasmaAgreement.Row r : PlasmaAgreement.rows(cohort.oncoprint(), jsons, features)) {
            if (!r.bin().equals("all")) {
                continue;
            }
            Map<String, String> gc = cohort.concordanceRow("tissue_vs_plasma", r.feature());
            assertThat(r.found()).as(r.feature()).isEqualTo((int) Tsv.num(gc, "both_mutated"));
            assertThat(r.tissuePositive() - r.found()).as(r.feature()).isEqualTo((int) Tsv.num(gc, "reference_only"));
            assertThat(r.negativeAgree()).as(r.feature()).isEqualTo((int) Tsv.num(gc, "both_wildtype"));
            assertThat(r.negativePlasmaOnly()).as(r.feature()).isEqualTo((int) Tsv.num(gc, "test_only"));
            checked++;
        }
        assertThat(checked).isGreaterThan(5);
        // the bins partition the patients: per feature the bin rows add up to the overall row
        Map<String, int[]> sums = new java.util.HashMap<>();
        for (PlasmaAgreement.Row r : PlasmaAgreement.rows(cohort.oncoprint(), jsons, features)) {
            int[] s = sums.computeIfAbsent(r.feature() + (r.bin().equals("all") ? "/all" : "/bins"), k -> new int[2]);
            s[0] += r.tissuePositive();
            s[1] += r.tissueNegative();
        }
        for (String f : features) {
            if (sums.containsKey(f + "/all")) {
                assertThat(sums.get(f + "/bins")).as(f).containsExactly(sums.get(f + "/all"));
            }
        }
        String report = Files.readString(root.resolve("report/report.html"));
        assertThat(report.indexOf("Plasma against tissue: PPA and NPA by tumour fraction"))
                .as("the tissue/plasma part leads the Concordance section").isGreaterThan(report.indexOf("id=\"concordance\""))
                .isLessThan(report.indexOf("Agreement per gene"));
    }

    @Test
    void sensitivityByTissueVafCountedByHand() throws Exception {
        Path f = tmp.resolve(PlasmaByVaf.FILE);
        Files.writeString(f, "patient\tsample\ttype\tchrom\tpos\tref\talt\tgene\tclass\tpresent\tvaf\tdepth\tevaluable\n"
                // A 1:10: tissue VAF max(0.05, 0.30) = 0.30 -> >=25%, detected
                + "A\tA_T\tprimary\t1\t10\tC\tT\tKRAS\tshared_all\t1\t0.05\t100\t1\n"
                + "A\tA_M\tmetastasis\t1\t10\tC\tT\tKRAS\tshared_all\t1\t0.30\t100\t1\n"
                + "A\tA_P\tplasma\t1\t10\tC\tT\tKRAS\tshared_all\t1\t0.01\t900\t1\n"
                // A 1:20: tissue 0.08 -> <10%, missed, labelled not informative
                + "A\tA_T\tprimary\t1\t20\tG\tA\tAPC\tprimary_only\t1\t0.08\t100\t1\n"
                + "A\tA_M\tmetastasis\t1\t20\tG\tA\tAPC\tprimary_only\t0\t0\t100\t1\n"
                + "A\tA_P\tplasma\t1\t20\tG\tA\tAPC\tprimary_only\t0\t0\t900\t1\n"
                // A 1:30: tissue 0.12 -> 10-25%, missed, labelled informative
                + "A\tA_T\tprimary\t1\t30\tG\tA\tTP53\tprimary_only\t1\t0.12\t100\t1\n"
                + "A\tA_P\tplasma\t1\t30\tG\tA\tTP53\tprimary_only\t0\t0\t900\t1\n"
                // A 1:40: plasma not evaluable: not counted
                + "A\tA_T\tprimary\t1\t40\tG\tA\tSMAD4\tprimary_only\t1\t0.40\t100\t1\n"
                + "A\tA_P\tplasma\t1\t40\tG\tA\tSMAD4\tnot_evaluable\t0\tNA\t3\t0\n"
                // A 1:50: plasma only: not a tissue variant
                + "A\tA_T\tprimary\t1\t50\tG\tA\tTET2\tplasma_only\t0\t0\t100\t1\n"
                + "A\tA_P\tplasma\t1\t50\tG\tA\tTET2\tplasma_only\t1\t0.02\t900\t1\n"
                // B 1:10: tissue VAF unknown -> unknown bin, missed, no label -> unlabelled
                + "B\tB_T\tprimary\t1\t10\tC\tT\tKRAS\tprimary_only\t1\tNA\t.\t1\n"
                + "B\tB_P\tplasma\t1\t10\tC\tT\tKRAS\tprimary_only\t0\t0\t500\t1\n");
        PatientJsons jsons = new PatientJsons(List.of(PatientJsons.patient(ReportFixture.json("A", Map.of(),
                ReportFixture.plasma("A_P", Map.of("1:20:G>A", false, "1:30:G>A", true), 1, 1)))), List.of());
        List<PlasmaByVaf.Row> rows = PlasmaByVaf.rows(f, jsons);
        assertThat(rows).containsExactly(
                new PlasmaByVaf.Row("all", 1, 1, 1, 1),
                new PlasmaByVaf.Row("<10%", 0, 0, 1, 0),
                new PlasmaByVaf.Row("10-25%", 0, 1, 0, 0),
                new PlasmaByVaf.Row(">=25%", 1, 0, 0, 0),
                new PlasmaByVaf.Row("unknown", 0, 0, 0, 1));
        assertThat(rows.get(0).all()).isEqualTo(Proportion.wilson(1, 4));
        assertThat(rows.get(0).informative()).isEqualTo(Proportion.wilson(1, 3));
        assertThat(PlasmaByVaf.html(tmp.resolve("absent.tsv"), jsons)).contains("no sensitivity by tissue VAF");
    }

    @Test
    void chCallsInTheirOwnTableWithTheRuleAndTimepointsOnlyWhenWritten() throws Exception {
        Tsv ch = ReportSectionsTest.tsv(tmp, "plasma_ch.tsv", "patient\tsample\tvariant\tgene\tplasma_vaf\tplasma_depth\twbc_sample\twbc_vaf"
                + "\tin_tissue\tlabel\trule\tcounted\tch_rule\n"
                + "P1\tP1_P\t2:100:G>A\tDNMT3A\t0.012\t900\tNA\tNA\t0\tpossible_ch\tgene_list\t0\tgene_list/exclude\n"
                + "P2\tP2_P\t2:200:C>T\tTET2\t0.020\t800\tNA\tNA\t0\tpossible_ch\tgene_list\t0\tgene_list/exclude\n"
                + "P3\tP3_P\t4:300:A>G\tTET2\t0.030\t700\tP3_N\t0.025\t0\tch\tin_wbc\t0\twbc\n"
                + "P3\tP3_P\t5:400:A>G\tAPC\t0.480\t700\tP3_N\t0.500\t0\tgermline\twbc_vaf_at_least_0.3\t0\twbc\n");
        CohortResults noTimepoints = new CohortResults(null, null, null, null, null, List.of(), null, null, null, null, null, null, null, ch,
                null, null);
        String html = PlasmaChSection.html(noTimepoints);
        assertThat(html).contains("4 plasma calls of blood origin in 3 patients: 1 ch (0 counted), 1 germline (0 counted), 2 possible ch (0 counted)")
                .contains("gene_list/exclude (2 calls): " + Html.esc(PlasmaChSection.RULES.get("gene_list/exclude")))
                .contains("wbc (2 calls): " + Html.esc(PlasmaChSection.RULES.get("wbc")))
                .contains("<td>2:200:C&gt;T</td>").doesNotContain("Serial plasma");
        Tsv tp = ReportSectionsTest.tsv(tmp, "plasma_timepoints.tsv", "timepoint\tsamples\ttissue_variants\tdetected\tsensitivity\tsensitivity_lower"
                + "\tsensitivity_upper\tctdna_positive_patients\nbaseline\t3\t12\t6\t0.5\t0.254\t0.746\t2\npost-op\t2\t8\t0\t0\t0\t0.324\t0\n");
        String withTp = PlasmaChSection.html(new CohortResults(null, null, null, null, null, List.of(), null, null, null, null, null, null, null,
                null, tp, null));
        assertThat(withTp).contains("Serial plasma").contains("<td>post-op</td><td class=\"num\">2</td>").contains("0.746")
                .contains("No plasma_ch.tsv");
    }
}
