package org.oncoconcord.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.oncoconcord.core.UserException;

/**
 * Read-level evidence of the PILEUP step ({@code pileup/<patient>.evidence.tsv}, docs/PILEUP.md): per
 * sample type, the patient's variants by evidence state in each sample with reads: {@code CALLED}, seen
 * below the calling threshold ({@code BELOW_CALL_THRESHOLD}), {@code ABSENT} at adequate depth, and
 * {@code NOT_ASSESSABLE}; and the tissue variants the plasma did not call, by their plasma state (a miss
 * with reads below the threshold is evidence of the variant; an absent one at depth is a true miss).
 * Then the cohort table {@code cohort/evidence_summary.tsv}: what the evidence laid over the calls
 * ({@code concordance --evidence}) changed, per sample type, and the patients without reads; and the variant
 * classes from the VCFs alone and with the reads (shared, primary only, metastasis only, ...: {@code before -> after}),
 * over the cohort and per patient with reads. Read as a stream.
 */
final class EvidenceSection {
    static final String SUFFIX = ".evidence.tsv";
    static final List<String> STATES = List.of("CALLED", "BELOW_CALL_THRESHOLD", "ABSENT", "NOT_ASSESSABLE");
    /** The cohort step's table of the concordance.json {@code evidence} sections (cohort/EvidenceSummary). */
    static final String COHORT_TABLE = "evidence_summary.tsv";

    private EvidenceSection() {
    }

    /** Counts per sample type and state, and the plasma states of tissue-called variants not called in plasma. */
    record Counts(int files, Map<String, Map<String, Integer>> byType, Map<String, Integer> plasmaOfTissueCalled, List<String> unknownSamples) {
        int total(String type) {
            return byType.getOrDefault(type, Map.of()).values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    static Counts read(Path dir, PatientJsons jsons) {
        if (dir == null) {
            return null;
        }
        if (!Files.isDirectory(dir)) {
            throw new UserException(dir + ": --evidence is not a folder");
        }
        Map<String, String> typeOf = new HashMap<>();
        jsons.samples().forEach(s -> typeOf.put(s.patient() + "\t" + s.label(), s.type()));
        Map<String, Map<String, Integer>> byType = new LinkedHashMap<>();
        Map<String, Integer> plasma = new LinkedHashMap<>();
        STATES.forEach(s -> plasma.put(s, 0));
        List<String> unknown = new ArrayList<>();
        int files = 0;
        CSVFormat fmt = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Stream<Path> s = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            for (Path f : s.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                files++;
                String name = f.getFileName().toString();
                String patient = name.substring(0, name.length() - SUFFIX.length());
                // per variant: tissue called?, plasma state
                Map<String, String[]> variants = new LinkedHashMap<>();
                try (Reader in = Files.newBufferedReader(f, StandardCharsets.UTF_8); var parser = fmt.parse(in)) {
                    for (String c : List.of("contig", "pos", "ref", "alt", "sample", "state")) {
                        if (!parser.getHeaderNames().contains(c)) {
                            throw new UserException(f + " line 1: column '" + c + "' missing");
                        }
                    }
                    for (CSVRecord r : parser) {
                        String state = r.get("state");
                        if (!STATES.contains(state)) {
                            throw new UserException(f + " line " + parser.getCurrentLineNumber() + ": state '" + state + "' is not one of " + STATES);
                        }
                        String type = typeOf.get(patient + "\t" + r.get("sample"));
                        if (type == null) {
                            if (!unknown.contains(patient + "/" + r.get("sample"))) {
                                unknown.add(patient + "/" + r.get("sample"));
                            }
                            type = "unknown";
                        }
                        byType.computeIfAbsent(type, k -> new LinkedHashMap<>()).merge(state, 1, Integer::sum);
                        String[] v = variants.computeIfAbsent(r.get("contig") + ":" + r.get("pos") + ":" + r.get("ref") + ">" + r.get("alt"),
                                k -> new String[2]);
                        if ((type.equals("primary") || type.equals("metastasis")) && state.equals("CALLED")) {
                            v[0] = "1";
                        } else if (type.equals("plasma")) {
                            v[1] = state;
                        }
                    }
                } catch (IOException | IllegalArgumentException | IllegalStateException e) {
                    throw new UserException(f + ": cannot read: " + e.getMessage(), e);
                }
                variants.values().forEach(v -> {
                    if (v[0] != null && v[1] != null && !v[1].equals("CALLED")) {
                        plasma.merge(v[1], 1, Integer::sum);
                    }
                });
            }
        } catch (IOException e) {
            throw new UserException(dir + ": cannot list: " + e.getMessage(), e);
        }
        return new Counts(files, byType, plasma, unknown);
    }

