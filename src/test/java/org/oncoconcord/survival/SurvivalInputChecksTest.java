package org.oncoconcord.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.core.UserException;
import org.oncoconcord.survival.SurvivalCliTest.Run;

/**
 * Issue 12 items 4, 15 and 16 (survival part): bad cells in numeric-looking columns, out-of-range
 * options, data too small to fit, and the elastic net without events, each a clear error, never a
 * silent answer.
 */
class SurvivalInputChecksTest {
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** 40 patients with a numeric x; row {@code badRow} (0-based) gets {@code badX}. */
    private Path table(String name, int badRow, String badX, boolean events) throws IOException {
        Random rnd = new Random(7);
        StringBuilder sb = new StringBuilder("patient\tos_days\tos_event\tx\tage\n");
        for (int i = 0; i < 40; i++) {
            String x = i == badRow ? badX : String.format(java.util.Locale.ROOT, "%.2f", rnd.nextDouble());
            sb.append("P").append(i).append('\t').append(10 + rnd.nextInt(2000)).append('\t').append(events ? rnd.nextInt(2) : 0)
                    .append('\t').append(x).append('\t').append(40 + rnd.nextInt(40)).append('\n');
        }
        Path f = tmp.resolve(name);
        Files.writeString(f, sb.toString());
        return f;
    }

