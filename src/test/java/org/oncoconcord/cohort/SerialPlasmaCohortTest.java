package org.oncoconcord.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.cli.Main;
import org.oncoconcord.concordance.SerialPlasmaFixtures;
import org.oncoconcord.survival.plan.FeatureTable;
import org.oncoconcord.survival.plan.Plan;
import org.oncoconcord.survival.plan.PlanOptions;
import org.oncoconcord.survival.plan.Planner;

/**
 * Serial plasma in the cohort (docs/PLASMA.md "Serial plasma"), on four patients run through the real
 * concordance command with the hand-built draws of {@link SerialPlasmaFixtures} (baseline: 4/4 detected;
 * relapse: 2 detected, 2 informative misses; post-op: 0 detected, 4 uninformative misses):
 * S1 relapse day 400, baseline day -2, post-op day 30 (surgery_days 20);
 * S2 unlabelled day 30 (the post-op draw) and day 400 (the relapse draw; recurrence at follow-up day 300);
 * S3 post-op day 60 (the baseline draw: ctDNA positive) and post-op day 30 (negative);
 * S4 one plasma (the baseline draw) without timepoint or day.
 * Every figure below is counted by hand from those draws.
 */
class SerialPlasmaCohortTest {
    @TempDir
    Path dir;

    private void concordance(String patient, String... samples) throws IOException {
        List<String> args = new ArrayList<>(List.of("concordance", "--quiet", "--genome", "GRCh37", "--patient", patient,
                "--out", dir.resolve("conc").toString()));
        args.addAll(List.of(samples));
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute(args.toArray(String[]::new))).as(err.toString()).isZero();
    }

    private static Map<String, List<String>> rows(Path tsv) throws IOException {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(tsv);
        out.put("header", List.of(lines.get(0).split("\t", -1)));
        for (String l : lines.subList(1, lines.size())) {
            List<String> cells = List.of(l.split("\t", -1));
            out.put(cells.get(0), cells);
        }
        return out;
    }

    private static String cell(Map<String, List<String>> t, String row, String column) {
        return t.get(row).get(t.get("header").indexOf(column));
    }

    /** Wilson 95% interval of x/n, written out independently of core.Proportion. */
    private static double[] wilson(int x, int n) {
        double z = 1.959963984540054;
        double p = x / (double) n;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
        return new double[] {centre - half, centre + half};
    }

    @Test
    void timepointAndIntervalTablesMrdFeaturesAndTheLandmarkRule() throws IOException {
        SerialPlasmaFixtures f = new SerialPlasmaFixtures(dir);
        String t = "T=primary:" + f.tissue();
        String pr = "PR=plasma:" + f.relapse();
        String pb = "PB=plasma:" + f.baseline();
        String pp = "PP=plasma:" + f.postOp();
        concordance("S1", "--sample", t, "--sample", pr, "--sample", pb, "--sample", pp, "--timepoint", "PR=relapse",
                "--collection-day", "PR=400", "--timepoint", "PB=baseline", "--collection-day", "PB=-2", "--timepoint", "PP=post-op",
                "--collection-day", "PP=30");
        concordance("S2", "--sample", t, "--sample", pp, "--sample", pr, "--collection-day", "PP=30", "--collection-day", "PR=400");
        concordance("S3", "--sample", t, "--sample", pb, "--sample", pp, "--timepoint", "PB=post-op", "--collection-day", "PB=60",
                "--timepoint", "PP=post-op", "--collection-day", "PP=30");
        concordance("S4", "--sample", t, "--sample", pb);
        Path clinical = Files.writeString(dir.resolve("clinical.csv"), "patient,os_days,os_event,rfs_days,rfs_event,surgery_days\n"
                + "S1,900,0,900,0,20\nS2,700,1,300,1,NA\nS3,500,1,200,1,NA\nS4,800,0,800,0,10\n");
        Path out = dir.resolve("cohort");
        CohortCommandTest.Run r = CohortCommandTest.run("cohort", "--concordance", dir.resolve("conc").toString(),
                "--clinical", clinical.toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();

        Map<String, List<String>> tp = rows(out.resolve("plasma_timepoints.tsv"));
        assertThat(tp.keySet()).containsExactly("header", "all", "baseline", "post-op", "relapse", "unlabelled");
        // all: 8 draws of 4 patients; detected 2+4+0 +0+2 +4+0 +4 = 16, informative misses 2+2 = 4, others 4+4+4 = 12
        assertThat(tp.get("all").subList(1, 7)).containsExactly("8", "4", "32", "16", "4", "12");
        assertThat(Double.parseDouble(cell(tp, "all", "sensitivity_all"))).isEqualTo(0.5);
        assertThat(Double.parseDouble(cell(tp, "all", "sensitivity_informative"))).isEqualTo(0.8);
        assertThat(cell(tp, "all", "ctdna_positive_samples")).isEqualTo("5");
        assertThat(cell(tp, "all", "ctdna_positive_patients")).isEqualTo("4");
        // cleared: S1's post-op draw (day 30, negative) after its baseline (day -2, positive); S3's negative
        // post-op draw (day 30) comes before its positive one (day 60), S2's negative draw before its positive one
        assertThat(cell(tp, "all", "ctdna_cleared_samples")).isEqualTo("1");
        assertThat(cell(tp, "post-op", "ctdna_cleared_samples")).isEqualTo("1");
        assertThat(cell(tp, "baseline", "ctdna_cleared_samples")).isEqualTo("0");
        assertThat(cell(tp, "unlabelled", "ctdna_cleared_samples")).isEqualTo("0");
        // post-op: S1 PP, S3 PB, S3 PP: 4 of 12 (8 uninformative), informative 4/4, 1 positive draw
        assertThat(tp.get("post-op").subList(1, 7)).containsExactly("3", "2", "12", "4", "0", "8");
        double[] ci = wilson(4, 12);
        assertThat(Double.parseDouble(cell(tp, "post-op", "sensitivity_all_lower"))).isCloseTo(ci[0], within(1e-6));
        assertThat(Double.parseDouble(cell(tp, "post-op", "sensitivity_all_upper"))).isCloseTo(ci[1], within(1e-6));
        assertThat(Double.parseDouble(cell(tp, "post-op", "sensitivity_informative"))).isEqualTo(1.0);
        assertThat(cell(tp, "post-op", "ctdna_positive_patients")).isEqualTo("1");
        assertThat(tp.get("relapse").subList(1, 7)).containsExactly("1", "1", "4", "2", "2", "0");
        // unlabelled: S2 PP, S2 PR, S4 PB: 6 detected, 2 informative and 4 other misses
        assertThat(tp.get("unlabelled").subList(1, 7)).containsExactly("3", "2", "12", "6", "2", "4");
        assertThat(Double.parseDouble(cell(tp, "unlabelled", "sensitivity_informative"))).isEqualTo(0.75);

        Map<String, List<String>> iv = rows(out.resolve("plasma_intervals.tsv"));
        assertThat(iv.keySet()).containsExactly("header", "all", "<0", "0-30", "31-90", "91-180", "181-365", ">365", "unknown");
        assertThat(iv.get("0-30").subList(1, 7)).containsExactly("3", "3", "12", "0", "0", "12");
        assertThat(iv.get(">365").subList(1, 7)).containsExactly("2", "2", "8", "4", "4", "0");
        assertThat(iv.get("<0").subList(1, 3)).containsExactly("1", "1");
        assertThat(iv.get("31-90").subList(1, 5)).containsExactly("1", "1", "4", "4");
        assertThat(iv.get("unknown").subList(1, 3)).containsExactly("1", "1");
        assertThat(iv.get("91-180").subList(1, 4)).containsExactly("0", "0", "0");
        assertThat(cell(iv, "91-180", "sensitivity_all")).isEqualTo("NA");

        // MRD: S1 post-op negative at 20 + 30; S2 day-30 draw negative (the day-400 draw follows the recurrence at 300);
        // S3 positive at its first positive post-op draw, day 60; S4 no post-op draw
        Map<String, List<String>> feat = rows(out.resolve("features.tsv"));
        assertThat(List.of(cell(feat, "S1", "ctdna_postop_detected"), cell(feat, "S1", "ctdna_postop_days"))).containsExactly("0", "50");
        assertThat(List.of(cell(feat, "S2", "ctdna_postop_detected"), cell(feat, "S2", "ctdna_postop_days"))).containsExactly("0", "30");
        assertThat(List.of(cell(feat, "S3", "ctdna_postop_detected"), cell(feat, "S3", "ctdna_postop_days"))).containsExactly("1", "60");
        assertThat(List.of(cell(feat, "S4", "ctdna_postop_detected"), cell(feat, "S4", "ctdna_postop_days"))).containsExactly("NA", "NA");
        assertThat(Files.readString(out.resolve("features.columns.tsv")))
                .contains("ctdna_postop_detected\tctdna\tpost_operative\n", "ctdna_postop_days\tday\tpost_operative\n");

        // the survival planner: time-dependent from the draw's day (S3 switched on at 60 < os_days 500), never from diagnosis
        Plan plan = Planner.plan(FeatureTable.read(out.resolve("features.tsv"), out.resolve("features.columns.tsv")),
                new PlanOptions(PlanOptions.endpoints("os_days:os_event"), PlanOptions.list("age"), PlanOptions.list(""),
                        PlanOptions.list("ctdna_postop_detected"), "ctdna_postop_days", false, PlanOptions.list(""), 730,
                        PlanOptions.timeDependent("ctdna_postop_detected:ctdna_postop_days"), PlanOptions.cancerSpecific("")),
                false, "survival");
        Plan.EndpointPlan os = plan.endpoints().get(0);
        assertThat(os.timeDependent()).singleElement().isEqualTo(new Plan.TimeDependentFit("ctdna_postop_detected", "ctdna_postop_days", 1));
        assertThat(os.univariableLandmark()).contains("ctdna_postop_detected");
        assertThat(Arrays.asList(Files.readString(out.resolve("features.tsv")).split("\n")[0].split("\t")))
                .endsWith("plasma_detected", "ctdna_postop_detected", "ctdna_postop_days");
    }

    @Test
    void mrdRules() {
        PlasmaDraws.Draw postNeg = draw("post-op", 30.0, false);
        PlasmaDraws.Draw postPos = draw("post-op", 90.0, true);
        PlasmaDraws.Draw laterPos = draw(null, 120.0, true);
        PlasmaDraws.Draw relapsePos = draw("relapse", 40.0, true);
        PlasmaDraws.Draw baselinePos = draw("baseline", -5.0, true);
        assertThat(MrdFeatures.of(List.of(baselinePos, postNeg, relapsePos), null, null)).isEqualTo(new MrdFeatures.Mrd(false, 30.0));
        assertThat(MrdFeatures.of(List.of(laterPos, postNeg, postPos), 10.0, null)).isEqualTo(new MrdFeatures.Mrd(true, 100.0));
        // an unlabelled draw after the recurrence is not post-operative
        assertThat(MrdFeatures.of(List.of(postNeg, laterPos), 0.0, 100.0)).isEqualTo(new MrdFeatures.Mrd(false, 30.0));
        assertThat(MrdFeatures.of(List.of(baselinePos), null, null)).isEqualTo(new MrdFeatures.Mrd(null, null));
        assertThat(MrdFeatures.of(List.of(draw("post-op", null, false), postNeg), null, null)).isEqualTo(new MrdFeatures.Mrd(false, null));
    }

    private static PlasmaDraws.Draw draw(String timepoint, Double day, boolean signal) {
        return new PlasmaDraws.Draw("X", "S", timepoint, org.oncoconcord.core.PlasmaTimepoint.of(timepoint), day, signal,
                signal ? 1 : 0, 0, 1);
    }
}
