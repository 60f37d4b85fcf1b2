package org.oncoconcord.hpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of the real pipeline through {@code bin/nextflow}, in a launch folder of its own under
 * target/hpc-it/NAME (work dir and --outdir inside it). The host run ({@code -profile test}) is made
 * once per JVM and shared by the tests that compare against it.
 */
record PipelineRun(String name, Path launchDir, Path outdir, Path workDir, Commands.Result result) {
    private static PipelineRun hostRun;

    static Path projectDir() {
        return Path.of(System.getProperty("project.basedir", System.getProperty("user.dir"))).toAbsolutePath();
    }

    /** Skips when the jar is not built or there is no pipeline yet. */
    static void requirePipeline() {
        Path jar = Path.of(System.getProperty("oncoconcord.jar", projectDir().resolve("target/oncoconcord.jar").toString()));
        assumeTrue(Files.isRegularFile(jar), "skipped: " + jar + " is not built (mvn verify packages it first)");
        assumeTrue(Files.isRegularFile(projectDir().resolve("main.nf")) && Files.isExecutable(projectDir().resolve("bin/nextflow")),
                "skipped: no main.nf / bin/nextflow in " + projectDir());
    }

    /** Runs {@code -profile PROFILE} with the extra arguments; fails the test if Nextflow fails. */
    static PipelineRun run(String name, String profile, String... extra) throws IOException, InterruptedException {
        Path launch = projectDir().resolve("target/hpc-it").resolve(name);
        deleteTree(launch);
        Path outdir = launch.resolve("results");
        Path work = launch.resolve("work");
        List<String> cmd = new ArrayList<>(List.of(projectDir().resolve("bin/nextflow").toString(), "run",
                projectDir().toString(), "-profile", profile, "--outdir", outdir.toString(), "-work-dir", work.toString()));
        cmd.addAll(List.of(extra));
        Map<String, String> env = new HashMap<>();
        env.put("NXF_ANSI_LOG", "false");
        Commands.Result r = Commands.run(launch, env, Duration.ofMinutes(30), cmd);
        Files.writeString(launch.resolve("console.txt"), r.output());
        assertThat(r.ok()).as("pipeline run %s (-profile %s) failed: %s", name, profile, r.describe()).isTrue();
        return new PipelineRun(name, launch, outdir, work, r);
    }

    /** The {@code -profile test} run on the host, made once. */
    static synchronized PipelineRun host() throws IOException, InterruptedException {
        if (hostRun == null) {
            hostRun = run("host", "test");
        }
        return hostRun;
    }

    Trace trace() throws IOException {
        return Trace.read(outdir.resolve("pipeline_info/execution_trace.txt"));
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
