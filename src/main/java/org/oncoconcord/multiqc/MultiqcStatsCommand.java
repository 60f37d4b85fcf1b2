package org.oncoconcord.multiqc;

import com.fasterxml.jackson.databind.JsonNode;
import org.oncoconcord.contract.ConcordanceJson;
import org.oncoconcord.contract.ContractException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.oncoconcord.core.CommonOptions;
import org.oncoconcord.core.UserException;
import org.oncoconcord.core.VersionProvider;
import org.oncoconcord.io.OutputSet;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code oncoconcord multiqc-stats}: the per-sample General Statistics of the MultiQC report from
 * the validated samplesheet, normalize's stats ({@code <patient>/<sample>.normalize.json} under
 * the given folders) and the concordance results ({@code <patient>.concordance.json}).
 */
@Command(name = "multiqc-stats", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Write the per-sample MultiQC General Statistics table (records, rejected, variants, median VAF,",
                "tumour fraction when known) from normalize's and concordance's results: one row per samplesheet sample."})
public final class MultiqcStatsCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    CommonOptions common;

    @Option(names = "--samplesheet", required = true, description = "The validated samplesheet (patient,sample,...).")
    Path samplesheet;

    @Option(names = "--normalized", description = "Folder holding <patient>/<sample>.normalize.json files (repeatable; searched recursively).")
    List<Path> normalized = new ArrayList<>();

    @Option(names = "--concordance", description = "Folder holding <patient>.concordance.json files (searched recursively).")
    Path concordance;

    @Option(names = "--out", required = true, description = "Output: general_stats_mqc.tsv")
    Path out;

    @Override
    public Integer call() throws IOException {
        List<String[]> samples = readSamples(samplesheet);
        Map<String, JsonNode> stats = readNormalizeStats(normalized);
        Map<String, ConcordanceSample> concordanceSamples = readConcordance(concordance);
        List<SampleStats> rows = new ArrayList<>();
        for (String[] s : samples) {
            String key = s[0] + "/" + s[1];
            JsonNode n = stats.remove(key);
            ConcordanceSample c = concordanceSamples.get(key);
            rows.add(new SampleStats(s[0], s[1], n == null ? null : n.path("in").asLong(), n == null ? null : n.path("rejected_total").asLong(),
                    c == null ? null : c.sample().nVariants(), c == null ? null : c.sample().medianVaf(),
                    c == null ? null : c.tumourFraction()));
        }
        if (!stats.isEmpty()) {
            throw new UserException(samplesheet + ": no row for the normalize stats of " + String.join(", ", stats.keySet()));
        }
        try (OutputSet outputs = new OutputSet().addAll(out)) {
            outputs.write(out, tmp -> Files.writeString(tmp, GeneralStats.render(rows), StandardCharsets.UTF_8));
            outputs.commitOrFail();
        }
        return 0;
    }

    private static List<String[]> readSamples(Path file) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file);
             CSVParser p = CSVParser.parse(r, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get())) {
            if (!p.getHeaderNames().containsAll(List.of("patient", "sample"))) {
                throw new UserException(file + ":1: header must have the columns patient and sample");
            }
            for (CSVRecord rec : p) {
                out.add(new String[] {rec.get("patient"), rec.get("sample")});
            }
        }
        return out;
    }

    /** "patient/sample" -> normalize stats, from every {@code <patient>/<sample>.normalize.json} below the folders. */
    private static Map<String, JsonNode> readNormalizeStats(List<Path> dirs) throws IOException {
        Map<String, JsonNode> out = new HashMap<>();
        for (Path dir : dirs) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(dir, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
                files = walk.filter(f -> f.getFileName().toString().endsWith(".normalize.json")).sorted(org.oncoconcord.io.FoundFiles.BY_PATIENT_LAYOUT).toList();
            }
            for (Path f : files) {
                String sample = f.getFileName().toString().replaceFirst("\\.normalize\\.json$", "");
                String key = f.getParent().getFileName() + "/" + sample;
                if (out.put(key, readJson(f)) != null) {
                    throw new UserException(f + ": a second normalize stats file for " + key);
                }
            }
        }
        return out;
    }

    /** One sample of a concordance result, with the plasma tumour fraction estimate when it is the plasma sample. */
    private record ConcordanceSample(ConcordanceJson.Sample sample, Double tumourFraction) {
    }

    /** "patient/sample" -> the sample of its patient's concordance.json (read by the one strict reader). */
    private static Map<String, ConcordanceSample> readConcordance(Path dir) throws IOException {
        Map<String, ConcordanceSample> out = new HashMap<>();
        if (dir == null) {
            return out;
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
            files = walk.filter(f -> f.getFileName().toString().endsWith(".concordance.json")).sorted(org.oncoconcord.io.FoundFiles.BY_PATIENT_LAYOUT).toList();
        }
        for (Path f : files) {
            ConcordanceJson c;
            try {
                c = ConcordanceJson.read(f);
            } catch (ContractException e) {
                throw new UserException(e.getMessage(), e);
            }
            for (ConcordanceJson.Sample s : c.samples()) {
                boolean plasma = c.plasma() != null && s.label().equals(c.plasma().label());
                Double tf = plasma && c.plasma().tumourFraction() != null ? c.plasma().tumourFraction().estimate() : null;
                if (out.put(c.patient() + "/" + s.label(), new ConcordanceSample(s, tf)) != null) {
                    throw new UserException(f + ": a second concordance result for " + c.patient() + "/" + s.label());
                }
            }
        }
        return out;
    }

    private static JsonNode readJson(Path f) {
        try {
            return JSON.readTree(f.toFile());
        } catch (IOException e) {
            throw new UserException(f + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
