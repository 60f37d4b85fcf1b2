package org.oncoconcord.io;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The one reader of the study's small text tables (the clinical CSV above all; read by validate,
 * cohort and survival): CSV (RFC 4180 quoting) or, for a name ending {@code .tsv}, {@code .txt} or
 * {@code .tab}, tab-separated. One set of rules: UTF-8, a leading byte-order mark dropped, LF or CRLF
 * line ends, lines empty or of only blanks skipped (line numbers still count them), cells trimmed,
 * quoted fields may hold separators and line breaks; the first record is the header. Cells are kept
 * as text ({@code NA} stays {@code NA}: {@link #isMissing} is the one missing-value rule). A record
 * with another number of fields than the header is kept and marked incomplete: each caller reports it
 * its way.
 *
 * @param file   the table's file
 * @param header column names as written (trimmed)
 * @param rows   the data records in file order
 */
public record DelimitedTable(Path file, List<String> header, List<Row> rows) {
    private static final Pattern BLANK_LINE = Pattern.compile("(?m)^[ \\t]+(?=\\r?$)");

    /** One data record: its 1-based line in the file and its cells (trimmed; fewer or more than the header when incomplete). */
    public record Row(int line, List<String> cells, boolean complete) {
        /** The cell of column {@code index}, or "" past the end of a short record. */
        public String cell(int index) {
            return index < cells.size() ? cells.get(index) : "";
        }
    }

    /** A file that cannot be read as a table; the message names the file and, where known, the line. */
    public static final class TableException extends Exception {
        private static final long serialVersionUID = 1L;

        public TableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Whether {@code file}'s name makes it tab-separated. */
    public static boolean isTabSeparated(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".tsv") || n.endsWith(".txt") || n.endsWith(".tab");
    }

    /** The one missing-value rule: empty, {@code NA}, {@code NaN} or {@code .} (case-sensitive, as R writes them). */
    public static boolean isMissing(String cell) {
        return cell == null || cell.isEmpty() || cell.equals("NA") || cell.equals("NaN") || cell.equals(".");
    }

    /** Column index of {@code name}, or -1. */
    public int columnOf(String name) {
        return header.indexOf(name);
    }

    /** Reads {@code file}; an empty file has an empty header and no rows. */
    public static DelimitedTable read(Path file) throws TableException {
        if (Files.isDirectory(file)) {
            throw new TableException(file + ": is a folder, not a table", null);
        }
        if (!Files.isRegularFile(file)) {
            throw new TableException(file + ": no such file", null);
        }
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new TableException(file + ": not UTF-8 text (a binary file?)", e);
        } catch (IOException e) {
            throw new TableException(file + ": cannot read: " + e.getMessage(), e);
        }
        return parse(file, text, isTabSeparated(file));
    }

    /** Parses {@code input} as the text of {@code file}; malformed quoting is an error naming the line. */
    public static DelimitedTable parse(Path file, String input, boolean tabSeparated) throws TableException {
        Parsed p = parseKeepingRows(file, input, tabSeparated);
        if (p.malformed() != null) {
            throw new TableException(file + " line " + p.malformedLine() + ": " + p.malformed(), null);
        }
        return p.table();
    }

    /**
     * The table as far as it could be read, and where and why reading stopped (null when it did not):
     * for a validator that reports every problem of a file at once.
     */
    public record Parsed(DelimitedTable table, int headerLine, int malformedLine, String malformed) {
    }

    /** As {@link #parse}, keeping the records before malformed quoting instead of failing. */
    public static Parsed parseKeepingRows(Path file, String input, boolean tabSeparated) {
        String text = input.startsWith("\uFEFF") ? input.substring(1) : input;
        text = BLANK_LINE.matcher(text).replaceAll(""); // a line of only blanks is an empty line
        int[] lineStarts = lineStarts(text);
        CSVFormat format = (tabSeparated ? CSVFormat.TDF : CSVFormat.RFC4180).builder()
                .setIgnoreEmptyLines(true).setTrim(true).setIgnoreSurroundingSpaces(true).get();
        List<String> header = null;
        int headerLine = 1;
        List<Row> rows = new ArrayList<>();
        String malformed = null;
        int malformedLine = 0;
        try (Reader reader = new StringReader(text); CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            for (CSVRecord rec : parser) {
                int line = lineOf(lineStarts, firstNonBlank(text, rec.getCharacterPosition()));
                if (header == null) {
                    header = List.copyOf(rec.toList());
                    headerLine = line;
                } else {
                    rows.add(new Row(line, List.copyOf(rec.toList()), rec.size() == header.size()));
                }
            }
        } catch (IOException | UncheckedIOException e) {
            String msg = e instanceof UncheckedIOException u && u.getCause() != null ? u.getCause().getMessage() : e.getMessage();
            malformedLine = rows.isEmpty() ? headerLine : rows.get(rows.size() - 1).line() + 1;
            malformed = "malformed " + (tabSeparated ? "TSV" : "CSV") + ": " + msg;
        }
        return new Parsed(new DelimitedTable(file, header == null ? List.of() : header, List.copyOf(rows)), headerLine, malformedLine, malformed);
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
