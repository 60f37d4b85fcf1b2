package org.oncoconcord.hpc;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Nextflow's execution trace (tab-separated, header line): one map of column -> value per task. */
record Trace(List<String> columns, List<Map<String, String>> tasks) {
    static Trace read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty()) {
            throw new IOException(file + ": empty trace");
        }
        List<String> cols = List.of(lines.get(0).split("\t", -1));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < cols.size(); i++) {
                row.put(cols.get(i), i < f.length ? f[i] : "");
            }
            rows.add(row);
        }
        return new Trace(cols, rows);
    }

    /** The task names (process + tag), sorted: the same pipeline on the same data gives the same list. */
    List<String> sortedNames() {
        return tasks.stream().map(t -> t.get("name")).sorted().toList();
    }
}
