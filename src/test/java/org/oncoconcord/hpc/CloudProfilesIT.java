package org.oncoconcord.hpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code nextflow config -profile awsbatch} / {@code google_batch} resolve offline, without any
 * plugin download (the executors' plugins are only loaded when a run starts), to the executor, the
 * user-facing parameters with their defaults, and the versioned image.
 */
class CloudProfilesIT {
    @ParameterizedTest
    @CsvSource({
        "awsbatch,      awsbatch,     'params.awsqueue = null|params.awsregion = ''eu-west-1''|aws.region = ''eu-west-1''|params.aws_workdir = null'",
        "test+awsbatch, awsbatch,     'params.awsqueue = null|aws.region = ''eu-west-1'''",
        "google_batch,  google-batch, 'params.gcp_project = null|params.gcp_location = ''europe-west2''|google.location = ''europe-west2''|params.gcp_workdir = null'",
    })
    void profileResolvesOfflineWithoutPlugins(String profile, String executor, String expected) throws IOException, InterruptedException {
        PipelineRun.requirePipeline();
        profile = profile.replace('+', ',');
        Path dir = PipelineRun.projectDir().resolve("target/hpc-it/config-" + profile.replace(',', '-'));
        PipelineRun.deleteTree(dir);
        Path nxfHome = Files.createDirectories(dir.resolve("nxf-home"));
        Commands.Result r = Commands.run(dir, Map.of("NXF_HOME", nxfHome.toString(), "NXF_OFFLINE", "true"),
                Duration.ofMinutes(10), List.of(PipelineRun.projectDir().resolve("bin/nextflow").toString(),
                        "config", "-flat", "-profile", profile, PipelineRun.projectDir().toString()));
        assertThat(r.ok()).as(r.describe()).isTrue();
        List<String> lines = r.output().lines().map(String::trim).toList();
        assertThat(lines).contains("process.executor = '" + executor + "'",
                "process.container = 'oncoconcord:" + ProjectVersion.version() + "'");
        assertThat(lines).contains(expected.split("\\|"));
        assertThat(lines).noneMatch(l -> l.startsWith("plugins"));
        assertThat(r.output()).doesNotContainIgnoringCase("downloading plugin").doesNotContain("ERROR");
        try (var plugins = Files.list(Files.createDirectories(nxfHome.resolve("plugins")))) {
            assertThat(plugins.toList()).as("plugins fetched into NXF_HOME").isEmpty();
        }
    }
}