    /** The section: the states per sample type (from the pileup files, when given) and the cohort table (when it has reads). */
    static String html(Counts c, CohortResults cohort) {
        Tsv summary = cohort == null || cohort.patients() == null ? null
                : Tsv.readIfExists(cohort.patients().file().resolveSibling(COHORT_TABLE));
        boolean anyReads = summary != null && summary.rows().stream().anyMatch(r -> "reads".equals(r.get("evidence")));
        if (c == null && !anyReads) {
            return "";
        }
        StringBuilder sb = new StringBuilder("<h3>Read-level evidence (PILEUP)</h3>");
        if (c != null) {
            sb.append(states(c));
        }
        if (anyReads) {
            sb.append(cohortTable(summary));
            sb.append(classTable(summary));
        }
        return sb.toString();
    }

    private static String states(Counts c) {
        StringBuilder sb = new StringBuilder();
        if (c.files() == 0) {
            return sb.append(Html.note("No *" + SUFFIX + " under --evidence: no read-level evidence.")).toString();
        }
        List<List<String>> rows = new ArrayList<>();
        c.byType().forEach((type, m) -> {
            List<String> row = new ArrayList<>(List.of(type, String.valueOf(c.total(type))));
            STATES.forEach(s -> row.add(String.valueOf(m.getOrDefault(s, 0))));
            rows.add(row);
        });
        sb.append(Html.plainTable(List.of("Sample type", "Variant x sample", "Called", "Below call threshold", "Absent", "Not assessable"), rows));
        Map<String, Integer> p = c.plasmaOfTissueCalled();
        int n = p.values().stream().mapToInt(Integer::intValue).sum();
        if (n > 0) {
            sb.append("<p>").append(Html.esc(String.format(java.util.Locale.ROOT, "Tissue-called variants not called in plasma (%d, in "
                    + "plasma samples with reads): %d with reads below the calling threshold (evidence of the variant), %d absent at "
                    + "adequate depth, %d not assessable.", n, p.get("BELOW_CALL_THRESHOLD"), p.get("ABSENT"), p.get("NOT_ASSESSABLE"))))
                    .append("</p>");
        }
        if (!c.unknownSamples().isEmpty()) {
            sb.append(Html.note("Samples of the evidence files not in any concordance.json (counted as unknown): "
                    + String.join(", ", c.unknownSamples().subList(0, Math.min(20, c.unknownSamples().size())))
                    + (c.unknownSamples().size() > 20 ? ", ..." : "") + "."));
        }
        return sb.append(Html.note(c.files() + " evidence file(s) (docs/PILEUP.md: states from REF/ALT read counts with "
                + "Mutect2-like filters).")).toString();
    }

    /** Patient rows shown in the class table; the rest are in cohort/evidence_summary.tsv. */
    static final int MAX_CLASS_ROWS = 20;

