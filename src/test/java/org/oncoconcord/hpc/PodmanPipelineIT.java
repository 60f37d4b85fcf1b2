package org.oncoconcord.hpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The image built with podman from containers/Dockerfile, and {@code -profile test,podman}: every
 * task runs in the image (trace column {@code container}, {@code podman run} in each task wrapper) and
 * the published results equal those of the host run.
 */
class PodmanPipelineIT {
    static final String BASE_IMAGE = System.getenv().getOrDefault("ONCOCONCORD_BASE_IMAGE", "localhost/oncoconcord-base:bookworm");
    static String image;

    /** Skips without podman or the local base image; (re)builds the image from the current jar. */
    static String requireImage() throws IOException, InterruptedException {
        org.oncoconcord.testing.SystemTools.requireOrSkip(Commands.onPath("podman"), "skipped: podman not found; install the Debian package 'podman' "
                + "(containers/build-local.sh installs it, makes the base image and builds the oncoconcord image)");
        PipelineRun.requirePipeline();
        org.oncoconcord.testing.SystemTools.requireOrSkip(Commands.run("podman", "image", "exists", BASE_IMAGE).ok(),
                "skipped: no base image " + BASE_IMAGE + "; run containers/build-local.sh (as root) once");
        // a tag per jar: another checkout building its own image meanwhile cannot swap it under the run
        String sha = ProjectVersion.sha256(ProjectVersion.jar());
        String tag = "localhost/oncoconcord:" + ProjectVersion.version() + "-" + sha.substring(0, 12);
        Commands.Result build = Commands.run(PipelineRun.projectDir(), Map.of("ONCOCONCORD_IMAGE", tag), Duration.ofMinutes(15),
                List.of(PipelineRun.projectDir().resolve("containers/build-local.sh").toString(), "image"));
        assertThat(build.ok()).as(build.describe()).isTrue();
        // the image carries exactly the jar the host run uses
        Commands.Result sum = Commands.run("podman", "run", "--rm", tag, "sha256sum", "/opt/oncoconcord/oncoconcord.jar");
        assertThat(sum.ok()).as(sum.describe()).isTrue();
        assertThat(sum.output().trim().split("\\s+")[0]).isEqualTo(sha);
        // the MULTIQC step's image (Debian's multiqc on the same base): built once, then a no-op
        Commands.Result mqc = Commands.run(PipelineRun.projectDir(), Map.of(), Duration.ofMinutes(20),
                List.of(PipelineRun.projectDir().resolve("containers/build-local.sh").toString(), "multiqc"));
        assertThat(mqc.ok()).as(mqc.describe()).isTrue();
        return tag;
    }

    @BeforeAll
    static void image() throws IOException, InterruptedException {
        image = requireImage();
    }

    @Test
    void imageHasVersionLabelsNonRootUserBashPsAndTheTool() throws IOException, InterruptedException {
        String version = ProjectVersion.version();
        Commands.Result labels = Commands.run("podman", "image", "inspect", "--format",
                "{{index .Config.Labels \"org.opencontainers.image.version\"}}|{{index .Config.Labels \"org.opencontainers.image.licenses\"}}"
                        + "|{{index .Config.Labels \"org.opencontainers.image.source\"}}|{{.Config.User}}", image);
        assertThat(labels.ok()).as(labels.describe()).isTrue();
        String[] f = labels.output().trim().split("\\|");
        assertThat(f[0]).isEqualTo(version);
        assertThat(f[1]).isEqualTo("Apache-2.0");
        assertThat(f[2]).startsWith("https://");
        assertThat(f[3]).isEqualTo("oncoconcord");

        Commands.Result inside = Commands.run("podman", "run", "--rm", image, "bash", "-c",
                "id -u; command -v bash ps; ps -p $$ -o comm=; oncoconcord --version");
        assertThat(inside.ok()).as(inside.describe()).isTrue();
        List<String> lines = inside.output().lines().toList();
        assertThat(lines.get(0)).isNotEqualTo("0");
        assertThat(lines).contains("/usr/bin/bash", "/usr/bin/ps", "bash", "oncoconcord " + version);
    }

    @Test
    void testProfileRunsEveryTaskInTheImageWithTheHostResults() throws IOException, InterruptedException {
        PipelineRun host = PipelineRun.host();
        PipelineRun pod = PipelineRun.run("podman", "test,podman", "--container_image", image);
        assertRanInImage(pod, image);
        assertSameResults(host, pod);
    }

    /** The image of the MULTIQC step (containers/multiqc.Dockerfile, built by build-local.sh multiqc). */
    static String multiqcImage() throws IOException {
        return "localhost/oncoconcord-multiqc:" + ProjectVersion.version();
    }

    /**
     * Every task of the run has its image in the trace (MULTIQC: the MultiQC image, the others
     * {@code image}) and was started by {@code podman run IMAGE}.
     */
    static void assertRanInImage(PipelineRun run, String oncoconcordImage) throws IOException {
        Trace trace = run.trace();
        assertThat(trace.columns()).contains("container");
        assertThat(trace.tasks()).isNotEmpty();
        for (Map<String, String> task : trace.tasks()) {
            String image = task.get("process").endsWith(":MULTIQC") ? multiqcImage() : oncoconcordImage;
            assertThat(task.get("status")).as(task.get("name")).isEqualTo("COMPLETED");
            assertThat(task.get("container")).as(task.get("name")).isEqualTo(image);
            String wrapper = Files.readString(taskDir(run, task.get("hash")).resolve(".command.run"));
            assertThat(wrapper).as(task.get("name")).containsPattern("podman run .* " + image.replace(".", "\\.") + " /bin/bash");
        }
    }

    /** The same tasks ran and the published files are the same. */
    static void assertSameResults(PipelineRun host, PipelineRun other) throws IOException {
        assertThat(other.trace().sortedNames()).isEqualTo(host.trace().sortedNames());
        List<String> published = PublishedOutputs.files(host.outdir());
        assertThat(PublishedOutputs.dataFiles(published)).as("data files published by the host run").isNotEmpty();
        assertThat(PublishedOutputs.differences(host, other)).as("differences from the host run").isEmpty();
    }

    /** The task's work directory from its trace hash (e.g. 1a/2b3c4d -> work/1a/2b3c4d...). */
    static Path taskDir(PipelineRun run, String hash) throws IOException {
        String[] parts = hash.split("/");
        try (var dirs = Files.list(run.workDir().resolve(parts[0]))) {
            return dirs.filter(d -> d.getFileName().toString().startsWith(parts[1])).findFirst()
                    .orElseThrow(() -> new IOException("no work dir for task " + hash + " in " + run.workDir()));
        }
    }
}
