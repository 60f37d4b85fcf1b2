package org.oncoconcord.validate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.oncoconcord.concordance.PlasmaDraw;

/**
 * Checks a samplesheet against {@code schema_input.json} plus the rules a schema cannot express
 * (files exist and are VCFs, the tumour column exists, unique patient+sample, every patient has a
 * tissue sample) and collects every problem rather than stopping at the first.
 */
public final class SamplesheetValidator {

    /** What a samplesheet check found: its problems and, for the rows without errors, the samples. */
    public record Result(List<Problem> problems, List<SampleRow> samples, Map<String, Integer> firstLineOfPatient,
                         List<ReferenceCheck.Vcf> vcfs, List<BamCheck.Bam> bams, List<SegmentsCheck.File> segments) {
    }

    /** Path columns and the punctuation their values may hold (see {@link SafeText}). */
    private static final Map<String, String> SAFE_COLUMNS = Map.of("vcf", SafeText.PATH_PUNCTUATION,
            "regions", SafeText.PATH_PUNCTUATION, "bam", SafeText.PATH_PUNCTUATION, "segments", SafeText.PATH_PUNCTUATION,
            "tumor_sample", SafeText.NAME_PUNCTUATION);

    /** Serial plasma columns (docs/PLASMA.md "Serial plasma"). */
    static final String COLLECTION_DAY = "collection_day";
    static final String TIMEPOINT = "timepoint";
    /** Tissue columns for clonality (docs/PILEUP.md "Clonality"). */
    static final String PURITY = "purity";
    static final String SEGMENTS = "segments";

    private final TableSchema schema;

    public SamplesheetValidator(TableSchema schema) {
        this.schema = schema;
    }

    public SamplesheetValidator() {
        this(TableSchema.load("schema_input.json"));
    }

