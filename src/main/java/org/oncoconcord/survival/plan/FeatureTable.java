package org.oncoconcord.survival.plan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.oncoconcord.core.UserException;

/**
 * The cohort's {@code features.tsv} (header and rows, each with its file line) and the
 * {@code post_metastasis} columns of {@code features.columns.tsv}. An empty features file (a
 * {@code -stub-run} placeholder) has no header: {@link #stub()}.
 */
public record FeatureTable(String file, List<String> header, List<Row> rows, Set<String> postMetastasis) {
    /** One data row: its 1-based file line and its cells (missing trailing cells are null). */
    public record Row(long line, List<String> cells) {
    }

    public FeatureTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
        postMetastasis = Set.copyOf(postMetastasis);
    }

    public boolean stub() {
        return header.isEmpty();
    }

    public boolean has(String column) {
        return header.contains(column);
    }

    /** The cell of {@code column} in {@code row}, or null when the row is shorter or the column absent. */
    public String cell(Row row, String column) {
        int i = header.indexOf(column);
        return i < 0 || i >= row.cells().size() ? null : row.cells().get(i);
    }

    /** Empty, NA, NaN and '.' are missing (docs/CONTRACTS.md). */
    public static boolean missing(String v) {
        return v == null || v.isEmpty() || v.equals("NA") || v.equals("NaN") || v.equals(".");
    }

    /** The number in {@code column} of {@code row}, null when missing; a cell that is not a number is an error naming file, line and column. */
    public Double number(Row row, String column) {
        String v = cell(row, column);
        if (missing(v)) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UserException(file + " line " + row.line() + ": column " + column + ": '" + v + "' is not a finite number");
    }

    /** Reads features.tsv and the post_metastasis column names of features.columns.tsv. */
    public static FeatureTable read(Path features, Path columns) {
        List<Row> f = records(features);
        List<String> header = f.isEmpty() ? List.of() : f.get(0).cells();
        Set<String> post = new LinkedHashSet<>();
        List<Row> c = records(columns);
        for (Row r : c.subList(Math.min(1, c.size()), c.size())) {
            if (r.cells().size() >= 3 && !r.cells().get(2).equals(org.oncoconcord.contract.FeaturesTsv.AvailableAt.BASELINE.label())) {
                // post_metastasis, post_operative: never from diagnosis
                post.add(r.cells().get(0));
            }
        }
        return new FeatureTable(features.toString(), header, f.subList(Math.min(1, f.size()), f.size()), post);
    }

    /** The non-blank lines of a TSV file (tab-separated, no quoting: docs/CONTRACTS.md), each with its line number. */
    private static List<Row> records(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<Row> out = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (!lines.get(i).isBlank()) {
                    out.add(new Row(i + 1, List.of(lines.get(i).split("\t", -1))));
                }
            }
            return out;
        } catch (NoSuchFileException e) {
            throw new UserException(file + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
