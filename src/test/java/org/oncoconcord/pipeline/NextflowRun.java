package org.oncoconcord.pipeline;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.oncoconcord.testing.SharedData;

/**
 * Runs the real Nextflow through the project's {@code bin/nextflow} launcher (Maven-resolved
 * io.nextflow:nextflow) on this pipeline, in a launch folder of its own, and reads what it wrote.
 */
final class NextflowRun {
    private static Boolean available;

    final Path launchDir;
    final Path outdir;
    final int exit;
    final String log;

    private NextflowRun(Path launchDir, Path outdir, int exit, String log) {
        this.launchDir = launchDir;
        this.outdir = outdir;
        this.exit = exit;
        this.log = log;
    }

    static Path projectDir() {
        return SharedData.projectDir();
    }

    /** Skips the calling test when the jar is not built or Nextflow cannot be resolved/started. */
    static synchronized void requireNextflow() throws IOException, InterruptedException {
        String jar = System.getProperty("oncoconcord.jar", projectDir().resolve("target/oncoconcord.jar").toString());
        assumeTrue(Files.isRegularFile(Path.of(jar)), "skipped: " + jar + " is not built (run mvn verify, which packages it first)");
        if (available == null) {
            Path tmp = Files.createTempDirectory("nxf-version");
            Process p = new ProcessBuilder(projectDir().resolve("bin/nextflow").toString(), "-version")
                    .directory(tmp.toFile()).redirectErrorStream(true).redirectOutput(tmp.resolve("out.txt").toFile()).start();
            boolean done = p.waitFor(10, TimeUnit.MINUTES);
            String out = Files.readString(tmp.resolve("out.txt"));
            available = done && p.exitValue() == 0 && out.contains("N E X T F L O W");
            if (!available) {
                System.err.println("bin/nextflow could not start Nextflow:\n" + out);
            }
        }
        assumeTrue(available, "skipped: bin/nextflow could not resolve or start io.nextflow:nextflow (needs java and mvn with Maven Central)");
    }

    /** Deletes {@code dir} if present and creates it empty. */
    static Path freshDir(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        return Files.createDirectories(dir);
    }

    /** Runs {@code bin/nextflow run <project> <args> --outdir <launchDir>/results} in {@code launchDir}. */
    static NextflowRun run(Path launchDir, String... args) throws IOException, InterruptedException {
        Files.createDirectories(launchDir);
        Path outdir = launchDir.resolve("results");
        List<String> cmd = new ArrayList<>(List.of(projectDir().resolve("bin/nextflow").toString(), "run", projectDir().toString()));
        cmd.addAll(Arrays.asList(args));
        cmd.addAll(List.of("--outdir", outdir.toString()));
        Path logFile = launchDir.resolve("nextflow-console-" + System.nanoTime() + ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(launchDir.toFile()).redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        pb.environment().put("NXF_ANSI_LOG", "false");
        Process p = pb.start();
        if (!p.waitFor(40, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("nextflow did not finish within 40 minutes: " + cmd);
        }
        return new NextflowRun(launchDir, outdir, p.exitValue(), Files.readString(logFile, StandardCharsets.UTF_8));
    }

    /** The rows of the execution trace, each as column name -> value. */
    List<Map<String, String>> trace() throws IOException {
        List<String> lines = Files.readAllLines(outdir.resolve("pipeline_info/execution_trace.txt"));
        String[] header = lines.get(0).split("\t", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.length; i++) {
                row.put(header[i], i < f.length ? f[i] : "");
            }
            rows.add(row);
        }
        return rows;
    }

    /** A description for assertion messages: the console output and the tail of .nextflow.log. */
    String describe() {
        String tail = "";
        try {
            List<String> l = Files.readAllLines(launchDir.resolve(".nextflow.log"));
            tail = String.join("\n", l.subList(Math.max(0, l.size() - 60), l.size()));
        } catch (IOException e) {
            tail = "(no .nextflow.log)";
        }
        return "exit " + exit + "\n--- console ---\n" + log + "\n--- .nextflow.log (tail) ---\n" + tail;
    }
}
