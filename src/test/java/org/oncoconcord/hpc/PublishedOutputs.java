package org.oncoconcord.hpc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Compares the files two pipeline runs published under --outdir (pipeline_info/ aside): the same
 * file names, and for data files (csv, tsv, json, yml, vcf, bed, txt, also gzipped) the same content
 * once each run's own folder is replaced by a placeholder. Plots, HTML and logs (fonts, timings) are
 * compared by name only.
 */
final class PublishedOutputs {
    private static final Pattern DATA = Pattern.compile(".*\\.(csv|tsv|json|ya?ml|vcf|bed|txt)(\\.gz)?$");

    private PublishedOutputs() {
    }

    /** Relative paths of the published files, sorted. */
    static List<String> files(Path outdir) throws IOException {
        try (var walk = Files.walk(outdir)) {
            return walk.filter(Files::isRegularFile).map(p -> outdir.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("pipeline_info/")).sorted().toList();
        }
    }

    /** MultiQC's own run records (log, timestamps, work-folder paths of its sources): differ between any two runs. */
    private static final Pattern MULTIQC_RUN_RECORD = Pattern.compile("multiqc/multiqc_report_data/(multiqc\\.log|multiqc_data\\.json|multiqc_sources\\.txt)");

    /** The data files among {@code files} (MultiQC's run records excepted). */
    static List<String> dataFiles(List<String> files) {
        return files.stream().filter(f -> DATA.matcher(f).matches() && !MULTIQC_RUN_RECORD.matcher(f).matches()).toList();
    }

    /** Differences between two runs' outputs, empty when they match. */
    static List<String> differences(PipelineRun a, PipelineRun b) throws IOException {
        List<String> diffs = new ArrayList<>();
        List<String> fa = files(a.outdir());
        List<String> fb = files(b.outdir());
        TreeSet<String> onlyA = new TreeSet<>(fa);
        onlyA.removeAll(fb);
        TreeSet<String> onlyB = new TreeSet<>(fb);
        onlyB.removeAll(fa);
        onlyA.forEach(f -> diffs.add("only in " + a.name() + ": " + f));
        onlyB.forEach(f -> diffs.add("only in " + b.name() + ": " + f));
        for (String f : dataFiles(fa)) {
            if (!fb.contains(f)) {
                continue;
            }
            List<String> la = normalisedLines(a, f);
            List<String> lb = normalisedLines(b, f);
            if (!la.equals(lb)) {
                diffs.add(f + ": " + firstDifference(la, lb));
            }
        }
        return diffs;
    }

    static List<String> normalisedLines(PipelineRun run, String file) throws IOException {
        Path p = run.outdir().resolve(file);
        String text;
        try (InputStream in = file.endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(p)) : Files.newInputStream(p)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // each run lives in its own launch folder: paths into it differ only by that folder
        text = text.replace(run.launchDir().toString(), "<RUN>");
        return text.lines().toList();
    }

    private static String firstDifference(List<String> a, List<String> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : "<end>";
            String y = i < b.size() ? b.get(i) : "<end>";
            if (!x.equals(y)) {
                return "line " + (i + 1) + ": '" + abbreviate(x) + "' vs '" + abbreviate(y) + "'";
            }
        }
        return "same lines";
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }
}
