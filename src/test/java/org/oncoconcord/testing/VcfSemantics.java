package org.oncoconcord.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * VCF data lines compared by meaning rather than by text: the fixed columns, INFO as a key-sorted
 * map and FORMAT as key-sorted per-sample values, so two writers that order INFO/FORMAT keys
 * differently (htsjdk, htslib) compare equal when they say the same. Also runs bcftools for tests.
 */
public final class VcfSemantics {
    private VcfSemantics() {
    }

    /** One data line in key-sorted form. */
    public static String canonical(String line) {
        String[] c = line.split("\t", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            sb.append(c[i]).append('\t');
        }
        TreeMap<String, String> info = new TreeMap<>();
        if (!c[7].equals(".")) {
            for (String kv : c[7].split(";")) {
                int eq = kv.indexOf('=');
                info.put(eq < 0 ? kv : kv.substring(0, eq), eq < 0 ? "" : kv.substring(eq + 1));
            }
        }
        sb.append(info);
        if (c.length > 8) {
            String[] keys = c[8].split(":");
            for (int s = 9; s < c.length; s++) {
                String[] v = c[s].split(":", -1);
                TreeMap<String, String> m = new TreeMap<>();
                for (int k = 0; k < keys.length; k++) {
                    String val = k < v.length ? v[k] : ".";
                    if (!val.equals(".")) {
                        m.put(keys[k], val);
                    }
                }
                sb.append('\t').append(m);
            }
        }
        return sb.toString();
    }

    /** The canonical data lines of a VCF/BCF as bcftools reads them ({@code bcftools view -H}). */
    public static List<String> bcftoolsRecords(Path file) throws IOException, InterruptedException {
        List<String> out = new ArrayList<>();
        for (String l : bcftools("view", "-H", file.toString()).lines().toList()) {
            out.add(canonical(l));
        }
        return out;
    }

    /**
     * Runs bcftools with {@code args} writing its stdout to {@code out} (bcftools 1.16 picks the output
     * format from the extension of {@code -o}, so binary output goes through stdout).
     */
    public static void bcftoolsToFile(Path out, String... args) throws IOException, InterruptedException {
        Path exe = SystemTools.require("bcftools", "bcftools");
        List<String> cmd = new ArrayList<>(List.of(exe.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(out.toFile()).start();
        if (p.waitFor() != 0) {
            throw new AssertionError("bcftools " + String.join(" ", args) + " failed");
        }
    }

    /** Runs bcftools with {@code args}; its stdout, or an AssertionError with its stderr. */
    public static String bcftools(String... args) throws IOException, InterruptedException {
        Path exe = SystemTools.require("bcftools", "bcftools");
        List<String> cmd = new ArrayList<>(List.of(exe.toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new AssertionError("bcftools " + String.join(" ", args) + " failed");
        }
        return out;
    }
}
