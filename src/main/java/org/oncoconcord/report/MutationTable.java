package org.oncoconcord.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The mutations per patient behind the oncoprint: one row per patient and gene (then RAS and BRAF
 * V600E) mutated in any sample type, each type's cell naming its variants ({@code KRAS p.G12D}, else
 * the genomic key; {@link ProteinChanges}), {@code wild type} or NA (not evaluable, or no such sample).
 */
final class MutationTable {
    static final List<String> HEADER = List.of("Patient", "Gene / status", "Primary", "Metastasis", "Plasma");

    private MutationTable() {
    }

    static List<List<String>> rows(Tsv onco) {
        ProteinChanges names = ProteinChanges.of(onco);
        List<List<String>> rows = new ArrayList<>();
        for (Map<String, String> r : onco.rows()) {
            if (!OncoprintPlot.mutatedAny(r)) {
                continue;
            }
            List<String> row = new ArrayList<>(List.of(r.get("patient"), SummarySection.label(r.get("gene"))));
            for (String t : OncoprintPlot.TYPES) {
                row.add(names.status(r, t));
            }
            rows.add(row);
        }
        return rows;
    }

    static String html(Tsv onco) {
        List<List<String>> rows = rows(onco);
        if (rows.isEmpty()) {
            return "";
        }
        boolean proteins = onco.header().contains("primary_protein");
        return Html.details("Mutations per patient and sample type (" + rows.size() + " rows)", "<div class=\"mutations\">" + Html.table(HEADER, rows) + "</div>\n"
                + Html.note("Counted variants of each gene (and of RAS / BRAF V600E) per sample type: gene and protein change when known, "
                + "else the variant as chrom:pos:ref>alt; wild type = evaluable, not mutated; NA = not evaluable or no such sample."
                + (proteins ? "" : " This oncoprint.tsv predates the variant columns: mutated cells show 'mutant' only.")));
    }
}
