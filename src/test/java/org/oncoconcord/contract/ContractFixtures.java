package org.oncoconcord.contract;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Complete, valid contract files for the tests of the steps that read them. */
public final class ContractFixtures {
    private ContractFixtures() {
    }

    /**
     * Writes {@code DIR/PATIENT.concordance.json} of a primary {@code tissue} and a plasma sample
     * {@code plasma} with the given variant counts, median VAFs and plasma tumour fraction estimate.
     */
    public static Path concordance(Path dir, String patient, String tissue, long tissueVariants, Double tissueMedianVaf,
                                   String plasma, long plasmaVariants, Double plasmaMedianVaf, Double tumourFraction)
            throws IOException {
        ConcordanceJson.Interval none = new ConcordanceJson.Interval(null, null, null, 0, 0);
        List<ConcordanceJson.Sample> samples = List.of(
                new ConcordanceJson.Sample(tissue, "primary", tissue + ".vcf.gz", tissue, null, 0.0, 0, tissueVariants, null,
                        tissueMedianVaf, tissueVariants, tissueVariants, 0, 0, 0, 0, 0, null),
                new ConcordanceJson.Sample(plasma, "plasma", plasma + ".vcf.gz", plasma, null, 0.0, 0, plasmaVariants, null,
                        plasmaMedianVaf, plasmaVariants, plasmaVariants, 0, 0, 0, 0, 0, null));
        List<ConcordanceJson.Pair> pairs = List.of(new ConcordanceJson.Pair(tissue, plasma, "primary", "plasma", tissueVariants,
                plasmaVariants, 0, tissueVariants, plasmaVariants, 0, 0, 0, null, none, none));
        Map<String, Long> classes = new LinkedHashMap<>();
        classes.put("primary_only", tissueVariants);
        classes.put("plasma_only", plasmaVariants);
        ConcordanceJson.RasStatus ras = new ConcordanceJson.RasStatus(Map.of(tissue, "wild_type", plasma, "wild_type"), true,
                Map.of(tissue, List.of(), plasma, List.of()), Map.of(tissue, false, plasma, false), true);
        ConcordanceJson.Plasma p = new ConcordanceJson.Plasma(plasma, null, null, false, 0, 0, 0, 0, 0, 0,
                new ConcordanceJson.TumourFraction("binomial_ml_clonal_tissue_variants", tumourFraction, null, null, null, 0, 0, 0,
                        0, null), null, null);
        Path f = dir.resolve(patient + ".concordance.json");
        ContractJson.write(f, new ConcordanceJson(patient, "0.1.0", "test", false, tissueVariants + plasmaVariants, samples, pairs,
                classes, Map.of(), ras, p, null));
        return f;
    }
}
