package org.oncoconcord.cohort;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.oncoconcord.core.UserException;

/**
 * The clinical CSV (or TSV, by extension): a {@code patient} column and any covariates, kept as
 * text in their original column order.
 */
public record ClinicalTable(Path file, List<String> columns, Map<String, Map<String, String>> rows) {

    /** Reads the table; a missing {@code patient} column, a duplicate patient or a ragged line is an error. */
    public static ClinicalTable read(Path file) {
        CSVFormat base = file.toString().endsWith(".tsv") || file.toString().endsWith(".txt") ? CSVFormat.TDF : CSVFormat.DEFAULT;
        CSVFormat fmt = base.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).setCommentMarker('#').get();
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        List<String> columns;
        if (Files.isDirectory(file)) {
            throw new UserException(file + ": is a folder, not a clinical table");
        }
        if (!Files.isRegularFile(file)) {
            throw new UserException(file + ": no such clinical table");
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); var parser = fmt.parse(r)) {
            List<String> header = parser.getHeaderNames();
            if (!header.contains("patient")) {
                throw new UserException(file + " line 1: no 'patient' column (found " + String.join(",", header) + ")");
            }
            columns = new ArrayList<>(header);
            columns.remove("patient");
            for (CSVRecord rec : parser) {
                long line = rec.getParser().getCurrentLineNumber();
                if (!rec.isConsistent()) {
                    throw new UserException(file + " line " + line + ": " + rec.size() + " fields, the header has " + header.size());
                }
                String id = rec.get("patient");
                if (id.isEmpty()) {
                    throw new UserException(file + " line " + line + ": empty patient id");
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (String c : columns) {
                    row.put(c, rec.get(c));
                }
                if (rows.put(id, row) != null) {
                    throw new UserException(file + " line " + line + ": patient '" + id + "' appears twice");
                }
            }
        } catch (java.nio.charset.CharacterCodingException | java.io.UncheckedIOException e) {
            throw new UserException(file + ": not UTF-8 text (a binary file?): cannot read the clinical table", e);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new UserException(file + ": cannot read the clinical table: " + e.getMessage(), e);
        }
        return new ClinicalTable(file, Collections.unmodifiableList(columns), Collections.unmodifiableMap(rows));
    }

    /** The value of {@code column} for {@code patient}, or null when the patient has no row. */
    public String value(String patient, String column) {
        Map<String, String> row = rows.get(patient);
        return row == null ? null : row.get(column);
    }
}
