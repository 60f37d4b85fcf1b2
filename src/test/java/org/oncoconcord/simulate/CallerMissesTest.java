package org.oncoconcord.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.cli.Main;
import picocli.CommandLine;

/**
 * Caller misses ({@code bams.missed_call_fraction}): the same seed simulated without and with them (fraction 1, so
 * every eligible call is missed). Checked against the run without: each missed call's VCF line is gone and nothing
 * else in any VCF, no other file (BAMs included) changes; each missed call had VAF below the maximum, is still
 * called by another sample of the patient, and its BAM carries at least the call's ALT reads (depth_scale 1;
 * more where fragments of a nearby site also cover it).
 */
class CallerMissesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static int run(StringWriter err, String... args) {
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    private static Path simulate(Path dir, String name, String extra) throws IOException {
        Path cfg = Files.writeString(dir.resolve(name + ".yaml"), "bams:\n  patients: [P001, P002, P003, P004]\n" + extra);
        Path out = dir.resolve(name);
        StringWriter err = new StringWriter();
        assertThat(run(err, "simulate", "--patients", "4", "--seed", "17171", "--config", cfg.toString(), "--out", out.toString(),
                "--quiet")).as(err.toString()).isZero();
        return out;
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static List<String> lines(byte[] gz) throws IOException {
        try (var in = new GZIPInputStream(new ByteArrayInputStream(gz))) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }

    @Test
    void missedCallsLeaveTheVcfOnlyAndKeepTheirReads(@TempDir Path dir) throws IOException {
        Map<String, byte[]> off = files(simulate(dir, "off", ""));
        Path onDir = simulate(dir, "on", "  missed_call_fraction: 1.0\n  missed_call_max_vaf: 0.3\n");
        Map<String, byte[]> on = files(onDir);
        assertThat(on.keySet()).isEqualTo(off.keySet());
        JsonNode truth = JSON.readTree(onDir.resolve("truth.json").toFile());
        assertThat(truth.get("parameters").get("bams").get("missed_call_fraction").asDouble()).isEqualTo(1.0);
        assertThat(JSON.readTree(off.get("truth.json")).get("parameters").get("bams").has("missed_call_fraction")).isFalse();

        Map<String, Integer> missedPerFile = new HashMap<>();
        int missedTotal = 0;
        for (JsonNode p : truth.get("patients")) {
            Map<String, JsonNode> variants = new HashMap<>();
            p.get("variants").forEach(v -> variants.put(key(v), v));
            for (JsonNode s : p.get("samples")) {
                if (!s.has("missed_by_caller")) {
                    continue;
                }
                assertThat(s.get("type").asText()).isIn("primary", "metastasis");
                Map<String, Integer> bamAlt = new HashMap<>();
                s.get("bam_sites").forEach(b -> bamAlt.put(key(b), b.get("alt_reads").asInt()));
                for (JsonNode m : s.get("missed_by_caller")) {
                    String k = key(m);
                    assertThat(m.get("alt_reads").asDouble() / m.get("depth").asDouble()).as(k).isLessThan(0.3);
                    // at least the call's ALT reads (fragments written for a nearby site may carry it too)
                    assertThat(bamAlt.get(k)).as(k + " ALT reads written to the BAM").isGreaterThanOrEqualTo(m.get("alt_reads").asInt());
                    JsonNode v = variants.get(k);
                    assertThat(v).as(k).isNotNull();
                    assertThat(v.get("origin").asText()).isIn("driver", "passenger");
                    assertThat(v.get("missed_by_caller").toString()).contains(s.get("sample").asText());
                    String type = s.get("type").asText();
                    assertThat(v.get(type).asBoolean()).as(k + " planted in " + type).isTrue();
                    long elsewhere = List.of("primary", "metastasis", "plasma").stream().filter(t -> !t.equals(type))
                            .filter(t -> v.path(t).asBoolean()).count();
                    assertThat(elsewhere).as(k + " present in another sample").isPositive();
                }
                missedPerFile.put(s.get("file").asText(), s.get("missed_by_caller").size());
                missedTotal += s.get("missed_by_caller").size();
            }
        }
        assertThat(missedTotal).as("caller misses with fraction 1 on 4 patients").isGreaterThanOrEqualTo(3);
        for (String f : off.keySet()) {
            if (f.equals("truth.json")) {
                continue;
            }
            int missed = missedPerFile.getOrDefault(f, 0);
            if (missed == 0) {
                assertThat(on.get(f)).as(f + " unchanged").isEqualTo(off.get(f));
                continue;
            }
            List<String> before = lines(off.get(f));
            List<String> after = lines(on.get(f));
            assertThat(before.size() - after.size()).as(f + " lines dropped").isEqualTo(missed);
            List<String> kept = new ArrayList<>(before);
            kept.removeIf(l -> !after.contains(l));
            assertThat(kept).as(f + ": every other line unchanged, in order").isEqualTo(after);
        }
    }

    @Test
    void aBadFractionNamesTheKey(@TempDir Path dir) throws IOException {
        Path cfg = Files.writeString(dir.resolve("c.yaml"), "bams:\n  missed_call_fraction: 1.5\n");
        StringWriter err = new StringWriter();
        assertThat(run(err, "simulate", "--patients", "2", "--seed", "1", "--config", cfg.toString(), "--out",
                dir.resolve("o").toString(), "--quiet")).isEqualTo(1);
        assertThat(err.toString()).contains("c.yaml").contains("bams.missed_call_fraction");
    }

    private static String key(JsonNode v) {
        return v.get("chrom").asText() + ":" + v.get("pos").asText() + ":" + v.get("ref").asText() + ":" + v.get("alt").asText();
    }
}
