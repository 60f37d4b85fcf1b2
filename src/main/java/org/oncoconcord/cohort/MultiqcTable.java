package org.oncoconcord.cohort;

import java.util.ArrayList;
import java.util.List;

/**
 * MultiQC custom-content table ({@code *_mqc.tsv}): the header comments MultiQC reads
 * ({@code id}, {@code section_name}, {@code description}, {@code plot_type: 'table'}), then a TSV
 * whose first column is the row name.
 */
public final class MultiqcTable {
    private MultiqcTable() {
    }

    /** Renders {@code columns} of {@code table} (the first names the rows) as MultiQC custom content. */
    public static String render(String id, String sectionName, String description, Table table, List<String> columns) {
        StringBuilder sb = new StringBuilder();
        sb.append("# id: '").append(id).append("'\n");
        sb.append("# section_name: '").append(sectionName.replace("'", "")).append("'\n");
        sb.append("# description: '").append(description.replace("'", "")).append("'\n");
        sb.append("# plot_type: 'table'\n");
        sb.append("# pconfig:\n#     id: '").append(id).append("_table'\n#     namespace: 'oncoconcord'\n");
        List<Integer> idx = new ArrayList<>();
        for (String c : columns) {
            int i = table.header().indexOf(c);
            if (i < 0) {
                throw new IllegalArgumentException("no column " + c);
            }
            idx.add(i);
        }
        sb.append(String.join("\t", columns)).append('\n');
        for (List<String> row : table.rows()) {
            sb.append(String.join("\t", idx.stream().map(row::get).toList())).append('\n');
        }
        return sb.toString();
    }

    /** A copy of {@code t} whose first column joins the cells of {@code keyColumns} with ':' as a unique row name. */
    public static Table keyed(Table t, String keyName, List<String> keyColumns) {
        List<String> header = new ArrayList<>();
        header.add(keyName);
        header.addAll(t.header());
        Table out = new Table(header.toArray(String[]::new));
        for (List<String> row : t.rows()) {
            List<Object> cells = new ArrayList<>();
            cells.add(String.join(":", keyColumns.stream().map(c -> row.get(t.header().indexOf(c))).toList()));
            cells.addAll(row);
            out.add(cells.toArray());
        }
        return out;
    }
}
