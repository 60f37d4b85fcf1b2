package org.oncoconcord.cohort;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A small in-memory table of text cells, written as TSV. Numbers go through {@link #num}. */
public record Table(List<String> header, List<List<String>> rows) {

    public Table(String... header) {
        this(List.of(header), new ArrayList<>());
    }

    /** Appends a row; it must have one cell per column. */
    public Table add(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, table has " + header.size() + " columns");
        }
        rows.add(Arrays.stream(cells).map(Table::cell).toList());
        return this;
    }

    /** Tab-separated text with a header line, {@code \n} line ends. */
    public String toTsv() {
        StringBuilder sb = new StringBuilder(String.join("\t", header)).append('\n');
        for (List<String> r : rows) {
            sb.append(String.join("\t", r)).append('\n');
        }
        return sb.toString();
    }

    /** A cell as text; missing values (null, empty text, NaN) are {@code NA}, the one convention of every cohort TSV. */
    private static String cell(Object o) {
        if (o == null || (o instanceof String s && s.isEmpty())) {
            return "NA";
        }
        if (o instanceof Double d) {
            return num(d);
        }
        if (o instanceof Boolean b) {
            return b ? "1" : "0";
        }
        return o.toString();
    }

    /** A number as text: NA for NaN, scientific below 1e-4, otherwise at most 6 decimals. */
    public static String num(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return "NA";
        }
        if (d != 0 && Math.abs(d) < 1e-4) {
            return String.format(Locale.ROOT, "%.4e", d);
        }
        String s = String.format(Locale.ROOT, "%.6f", d);
        s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        return s.equals("-0") ? "0" : s;
    }
}
