package org.oncoconcord.validate;

import java.util.Comparator;

/**
 * One problem found in an input table: where it is (file, 1-based line, 1-based column and its
 * name; 0 and "" when the whole line or file is concerned) and what is wrong.
 */
public record Problem(String file, int line, int column, String columnName, Severity severity, String message) {

    /** Whether the problem stops the run ({@link Severity#ERROR}) or is only reported. */
    public enum Severity { ERROR, WARNING }

    /** Orders problems by file, line, column. */
    public static final Comparator<Problem> BY_POSITION = Comparator.comparing(Problem::file)
            .thenComparingInt(Problem::line).thenComparingInt(Problem::column);

    public static Problem error(String file, int line, int column, String columnName, String message) {
        return new Problem(file, line, column, columnName, Severity.ERROR, message);
    }

    public static Problem warning(String file, int line, int column, String columnName, String message) {
        return new Problem(file, line, column, columnName, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:column: error: [column name] message}, the usual compiler layout. */
    public String format() {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ").append(severity == Severity.ERROR ? "error" : "warning").append(": ");
        if (!columnName.isEmpty()) {
            sb.append("column '").append(columnName).append("': ");
        }
        return sb.append(message).toString();
    }
}
