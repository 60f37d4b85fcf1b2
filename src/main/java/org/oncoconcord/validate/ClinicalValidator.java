package org.oncoconcord.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a clinical table against {@code schema_clinical.json} (ids, times >= 0, events 0/1, one
 * row per patient), that each time has its event and vice versa, and that it matches the
 * samplesheet: a samplesheet patient without clinical data is an error (survival would silently
 * drop it), a clinical patient without samples is a warning (it is not analysed).
 */
public final class ClinicalValidator {
    private static final String[][] TIME_EVENT = {{"os_days", "os_event"}, {"rfs_days", "rfs_event"}};

    private final TableSchema schema;

    public ClinicalValidator(TableSchema schema) {
        this.schema = schema;
    }

    public ClinicalValidator() {
        this(TableSchema.load("schema_clinical.json"));
    }

    /**
     * @param samplesheetPatients patients of the samplesheet with the line they first appear on,
     *                            or null when the samplesheet could not be read
     */
    public List<Problem> validate(Path file, String samplesheetName, Map<String, Integer> samplesheetPatients) {
        return validate(file, samplesheetName, samplesheetPatients, Set.of());
    }

    /**
     * As {@link #validate(Path, String, Map)}; {@code factors} names columns that are categorical
     * even when most of their values are numbers.
     */
    public List<Problem> validate(Path file, String samplesheetName, Map<String, Integer> samplesheetPatients, Set<String> factors) {
        String name = file.toString();
        List<Problem> problems = new ArrayList<>();
        CsvTable table = CsvTable.read(file, name, problems);
        if (table == null) {
            return problems;
        }
        for (String req : schema.required()) {
            if (table.columnOf(req) == 0) {
                problems.add(Problem.error(name, 1, 0, req, "required column is missing from the header"));
                return problems;
            }
        }
        if (table.rows().isEmpty()) {
            problems.add(Problem.error(name, 1, 0, "", "no patients: the table has a header but no rows"));
        }
        problems.addAll(NumericColumns.check(table, schema, factors));
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (CsvTable.Row row : table.rows()) {
            if (!row.complete()) {
                continue; // its field count is reported; its cells cannot be trusted
            }
            List<Problem> rowProblems = new ArrayList<>(schema.validate(table, row));
            for (String[] pair : TIME_EVENT) {
                boolean hasTime = table.columnOf(pair[0]) > 0 && !TableSchema.isMissing(row.get(pair[0]));
                boolean hasEvent = table.columnOf(pair[1]) > 0 && !TableSchema.isMissing(row.get(pair[1]));
                if (hasTime != hasEvent) {
                    String missing = hasTime ? pair[1] : pair[0];
                    String given = hasTime ? pair[0] : pair[1];
                    rowProblems.add(Problem.error(name, row.line(), table.columnOf(missing), missing,
                            "missing while " + given + " is given"));
                }
            }
            String patient = row.get("patient");
            if (!TableSchema.isMissing(patient)) {
                Integer first = seen.putIfAbsent(patient, row.line());
                if (first != null) {
                    rowProblems.add(Problem.error(name, row.line(), table.columnOf("patient"), "patient",
                            "duplicate patient '" + patient + "' (first at line " + first + ")"));
                } else if (samplesheetPatients != null && !samplesheetPatients.containsKey(patient)) {
                    rowProblems.add(Problem.warning(name, row.line(), table.columnOf("patient"), "patient",
                            "patient '" + patient + "' is not in " + samplesheetName + ": not analysed"));
                }
            }
            problems.addAll(rowProblems);
        }
        if (samplesheetPatients != null) {
            Map<String, Integer> missing = new HashMap<>(samplesheetPatients);
            missing.keySet().removeAll(seen.keySet());
            missing.entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e ->
                    problems.add(Problem.error(samplesheetName, e.getValue(), 0, "patient",
                            "patient '" + e.getKey() + "' has no row in " + name)));
        }
        return problems;
    }
}
