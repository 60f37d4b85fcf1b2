package org.oncoconcord.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.oncoconcord.cli.CommonOptions;
import org.oncoconcord.cli.UserException;
import org.oncoconcord.cli.VersionProvider;
import org.oncoconcord.io.AtomicFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code oncoconcord report}: one self-contained HTML report plus every plot as SVG and PNG. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {
            "One self-contained HTML report, with every plot also as SVG and PNG.",
            "",
            "Writes DIR/report.html (inline CSS, JS and SVG; no network fetches) and",
            "DIR/plots/*.svg + *.png: oncoprint, per-gene concordance with CIs, shared and",
            "private mutations per patient, Kaplan-Meier curves with numbers at risk and",
            "log-rank p, forest plot of hazard ratios, calibration and accuracy at the",
            "horizon; and a methods section with the tool version and parameters.",
            "",
            "--survival is searched recursively: a folder with km.tsv (+ logrank.json) is a",
            "Kaplan-Meier plot, one with coefficients.tsv (+ model.json) a Cox model in the",
            "forest plot, one with cv.json (+ cv_predictions.tsv) the accuracy and",
            "calibration plots; each is named by its folder path (os/km_ras_mutant_primary).",
            "Numbers at risk come from 'survival km --at 0,365,730,...' rows.",
            "Details: docs/COHORT_AND_REPORT.md.",
            "",
        })
public final class ReportCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--cohort", required = true, paramLabel = "DIR", description = "Output folder of 'oncoconcord cohort'.")
    Path cohortDir;

    @Option(names = "--survival", paramLabel = "DIR", description = "Folder of 'oncoconcord survival' outputs (any layout, see above).")
    Path survivalDir;

    @Option(names = "--concordance", paramLabel = "DIR", description = "Per-patient *.concordance.json (for plasma misses by tumour signal).")
    Path concordanceDir;

    @Option(names = "--params", paramLabel = "FILE", description = "Pipeline parameters (JSON or YAML) shown in the methods section.")
    Path paramsFile;

    @Option(names = "--title", paramLabel = "TEXT", description = "Report title (default: ${DEFAULT-VALUE}).")
    String title = "Primary, metastasis and plasma ctDNA concordance and survival";

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Override
    public Integer call() throws IOException {
        System.setProperty("java.awt.headless", "true");
        CohortResults cohort = CohortResults.read(cohortDir);
        SurvivalResults survival = SurvivalResults.scan(survivalDir);
        Map<String, String> params = readParams(paramsFile);
        List<ReportBuilder.PlasmaMisses> plasma = plasmaMisses(concordanceDir);

        ReportBuilder builder = new ReportBuilder(cohort, survival, plasma, params, out.resolve("plots"));
        String body = builder.body();
        StringBuilder nav = new StringBuilder();
        builder.nav().forEach((id, name) -> nav.append("<a href=\"#").append(Html.esc(id)).append("\">").append(Html.esc(name)).append("</a>"));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", Html.esc(title));
        values.put("subtitle", Html.esc(cohort.patients().rows().size() + " patients; cohort: " + cohortDir
                + (survivalDir == null ? "" : "; survival: " + survivalDir)));
        values.put("version", Html.esc(VersionProvider.version()));
        values.put("generated", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
        values.put("nav", nav.toString());
        values.put("css", Html.resource("report.css"));
        values.put("js", Html.resource("report.js"));
        values.put("body", body);
        String html = Html.fill(Html.resource("report.html"), values);
        AtomicFiles.writeString(out.resolve("report.html"), html);
        if (!common.quiet()) {
            System.err.printf("oncoconcord report: %s (%d plots as SVG + PNG in %s)%n", out.resolve("report.html"),
                    builder.figures().size(), out.resolve("plots"));
        }
        return 0;
    }

    static Map<String, String> readParams(Path file) {
        if (file == null) {
            return Map.of();
        }
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        ObjectMapper om = n.endsWith(".yml") || n.endsWith(".yaml") ? new ObjectMapper(new YAMLFactory()) : new ObjectMapper();
        try {
            JsonNode root = om.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new UserException(file + ": parameters must be a JSON or YAML object");
            }
            return ReportBuilder.flatten("", root);
        } catch (IOException e) {
            throw new UserException(file + ": cannot read parameters: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** Plasma misses per patient from the concordance JSONs' {@code plasma} objects; unreadable files are skipped with a warning. */
    static List<ReportBuilder.PlasmaMisses> plasmaMisses(Path dir) {
        List<ReportBuilder.PlasmaMisses> out = new ArrayList<>();
        if (dir == null) {
            return out;
        }
        if (!Files.isDirectory(dir)) {
            throw new UserException(dir + ": --concordance is not a folder");
        }
        ObjectMapper om = new ObjectMapper();
        try (Stream<Path> s = Files.walk(dir, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".concordance.json")).sorted().toList()) {
                try {
                    JsonNode root = om.readTree(f.toFile());
                    JsonNode p = root.path("plasma");
                    if (p.isObject() && p.has("missed_tissue_variants")) {
                        out.add(new ReportBuilder.PlasmaMisses(root.path("patient").asText(), p.path("missed_tissue_variants").asInt(),
                                p.path("missed_with_signal").asInt(), p.path("missed_without_signal").asInt(), p.path("max_somatic_vaf").asDouble(Double.NaN)));
                    }
                } catch (IOException e) {
                    System.err.println("oncoconcord report: warning: skipped " + f + ": not valid JSON");
                }
            }
        } catch (IOException e) {
            throw new UserException(dir + ": cannot list: " + e.getMessage(), e);
        }
        return out;
    }
}