    private Run cox(Path data, String out, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("survival", "cox", "--data", data.toString(), "--time", "os_days",
                "--event", "os_event", "--covariates", "x,age", "--quiet", "--out", tmp.resolve(out).toString()));
        args.addAll(List.of(extra));
        return SurvivalCliTest.run(args.toArray(String[]::new));
    }

    @Test
    void aBadCellInANumericColumnIsAnErrorNamingFileLineColumnAndValue() throws IOException {
        // before the fix: "0,5" made x a factor with 39 levels (HRs up to 2.9e9), exit 0
        for (String bad : List.of("0,5", "Infinity", "-Infinity", "1e400", "abc")) {
            Path f = table("bad.tsv", 3, bad, true);
            Run r = cox(f, "o");
            assertThat(r.code()).as(bad + ": " + r.err()).isEqualTo(1);
            assertThat(r.err()).contains("bad.tsv line 5").contains("column 'x'").contains("'" + bad + "'").contains("--factor x")
                    .doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(tmp.resolve("o/coefficients.tsv")).doesNotExist();
        }
        // named as a factor, the column is the user's choice: one level per value
        Run r = cox(table("bad.tsv", 3, "Infinity", true), "f", "--factor", "x", "--firth", "never");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(tmp.resolve("f/coefficients.tsv"))).contains("xInfinity");
        // the same cell blank: a missing value, dropped and counted
        r = cox(table("blank.tsv", 3, "NA", true), "b");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode m = JSON.readTree(tmp.resolve("b/model.json").toFile());
        assertThat(m.get("dropped_missing").asInt()).isEqualTo(1);
        assertThat(m.get("n").asInt()).isEqualTo(39);
        // a genuinely categorical column stays a factor
        Path stage = tmp.resolve("stage.tsv");
        Files.writeString(stage, Files.readString(table("s.tsv", -1, "", true)).replaceAll("\t0\\.[0-4][0-9]\t", "\tII\t")
                .replaceAll("\t0\\.[5-9][0-9]\t", "\tIII\t"));
        r = cox(stage, "s");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(tmp.resolve("s/coefficients.tsv"))).contains("xIII");
    }

    @Test
    void anInfiniteTimeIsAnError() throws IOException {
        Path f = tmp.resolve("t.tsv");
        Files.writeString(f, Files.readString(table("x.tsv", -1, "", true)).replaceFirst("\nP2\t[0-9]+\t", "\nP2\t1e400\t"));
        for (String cmd : List.of("cox", "km")) {
            List<String> args = new java.util.ArrayList<>(List.of("survival", cmd, "--data", f.toString(), "--time", "os_days",
                    "--event", "os_event", "--out", tmp.resolve("o").toString()));
            if (cmd.equals("cox")) {
                args.addAll(List.of("--covariates", "age"));
            }
            Run r = SurvivalCliTest.run(args.toArray(String[]::new));
            assertThat(r.code()).as(r.err()).isEqualTo(1);
            assertThat(r.err()).contains("t.tsv line 4").contains("'os_days'").contains("'1e400' is not a finite number");
        }
    }

    @Test
    void confLevelOutsideZeroOneIsAUsageError() throws IOException {
        Path f = table("ok.tsv", -1, "", true);
        for (String level : List.of("2", "0", "1", "-0.5", "95")) {
            for (String cmd : List.of("cox", "km", "univariable", "crr")) {
                List<String> args = new java.util.ArrayList<>(List.of("survival", cmd, "--data", f.toString(), "--time", "os_days",
                        "--event", "os_event", "--conf-level", level, "--out", tmp.resolve("o").toString()));
                if (!cmd.equals("km")) {
                    args.addAll(List.of("--covariates", "age"));
                }
                Run r = SurvivalCliTest.run(args.toArray(String[]::new));
                assertThat(r.code()).as(cmd + " " + level).isEqualTo(2);
                assertThat(r.err()).contains("'--conf-level'").contains("'" + level + "' is not a probability in (0, 1)");
                assertThat(tmp.resolve("o")).doesNotExist();
            }
        }
        Run r = SurvivalCliTest.run("survival", "cv", "--data", f.toString(), "--time", "os_days", "--event", "os_event",
                "--covariates", "age", "--horizon", "-1", "--out", tmp.resolve("o").toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("'--horizon'").contains("'-1' is not a finite number > 0");
        r = cox(f, "o", "--penalty", "elastic-net", "--alpha", "1.5");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("'--alpha'").contains("'1.5' is not a fraction in [0, 1]");
        // the same rule in every command: options.* converters (issue 12 item 16)
        String[][] bad = {{"cv", "--folds", "1", "integer >= 2"}, {"cv", "--repeats", "0", "integer >= 1"}, {"cv", "--test-fraction", "1", "[0, 1)"},
            {"cv", "--inner-folds", "1", "integer >= 2"}, {"validate", "--bootstrap", "0", "integer >= 1"}, {"validate", "--groups", "0", "integer >= 1"},
            {"validate", "--threshold-step", "0.5", "in (0, 0.5)"}, {"validate", "--horizon", "0", "finite number > 0"},
            {"predict", "--horizon", "1e400", "not a finite number"}, {"cox", "--cause", "0", "integer >= 1"},
            // enum-valued options (options.Labels): any other value is a usage error listing the labels
            {"cox", "--penalty", "lasso", "'lasso' is not one of none, elastic-net"},
            {"cv", "--lambda-rule", "1SE", "'1SE' is not one of min, 1se"},
            {"km", "--conf-type", "loglog", "'loglog' is not one of log, log-log, plain"}};
        for (String[] b : bad) {
            List<String> args = new java.util.ArrayList<>(List.of("survival", b[0], "--data", f.toString(), "--out", tmp.resolve("o").toString(), b[1], b[2]));
            args.addAll(b[0].equals("predict") ? List.of("--model", f.toString()) : List.of("--time", "os_days", "--event", "os_event", "--covariates", "age"));
            r = SurvivalCliTest.run(args.toArray(String[]::new));
            assertThat(r.code()).as(String.join(" ", b)).isEqualTo(2);
            assertThat(r.err()).as(String.join(" ", b)).contains("'" + b[1] + "'").contains(b[3]);
            assertThat(tmp.resolve("o")).doesNotExist();
        }
    }

    @Test
    void tooLittleDataIsAnError() throws IOException {
        Path one = tmp.resolve("one.csv");
        Files.writeString(one, "patient,os_days,os_event,age\nP1,100,1,50\nP2,NA,0,60\n");
        Run r = SurvivalCliTest.run("survival", "cox", "--data", one.toString(), "--time", "os_days", "--event", "os_event",
                "--covariates", "age", "--out", tmp.resolve("o").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1); // before: exit 0, a "model" with age NA
        assertThat(r.err()).contains("a single complete case");
        assertThat(tmp.resolve("o/model.json")).doesNotExist();

        r = SurvivalCliTest.run("survival", "univariable", "--data", one.toString(), "--time", "os_days", "--event", "os_event",
                "--covariates", "age", "--quiet", "--out", tmp.resolve("u").toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<Map<String, String>> u = SurvivalCliTest.tsv(tmp.resolve("u/univariable.tsv"));
        assertThat(u).singleElement().satisfies(row -> {
            assertThat(row.get("method")).isEqualTo("not_estimable");
            assertThat(row.get("note")).contains("single complete case");
        });

        Path none = tmp.resolve("none.csv");
        Files.writeString(none, "patient,os_days,os_event,g\nP1,NA,1,a\nP2,,0,b\nP3,5,,a\n");
        r = SurvivalCliTest.run("survival", "km", "--data", none.toString(), "--time", "os_days", "--event", "os_event",
                "--group", "g", "--out", tmp.resolve("k").toString());
        assertThat(r.code()).as(r.err()).isEqualTo(1); // before: exit 0 with an empty curve
        assertThat(r.err()).contains("none.csv: no usable row").contains("all 3 rows");
        assertThat(tmp.resolve("k/km.tsv")).doesNotExist();
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS) // before the fix this never ended (NaN in the stop test)
    void elasticNetWithoutEventsIsRefusedAsPlainCoxIs() throws IOException {
        Path f = table("noev.tsv", -1, "", false);
        Run plain = cox(f, "p");
        Run net = cox(f, "n", "--penalty", "elastic-net");
        assertThat(plain.code()).isEqualTo(1);
        assertThat(net.code()).isEqualTo(1);
        assertThat(net.err()).contains("no events among the 40 complete cases");
        assertThat(tmp.resolve("n/model.json")).doesNotExist();
    }

    @Test
    @Timeout(value = 300, unit = TimeUnit.SECONDS)
    void innerFoldsWithoutEventsAreGuarded() {
        // 20 cases, 2 events, both in fold 0: the training set without fold 0 has no events
        int n = 20;
        double[] time = new double[n];
        int[] event = new int[n];
        double[][] x = new double[n][];
        int[] fold = new int[n];
        Random rnd = new Random(3);
        for (int i = 0; i < n; i++) {
            time[i] = 10 + i;
            event[i] = i < 2 ? 1 : 0;
            x[i] = new double[] {rnd.nextGaussian(), rnd.nextGaussian()};
            fold[i] = i < 2 ? 0 : 1 + i % 3;
        }
        List<String> ids = java.util.stream.IntStream.range(0, n).mapToObj(i -> "P" + i).toList();
        SurvivalData d = new SurvivalData(time, event, new int[n], List.of(""), x, List.of("a", "b"), new int[n], ids, 0);
        CoxNet net = new CoxNet(d, 1, new double[] {1, 1});
        double[] lambdas = net.lambdaSequence(10, 1e-2);
        assertThatThrownBy(() -> CoxNet.crossValidate(d, 1, new double[] {1, 1}, lambdas, fold))
                .isInstanceOf(UserException.class).hasMessageContaining("has no events");
        // a fit on data whose only events give a term no information stays finite (was NaN, then 2 million iterations)
        SurvivalData noEvents = d.subset(java.util.stream.IntStream.range(2, n).toArray());
        double[] b = new CoxNet(noEvents, 1, new double[] {0, 1}).solve(0.1, new double[2], 1e-9);
        assertThat(b).containsOnly(0.0);
    }

    @Test
    void elasticNetWritesItsFoldsSoThatTheLambdaChoiceCanBeReproduced() throws IOException {
        Path f = table("net.tsv", -1, "", true);
        Run r = cox(f, "net", "--penalty", "elastic-net", "--inner-folds", "4", "--seed", "11");
        assertThat(r.code()).as(r.err()).isZero();
        List<Map<String, String>> folds = SurvivalCliTest.tsv(tmp.resolve("net/folds.tsv"));
        assertThat(folds).hasSize(40);
        assertThat(folds).extracting(m -> m.get("id")).doesNotHaveDuplicates();
        assertThat(folds).extracting(m -> m.get("fold")).containsOnly("1", "2", "3", "4");
        // refitting the path and CV with these folds (as cv.glmnet(foldid =) would) gives the reported lambda
        DataTable t = DataTable.read(f);
        SurvivalData d = SurvivalData.read(t, "os_days", "os_event", List.of("x", "age"), java.util.Set.of(), Map.of(), null, "patient");
        Map<String, Integer> foldOf = new java.util.HashMap<>();
        folds.forEach(m -> foldOf.put(m.get("id"), Integer.parseInt(m.get("fold")) - 1));
        int[] fold = d.ids().stream().mapToInt(foldOf::get).toArray();
        double[] pf = {1, 1};
        double[] lambdas = new CoxNet(d, 1, pf).lambdaSequence(50, 1e-4);
        CoxNet.CvPath cv = CoxNet.crossValidate(d, 1, pf, lambdas, fold);
        JsonNode m = JSON.readTree(tmp.resolve("net/model.json").toFile());
        assertThat(m.get("lambda_min").asDouble()).isEqualTo(lambdas[cv.best()]);
    }

    /** Three patients in 2 folds: a training fold with one case cannot be fitted; its test patients stay unpredicted, the run goes on. */
    @Test
    void crossValidationLeavesFoldsTooSmallToFitUnpredicted() throws IOException {
        Path f = tmp.resolve("three.tsv");
        Files.writeString(f, "patient\trfs_days\trfs_event\tage\nP001\t300\t1\t63\nP002\t1500\t0\t58\nP003\t420\t1\t71\n");
        Run r = SurvivalCliTest.run("survival", "cv", "--folds", "2", "--repeats", "2", "--seed", "1", "--data", f.toString(),
                "--time", "rfs_days", "--event", "rfs_event", "--covariates", "age", "--horizon", "730", "--quiet",
                "--out", tmp.resolve("cv").toString());
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode cv = JSON.readTree(tmp.resolve("cv/cv.json").toFile());
        assertThat(cv.get("n").asInt()).isEqualTo(3);
        assertThat(cv.get("unpredicted").asInt()).isBetween(1, 3);
        assertThat(cv.get("td_auc").get("mean").isNull()).isTrue();
    }
}
