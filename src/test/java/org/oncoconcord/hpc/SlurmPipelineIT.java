package org.oncoconcord.hpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code -profile test,slurm} on a real Slurm cluster (scripts/slurm-up.sh makes a one-node one):
 * every task is a Slurm job (trace native_id = job id, which scontrol knows with the task's work
 * dir), submitted to the --slurm_queue partition with the cpus, memory and time Nextflow resolved from
 * the resource labels; the published results equal the host run's. Then the same with podman inside.
 */
class SlurmPipelineIT {
    @BeforeAll
    static void cluster() throws IOException, InterruptedException {
        org.oncoconcord.testing.SystemTools.requireOrSkip(Commands.onPath("sbatch"), "skipped: sbatch not found; install the Debian package 'slurm-wlm' "
                + "(scripts/slurm-up.sh installs it with munge and starts a one-node cluster)");
        Commands.Result sinfo = Commands.run("sinfo", "-h", "-o", "%P %t");
        org.oncoconcord.testing.SystemTools.requireOrSkip(sinfo.ok() && sinfo.output().matches("(?s).*\\b(idle|mix|alloc)\\b.*"),
                "skipped: no Slurm node takes jobs (run scripts/slurm-up.sh as root): " + sinfo.output().trim());
        PipelineRun.requirePipeline();
    }

    @Test
    void testProfileRunsEveryTaskAsASlurmJobWithTheLabelResources() throws IOException, InterruptedException {
        PipelineRun host = PipelineRun.host();
        PipelineRun slurm = PipelineRun.run("slurm", "test,slurm");
        assertSlurmJobs(slurm, "local");
        PodmanPipelineIT.assertSameResults(host, slurm);
    }

    @Test
    void podmanInsideSlurm() throws IOException, InterruptedException {
        String image = PodmanPipelineIT.requireImage();
        PipelineRun host = PipelineRun.host();
        PipelineRun run = PipelineRun.run("slurm-podman", "test,slurm,podman", "--container_image", image);
        assertSlurmJobs(run, "local");
        PodmanPipelineIT.assertRanInImage(run, image);
        PodmanPipelineIT.assertSameResults(host, run);
    }

    /** Each task: a Slurm job in the partition, with the trace's cpus, memory and time. */
    static void assertSlurmJobs(PipelineRun run, String partition) throws IOException, InterruptedException {
        Trace trace = run.trace();
        assertThat(trace.tasks()).isNotEmpty();
        for (Map<String, String> task : trace.tasks()) {
            String name = task.get("name");
            assertThat(task.get("status")).as(name).isEqualTo("COMPLETED");
            assertThat(task.get("native_id")).as(name + " native_id").matches("\\d+");
            String dir = PodmanPipelineIT.taskDir(run, task.get("hash")).toString();
            String wrapper = Files.readString(PodmanPipelineIT.taskDir(run, task.get("hash")).resolve(".command.run"));
            assertThat(wrapper).as(name).contains("#SBATCH -p " + partition);

            Commands.Result show = Commands.run("scontrol", "-o", "show", "job", task.get("native_id"));
            assertThat(show.ok()).as(show.describe()).isTrue();
            Map<String, String> job = keyValues(show.output());
            assertThat(job.get("WorkDir")).as(name).isEqualTo(dir);
            assertThat(job.get("JobState")).as(name).isEqualTo("COMPLETED");
            assertThat(job.get("Partition")).as(name).isEqualTo(partition);
            assertThat(Integer.parseInt(job.get("NumCPUs"))).as(name + " cpus").isEqualTo(Integer.parseInt(task.get("cpus")));
            assertThat(slurmMegabytes(job.get("MinMemoryNode"))).as(name + " memory").isEqualTo(traceMegabytes(task.get("memory")));
            assertThat(slurmSeconds(job.get("TimeLimit"))).as(name + " time").isEqualTo(traceSeconds(task.get("time")));
        }
    }

    /** scontrol -o output: space-separated key=value pairs. */
    static Map<String, String> keyValues(String line) {
        Map<String, String> m = new HashMap<>();
        for (String kv : line.trim().split("\\s+")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                m.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        return m;
    }

    /** Slurm memory: 2048M, 2G, 1T (no unit: MB). */
    static long slurmMegabytes(String s) {
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)([KMGT]?)").matcher(s);
        assertThat(m.matches()).as("slurm memory '%s'", s).isTrue();
        double v = Double.parseDouble(m.group(1));
        return Math.round(switch (m.group(2)) {
            case "K" -> v / 1024;
            case "G" -> v * 1024;
            case "T" -> v * 1024 * 1024;
            default -> v;
        });
    }

    /** Nextflow trace memory: "2 GB", "512 MB", "1.5 GB". */
    static long traceMegabytes(String s) {
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?) (KB|MB|GB|TB)").matcher(s);
        assertThat(m.matches()).as("trace memory '%s'", s).isTrue();
        double v = Double.parseDouble(m.group(1));
        return Math.round(switch (m.group(2)) {
            case "KB" -> v / 1024;
            case "GB" -> v * 1024;
            case "TB" -> v * 1024 * 1024;
            default -> v;
        });
    }

    /** Slurm time limit: [D-]HH:MM:SS or MM:SS. */
    static long slurmSeconds(String s) {
        long days = 0;
        if (s.contains("-")) {
            days = Long.parseLong(s.substring(0, s.indexOf('-')));
            s = s.substring(s.indexOf('-') + 1);
        }
        long secs = 0;
        for (String part : s.split(":")) {
            secs = secs * 60 + Long.parseLong(part);
        }
        return days * 86400 + secs;
    }

    /** Nextflow trace duration: "1h", "2h 30m", "1d 4h", "45m", "30s". */
    static long traceSeconds(String s) {
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)").matcher(s);
        double secs = 0;
        boolean any = false;
        while (m.find()) {
            any = true;
            double v = Double.parseDouble(m.group(1));
            secs += switch (m.group(2)) {
                case "ms" -> v / 1000;
                case "s" -> v;
                case "m" -> v * 60;
                case "h" -> v * 3600;
                default -> v * 86400;
            };
        }
        assertThat(any).as("trace time '%s'", s).isTrue();
        return Math.round(secs);
    }
}