    /**
     * Variant classes before (the VCFs alone) and after the reads, from the rows over all sample types that have
     * them (the cohort's, then each patient's with reads); empty when none has (older concordance.json files).
     */
    private static String classTable(Tsv summary) {
        List<Map<String, String>> withClasses = summary.rows().stream()
                .filter(r -> "all".equals(r.get("sample_type")) && !Double.isNaN(Tsv.num(r, "variants"))).toList();
        if (withClasses.isEmpty()) {
            return "";
        }
        List<Map<String, String>> patients = withClasses.stream().filter(r -> "patient".equals(r.get("level"))).toList();
        List<Map<String, String>> shown = new ArrayList<>(withClasses.stream().filter(r -> "cohort".equals(r.get("level"))).toList());
        shown.addAll(patients.subList(0, Math.min(MAX_CLASS_ROWS, patients.size())));
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, String> r : shown) {
            List<String> row = new ArrayList<>(List.of("cohort".equals(r.get("level"))
                    ? "All patients with reads (" + patients.size() + ")" : r.get("patient"), r.get("variants")));
            for (String g : List.of("shared", "primary_only", "metastasis_new", "plasma_only", "not_evaluable", "other")) {
                row.add(r.get(g + "_vcf") + " \u2192 " + r.get(g + "_evidence"));
            }
            row.add(r.get("class_changed"));
            row.add(r.get("private_to_shared"));
            rows.add(row);
        }
        StringBuilder sb = new StringBuilder("<h4>Variant classes: VCFs alone \u2192 with the reads</h4>");
        sb.append(Html.plainTable(List.of("Patient", "Variants", "Shared", "Primary only", "Metastasis only (new)", "Plasma only",
                "Not evaluable", "Blood origin / other", "Class changed", "Private \u2192 shared"), rows));
        return sb.append(Html.note("Each variant has one class in each view; both views add up to the variants. Shared: in more "
                + "than one sample type (shared_all and every shared_* class of concordance.json); private: in one sample type only. "
                + (patients.size() > MAX_CLASS_ROWS ? "First " + MAX_CLASS_ROWS + " of " + patients.size() + " patients shown; " : "Per patient: ")
                + "cohort/" + COHORT_TABLE + " (rows with sample_type all), concordance.json evidence.classes_vcf and class_changes "
                + "(docs/PILEUP.md).")).toString();
    }

    /** The cohort rows of evidence_summary.tsv per sample type and over all, and the patients without reads. */
    private static String cohortTable(Tsv summary) {
        List<List<String>> rows = new ArrayList<>();
        Map<String, Boolean> patientHasReads = new LinkedHashMap<>();
        for (Map<String, String> r : summary.rows()) {
            if ("patient".equals(r.get("level"))) {
                patientHasReads.merge(r.get("patient"), "reads".equals(r.get("evidence")), Boolean::logicalOr);
            } else if ("cohort".equals(r.get("level"))) {
                rows.add(List.of(r.get("sample_type"), r.get("patients"), r.get("samples_with_reads") + " of " + r.get("samples"),
                        r.get("sites"), r.get("called"), r.get("below_call_threshold"), r.get("measured_absent"), r.get("not_assessable"),
                        r.get("unchanged"), r.get("changed")));
            }
        }
        StringBuilder sb = new StringBuilder("<h4>What the reads changed in the comparison</h4>");
        sb.append(Html.plainTable(List.of("Sample type", "Patients", "Samples with reads", "Variant x sample", "Called (VCF)",
                "Below call threshold: now present", "Measured absent: now evaluable", "Too few reads: now not evaluable", "Unchanged",
                "Changed"), rows));
        List<String> without = patientHasReads.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey).toList();
        long with = patientHasReads.size() - without.size();
        sb.append(Html.note(with + " of " + patientHasReads.size() + " patients with reads; the concordance figures above are the "
                + "evidence view (a call below the caller's threshold counts as present, too few reads as not evaluable). "
                + (without.isEmpty() ? "" : "No reads (no BAM): " + String.join(", ", without.subList(0, Math.min(20, without.size())))
                + (without.size() > 20 ? ", ..." : "") + ". ") + "Per patient: cohort/" + COHORT_TABLE + " (docs/PILEUP.md)."));
        return sb.toString();
    }
}
