package org.oncoconcord.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.oncoconcord.cli.UserException;

/**
 * The outputs of {@code oncoconcord survival} found under a folder, whatever its layout: every
 * folder holding {@code km.tsv} (+ {@code logrank.json}) is a Kaplan-Meier result, every folder
 * holding {@code coefficients.tsv} (+ {@code model.json}) a Cox model, every folder holding
 * {@code cv.json} (+ {@code cv_predictions.tsv}) a cross-validation. Each is named by its folder
 * path relative to the root (e.g. {@code os/km_ras_mutant_primary}). A folder holding
 * {@code univariable.tsv} ({@code survival univariable}) gives the univariable table of its endpoint;
 * {@code skipped.tsv} at the root lists the analyses the pipeline could not run, with the reason.
 */
public record SurvivalResults(List<Km> km, List<Cox> cox, List<Cv> cv, List<Univariable> univariable, Tsv skipped) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public record Km(String name, Tsv table, JsonNode logrank) {
    }

    public record Cox(String name, Tsv coefficients, JsonNode model) {
        /** An elastic-net fit (no standard errors; coefficients at the chosen lambda). */
        public boolean penalized() {
            return model != null && model.path("method").asText().equals("elastic_net");
        }

        /** One of the per-feature fits of {@code survival univariable} (shown through univariable.tsv). */
        public boolean univariableFit() {
            return name.substring(name.lastIndexOf('/') + 1).startsWith("cox_uni_");
        }
    }

    /** The univariable table of one endpoint (the folder's name). */
    public record Univariable(String name, Tsv table) {
    }

    public record Cv(String name, JsonNode summary, Tsv predictions) {
    }

    public static SurvivalResults scan(Path root) {
        List<Km> km = new ArrayList<>();
        List<Cox> cox = new ArrayList<>();
        List<Cv> cv = new ArrayList<>();
        List<Univariable> uni = new ArrayList<>();
        if (root == null) {
            return new SurvivalResults(km, cox, cv, uni, null);
        }
        if (!Files.isDirectory(root)) {
            throw new UserException(root + ": --survival is not a folder");
        }
        List<Path> dirs;
        try (Stream<Path> s = Files.walk(root, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            dirs = s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UserException(root + ": cannot list: " + e.getMessage(), e);
        }
        for (Path d : dirs) {
            String name = root.equals(d) ? root.getFileName().toString() : root.relativize(d).toString().replace('\\', '/');
            if (Files.isRegularFile(d.resolve("km.tsv"))) {
                km.add(new Km(name, Tsv.read(d.resolve("km.tsv")).require("group", "time", "surv"), json(d.resolve("logrank.json"))));
            }
            if (Files.isRegularFile(d.resolve("coefficients.tsv"))) {
                cox.add(new Cox(name, Tsv.read(d.resolve("coefficients.tsv")).require("term", "hr", "hr_lower", "hr_upper", "p"),
                        json(d.resolve("model.json"))));
            }
            if (Files.isRegularFile(d.resolve("cv.json"))) {
                cv.add(new Cv(name, json(d.resolve("cv.json")), Tsv.readIfExists(d.resolve("cv_predictions.tsv"))));
            }
            if (Files.isRegularFile(d.resolve("univariable.tsv"))) {
                uni.add(new Univariable(name, Tsv.read(d.resolve("univariable.tsv")).require("feature", "term", "analysis", "n", "events",
                        "hr", "hr_lower", "hr_upper", "p")));
            }
        }
        Path skipped = root.resolve("skipped.tsv");
        return new SurvivalResults(km, cox, cv, uni, Files.isRegularFile(skipped) ? Tsv.read(skipped) : null);
    }

    /** Parses a JSON file, or returns null when it does not exist. */
    static JsonNode json(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UserException(file + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** A p-value as shown in the report: {@code <0.001} or three significant digits. */
    public static String formatP(double p) {
        if (Double.isNaN(p)) {
            return "NA";
        }
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3g", p);
    }
}
