package org.oncoconcord.cohort;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oncoconcord.core.UserException;
import org.oncoconcord.io.DelimitedTable;

/**
 * The clinical CSV (or TSV, by extension): a {@code patient} column and any covariates, kept as
 * text in their original column order. Read by {@link DelimitedTable}, the reader validate and
 * survival use too (BOM, CRLF, quoting, blank lines and trimming handled alike).
 */
public record ClinicalTable(Path file, List<String> columns, Map<String, Map<String, String>> rows) {

    /** Reads the table; a missing {@code patient} column, a duplicate patient or a ragged line is an error. */
    public static ClinicalTable read(Path file) {
        DelimitedTable t;
        try {
            t = DelimitedTable.read(file);
        } catch (DelimitedTable.TableException e) {
            throw new UserException(e.getMessage().replace(": no such file", ": no such clinical table")
                    .replace(": is a folder, not a table", ": is a folder, not a clinical table"), e);
        }
        List<String> header = t.header();
        int patientColumn = t.columnOf("patient");
        if (patientColumn < 0) {
            throw new UserException(file + " line 1: no 'patient' column (found " + String.join(",", header) + ")");
        }
        List<String> columns = new ArrayList<>(header);
        columns.remove("patient");
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        for (DelimitedTable.Row rec : t.rows()) {
            if (!rec.complete()) {
                throw new UserException(file + " line " + rec.line() + ": " + rec.cells().size() + " fields, the header has " + header.size());
            }
            String id = rec.cell(patientColumn);
            if (id.isEmpty()) {
                throw new UserException(file + " line " + rec.line() + ": empty patient id");
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (String c : columns) {
                row.put(c, rec.cell(header.indexOf(c)));
            }
            if (rows.put(id, row) != null) {
                throw new UserException(file + " line " + rec.line() + ": patient '" + id + "' appears twice");
            }
        }
        return new ClinicalTable(file, Collections.unmodifiableList(columns), Collections.unmodifiableMap(rows));
    }

    /** The value of {@code column} for {@code patient}, or null when the patient has no row. */
    public String value(String patient, String column) {
        Map<String, String> row = rows.get(patient);
        return row == null ? null : row.get(column);
    }
}
