package org.oncoconcord.hpc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs external commands (nextflow, podman, scontrol...) with a time limit and captures their output. */
final class Commands {
    private Commands() {
    }

    /** What a finished command returned. */
    record Result(List<String> command, int exit, String output) {
        boolean ok() {
            return exit == 0;
        }

        /** A failure message with the command and the end of its output. */
        String describe() {
            String tail = output.length() > 6000 ? "..." + output.substring(output.length() - 6000) : output;
            return String.join(" ", command) + " exited " + exit + ":\n" + tail;
        }
    }

    /** Runs {@code command} in {@code dir} with extra environment, merging stderr into the output. */
    static Result run(Path dir, Map<String, String> env, Duration limit, List<String> command)
            throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path out = Files.createTempFile("oncoconcord-cmd-", ".log");
        try {
            ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectErrorStream(true).redirectOutput(out.toFile());
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(limit.toSeconds(), TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroy);
                p.destroy();
                p.waitFor(30, TimeUnit.SECONDS);
                return new Result(command, -1, Files.readString(out, StandardCharsets.UTF_8) + "\n[timed out after " + limit + "]");
            }
            return new Result(command, p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Runs a short command in the system temp folder. */
    static Result run(String... command) throws IOException, InterruptedException {
        return run(Path.of(System.getProperty("java.io.tmpdir")), Map.of(), Duration.ofMinutes(5), List.of(command));
    }

    /** True when the executable exists on PATH or in the sbin folders (root tools). */
    static boolean onPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + ":/usr/sbin:/sbin:/usr/local/sbin";
        for (String d : path.split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, name))) {
                return true;
            }
        }
        return false;
    }
}
