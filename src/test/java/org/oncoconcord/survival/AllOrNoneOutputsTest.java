package org.oncoconcord.survival;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.oncoconcord.survival.SurvivalCliTest.Run;

/**
 * Issue 12 item 8: every survival subcommand writes all its outputs or none. The last output each
 * command writes is blocked (a folder in its place); the run must exit 1 naming that file and leave
 * no other output and no temporary file behind (the blocked name is the last file each command writes,
 * read from its code). The same run without the blocker succeeds and writes the blocked file.
 */
class AllOrNoneOutputsTest {
    @TempDir
    static Path tmp;

    static Path data;

    @BeforeAll
    static void data() throws Exception {
        Random rnd = new Random(5);
        StringBuilder sb = new StringBuilder("patient,time,status,cause,x,grp,change\n");
        for (int i = 0; i < 60; i++) {
            double x = Math.round(rnd.nextGaussian() * 100) / 100.0;
            int time = 10 + rnd.nextInt(900);
            int cause = rnd.nextInt(4) == 0 ? 0 : 1 + rnd.nextInt(2);
            sb.append("P").append(i).append(',').append(time).append(',').append(cause == 0 ? 0 : 1).append(',').append(cause).append(',')
                    .append(x).append(',').append(i % 2 == 0 ? "a" : "b").append(',').append(i % 3 == 0 ? String.valueOf(time / 2) : "NA").append('\n');
        }
        data = tmp.resolve("d.csv");
        Files.writeString(data, sb.toString());
        Run cox = SurvivalCliTest.run("survival", "cox", "--data", data.toString(), "--time", "time", "--event", "status", "--covariates", "x,grp",
                "--quiet", "--out", tmp.resolve("model").toString());
        assertThat(cox.code()).as(cox.err()).isZero();
    }

    static Stream<Arguments> commands() {
        String d = "--data=" + tmp.resolve("d.csv");
        return Stream.of(
                Arguments.of("logrank.json", List.of("km", d, "--time=time", "--event=status", "--group=grp")),
                Arguments.of("fitted_model.json", List.of("cox", d, "--time=time", "--event=status", "--covariates=x,grp")),
                Arguments.of("cv.json", List.of("cv", d, "--time=time", "--event=status", "--covariates=x", "--folds=2", "--repeats=1", "--horizon=300")),
                Arguments.of("predictions.tsv", List.of("predict", "--model=" + tmp.resolve("model/fitted_model.json"), d, "--id=patient")),
                Arguments.of("univariable.tsv", List.of("univariable", d, "--time=time", "--event=status", "--covariates=x,grp")),
                Arguments.of("split.json", List.of("split", d, "--time=time", "--event=status", "--change=change", "--tdc=x", "--id=patient")),
                Arguments.of("validation.json", List.of("validate", d, "--time=time", "--event=status", "--covariates=x", "--horizon=300",
                        "--bootstrap=5", "--groups=3")),
                Arguments.of("cif.json", List.of("cif", d, "--time=time", "--event=cause", "--group=grp")),
                Arguments.of("model.json", List.of("crr", d, "--time=time", "--event=cause", "--cause=1", "--covariates=x,grp")));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("commands")
    void aFailingLastOutputLeavesNothing(String last, List<String> args) throws Exception {
        String name = args.get(0);
        Path ok = tmp.resolve("ok_" + name);
        Run good = run(args, ok);
        assertThat(good.code()).as(good.err()).isZero();
        assertThat(ok.resolve(last)).as("the blocked file is an output of " + name).isRegularFile();

        Path out = tmp.resolve("blocked_" + name);
        Files.createDirectories(out.resolve(last));
        Run bad = run(args, out);
        assertThat(bad.code()).as(bad.err()).isEqualTo(1);
        assertThat(bad.err()).contains(last).contains("no output written").doesNotContain("Exception");
        try (Stream<Path> s = Files.walk(out)) {
            List<Path> left = s.filter(Files::isRegularFile).toList();
            assertThat(left).as("files left by a failed " + name).isEmpty();
        }
    }

    private static Run run(List<String> args, Path out) {
        List<String> a = new ArrayList<>(List.of("survival"));
        a.addAll(args);
        a.addAll(List.of("--quiet", "--out", out.toString()));
        return SurvivalCliTest.run(a.toArray(String[]::new));
    }
}
