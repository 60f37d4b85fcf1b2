package org.oncoconcord.survival;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.oncoconcord.testing.SharedData;
import org.oncoconcord.testing.SystemTools;

/** Runs an oracle script of src/test/r live (skipping with a message without Rscript or the R packages it needs). */
final class RScripts {
    private RScripts() {
    }

    /** Skips the test unless Rscript and every package can be loaded. */
    static Path requirePackages(String... packages) throws IOException, InterruptedException {
        Path rscript = SystemTools.require("Rscript", "r-base-core");
        String libs = String.join("; ", java.util.Arrays.stream(packages).map(p -> "library(" + p + ")").toList());
        Process probe = new ProcessBuilder(rscript.toString(), "-e", "suppressMessages({" + libs + "})").redirectErrorStream(true).start();
        probe.getInputStream().readAllBytes();
        SystemTools.requireOrSkip(probe.waitFor(120, TimeUnit.SECONDS) && probe.exitValue() == 0,
                "skipped: R packages " + String.join(", ", packages) + " missing (r-cran-*)");
        return rscript;
    }

    /** Runs src/test/r/{script} with the arguments; fails the test with R's output on error. */
    static void run(String script, List<String> packages, String... args) throws IOException, InterruptedException {
        Path rscript = requirePackages(packages.toArray(String[]::new));
        List<String> cmd = new java.util.ArrayList<>(List.of(rscript.toString(), SharedData.projectDir().resolve("src/test/r/" + script).toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(900, TimeUnit.SECONDS)).as(script + " finished").isTrue();
        assertThat(p.exitValue()).as(script + ": " + log).isZero();
    }

    /** A two-column key/value TSV with a header line, as the oracle scripts write it. */
    static Map<String, Double> keyValues(Path file) throws IOException {
        Map<String, Double> m = new HashMap<>();
        List<String> lines = Files.readAllLines(file);
        for (String l : lines.subList(1, lines.size())) {
            String[] kv = l.split("\t");
            m.put(kv[0], kv[1].equals("NA") ? Double.NaN : Double.parseDouble(kv[1]));
        }
        return m;
    }
}
