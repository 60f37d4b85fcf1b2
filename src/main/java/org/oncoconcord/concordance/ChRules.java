package org.oncoconcord.concordance;

import org.oncoconcord.contract.ConcordanceJson;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.LinkedHashMap;

/**
 * The rules that label a plasma call of blood origin rather than tumour (docs/PLASMA.md, "Clonal
 * haematopoiesis").
 *
 * @param genes             genes whose plasma-only calls are possible CH when the patient has no WBC sample
 * @param possibleCh        whether possible-CH calls count in the tissue/plasma comparison
 * @param tp53MaxVaf        a plasma-only TP53 call is possible CH only below this plasma VAF (no WBC sample)
 * @param germlineMinWbcVaf a call shared with the WBC sample is germline at or above this WBC VAF, else CH
 */
public record ChRules(List<String> genes, PossibleCh possibleCh, double tp53MaxVaf, double germlineMinWbcVaf) {
    /** The most frequently mutated clonal-haematopoiesis genes (docs/PLASMA.md). */
    public static final List<String> DEFAULT_GENES = List.of("DNMT3A", "TET2", "ASXL1", "PPM1D", "JAK2", "SF3B1", "SRSF2",
            "U2AF1", "CBL", "GNB1");
    /** CHIP is defined from a blood VAF of 2% (Steensma et al., Blood 2015); plasma TP53 calls above it are taken as tumour. */
    public static final double TP53_MAX_VAF = 0.02;
    /** Buffy-coat VAF from which a shared variant is germline (heterozygous ~0.5, homozygous ~1). */
    public static final double GERMLINE_MIN_WBC_VAF = 0.30;

    public ChRules {
        genes = genes.stream().map(g -> g.trim().toUpperCase(Locale.ROOT)).filter(g -> !g.isEmpty()).distinct().toList();
    }

    /** The defaults: {@link #DEFAULT_GENES}, possible CH excluded, TP53 below 2%, germline from WBC VAF 0.30. */
    public static ChRules defaults() {
        return new ChRules(DEFAULT_GENES, PossibleCh.EXCLUDE, TP53_MAX_VAF, GERMLINE_MIN_WBC_VAF);
    }

    /** Whether a gene's plasma-only calls may be CH by the gene-list rule (TP53 only with a low VAF). */
    boolean listed(String gene, double plasmaVaf) {
        if (gene.equals("TP53")) {
            return !Double.isNaN(plasmaVaf) && plasmaVaf < tp53MaxVaf;
        }
        return genes.contains(gene);
    }

    /** The rule as written to concordance.json. */
    ConcordanceJson.ClonalHaematopoiesis describe(String wbcLabel, String wbcFile, long nCh, long nGermline, long nPossibleCh,
                                                  long nExcluded, boolean truncated, List<ConcordanceJson.ChCall> calls) {
        return new ConcordanceJson.ClonalHaematopoiesis(wbcLabel != null ? "wbc" : "gene_list", wbcLabel, germlineMinWbcVaf,
                List.copyOf(genes), tp53MaxVaf, possibleCh.label(), wbcFile, nCh, nGermline, nPossibleCh, nExcluded, truncated, calls);
    }
}
