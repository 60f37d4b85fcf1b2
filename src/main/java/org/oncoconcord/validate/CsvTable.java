package org.oncoconcord.validate;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oncoconcord.io.DelimitedTable;

/**
 * A small CSV table read by the one table reader (io.DelimitedTable), keeping each record's 1-based line number in the file
 * so that problems can be reported where they are. Reading never throws for bad content: every
 * problem (unreadable file, malformed CSV, wrong field count, blank header name) is collected.
 */
public final class CsvTable {
    /**
     * One data record: its line in the file, its cells by column name (trimmed) and whether it had
     * as many fields as the header (when not, that problem is already reported).
     */
    public record Row(int line, Map<String, String> cells, boolean complete) {
        public String get(String column) {
            String v = cells.get(column);
            return v == null ? "" : v;
        }
    }

    private final String displayName;
    private final List<String> header;
    private final List<Row> rows;

    private CsvTable(String displayName, List<String> header, List<Row> rows) {
        this.displayName = displayName;
        this.header = List.copyOf(header);
        this.rows = List.copyOf(rows);
    }

    public String displayName() {
        return displayName;
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    /** 1-based column of {@code name} in the header, or 0 when absent. */
    public int columnOf(String name) {
        return header.indexOf(name) + 1;
    }

    /**
     * Reads {@code file}; problems go to {@code problems}. Returns null when nothing could be read
     * (missing or unreadable file, no header).
     */
    public static CsvTable read(Path file, String displayName, List<Problem> problems) {
        if (!Files.exists(file)) {
            problems.add(Problem.error(displayName, 0, 0, "", "file not found"));
            return null;
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            problems.add(Problem.error(displayName, 0, 0, "", "not a readable file"));
            return null;
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            problems.add(Problem.error(displayName, 0, 0, "", "not UTF-8 text"));
            return null;
        } catch (IOException e) {
            problems.add(Problem.error(displayName, 0, 0, "", "cannot read: " + e.getMessage()));
            return null;
        }
        return parse(text, displayName, problems, DelimitedTable.isTabSeparated(file));
    }

    static CsvTable parse(String input, String displayName, List<Problem> problems) {
        return parse(input, displayName, problems, false);
    }

    /** Through the one table reader ({@link DelimitedTable}: BOM, blank lines, trimming, quoting as cohort and survival read them). */
    private static CsvTable parse(String input, String displayName, List<Problem> problems, boolean tabSeparated) {
        DelimitedTable.Parsed parsed = DelimitedTable.parseKeepingRows(Path.of(displayName), input, tabSeparated);
        DelimitedTable t = parsed.table();
        List<String> header = t.header().isEmpty() && t.rows().isEmpty() ? null : t.header();
        if (header != null) {
            checkHeader(header, parsed.headerLine(), displayName, problems);
        }
        List<Row> rows = new ArrayList<>();
        for (DelimitedTable.Row r : t.rows()) {
            if (!r.complete()) {
                problems.add(Problem.error(displayName, r.line(), 0, "",
                        "has " + r.cells().size() + " fields but the header has " + header.size()));
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                cells.putIfAbsent(header.get(i), r.cell(i));
            }
            rows.add(new Row(r.line(), cells, r.complete()));
        }
        if (parsed.malformed() != null) {
            problems.add(Problem.error(displayName, parsed.malformedLine(), 0, "", parsed.malformed()));
        }
        if (header == null) {
            problems.add(Problem.error(displayName, 1, 0, "", "empty file: no header line"));
            return null;
        }
        return new CsvTable(displayName, header, rows);
    }

    private static void checkHeader(List<String> header, int line, String file, List<Problem> problems) {
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i);
            if (name.isEmpty()) {
                problems.add(Problem.error(file, line, i + 1, "", "empty column name in the header"));
            } else if (header.indexOf(name) != i) {
                problems.add(Problem.error(file, line, i + 1, name, "duplicate column name in the header"));
            }
        }
    }
}
