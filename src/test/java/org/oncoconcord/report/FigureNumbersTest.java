package org.oncoconcord.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each figure's numbers equal the table they come from, counted independently here. */
class FigureNumbersTest {
    @TempDir
    Path tmp;

    @Test
    void kmCensoringMarksAndLastFollowUpComeFromFeaturesAndOnlyWhenTheyMatchKmTsv() throws Exception {
        Path root = ReportRun.report();
        Path features = root.resolve("cohort/features.tsv");
        ReportRun.Result r = ReportRun.run("survival", "km", "--data", features.toString(), "--time", "os_days", "--event", "os_event",
                "--group", "ras_mutant_primary", "--at", "0,365,730", "--out", tmp.resolve("s/os_days/km_ras_mutant_primary").toString(), "--quiet");
        assertThat(r.exit()).as(r.err()).isZero();
        SurvivalResults s = SurvivalResults.scan(tmp.resolve("s"));
        Tsv f = Tsv.read(features);
        KmFollowUp fu = KmFollowUp.of(s.km().get(0), f);
        assertThat(fu.problem()).isNull();
        for (String g : List.of("0", "1")) {
            List<Map<String, String>> rows = f.rows().stream().filter(x -> g.equals(x.get("ras_mutant_primary"))).toList();
            long censored = rows.stream().filter(x -> x.get("os_event").equals("0")).count();
            double last = rows.stream().mapToDouble(x -> Double.parseDouble(x.get("os_days"))).max().orElseThrow();
            assertThat(fu.groups().get(g).patientsCensored()).as(g).isEqualTo((int) censored);
            assertThat(fu.groups().get(g).lastFollowUp()).as(g).isEqualTo(last);
        }
        long total = f.rows().stream().filter(x -> !Table1.missing(x.get("ras_mutant_primary")) && x.get("os_event").equals("0")).count();
        assertThat(subtitles(KaplanMeierPlot.chart(s.km().get(0), "t", fu))).contains("+ = censored (" + total + "), curves to the last follow-up");
        // the R-made fixture curve is not the curve of features.tsv: no marks, and the plot says why
        SurvivalResults fixture = SurvivalResults.scan(ReportFixture.survival());
        KmFollowUp other = KmFollowUp.of(fixture.km().stream().filter(k -> k.group().equals("ras_mutant_primary")).findFirst().orElseThrow(), f);
        assertThat(other.groups()).isEmpty();
        assertThat(other.problem()).startsWith("censoring marks not shown: ");
    }

