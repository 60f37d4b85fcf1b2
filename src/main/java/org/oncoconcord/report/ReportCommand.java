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
import org.oncoconcord.core.CommonOptions;
import org.oncoconcord.core.UserException;
import org.oncoconcord.core.VersionProvider;
import org.oncoconcord.io.OutputSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code oncoconcord report}: one self-contained HTML report plus every plot as SVG and PNG. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {
            "One self-contained HTML report, with every plot also as SVG and PNG.",
            "",
            "Writes DIR/report.html (inline CSS, JS and figures; no network fetches) and",
            "DIR/plots/*.svg + *.png. Sections: the three answers (primary vs metastasis,",
            "plasma vs tissue PPA/NPA, the model's out-of-sample accuracy with events per",
            "variable), study population (sample flow, Table 1, follow-up, swimmer plot),",
            "oncoprint, concordance, shared/private mutations, survival, quality control,",
            "methods. Sections whose input is absent say so.",
            "",
            "--survival: <endpoint>/<folder>/ results found by their files and classified",
            "by what their JSON says (its 'analysis' block: kind, endpoint, group), plus",
            "univariable.tsv and skipped.tsv.",
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

    @Option(names = "--normalized", paramLabel = "DIR", description = "Per-sample *.normalize.json of 'oncoconcord normalize' (QC: records in/out/rejected by reason).")
    Path normalizedDir;

    @Option(names = "--samplesheet", paramLabel = "FILE", description = "The (validated) samplesheet: samples in per type, regions BEDs (sample flow, QC).")
    Path samplesheet;

    @Option(names = "--evidence", paramLabel = "DIR", description = "The PILEUP step's <patient>.evidence.tsv files (read-level evidence "
            + "states per sample type; docs/PILEUP.md).")
    Path evidenceDir;

    @Option(names = "--table1-by", paramLabel = "COLUMN", description = "features.tsv column for the columns of Table 1 (default: ras_mutant_primary).")
    String table1By;

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
        PatientJsons jsons = PatientJsons.read(concordanceDir);
        jsons.unreadable().forEach(u -> System.err.println("oncoconcord report: warning: skipped " + u));
        ReportBuilder.Inputs inputs = new ReportBuilder.Inputs(cohort, survival, jsons, NormalizeStats.read(normalizedDir),
                Samplesheet.read(samplesheet), params, table1By, EvidenceSection.read(evidenceDir, jsons));
        ReportBuilder[] built = new ReportBuilder[1];
        try (OutputSet outputs = new OutputSet()) { // report.html, plots/ and tables all or none
            outputs.folder(out);
            outputs.write(out, dir -> built[0] = writeReport(inputs, dir));
            outputs.commitOrFail();
        }
        ReportBuilder builder = built[0];
        if (!common.quiet()) {
            System.err.printf("oncoconcord report: %s (%d plots as SVG + PNG in %s)%n", out.resolve("report.html"),
                    builder.figures().size(), out.resolve("plots"));
        }
        return 0;
    }

    /** Writes report.html and its plots into {@code dir} (the output folder's temporary). */
    private ReportBuilder writeReport(ReportBuilder.Inputs inputs, Path dir) throws IOException {
        ReportBuilder builder = new ReportBuilder(inputs, dir.resolve("plots"));
        String body = builder.body();
        if (!common.quiet()) {
            builder.log().forEach(m -> System.err.println("oncoconcord report: " + m));
        }
        StringBuilder nav = new StringBuilder();
        builder.nav().forEach((id, name) -> nav.append("<a href=\"#").append(Html.esc(id)).append("\">").append(Html.esc(name)).append("</a>"));
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", Html.esc(title));
        values.put("subtitle", Html.esc(subtitle(inputs)));
        values.put("version", Html.esc(VersionProvider.version()));
        values.put("generated", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
        values.put("nav", nav.toString());
        values.put("css", Html.resource("report.css"));
        values.put("js", Html.resource("report.js"));
        values.put("body", body);
        String html = Html.fill(Html.resource("report.html"), values);
        Files.writeString(dir.resolve("report.html"), html, java.nio.charset.StandardCharsets.UTF_8);
        return builder;
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

    /** "12 patients (30 samples: 12 primary, 8 metastasis, 10 plasma); endpoints OS, RFS". */
    static String subtitle(ReportBuilder.Inputs in) {
        StringBuilder sb = new StringBuilder(in.cohort().patients().rows().size() + " patients");
        List<PatientJsons.Sample> samples = in.jsons().samples();
        if (!samples.isEmpty()) {
            sb.append(" (").append(samples.size()).append(" samples: ");
            List<String> parts = new ArrayList<>();
            SampleFlow.byType(samples.stream().map(PatientJsons.Sample::type).toList()).forEach((t, n) -> parts.add(n + " " + t));
            sb.append(String.join(", ", parts)).append(")");
        }
        List<String> endpoints = new ArrayList<>();
        in.survival().km().forEach(k -> endpoints.add(ReportBuilder.endpoint(k.endpoint())));
        in.survival().cox().forEach(k -> endpoints.add(ReportBuilder.endpoint(k.endpoint())));
        in.survival().univariable().forEach(k -> endpoints.add(ReportBuilder.endpoint(k.endpoint())));
        List<String> distinct = endpoints.stream().distinct().toList();
        if (!distinct.isEmpty()) {
            sb.append("; endpoints ").append(String.join(", ", distinct));
        }
        return sb.toString();
    }
}
