package org.oncoconcord.simulate;

import java.util.Map;

/**
 * Every planted parameter of the simulator. Defaults (with their sources) live in
 * {@code defaults.yaml} beside this class; {@link ConfigLoader} overlays a user YAML on them.
 * Maps keep the YAML order, so draws stay deterministic.
 */
public record SimulationConfig(
        Cohort cohort,
        Map<String, DriverGene> drivers,
        RasBraf rasBraf,
        Passengers passengers,
        Metastasis metastasis,
        Plasma plasma,
        ClonalHaematopoiesis clonalHaematopoiesis,
        Survival survival,
        Files files,
        Genome genome,
        BloodDraws bloodDraws,
        Bams bams,
        Consequences consequences) {

    /**
     * Consequence classes of non-hotspot variants planted in genes: drivers and CH variants draw from
     * {@code driverClasses} (frameshifts come from each gene's {@code indel_fraction}); a share
     * {@code inGenePassengerFraction} of passengers (and half the germline variants) go into a gene as one
     * of {@code silentClasses}.
     */
    public record Consequences(Map<String, Double> driverClasses, Map<String, Double> silentClasses,
                               double inGenePassengerFraction) {
    }

    /** Clinical make-up and tissue sequencing. */
    public record Cohort(double stageIvFraction, double msiFraction, double ageMean, double ageSd,
                         int ageMin, int ageMax, double maleFraction, Map<String, Double> metastaticSites,
                         double metastasisBiopsyFraction, double plasmaFractionWithMetastasis,
                         double purityMin, double purityMax, double tissueDepthMean, double tissueDepthShape,
                         int tissueMinAltReads) {
    }

    /** One driver gene: frequency by MSI status, primary-vs-metastasis discordance, mutation spectrum. */
    public record DriverGene(double frequencyMss, double frequencyMsi, double discordance, double hotspotShare,
                             double indelFraction, Map<String, Double> hotspots) {
    }

    /** Mutual exclusivity of RAS and BRAF V600E. */
    public record RasBraf(double cooccurrenceFactor) {
    }

    public record Passengers(double medianMss, double medianMsi, double sdlog, double indelFractionMss,
                             double indelFractionMsi, double clonalFraction, double nearbyPairFraction) {
    }

    public record Metastasis(double keepSubclonalPassenger, double newPassengersPerPrimary,
                             double subclonalCcfMin, double subclonalCcfMax) {
    }

    /** ctDNA shedding of one metastatic site (or {@code none}). */
    public record Shedding(double nonShedderFraction, double medianFraction, double sdlog) {
    }

    public record Plasma(double depthMean, double depthShape, int minAltReads, double maxFraction,
                         Map<String, Shedding> shedding) {
    }

    public record ClonalHaematopoiesis(@com.fasterxml.jackson.annotation.JsonProperty("rate_at_65") double rateAt65, double logRatePerYear, double vafMedian, double vafSdlog,
                                       double vafMax, Map<String, Double> genes, double dnmt3aR882Share) {
    }

    public record Survival(double osBaselinePerDay, double rfsBaselinePerDay, Map<String, Double> osLogHr,
                           Map<String, Double> rfsLogHr, double adminFollowupMinDays, double adminFollowupMaxDays,
                           double lossToFollowupPerYear) {
    }

    public record Files(Map<String, Double> dialects, double chrPrefixFraction, double noContigHeaderFraction,
                        double rightShiftIndelFraction, double paddedIndelFraction, double artefactCallsMean,
                        double normalFirstFraction) {
    }

    public record Genome(int contigLength, int repeatSpacing) {
    }

    /**
     * Blood draws beyond the single plasma sample (off by default): a white-blood-cell ({@code normal})
     * sample for a share of the patients with plasma (its CH clones and a few germline variants, which
     * then also appear in every plasma draw of that patient), and serial plasma (post-op, and baseline
     * before surgery for patients whose first draw is at relapse) for a share of the stage III patients.
     */
    public record BloodDraws(double wbcFraction, double germlineVariantsMean, double germlineHomozygousFraction,
                             double serialFraction, int baselineDayMin, int baselineDayMax, int postopDayMin,
                             int postopDayMax, double postopPositiveIfRelapse, double postopPositiveIfNoRelapse,
                             double postopMedianFraction, double postopSdlog) {
    }

    /**
     * Simulated reads (off by default: no patients listed): BAMs of the listed patients' samples of the listed types,
     * reads only in windows around the patient's variant sites, with each sample's planted read counts
     * (its VCF depth and alt reads where it has the call, else a fresh tissue depth and no alt read; with
     * {@code depthScale} < 1 a random subset of those reads, drawn without replacement),
     * sequencing errors, duplicates and low-MAPQ reads. {@code missedCallFraction} (0: off): share of the low-VAF
     * (below {@code missedCallMaxVaf}) true calls of those tissue samples left out of their VCF, reads kept ({@link CallerMisses}).
     */
    public record Bams(java.util.List<String> patients, java.util.List<String> sampleTypes, int readLength,
                       int fragmentMin, int fragmentMax, double depthScale, double errorRate, double duplicateRate, double lowMapqRate,
                       double missedCallFraction, double missedCallMaxVaf) {
    }
}