    /**
     * @param file    the samplesheet
     * @param baseDir folder against which relative paths are resolved
     */
    public Result validate(Path file, Path baseDir) {
        String name = file.toString();
        List<Problem> problems = new ArrayList<>();
        CsvTable table = CsvTable.read(file, name, problems);
        List<SampleRow> samples = new ArrayList<>();
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        List<ReferenceCheck.Vcf> vcfs = new ArrayList<>();
        List<BamCheck.Bam> bams = new ArrayList<>();
        List<SegmentsCheck.File> segmentFiles = new ArrayList<>();
        if (table == null) {
            return new Result(problems, samples, firstLine, vcfs, bams, segmentFiles);
        }
        DerivedNames derived = new DerivedNames(name);
        Map<String, Integer> lineOfChecksum = new HashMap<>();
        for (String req : schema.required()) {
            if (table.columnOf(req) == 0) {
                problems.add(Problem.error(name, 1, 0, req, "required column is missing from the header (expected "
                        + String.join(",", schema.properties()) + ")"));
            }
        }
        for (String unknown : schema.unknownColumns(table)) {
            problems.add(Problem.warning(name, 1, table.columnOf(unknown), unknown, "unknown column, ignored"));
        }
        if (table.rows().isEmpty()) {
            problems.add(Problem.error(name, 1, 0, "", "no samples: the samplesheet has a header but no rows"));
        }
        List<String> unique = schema.uniqueEntries();
        Map<String, Integer> seen = new HashMap<>();
        Map<String, List<String>> typesOfPatient = new LinkedHashMap<>();
        Set<String> patientsWithBadType = new java.util.HashSet<>();
        Map<String, List<Draw>> plasmaDraws = new LinkedHashMap<>();
        for (CsvTable.Row row : table.rows()) {
            if (!row.complete()) {
                continue; // its field count is reported; its cells cannot be trusted
            }
            List<Problem> rowProblems = new ArrayList<>();
            for (var safe : SAFE_COLUMNS.entrySet()) {
                String value = row.get(safe.getKey());
                String what = safe.getKey().equals("tumor_sample") ? "sample name" : "path";
                String msg = SafeText.describe(value, SafeText.firstUnsafe(value, safe.getValue()), what, safe.getValue());
                if (msg != null && !TableSchema.isMissing(value)) {
                    rowProblems.add(Problem.error(name, row.line(), table.columnOf(safe.getKey()), safe.getKey(), msg));
                }
            }
            for (Problem p : schema.validate(table, row)) {
                if ((p.column() > 0 || table.columnOf(p.columnName()) > 0) && !hasProblem(rowProblems, p.columnName())) {
                    rowProblems.add(p);
                }
            }
            Map<String, Path> files = new HashMap<>();
            for (String col : schema.existingFileProperties()) {
                String value = row.get(col);
                if (TableSchema.isMissing(value) || hasProblem(rowProblems, col)) {
                    continue;
                }
                Path resolved = baseDir.resolve(value).toAbsolutePath().normalize();
                if (!Files.exists(resolved)) {
                    rowProblems.add(Problem.error(name, row.line(), table.columnOf(col), col, "file not found: " + resolved));
                } else if (!Files.isRegularFile(resolved) || !Files.isReadable(resolved)) {
                    rowProblems.add(Problem.error(name, row.line(), table.columnOf(col), col, "not a readable file: " + resolved));
                } else {
                    files.put(col, resolved);
                }
            }
            String tumor = row.get("tumor_sample");
            VcfHeaders.Info info = files.containsKey("vcf") ? checkVcf(name, table, row, files.get("vcf"), tumor, rowProblems) : null;
            if (info != null) {
                // one multi-sample VCF may serve two samples through different tumour columns
                Integer same = lineOfChecksum.putIfAbsent(info.sha256() + "\t" + tumor, row.line());
                if (same != null) {
                    rowProblems.add(Problem.warning(name, row.line(), table.columnOf("vcf"), "vcf", files.get("vcf").getFileName()
                            + " is byte-identical (SHA-256 " + info.sha256().substring(0, 12) + "...) to the VCF of line " + same
                            + ": the same file under two samples (a sample swap or copy error?)"));
                }
            }
            if (!hasProblem(rowProblems, "patient") && !hasProblem(rowProblems, "sample")
                    && !TableSchema.isMissing(row.get("patient")) && !TableSchema.isMissing(row.get("sample"))) {
                Problem collision = derived.add(row.line(), table.columnOf("sample"), "sample", row.get("patient"), row.get("sample"));
                if (collision != null) {
                    rowProblems.add(collision);
                }
            }
            if (!unique.isEmpty() && unique.stream().noneMatch(c -> TableSchema.isMissing(row.get(c)))) {
                String key = unique.stream().map(row::get).collect(Collectors.joining("/"));
                Integer first = seen.putIfAbsent(key, row.line());
                if (first != null) {
                    String last = unique.get(unique.size() - 1);
                    rowProblems.add(Problem.error(name, row.line(), table.columnOf(last), last, "duplicate " + String.join("+", unique) + " '" + key
                                    + "' (first at line " + first + ")"));
                }
            }
            String patient = row.get("patient");
            String type = row.get("type");
            if (!TableSchema.isMissing(patient)) {
                firstLine.putIfAbsent(patient, row.line());
                if (schema.enumOf("type").contains(type)) {
                    typesOfPatient.computeIfAbsent(patient, k -> new ArrayList<>()).add(type);
                } else {
                    patientsWithBadType.add(patient);
                }
            }
            Double day = hasProblem(rowProblems, COLLECTION_DAY) || TableSchema.isMissing(row.get(COLLECTION_DAY)) ? null
                    : Double.valueOf(row.get(COLLECTION_DAY).trim());
            String timepoint = TableSchema.isMissing(row.get(TIMEPOINT)) ? "" : row.get(TIMEPOINT).trim();
            if (("primary".equals(type) || "metastasis".equals(type)) && (!timepoint.isEmpty() || day != null)) {
                String col = timepoint.isEmpty() ? COLLECTION_DAY : TIMEPOINT;
                rowProblems.add(Problem.warning(name, row.line(), table.columnOf(col), col, "a " + type
                        + " sample has a " + col + ": only plasma samples are serial draws, so it is ignored"));
            } else if ("plasma".equals(type) && !TableSchema.isMissing(patient) && !hasProblem(rowProblems, TIMEPOINT)
                    && !hasProblem(rowProblems, COLLECTION_DAY)) {
                plasmaDraws.computeIfAbsent(patient, k -> new ArrayList<>()).add(
                        new Draw(row.line(), new PlasmaDraw(row.get("sample"), timepoint.isEmpty() ? null : timepoint, day)));
            }
            Double purity = hasProblem(rowProblems, PURITY) || TableSchema.isMissing(row.get(PURITY)) ? null
                    : Double.valueOf(row.get(PURITY).trim());
            Path segments = files.get(SEGMENTS);
            if (("plasma".equals(type) || "normal".equals(type)) && (purity != null || segments != null)) {
                String col = purity != null ? PURITY : SEGMENTS;
                rowProblems.add(Problem.warning(name, row.line(), table.columnOf(col), col, "a " + type + " sample has a " + col
                        + (purity != null && segments != null ? " and segments" : "") + ": only tissue samples (primary, metastasis) get a "
                        + "cancer cell fraction, so it is ignored"));
                purity = null;
                segments = null;
            } else if ((purity != null || segments != null) && TableSchema.isMissing(row.get("bam")) && !hasProblem(rowProblems, "bam")) {
                String col = purity != null ? PURITY : SEGMENTS;
                rowProblems.add(Problem.warning(name, row.line(), table.columnOf(col), col, "a " + col + " without a bam: clonality "
                        + "needs the sample's reads, so the pipeline does not use it"));
            }
            problems.addAll(rowProblems);
            if (rowProblems.stream().noneMatch(Problem::isError)) {
                samples.add(new SampleRow(patient, row.get("sample"), type, files.get("vcf"), files.get("regions"),
                        TableSchema.isMissing(tumor) ? "" : tumor, files.get("bam"), day, timepoint, purity, segments));
                if (segments != null) {
                    segmentFiles.add(new SegmentsCheck.File(row.line(), table.columnOf(SEGMENTS), row.get("sample"),
                            TableSchema.isMissing(tumor) ? "" : tumor, segments));
                }
                if (files.containsKey("bam")) {
                    bams.add(new BamCheck.Bam(row.line(), table.columnOf("bam"), TableSchema.isMissing(tumor) ? row.get("sample") : tumor,
                            files.get("bam")));
                }
                if (info != null) {
                    vcfs.add(new ReferenceCheck.Vcf(row.line(), table.columnOf("vcf"), patient, files.get("vcf"), info));
                }
            }
        }
        for (var e : firstLine.entrySet()) {
            String patient = e.getKey();
            if (patientsWithBadType.contains(patient)) {
                continue; // its type error is already reported
            }
            List<String> types = typesOfPatient.getOrDefault(patient, List.of());
            int typeColumn = table.columnOf("type");
            if (types.stream().noneMatch(t -> t.equals("primary") || t.equals("metastasis"))) {
                problems.add(Problem.error(name, e.getValue(), typeColumn, "type",
                        "patient '" + patient + "' has no tissue sample (primary or metastasis), only " + types));
            } else if (serialConflict(plasmaDraws.getOrDefault(patient, List.of())) != null) {
                Draw at = serialConflict(plasmaDraws.get(patient));
                String column = table.columnOf(TIMEPOINT) > 0 ? TIMEPOINT : table.columnOf(COLLECTION_DAY) > 0 ? COLLECTION_DAY : "type";
                problems.add(Problem.error(name, at.line(), table.columnOf(column), column, "patient '" + patient + "': "
                                + PlasmaDraw.conflict(plasmaDraws.get(patient).stream().map(Draw::draw).toList())));
            } else if (types.stream().filter(t -> t.equals("normal")).count() > 1) {
                problems.add(Problem.error(name, e.getValue(), typeColumn, "type",
                        "patient '" + patient + "' has " + types.stream().filter(t -> t.equals("normal")).count()
                                + " normal (white blood cell) samples; concordance uses at most one per patient"));
            } else if (types.size() == 1) {
                problems.add(Problem.warning(name, e.getValue(), typeColumn, "type",
                        "patient '" + patient + "' has a single sample (" + types.get(0) + "): normalized but not compared"));
            }
        }
        return new Result(problems, samples, firstLine, vcfs, bams, segmentFiles);
    }

