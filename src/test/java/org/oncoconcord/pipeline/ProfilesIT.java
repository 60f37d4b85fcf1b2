package org.oncoconcord.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every profile of nextflow.config resolves with the real Nextflow ({@code nextflow config -flat}),
 * and selects what it says: engines, executors, the test cohort, resource limits, run information.
 */
class ProfilesIT {
    private static Path launch;

    @BeforeAll
    static void nextflow() throws Exception {
        NextflowRun.requireNextflow();
        launch = NextflowRun.freshDir(NextflowRun.projectDir().resolve("target/pipeline-it/profiles"));
    }

    /** {@code nextflow config -flat -profile P} as a map of setting -> value (quotes removed). */
    private static Map<String, String> config(String profile) throws Exception {
        Path out = launch.resolve("config-" + profile.replace(',', '_') + ".txt");
        Process p = new ProcessBuilder(NextflowRun.projectDir().resolve("bin/nextflow").toString(), "config", "-flat",
                "-profile", profile, NextflowRun.projectDir().toString())
                .directory(launch.toFile()).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String text = Files.readString(out);
        assertThat(p.exitValue()).as(text).isZero();
        Map<String, String> settings = new LinkedHashMap<>();
        for (String line : text.split("\\R")) {
            int eq = line.indexOf(" = ");
            if (eq > 0) {
                settings.put(line.substring(0, eq).trim(), line.substring(eq + 3).trim().replaceAll("^'(.*)'$", "$1"));
            }
        }
        return settings;
    }

    @Test
    void localAndTestProfiles() throws Exception {
        Map<String, String> standard = config("standard");
        assertThat(standard).containsEntry("process.executor", "local").containsEntry("params.outdir", "results")
                .containsEntry("params.batch_size", "0").containsEntry("trace.enabled", "true")
                .containsEntry("timeline.enabled", "true").containsEntry("report.enabled", "true");
        assertThat(standard.get("process.errorStrategy")).contains("130..145").contains("retry");

        Map<String, String> test = config("test");
        assertThat(Path.of(test.get("params.input"))).exists();
        assertThat(Path.of(test.get("params.clinical"))).exists();
        assertThat(Path.of(test.get("params.fasta"))).exists();
        assertThat(test.get("process.resourceLimits")).contains("cpus:2");
        assertThat(Path.of(config("test_minimal").get("params.input"))).exists();
    }

    @Test
    void containerEngineProfiles() throws Exception {
        for (String engine : List.of("podman", "docker", "singularity")) {
            Map<String, String> c = config(engine);
            assertThat(c).as(engine).containsEntry(engine + ".enabled", "true");
            for (String other : List.of("podman", "docker", "singularity")) {
                if (!other.equals(engine)) {
                    assertThat(c.getOrDefault(other + ".enabled", "false")).as(engine + " disables " + other).isEqualTo("false");
                }
            }
        }
    }

    @Test
    void schedulerAndCloudProfiles() throws Exception {
        assertThat(config("slurm")).containsEntry("process.executor", "slurm");
        assertThat(config("awsbatch")).containsEntry("process.executor", "awsbatch");
        assertThat(config("google_batch")).containsEntry("process.executor", "google-batch");
        // combined with the test cohort, the scheduler's limits win over the 2-CPU CI limits
        Map<String, String> combined = config("test,slurm");
        assertThat(combined).containsEntry("process.executor", "slurm");
        assertThat(combined.get("process.resourceLimits")).doesNotContain("cpus:2,");
    }
}
