package org.oncoconcord.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.cli.Main;
import org.oncoconcord.testing.SharedData;

/** The survival subcommands end to end: file formats, the colon reference answers, errors and exit codes. */
class SurvivalCliTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String COLON_COV = "rx,sex,age,obstruct,nodes,differ,extent,surg";

    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static List<Map<String, String>> tsv(Path f) throws IOException {
        List<String> lines = Files.readAllLines(f);
        String[] h = lines.get(0).split("\t", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] c = l.split("\t", -1);
            assertThat(c).as("fields in " + f).hasSameSizeAs(h);
            Map<String, String> m = new HashMap<>();
            for (int i = 0; i < h.length; i++) {
                m.put(h[i], c[i]);
            }
            rows.add(m);
        }
        return rows;
    }

    /** The numbers of the published colon reference (shared/data/survival/colon_reference.md). */
    static Map<String, double[]> referenceTable(String md) {
        Map<String, double[]> m = new HashMap<>();
        Matcher r = Pattern.compile("\\| (\\S+) \\| (-?[0-9.]+) \\| (-?[0-9.]+)(?:-([0-9.]+))? \\|").matcher(md);
        while (r.find()) {
            m.put(r.group(1), r.group(4) == null ? new double[] {Double.parseDouble(r.group(2)), Double.parseDouble(r.group(3))}
                    : new double[] {Double.parseDouble(r.group(2)), Double.parseDouble(r.group(3)), Double.parseDouble(r.group(4))});
        }
        return m;
    }

    @Test
    void coxOnColonMatchesPublishedReferenceAndR() throws IOException {
        Path data = SharedData.require("survival/colon_death_etype2.csv");
        String md = Files.readString(SharedData.require("survival/colon_reference.md"));
        Map<String, double[]> ref = referenceTable(md);
        Path out = tmp.resolve("cox");
        Run r = run("survival", "cox", "--data", data.toString(), "--time", "time", "--event", "status",
                "--covariates", COLON_COV, "--ref-level", "rx=Obs", "--id", "id", "--quiet", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("coefficients.tsv")).get(0)).isEqualTo("term\tcoef\tse\thr\thr_lower\thr_upper\tz\tp");
        List<Map<String, String>> coef = tsv(out.resolve("coefficients.tsv"));
        assertThat(coef).hasSize(9);
        Map<String, Double> rx = CoxVersusRTest.R.of("colon_death_efron");
        for (Map<String, String> c : coef) {
            String term = c.get("term");
            double b = Double.parseDouble(c.get("coef"));
            double se = Double.parseDouble(c.get("se"));
            assertThat(ref).as("reference term " + term).containsKey(term);
            assertThat(b).as(term).isCloseTo(ref.get(term)[0], within(1e-4 * Math.abs(ref.get(term)[0])));
            assertThat(se).as(term + " se").isCloseTo(ref.get(term)[1], within(1e-4 * ref.get(term)[1]));
            assertThat(b).as(term + " vs R").isCloseTo(rx.get("coef:" + term), within(1e-6 * Math.abs(b)));
            double hr = Double.parseDouble(c.get("hr"));
            assertThat(hr).isCloseTo(Math.exp(b), within(1e-8 * hr));
            assertThat(Double.parseDouble(c.get("hr_lower"))).isCloseTo(Math.exp(b - 1.959963985 * se), within(1e-7));
            assertThat(Double.parseDouble(c.get("z"))).isCloseTo(b / se, within(1e-6));
        }
        JsonNode m = JSON.readTree(out.resolve("model.json").toFile());
        assertThat(m.get("n").asInt()).isEqualTo(888);
        assertThat(m.get("events").asInt()).isEqualTo(430);
        assertThat(m.get("dropped_missing").asInt()).isEqualTo(41);
        Matcher lr = Pattern.compile("Likelihood-ratio test ([0-9.]+) on (\\d+) df; Harrell's C ([0-9.]+) \\(se ([0-9.]+)\\)").matcher(md);
        assertThat(lr.find()).isTrue();
        assertThat(m.at("/lr_test/chi2").asDouble()).isCloseTo(Double.parseDouble(lr.group(1)), within(1e-3 * 115.81));
        assertThat(m.at("/lr_test/df").asInt()).isEqualTo(Integer.parseInt(lr.group(2)));
        assertThat(m.at("/concordance/c").asDouble()).isCloseTo(Double.parseDouble(lr.group(3)), within(1e-3));
        assertThat(m.at("/concordance/se").asDouble()).isCloseTo(Double.parseDouble(lr.group(4)), within(1e-4));
        for (String k : List.of("loglik_null", "loglik")) {
            assertThat(m.get(k).isNumber()).as(k).isTrue();
        }
        for (String k : List.of("lr_test", "wald_test", "score_test")) {
            assertThat(m.get(k).has("chi2") && m.get(k).has("df") && m.get(k).has("p")).as(k).isTrue();
            assertThat(m.at("/" + k + "/p").asDouble()).isBetween(0.0, 1e-15);
        }
        assertThat(m.at("/wald_test/chi2").asDouble()).isCloseTo(rx.get("wald"), within(1e-4 * rx.get("wald")));
        assertThat(m.at("/score_test/chi2").asDouble()).isCloseTo(rx.get("score"), within(1e-4 * rx.get("score")));

        // the saved model applied to the same patients reproduces R's survfit(ctype = 1) at 730 days
        Path pred = tmp.resolve("pred");
        Run p = run("survival", "predict", "--model", out.resolve("fitted_model.json").toString(), "--data", data.toString(),
                "--id", "id", "--horizon", "730", "--quiet", "--out", pred.toString());
        assertThat(p.code()).as(p.err()).isZero();
        List<Map<String, String>> pr = tsv(pred.resolve("predictions.tsv"));
        assertThat(pr).hasSize(929);
        assertThat(pr.stream().filter(x -> x.get("status").equals("missing_value")).count()).isEqualTo(41);
        Map<String, Double> rp = CoxVersusRTest.R.of("predict_colon_death");
        int compared = 0;
        for (Map<String, String> x : pr) {
            Double e = rp.get("surv730:" + x.get("id"));
            if (e != null) {
                assertThat(Double.parseDouble(x.get("surv"))).as("S(730) id " + x.get("id")).isCloseTo(e, within(1e-7));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(20);
    }

    @Test
    void kmAndLogRankOnColonMatchPublishedReference() throws IOException {
        Path data = SharedData.require("survival/colon_death_etype2.csv");
        Map<String, double[]> ref = referenceTable(Files.readString(SharedData.require("survival/colon_reference.md")));
        Path out = tmp.resolve("km");
        Run r = run("survival", "km", "--data", data.toString(), "--time", "time", "--event", "status", "--group", "rx",
                "--at", "730", "--quiet", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("km.tsv")).get(0)).startsWith("group\ttime\tn_risk\tn_event\tsurv\tse\tlower\tupper");
        List<Map<String, String>> km = tsv(out.resolve("km.tsv"));
        int atRows = 0;
        for (Map<String, String> row : km) {
            if (row.get("kind").equals("at")) {
                atRows++;
                assertThat(row.get("time")).isEqualTo("730");
                double[] e = ref.get(row.get("group"));
                assertThat(Double.parseDouble(row.get("surv"))).as(row.get("group")).isCloseTo(e[0], within(1e-4));
                assertThat(Double.parseDouble(row.get("lower"))).isCloseTo(e[1], within(1e-4));
                assertThat(Double.parseDouble(row.get("upper"))).isCloseTo(e[2], within(1e-4));
            } else {
                assertThat(Integer.parseInt(row.get("n_event"))).isPositive();
            }
        }
        assertThat(atRows).isEqualTo(3);
        JsonNode lr = JSON.readTree(out.resolve("logrank.json").toFile());
        assertThat(lr.get("chi2").asDouble()).isCloseTo(11.6831, within(1e-3));
        assertThat(lr.get("df").asInt()).isEqualTo(2);
        assertThat(lr.get("p").asDouble()).isCloseTo(0.002904, within(1e-6));
        List<Map<String, String>> med = tsv(out.resolve("medians.tsv"));
        assertThat(med).extracting(x -> x.get("median")).containsExactly("2152", "NA", "2083");
    }

    @Test
    void crossValidationWritesEveryPatientOncePerRepeatAndHeldOutAccuracy() throws IOException {
        Path data = SharedData.require("survival/colon_death_etype2.csv");
        Path out = tmp.resolve("cv");
        Run r = run("survival", "cv", "--data", data.toString(), "--time", "time", "--event", "status", "--covariates", "rx,nodes,extent",
                "--folds", "5", "--repeats", "3", "--seed", "7", "--test-fraction", "0.25", "--quiet", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode cv = JSON.readTree(out.resolve("cv.json").toFile());
        int n = cv.get("n").asInt();
        int heldOut = cv.at("/held_out/n").asInt();
        assertThat(n + heldOut + cv.get("dropped_missing").asInt()).isEqualTo(929);
        assertThat(cv.at("/held_out/events").asInt() + cv.get("events").asInt()).isEqualTo(452 - 0 - missingEvents(data));
        for (String k : Accuracy.NAMES) {
            assertThat(cv.at("/" + k + "/per_repeat").size()).as(k).isEqualTo(3);
            assertThat(cv.at("/" + k + "/mean").isNumber()).as(k).isTrue();
            assertThat(cv.at("/" + k + "/sd").isNumber()).as(k).isTrue();
            assertThat(cv.at("/held_out/" + k).isNumber()).as(k).isTrue();
        }
        assertThat(cv.at("/td_auc/mean").asDouble()).isBetween(0.6, 0.8);
        assertThat(cv.at("/metrics/auc/mean").asDouble()).isEqualTo(cv.at("/td_auc/mean").asDouble());
        assertThat(cv.at("/metrics/cal_slope/sd").asDouble()).isEqualTo(cv.at("/calibration_slope/sd").asDouble());
        assertThat(cv.at("/uno_c/mean").asDouble()).isBetween(0.6, 0.8);
        assertThat(cv.get("censored_before_horizon").asInt()).isPositive();
        List<Map<String, String>> pr = tsv(out.resolve("cv_predictions.tsv"));
        assertThat(pr).hasSize(3 * n);
        for (int rep = 1; rep <= 3; rep++) {
            final String rs = Integer.toString(rep);
            Set<String> ids = new HashSet<>();
            pr.stream().filter(x -> x.get("repeat").equals(rs)).forEach(x -> ids.add(x.get("id")));
            assertThat(ids).hasSize(n);
        }
    }

    private static int missingEvents(Path data) {
        DataTable t = DataTable.read(data);
        int c = 0;
        for (int i = 0; i < t.rows(); i++) {
            boolean miss = false;
            for (String col : List.of("rx", "nodes", "extent")) {
                miss |= DataTable.isMissing(t.cell(col, i));
            }
            if (miss && t.cell("status", i).equals("1")) {
                c++;
            }
        }
        return c;
    }

    @Test
    void badInputIsOneLineErrorWithFileAndLineAndNoOutput() throws IOException {
        Path bad = tmp.resolve("bad.tsv");
        Files.writeString(bad, "patient\ttime\tevent\tx\nP1\t100\t1\t0\nP2\tabc\t0\t1\nP3\t50\t1\t1\n");
        Path out = tmp.resolve("out");
        Run r = run("survival", "cox", "--data", bad.toString(), "--time", "time", "--event", "event", "--covariates", "x", "--out", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("bad.tsv line 3").contains("'time'").contains("abc");
        assertThat(out.resolve("coefficients.tsv")).doesNotExist();
        assertThat(out.resolve("model.json")).doesNotExist();

        Files.writeString(bad, "patient\ttime\tevent\tx\nP1\t100\t2\t0\n");
        r = run("survival", "cox", "--data", bad.toString(), "--time", "time", "--event", "event", "--covariates", "x", "--out", out.toString());
        assertThat(r.code()).isEqualTo(1); // km pools cause codes with a warning (CompetingRisksVersusRTest); cox refuses them
        assertThat(r.err()).contains("line 2").contains("must be 0 or 1");

        r = run("survival", "cox", "--data", bad.toString(), "--time", "time", "--event", "nope", "--covariates", "x", "--out", out.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("no column 'nope'");

        r = run("survival", "cox", "--data", bad.toString(), "--time", "time", "--event", "event", "--covariates", "x",
                "--ties", "exact", "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
    }

    @Test
    void textAndNumericCovariatesFromAFeaturesTable() throws IOException {
        Path f = tmp.resolve("features.tsv");
        StringBuilder sb = new StringBuilder("patient\tos_days\tos_event\tstage\tKRAS_primary\tplasma_detected\n");
        java.util.Random rnd = new java.util.Random(3);
        String[] stages = {"II", "III", "IV"};
        for (int i = 0; i < 200; i++) {
            String st = stages[rnd.nextInt(3)];
            int kras = rnd.nextInt(2);
            double rate = 0.001 * Math.exp(0.7 * kras + (st.equals("IV") ? 1.0 : st.equals("III") ? 0.4 : 0));
            double t = -Math.log(rnd.nextDouble()) / rate;
            double c = rnd.nextDouble() * 2000;
            sb.append("P").append(i).append('\t').append(Math.round(Math.min(t, c)) + 1).append('\t').append(t <= c ? 1 : 0).append('\t')
                    .append(i == 5 ? "NA" : st).append('\t').append(kras).append('\t').append(i % 7 == 0 ? "" : Integer.toString(rnd.nextInt(2))).append('\n');
        }
        Files.writeString(f, sb.toString());
        Path out = tmp.resolve("feat");
        Run r = run("survival", "cox", "--data", f.toString(), "--time", "os_days", "--event", "os_event",
                "--covariates", "stage,KRAS_primary,plasma_detected", "--quiet", "--out", out.toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(tsv(out.resolve("coefficients.tsv"))).extracting(x -> x.get("term"))
                .containsExactly("stageIII", "stageIV", "KRAS_primary", "plasma_detected");
        JsonNode m = JSON.readTree(out.resolve("model.json").toFile());
        long missing = java.util.stream.IntStream.range(0, 200).filter(i -> i == 5 || i % 7 == 0).count();
        assertThat(m.get("dropped_missing").asInt()).isEqualTo((int) missing);
        assertThat(m.get("n").asInt()).isEqualTo(200 - (int) missing);

        // a level unseen at fitting time is an error naming the line when predicting
        Path nw = tmp.resolve("new.csv");
        Files.writeString(nw, "patient,stage,KRAS_primary,plasma_detected\nQ1,II,1,0\nQ2,I,0,1\n");
        Run p = run("survival", "predict", "--model", out.resolve("fitted_model.json").toString(), "--data", nw.toString(), "--out", tmp.resolve("p").toString());
        assertThat(p.code()).isEqualTo(1);
        assertThat(p.err()).contains("new.csv line 3").contains("level 'I'");
    }
}
