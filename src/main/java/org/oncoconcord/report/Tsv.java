package org.oncoconcord.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.oncoconcord.core.UserException;

/** A TSV file read as rows of column -> value, with numeric helpers (NA and empty are NaN). */
public record Tsv(Path file, List<String> header, List<Map<String, String>> rows) {

    /** Reads {@code file}; a ragged line is an error naming the file and line. */
    public static Tsv read(Path file) {
        CSVFormat fmt = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').get();
        List<Map<String, String>> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8); var parser = fmt.parse(r)) {
            List<String> header = parser.getHeaderNames();
            for (CSVRecord rec : parser) {
                if (!rec.isConsistent()) {
                    throw new UserException(file + " line " + parser.getCurrentLineNumber() + ": " + rec.size()
                            + " fields, the header has " + header.size());
                }
                Map<String, String> m = new LinkedHashMap<>();
                for (String h : header) {
                    m.put(h, rec.get(h));
                }
                rows.add(m);
            }
            return new Tsv(file, List.copyOf(header), rows);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new UserException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads {@code file} if it exists, else null. */
    public static Tsv readIfExists(Path file) {
        return Files.isRegularFile(file) ? read(file) : null;
    }

    /** Checks that every one of {@code columns} is present. */
    public Tsv require(String... columns) {
        for (String c : columns) {
            if (!header.contains(c)) {
                throw new UserException(file + " line 1: column '" + c + "' missing (has " + String.join(",", header) + ")");
            }
        }
        return this;
    }

    /** A cell as a number; NaN when missing, empty or NA. */
    public static double num(Map<String, String> row, String column) {
        String v = row.get(column);
        if (v == null || v.isEmpty() || v.equalsIgnoreCase("NA") || v.equals(".") || v.equalsIgnoreCase("NaN")) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
