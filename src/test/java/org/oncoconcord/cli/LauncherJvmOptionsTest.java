package org.oncoconcord.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM options bin/oncoconcord chooses per subcommand (docs/NORMALIZE.md "Speed and the JIT",
 * bench/RESULTS-concordance.md): run with a stand-in {@code java} on PATH that prints the arguments it
 * was given, so the test sees exactly what the launcher would start.
 */
class LauncherJvmOptionsTest {
    @TempDir
    Path dir;

    @Test
    void normalizeChoosesTheJitByInputSizeSkippingOptionValues() throws Exception {
        Path small = Files.writeString(dir.resolve("small.vcf"), "##fileformat=VCFv4.2\n");
        Path ref = Files.writeString(dir.resolve("ref.fa"), ">1\nACGT\n");
        // the reference (an option value) must not be taken for the input
        List<String> args = launch(Map.of(), "normalize", "-f", ref.toString(), "-m", "-any", "-o", dir.resolve("o.vcf").toString(),
                small.toString());
        assertThat(args).contains("-XX:TieredStopAtLevel=1").doesNotContain("-XX:-TieredCompilation");
        assertThat(launch(Map.of("ONCOCONCORD_C2_BYTES", "10"), "normalize", "-f", ref.toString(), small.toString()))
                .contains("-XX:-TieredCompilation", "-XX:LoopUnrollLimit=16").doesNotContain("-XX:TieredStopAtLevel=1");
        // a compressed input counts four times its size
        Path gz = Files.write(dir.resolve("in.vcf.gz"), new byte[30]);
        assertThat(launch(Map.of("ONCOCONCORD_C2_BYTES", "100"), "normalize", gz.toString())).contains("-XX:-TieredCompilation");
        assertThat(launch(Map.of("ONCOCONCORD_C2_BYTES", "121"), "normalize", gz.toString())).contains("-XX:TieredStopAtLevel=1");
        // stdin and the opt-out keep the JVM's default tiered compilation
        assertThat(launch(Map.of(), "normalize", "-f", ref.toString(), "-")).noneMatch(a -> a.contains("Tiered"));
        assertThat(launch(Map.of("ONCOCONCORD_JIT", "c2"), "normalize", small.toString())).noneMatch(a -> a.contains("Tiered"));
    }

    @Test
    void concordanceAloneOrInABatchGetsC1AndASmallYoungGenerationUnlessTheUserSizesIt() throws Exception {
        assertThat(launch(Map.of(), "concordance", "--help")).contains("-XX:TieredStopAtLevel=1", "-Xmn24m");
        Path commands = Files.writeString(dir.resolve("c.commands"), "# comment\nconcordance --help\n");
        assertThat(launch(Map.of(), "batch", "--threads", "2", commands.toString())).contains("-XX:TieredStopAtLevel=1", "-Xmn24m");
        assertThat(launch(Map.of("ONCOCONCORD_JAVA_OPTS", "-Xmx1g -Xmn64m"), "concordance", "--help"))
                .contains("-Xmn64m").doesNotContain("-Xmn24m");
        assertThat(launch(Map.of(), "cohort", "--help")).noneMatch(a -> a.contains("Tiered") || a.startsWith("-Xmn"));
    }

    /** The arguments the launcher passes to {@code java}. */
    private List<String> launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path bin = Files.createDirectories(dir.resolve("fakebin"));
        Path java = bin.resolve("java");
        if (!Files.exists(java)) {
            Files.writeString(java, "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done\n");
            Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        Path jar = Files.exists(dir.resolve("x.jar")) ? dir.resolve("x.jar") : Files.writeString(dir.resolve("x.jar"), "");
        List<String> cmd = new ArrayList<>(List.of("bash", Paths.get("bin/oncoconcord").toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("ONCOCONCORD_JAR", jar.toString());
        pb.environment().put("ONCOCONCORD_CDS", "0");
        pb.environment().remove("ONCOCONCORD_JAVA_OPTS");
        pb.environment().remove("ONCOCONCORD_JIT");
        pb.environment().remove("ONCOCONCORD_C2_BYTES");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        List<String> lines = out.lines().toList();
        assertThat(lines).as("java started with -jar").contains("-jar");
        return lines.subList(0, lines.indexOf("-jar"));
    }
}