    static String subtitles(org.jfree.chart.JFreeChart chart) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof org.jfree.chart.title.TextTitle t) {
                sb.append(t.getText()).append('\n');
            }
        }
        return sb.toString();
    }

    @Test
    void forestRowsCarryNAndEventsAndOffAxisIntervalsGetArrows() throws Exception {
        Tsv uni = ReportSectionsTest.tsv(tmp, "univariable.tsv", "feature\tterm\tanalysis\tn\tevents\thr\thr_lower\thr_upper\tp\n"
                + "a\ta\tbaseline\t120\t45\t2.5\t1.5\t4.2\t0.0004\n"
                + "b\tb\tlandmark\t80\t20\t30\t3\t300\t0.01\n"
                + "c\tc\tbaseline\t120\t45\tNA\tNA\tNA\tNA\n");
        List<ForestPlot.Row> rows = ForestPlot.univariableRows(uni, "OS");
        assertThat(rows).extracting(ForestPlot.Row::label).containsExactly("a  (n=120, 45 events, p<0.001)", "b [landmark]  (n=80, 20 events, p=0.0100)");
        assertThat(ForestPlot.range(rows)).containsExactly(1 / 1.25, 50.0);
        assertThat(ForestPlot.ticks(0.8, 50)).containsExactly(1.0, 2.0, 5.0, 10.0, 20.0, 50.0);
        org.jfree.chart.JFreeChart chart = ForestPlot.chart("t", "s", rows);
        String svg = ChartFiles.svg(chart, "f", 900, 300);
        assertThat(svg).as("right arrow").contains(">\u25B6</text");
        assertThat(svg).as("no left arrow").doesNotContain(">\u25C0</text");
        assertThat(svg).as("ticks").contains(">20</text").contains(">50</text").contains(">1</text");
        assertThat(subtitles(chart)).contains("interval continues off the axis");
    }

    @Test
    void concordanceAndSensitivityLabelsEqualGeneConcordance() throws Exception {
        CohortResults cohort = CohortResults.read(ReportRun.report().resolve("cohort"));
        String svg = ChartFiles.svg(ConcordancePlot.chart(cohort.concordance(), "tissue_vs_plasma"), "c", 900, 500);
        String sens = ChartFiles.svg(ConcordancePlot.sensitivity(ConcordancePlot.sensitivityPoints(cohort, PatientJsons.read(ReportRun.report().resolve("conc")))), "p", 900, 500);
        int rows = 0;
        for (Map<String, String> r : cohort.concordance().rows()) {
            if (!r.get("comparison").equals("tissue_vs_plasma") || Tsv.num(r, "n_evaluable") == 0) {
                continue;
            }
            long pos = (long) (Tsv.num(r, "both_mutated") + Tsv.num(r, "reference_only"));
            assertThat(svg).contains(SummarySection.label(r.get("feature")) + " (n=" + r.get("n_evaluable") + ", " + pos + " ref+)");
            if (pos > 0) {
                assertThat(sens).contains(SummarySection.label(r.get("feature")) + " (" + r.get("both_mutated") + "/" + pos + "; informative ");
            }
            rows++;
        }
        assertThat(rows).isGreaterThan(5);
        assertThat(svg).contains(ConcordancePlot.PPA).contains(ConcordancePlot.OPA);
    }

    @Test
    void swimmerTakesPlasmaDrawsFromTheSamplesheetCollectionDayCountedFromSurgery() throws Exception {
        Tsv f = ReportSectionsTest.tsv(tmp, "features.tsv", "patient\tos_days\tos_event\tsurgery_days\n"
                + "A\t900\t1\t20\nB\t300\t0\tNA\n");
        Files.writeString(tmp.resolve("sheet.csv"), "patient,sample,type,vcf,collection_day\n"
                + "A,A_T,primary,a.vcf,\nA,A_P1,plasma,p1.vcf,0\nA,A_P2,plasma,p2.vcf,180\nB,B_P,plasma,b.vcf,30\nB,B_T,primary,t.vcf,NA\n");
        Samplesheet sheet = Samplesheet.read(tmp.resolve("sheet.csv"));
        List<SwimmerPlot.Lane> lanes = SwimmerPlot.lanes(f, sheet);
        assertThat(lanes.get(0).plasma()).as("surgery day 20 + collection days").containsExactly(20.0, 200.0);
        assertThat(lanes.get(1).plasma()).as("surgery day unknown: from day 0").containsExactly(30.0);
        List<String> absent = SwimmerPlot.absent(f, sheet);
        assertThat(absent).containsExactly("metastasis_days", "rfs_event");
        assertThat(SwimmerPlot.absent(f)).contains(SwimmerPlot.PLASMA_COLUMNS);
        org.jfree.chart.JFreeChart chart = SwimmerPlot.chart(f, sheet, lanes);
        List<String> legend = new java.util.ArrayList<>();
        org.jfree.chart.LegendItemCollection items = chart.getXYPlot().getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            legend.add(items.get(i).getLabel());
        }
        assertThat(legend).containsExactly("Surgery", "Metastasis (not available in this study)", "Plasma draw",
                "Recurrence (not available in this study)", "Death", "Alive at last follow-up");
        assertThat(ChartFiles.svg(chart, "s", 1000, 300)).contains("Recurrence (not available in this study)");
        // a non-numeric collection day: file, line and column named
        Files.writeString(tmp.resolve("bad.csv"), "patient,sample,type,vcf,collection_day\nA,A_P,plasma,p.vcf,day3\n");
        assertThatThrownBy(() -> Samplesheet.read(tmp.resolve("bad.csv"))).isInstanceOf(org.oncoconcord.core.UserException.class)
                .hasMessageContaining("bad.csv line 2 column 5 (collection_day): 'day3' is not a number of days");
    }

    @Test
    void swimmerLanesAndOncoprintBlocks() throws Exception {
        Tsv f = ReportSectionsTest.tsv(tmp, "features.tsv", "patient\tos_days\tos_event\trfs_days\trfs_event\tmetastasis_days\tplasma1_days\n"
                + "A\t900\t1\t400\t1\t400\t410\nB\t300\t0\t300\t0\tNA\tNA\nC\tNA\t0\t1\t0\tNA\tNA\n");
        List<SwimmerPlot.Lane> lanes = SwimmerPlot.lanes(f);
        assertThat(lanes).extracting(SwimmerPlot.Lane::patient).containsExactly("A", "B");
        assertThat(lanes.get(0).died()).isTrue();
        assertThat(lanes.get(0).plasma()).containsExactly(410.0);
        assertThat(lanes.get(0).recurrence()).isEqualTo(400.0);
        assertThat(lanes.get(1).recurrence()).isNaN();
        assertThat(SwimmerPlot.absent(f)).containsExactly("surgery_days");
        assertThat(SwimmerPlot.shown(java.util.Collections.nCopies(500, lanes.get(0)), 120)).hasSize(120);

        Tsv onco = ReportSectionsTest.tsv(tmp, "oncoprint.tsv", "patient\tgene\tprimary\tmetastasis\tplasma\tprimary_class\tmetastasis_class\tplasma_class\n"
                + "P1\tDNMT3A\t1\t1\t1\tmissense\tmissense\tmissense\nP1\tKRAS\t1\t1\t0\tmissense\tmissense\t.\nP2\tKRAS\t0\t0\t\t.\t.\t.\n"
                + "P2\tAPC\t1\t0\tNA\ttruncating\t.\t.\nP3\tAPC\t1\t1\t1\tsplice\tsplice\tsplice\nP3\tKRAS\t1\t0\t0\tinframe\t.\t.\n");
        // DNMT3A (CH) is mutated in one patient only, yet comes after the tumour genes; patients ordered by APC then KRAS
        assertThat(OncoprintPlot.genes(onco)).containsExactly("APC", "KRAS", "DNMT3A");
        assertThat(OncoprintPlot.patients(onco, OncoprintPlot.genes(onco))).containsExactly("P3", "P2", "P1");
        Map<String, String> apcP2 = onco.rows().get(3);
        assertThat(OncoprintPlot.code(apcP2, 0, "primary_class")).isEqualTo(6 + OncoprintPlot.CLASSES.indexOf("truncating"));
        assertThat(OncoprintPlot.code(apcP2, 1, "metastasis_class")).isEqualTo(2);
        assertThat(OncoprintPlot.code(apcP2, 2, "plasma_class")).isZero();
        String svg = ChartFiles.svg(OncoprintPlot.chart(onco, Set.of("P2")), "o", 800, 400);
        assertThat(svg).contains("CH: DNMT3A").contains(OncoprintPlot.HYPER_ROW).contains("truncating").contains("colour = variant class");
    }
}
