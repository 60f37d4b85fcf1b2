package org.oncoconcord.validate;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A small CSV table read with Commons CSV, keeping each record's 1-based line number in the file
 * so that problems can be reported where they are. Reading never throws for bad content: every
 * problem (unreadable file, malformed CSV, wrong field count, blank header name) is collected.
 */
public final class CsvTable {
    private static final java.util.regex.Pattern BLANK_LINE = java.util.regex.Pattern.compile("(?m)^[ \\t]+(?=\\r?$)");

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
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return parse(text, displayName, problems);
    }

    static CsvTable parse(String input, String displayName, List<Problem> problems) {
        // a line of only spaces or tabs is skipped like an empty line (the line count is kept)
        String text = BLANK_LINE.matcher(input).replaceAll("");
        int[] lineStarts = lineStarts(text);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .setIgnoreSurroundingSpaces(true)
                .get();
        List<String> header = null;
        int headerLine = 0;
        List<Row> rows = new ArrayList<>();
        try (Reader reader = new StringReader(text); CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Iterator<CSVRecord> it = parser.iterator();
            while (it.hasNext()) {
                CSVRecord rec = it.next();
                int line = lineOf(lineStarts, firstNonBlank(text, rec.getCharacterPosition()));
                if (header == null) {
                    header = new ArrayList<>(rec.toList());
                    headerLine = line;
                    checkHeader(header, headerLine, displayName, problems);
                    continue;
                }
                if (rec.size() != header.size()) {
                    problems.add(Problem.error(displayName, line, 0, "",
                            "has " + rec.size() + " fields but the header has " + header.size()));
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    cells.putIfAbsent(header.get(i), i < rec.size() ? rec.get(i) : "");
                }
                rows.add(new Row(line, cells, rec.size() == header.size()));
            }
        } catch (IOException | UncheckedIOException e) {
            String msg = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause().getMessage() : e.getMessage();
            int line = rows.isEmpty() ? Math.max(headerLine, 1) : rows.get(rows.size() - 1).line() + 1;
            problems.add(Problem.error(displayName, line, 0, "", "malformed CSV: " + msg));
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

    private static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, n * 2);
                }
                starts[n++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, n);
    }

    /** Skips the empty lines the parser consumed before a record, whose position it reports as the record's. */
    private static long firstNonBlank(String text, long pos) {
        int i = (int) pos;
        while (i < text.length() && (text.charAt(i) == '\n' || text.charAt(i) == '\r')) {
            i++;
        }
        return i;
    }

    /** 1-based line holding character {@code pos}. */
    private static int lineOf(int[] lineStarts, long pos) {
        int i = Arrays.binarySearch(lineStarts, (int) pos);
        return (i >= 0 ? i : -i - 2) + 1;
    }
}
