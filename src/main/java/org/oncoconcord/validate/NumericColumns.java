package org.oncoconcord.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Finds the cells that would silently turn a numeric clinical column into a factor: in a column
 * the schema does not type, where most known values are plain decimal numbers, every other value
 * ({@code 0,5}, {@code Infinity}, {@code 1e400}, {@code 12 mg}) is an error naming its cell, unless
 * the column is declared categorical ({@code --factor}).
 */
final class NumericColumns {
    /** A plain decimal number as the survival step reads it: digits, one '.', optional exponent. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private NumericColumns() {
    }

    /** Whether {@code cell} is a finite plain decimal number. */
    static boolean isFiniteNumber(String cell) {
        return DECIMAL.matcher(cell).matches() && Double.isFinite(Double.parseDouble(cell));
    }

    static List<Problem> check(CsvTable table, TableSchema schema, Set<String> factors) {
        List<Problem> out = new ArrayList<>();
        List<String> typed = schema.properties();
        for (String column : table.header()) {
            if (column.isEmpty() || typed.contains(column) || factors.contains(column)) {
                continue;
            }
            int numbers = 0, known = 0;
            for (CsvTable.Row row : table.rows()) {
                String v = row.get(column);
                if (row.complete() && !TableSchema.isMissing(v)) {
                    known++;
                    numbers += isFiniteNumber(v) ? 1 : 0;
                }
            }
            if (numbers == known || numbers * 2 <= known) {
                continue; // all numbers, or a text column
            }
            for (CsvTable.Row row : table.rows()) {
                String v = row.get(column);
                if (row.complete() && !TableSchema.isMissing(v) && !isFiniteNumber(v)) {
                    String why = DECIMAL.matcher(v).matches() ? "is beyond the range of a number" : "is not a plain number";
                    out.add(Problem.error(table.displayName(), row.line(), table.columnOf(column), column, "'" + v + "' " + why
                            + ", though " + numbers + " of the " + known + " known values of this column are numbers "
                            + "(use '.' for decimals, NA or an empty cell when unknown, or --factor " + column
                            + " if the column is categorical)"));
                }
            }
        }
        return out;
    }
}
