package org.oncoconcord.hpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The output comparison the container/HPC tests rely on finds real differences and ignores run folders. */
class PublishedOutputsTest {
    @TempDir
    Path tmp;

    private PipelineRun run(String name) throws IOException {
        Path launch = tmp.resolve(name);
        Files.createDirectories(launch.resolve("results/pipeline_info"));
        Files.writeString(launch.resolve("results/pipeline_info/execution_trace.txt"), "trace of " + name);
        return new PipelineRun(name, launch, launch.resolve("results"), launch.resolve("work"), null);
    }

    private static void write(PipelineRun r, String file, String text) throws IOException {
        Path p = r.outdir().resolve(file);
        Files.createDirectories(p.getParent());
        if (file.endsWith(".gz")) {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        } else {
            Files.writeString(p, text);
        }
    }

    @Test
    void sameContentWithRunFoldersReplacedMatches() throws IOException {
        PipelineRun a = run("host");
        PipelineRun b = run("podman");
        write(a, "validate/samplesheet.csv", "p,vcf\nP1," + a.launchDir() + "/work/ab/x.vcf\n");
        write(b, "validate/samplesheet.csv", "p,vcf\nP1," + b.launchDir() + "/work/ab/x.vcf\n");
        write(a, "normalized/P1.vcf.gz", "##fileformat=VCFv4.2\n1\t5\t.\tA\tG\n");
        write(b, "normalized/P1.vcf.gz", "##fileformat=VCFv4.2\n1\t5\t.\tA\tG\n");
        write(a, "report/plot.png", "fonts A");
        write(b, "report/plot.png", "fonts B");
        assertThat(PublishedOutputs.dataFiles(PublishedOutputs.files(a.outdir())))
                .containsExactly("normalized/P1.vcf.gz", "validate/samplesheet.csv");
        assertThat(PublishedOutputs.differences(a, b)).isEmpty();
    }

    @Test
    void changedValueMissingFileAndGzippedContentAreReported() throws IOException {
        PipelineRun a = run("host");
        PipelineRun b = run("slurm");
        write(a, "concordance/P1.concordance.json", "{\n \"shared\": 36\n}\n");
        write(b, "concordance/P1.concordance.json", "{\n \"shared\": 35\n}\n");
        write(a, "normalized/P1.vcf.gz", "1\t5\t.\tA\tG\n");
        write(b, "normalized/P1.vcf.gz", "1\t5\t.\tA\tT\n");
        write(a, "cohort/features.tsv", "patient\nP1\n");
        assertThat(PublishedOutputs.differences(a, b)).containsExactly(
                "only in host: cohort/features.tsv",
                "concordance/P1.concordance.json: line 2: ' \"shared\": 36' vs ' \"shared\": 35'",
                "normalized/P1.vcf.gz: line 1: '1\t5\t.\tA\tG' vs '1\t5\t.\tA\tT'");
    }
}