    /** A plasma row's line and draw identity. */
    private record Draw(int line, PlasmaDraw draw) {
    }

    /**
     * The row at which a patient's plasma draws stop being distinguishable (docs/PLASMA.md "Serial
     * plasma"), or null when they are: the first draw without timepoint and day, else the later of
     * two with the same timepoint and day.
     */
    private static Draw serialConflict(List<Draw> draws) {
        if (draws.size() < 2) {
            return null;
        }
        for (Draw d : draws) {
            if (!d.draw().identified()) {
                return d;
            }
        }
        for (int i = 0; i < draws.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (draws.get(i).draw().sameDrawAs(draws.get(j).draw())) {
                    return draws.get(i);
                }
            }
        }
        return null;
    }

    /** Reads the VCF and checks its tumour column; returns null (after adding the problem) when it is not a readable VCF. */
    private static VcfHeaders.Info checkVcf(String name, CsvTable table, CsvTable.Row row, Path vcf, String tumor, List<Problem> out) {
        VcfHeaders.Info info;
        try {
            info = VcfHeaders.read(vcf);
        } catch (Exception e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replaceAll("\\s+", " ");
            out.add(Problem.error(name, row.line(), table.columnOf("vcf"), "vcf", "not a readable VCF: " + vcf + ": "
                    + (why.length() > 200 ? why.substring(0, 200) + "..." : why)));
            return null;
        }
        List<String> vcfSamples = info.samples();
        if (!TableSchema.isMissing(tumor) && !hasProblem(out, "tumor_sample") && !vcfSamples.contains(tumor)) {
            out.add(Problem.error(name, row.line(), table.columnOf("tumor_sample"), "tumor_sample",
                    "sample '" + tumor + "' is not a column of " + vcf.getFileName() + " (its samples: " + vcfSamples + ")"));
        }
        return info;
    }

    private static boolean hasProblem(List<Problem> problems, String column) {
        return problems.stream().anyMatch(p -> p.columnName().equals(column));
    }
}
