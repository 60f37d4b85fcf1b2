package org.oncoconcord.survival;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oncoconcord.io.DelimitedTable;
import org.oncoconcord.core.UserException;

/**
 * A small column-oriented table of text cells read from CSV or TSV (chosen by extension), with the
 * source line of every row so errors can name it. Empty, {@code NA}, {@code NaN} and {@code .}
 * cells are missing.
 */
public final class DataTable {
    private final String source;
    private final List<String> names;
    private final Map<String, List<String>> columns;
    private final int[] lines;
    private final Map<String, double[]> numeric = new java.util.HashMap<>();

    DataTable(String source, List<String> names, Map<String, List<String>> columns, int[] lines) {
        this.source = source;
        this.names = List.copyOf(names);
        this.columns = columns;
        this.lines = lines;
    }

    /** Builds a table in memory (tests, simulation); line numbers are row index + 2 (after a header). */
    public static DataTable of(String source, Map<String, List<String>> cols) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        int n = -1;
        for (var e : cols.entrySet()) {
            copy.put(e.getKey(), List.copyOf(e.getValue()));
            if (n >= 0 && e.getValue().size() != n) {
                throw new IllegalArgumentException("columns differ in length");
            }
            n = e.getValue().size();
        }
        int[] lines = new int[Math.max(n, 0)];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = i + 2;
        }
        return new DataTable(source, new ArrayList<>(cols.keySet()), copy, lines);
    }

    /** Reads a CSV (default) or TSV ({@code .tsv}, {@code .txt}, {@code .tab}) file with a header line. */
    public static DataTable read(Path file) {
        DelimitedTable t; // the one table reader (io.DelimitedTable), shared with validate and cohort
        try {
            t = DelimitedTable.read(file);
        } catch (DelimitedTable.TableException e) {
            throw new UserException(e.getMessage(), e);
        }
        List<String> header = t.header();
        if (header.isEmpty()) {
            throw new UserException(file + " line 1: no header line");
        }
        Map<String, List<String>> cols = new LinkedHashMap<>();
        for (String h : header) {
            if (cols.put(h, new ArrayList<>()) != null) {
                throw new UserException(file + " line 1: duplicate column '" + h + "'");
            }
        }
        int[] lineNos = new int[t.rows().size()];
        for (int r = 0; r < lineNos.length; r++) {
            DelimitedTable.Row rec = t.rows().get(r);
            if (!rec.complete()) {
                throw new UserException(file + " line " + rec.line() + ": " + rec.cells().size() + " fields, header has " + header.size());
            }
            for (int i = 0; i < header.size(); i++) {
                cols.get(header.get(i)).add(rec.cell(i));
            }
            lineNos[r] = rec.line();
        }
        return new DataTable(file.toString(), header, cols, lineNos);
    }

    /** True for the cells read as missing: empty, NA, NaN, "." (case-sensitive as R writes them). */
    public static boolean isMissing(String cell) {
        return DelimitedTable.isMissing(cell);
    }

    public String source() {
        return source;
    }

    public List<String> names() {
        return names;
    }

    public int rows() {
        return lines.length;
    }

    /** The file line of row {@code i} (0-based). */
    public int line(int i) {
        return lines[i];
    }

    public boolean has(String column) {
        return columns.containsKey(column);
    }

    /** The cells of a column, failing with a message naming the file when it is absent. */
    public List<String> column(String column) {
        List<String> c = columns.get(column);
        if (c == null) {
            throw new UserException(source + ": no column '" + column + "' (columns: " + String.join(", ", names) + ")");
        }
        return Collections.unmodifiableList(c);
    }

    public String cell(String column, int row) {
        return column(column).get(row);
    }

    /** The number in a cell, NaN when missing; a non-numeric cell is an error naming file, line and column. */
    public double number(String column, int row) {
        double[] parsed = numbers(column);
        if (parsed != null) {
            return parsed[row];
        }
        String s = cell(column, row);
        if (isMissing(s)) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(s);
            if (Double.isInfinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new UserException(source + " line " + line(row) + ": column '" + column + "' value '" + s + "' is not a finite number");
        }
    }

    /** True when every non-missing cell of the column parses as a finite number. */
    public boolean isNumeric(String column) {
        return numbers(column) != null;
    }

    private static final java.util.regex.Pattern DECIMAL_COMMA = java.util.regex.Pattern.compile("[-+]?[0-9]*,[0-9]+([eE][-+]?[0-9]+)?");

    /**
     * Refuses a column that looks numeric but has a cell that is not a finite number, so that such
     * a column never silently becomes a factor with one level per value: a cell that is a number
     * out of range ({@code Infinity}, {@code 1e400}) or written with a decimal comma ({@code 0,5})
     * is always an error; a text cell is an error when at least half of the column's values are
     * numbers. The message names file, line, column and value. Callers skip this check for the
     * columns the user names as factors.
     */
    public void requireNotNumericLooking(String column) {
        List<String> cells = column(column);
        int numbers = 0;
        int text = 0;
        int firstText = -1;
        for (int i = 0; i < cells.size(); i++) {
            String s = cells.get(i);
            if (isMissing(s)) {
                continue;
            }
            Double v = parseOrNull(s);
            if (v != null && Double.isFinite(v)) {
                numbers++;
            } else if (v != null || DECIMAL_COMMA.matcher(s).matches()) {
                throw new UserException(source + " line " + line(i) + ": column '" + column + "' value '" + s + "' is not a finite number"
                        + (v == null ? " (decimal comma? write 0.5)" : "") + "; fix or blank the cell, or pass --factor " + column
                        + " to treat the column as categorical");
            } else {
                text++;
                firstText = firstText < 0 ? i : firstText;
            }
        }
        if (numbers > 0 && text > 0 && numbers >= text) {
            throw new UserException(source + " line " + line(firstText) + ": column '" + column + "' value '" + cells.get(firstText)
                    + "' is not a number, but " + numbers + " of its " + (numbers + text) + " values are; fix or blank the cell, or pass --factor "
                    + column + " to treat the column as categorical");
        }
    }

    private static Double parseOrNull(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The column parsed as numbers (NaN when missing), or null when a cell is not a finite number; parsed once. */
    private synchronized double[] numbers(String column) {
        if (numeric.containsKey(column)) {
            return numeric.get(column);
        }
        List<String> cells = column(column);
        double[] v = new double[cells.size()];
        for (int i = 0; v != null && i < v.length; i++) {
            String s = cells.get(i);
            if (isMissing(s)) {
                v[i] = Double.NaN;
                continue;
            }
            try {
                v[i] = Double.parseDouble(s);
                if (!Double.isFinite(v[i])) {
                    v = null;
                }
            } catch (NumberFormatException e) {
                v = null;
            }
        }
        numeric.put(column, v);
        return v;
    }

    /** The same table with the cells of one existing column replaced (same length, same lines). */
    public DataTable withColumn(String column, List<String> cells) {
        column(column);
        if (cells.size() != rows()) {
            throw new IllegalArgumentException("column " + column + ": " + cells.size() + " cells for " + rows() + " rows");
        }
        Map<String, List<String>> cols = new LinkedHashMap<>(columns);
        cols.put(column, List.copyOf(cells));
        return new DataTable(source, names, cols, lines);
    }

    /** A table holding only the given rows, in the given order. */
    public DataTable subset(int[] rowsToKeep) {
        Map<String, List<String>> cols = new LinkedHashMap<>();
        for (String n : names) {
            List<String> src = columns.get(n);
            List<String> dst = new ArrayList<>(rowsToKeep.length);
            for (int r : rowsToKeep) {
                dst.add(src.get(r));
            }
            cols.put(n, dst);
        }
        int[] l = new int[rowsToKeep.length];
        for (int i = 0; i < l.length; i++) {
            l[i] = lines[rowsToKeep[i]];
        }
        return new DataTable(source, names, cols, l);
    }
}
