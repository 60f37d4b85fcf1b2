package org.oncoconcord.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Names the variants of {@code oncoprint.tsv} cells the way a clinician reads them: {@code GENE p.X123Y}
 * when the protein change is known ({@code <type>_protein}), else the genomic key ({@code <type>_variants},
 * {@code chrom:pos:ref>alt}). The RAS and BRAF_V600E rows take the gene from the patient's gene row that
 * lists the same variant (KRAS or NRAS; BRAF).
 */
final class ProteinChanges {
    static final String WILD_TYPE = "wild type", MUTANT = "mutant", NOT_EVALUABLE = "NA";
    private static final String RAS = "RAS", BRAF_V600E = "BRAF_V600E";

    /** patient -> variant key -> the genes whose rows list it. */
    private final Map<String, Map<String, Set<String>>> genesOf;

    private ProteinChanges(Map<String, Map<String, Set<String>>> genesOf) {
        this.genesOf = genesOf;
    }

    /** The gene index of an oncoprint table (empty when it has no variant columns, as written before them). */
    static ProteinChanges of(Tsv onco) {
        Map<String, Map<String, Set<String>>> genes = new HashMap<>();
        for (Map<String, String> r : onco.rows()) {
            String g = r.get("gene");
            if (g.equals(RAS) || g.equals(BRAF_V600E)) {
                continue;
            }
            for (String t : OncoprintPlot.TYPES) {
                for (String key : split(r.get(t + "_variants"))) {
                    genes.computeIfAbsent(r.get("patient"), k -> new HashMap<>()).computeIfAbsent(key, k -> new LinkedHashSet<>()).add(g);
                }
            }
        }
        return new ProteinChanges(genes);
    }

    /** {@code GENE p.X} when {@code protein} is a protein change, else {@code key}. */
    static String label(String gene, String key, String protein) {
        boolean known = protein != null && protein.startsWith("p.");
        return known && gene != null && !gene.isEmpty() ? gene + " " + protein : known ? protein : key;
    }

    /** The labels of one cell's variants, in table order (empty when none is listed). */
    List<String> labels(Map<String, String> row, String type) {
        List<String> keys = split(row.get(type + "_variants"));
        List<String> proteins = split(row.get(type + "_protein"));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String p = proteins.size() == keys.size() ? proteins.get(i) : null;
            out.add(label(gene(row.get("patient"), row.get("gene"), keys.get(i)), keys.get(i), p));
        }
        return out;
    }

    /**
     * A cell as text: its variants ({@link #labels}, comma-separated) when mutated, {@code mutant} when mutated
     * without listed variants, {@code wild type} when evaluable and not mutated, {@code NA} otherwise.
     */
    String status(Map<String, String> row, String type) {
        String v = row.get(type);
        if ("1".equals(v) || "true".equals(v)) {
            List<String> l = labels(row, type);
            return l.isEmpty() ? MUTANT : String.join(", ", l);
        }
        return "0".equals(v) || "false".equals(v) ? WILD_TYPE : NOT_EVALUABLE;
    }

    /** The gene named in a label: the row's gene, or for RAS / BRAF_V600E the gene row listing the same variant. */
    private String gene(String patient, String feature, String key) {
        if (!feature.equals(RAS) && !feature.equals(BRAF_V600E)) {
            return feature;
        }
        Set<String> genes = genesOf.getOrDefault(patient, Map.of()).getOrDefault(key, Set.of());
        for (String g : genes) {
            if (feature.equals(RAS) ? g.equals("KRAS") || g.equals("NRAS") : g.equals("BRAF")) {
                return g;
            }
        }
        return feature.equals(RAS) ? (genes.isEmpty() ? RAS : genes.iterator().next()) : "BRAF";
    }

    /** The entries of a {@code ;}-joined cell; none for NA, empty or absent. */
    static List<String> split(String cell) {
        if (cell == null || cell.isEmpty() || cell.equals("NA")) {
            return List.of();
        }
        return List.of(cell.split(";", -1));
    }
}
