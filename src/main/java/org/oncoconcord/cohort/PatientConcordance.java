package org.oncoconcord.cohort;

import org.oncoconcord.core.SampleType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.oncoconcord.contract.ConcordanceJson;
import org.oncoconcord.contract.VariantsTsv;

/**
 * One patient's concordance result, read from {@code ID.concordance.json} (and, when present,
 * {@code ID.variants.tsv}): what the cohort statistics need, by sample type rather than label.
 *
 * @param patient      patient id
 * @param source       the JSON file it was read from
 * @param types        sample types present
 * @param geneStatus   gene -> sample type -> mutated (null: not evaluable in that sample)
 * @param ras          sample type -> RAS mutant (null: not evaluable)
 * @param braf         sample type -> BRAF V600E (null: not evaluable)
 * @param primaryMet   the primary-vs-metastasis pair counts, or null without both samples
 * @param plasmaOnly   variants only in plasma (class {@code plasma_only}), or null without plasma
 * @param classes      the variant class counts as given
 * @param plasma       plasma tumour signal, or null without plasma
 * @param newInMet     variants present in the metastasis and absent (evaluable) in the primary,
 *                     or null when no variants table was found
 * @param json         the concordance.json as read (null in tests that build a patient by hand)
 * @param variants     the variants.tsv beside it, read once for every cohort table (null when none was found)
 */
public record PatientConcordance(String patient, Path source, List<SampleType> types,
                                 Map<String, Map<SampleType, Boolean>> geneStatus,
                                 Map<SampleType, Boolean> ras, Map<SampleType, Boolean> braf,
                                 PairCounts primaryMet, Integer plasmaOnly, Map<String, Integer> classes,
                                 PlasmaSignal plasma, List<NewVariant> newInMet, ConcordanceJson json, VariantsTsv variants) {

    /** A patient built without its files (tests). */
    public PatientConcordance(String patient, Path source, List<SampleType> types, Map<String, Map<SampleType, Boolean>> geneStatus,
                              Map<SampleType, Boolean> ras, Map<SampleType, Boolean> braf, PairCounts primaryMet, Integer plasmaOnly,
                              Map<String, Integer> classes, PlasmaSignal plasma, List<NewVariant> newInMet) {
        this(patient, source, types, geneStatus, ras, braf, primaryMet, plasmaOnly, classes, plasma, newInMet, null, null);
    }

    /** Shared and private counts of the primary-vs-metastasis pair. */
    public record PairCounts(int shared, int primaryOnly, int metastasisNew, int notEvaluable) {
        /** Percent of the pair's evaluable distinct variants found in both samples. */
        public double percentShared() {
            int total = shared + primaryOnly + metastasisNew;
            return total == 0 ? Double.NaN : 100.0 * shared / total;
        }
    }

    /**
     * Whether the plasma sample showed any tumour signal (its highest somatic VAF), its tumour fraction
     * (NaN when concordance.json predates it or no tissue variant was evaluable) and the tissue variants
     * detected / missed informatively / missed uninformatively (docs/PLASMA.md); the plasma sample's label
     * and its {@code clonal_haematopoiesis} section as read (null in files that predate it).
     */
    public record PlasmaSignal(boolean tumourSignal, double maxSomaticVaf, double tumourFraction, double tfLower,
                               double tfUpper, int detected, int missedInformative, int missedNotInformative,
                               String label, ConcordanceJson.ClonalHaematopoiesis clonalHaematopoiesis) {
        /** Without the plasma label and the clonal-haematopoiesis section. */
        public PlasmaSignal(boolean tumourSignal, double maxSomaticVaf, double tumourFraction, double tfLower,
                            double tfUpper, int detected, int missedInformative, int missedNotInformative) {
            this(tumourSignal, maxSomaticVaf, tumourFraction, tfLower, tfUpper, detected, missedInformative, missedNotInformative,
                    "", null);
        }

        /** The tumour-fraction bin ({@code <1%}, {@code 1-5%}, {@code >5%}), {@code unknown} without an estimate. */
        public String tfBin() {
            String bin = org.oncoconcord.core.TumourFractionBin.of(tumourFraction);
            return bin == null ? "unknown" : bin;
        }
    }

    /** A variant new in the metastasis, with its gene ("." outside annotated genes) and hotspot. */
    public record NewVariant(String chrom, long pos, String ref, String alt, String gene, String hotspot, String group) {
        public boolean inGene() {
            return gene != null && !gene.isEmpty() && !gene.equals(".");
        }
    }

    /** This patient without its variants table (the cohort step keeps what it needs of each table, not the table). */
    public PatientConcordance withoutVariants() {
        return new PatientConcordance(patient, source, types, geneStatus, ras, braf, primaryMet, plasmaOnly, classes, plasma, newInMet, json, null);
    }

    public boolean has(SampleType t) {
        return types.contains(t);
    }

    /** Status of a per-type call in the tissue: mutated in any tissue sample; null if none evaluable. */
    public static Boolean tissue(Map<SampleType, Boolean> byType) {
        Boolean p = byType.get(SampleType.PRIMARY), m = byType.get(SampleType.METASTASIS);
        if (Boolean.TRUE.equals(p) || Boolean.TRUE.equals(m)) {
            return true;
        }
        return (p != null || m != null) ? Boolean.FALSE : null;
    }
}
