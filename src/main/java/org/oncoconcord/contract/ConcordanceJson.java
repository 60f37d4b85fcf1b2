package org.oncoconcord.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code ID.concordance.json}, the per-patient result of {@code concordance} (docs/CONTRACTS.md,
 * section concordance): written by the concordance step, read by cohort, report and multiqc-stats
 * through {@link #read}. Keys are the snake_case names of the record components, in their order; a
 * component marked {@code @JsonInclude(NON_NULL)} is an optional key (left out when null), every
 * other key must be present (its value may be null where the contract says so). A new section is a
 * new record and one more component.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ConcordanceJson(String patient, String toolVersion, String annotation, boolean includeFiltered,
                              long nDistinctVariants, List<Sample> samples, List<Pair> pairs, Map<String, Long> classes,
                              Map<String, Gene> genes, RasStatus rasStatus,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Plasma plasma,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Evidence evidence,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Consequences consequences,
                              @JsonInclude(JsonInclude.Include.NON_NULL) SerialPlasma serialPlasma) {

    /** A result without read-level evidence or consequence provenance. */
    public ConcordanceJson(String patient, String toolVersion, String annotation, boolean includeFiltered,
                           long nDistinctVariants, List<Sample> samples, List<Pair> pairs, Map<String, Long> classes,
                           Map<String, Gene> genes, RasStatus rasStatus, Plasma plasma) {
        this(patient, toolVersion, annotation, includeFiltered, nDistinctVariants, samples, pairs, classes, genes, rasStatus,
                plasma, null, null, null);
    }

    /** This result with the summary of the read-level evidence laid over its calls. */
    public ConcordanceJson withEvidence(Evidence e) {
        return new ConcordanceJson(patient, toolVersion, annotation, includeFiltered, nDistinctVariants, samples, pairs,
                classes, genes, rasStatus, plasma, e, consequences, serialPlasma);
    }

    /** Reads and checks {@code file}; throws naming the file and the missing or invalid key. */
    public static ConcordanceJson read(Path file) throws ContractException {
        return ContractJson.read(file, ConcordanceJson.class);
    }

    /** This result with {@code samples} in place of its own. */
    public ConcordanceJson withSamples(List<Sample> samples) {
        return new ConcordanceJson(patient, toolVersion, annotation, includeFiltered, nDistinctVariants, samples, pairs,
                classes, genes, rasStatus, plasma, evidence, consequences, serialPlasma);
    }

    /** This result with the {@code serial_plasma} section (null: none). */
    public ConcordanceJson withSerialPlasma(SerialPlasma serial) {
        return new ConcordanceJson(patient, toolVersion, annotation, includeFiltered, nDistinctVariants, samples, pairs,
                classes, genes, rasStatus, plasma, evidence, consequences, serial);
    }

    /**
     * Where the variants' consequences (gene status, HGVS, variants.tsv consequence columns) came
     * from: the VCFs' own annotations or our engine on {@code models} (absent with {@code --genes}).
     *
     * @param models     the transcript models of our engine ({@code shipped MANE Select GRCh37}, {@code gtf FILE}, ...)
     * @param declared   per sample label, the annotation its VCF header declares ({@code CSQ}, {@code ANN}, {@code FUNCOTATION})
     * @param reannotate true when {@code --reannotate} made our engine annotate every allele
     * @param fromVcf    distinct alleles whose consequence came from a VCF's annotation
     * @param computed   distinct alleles annotated by our engine
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Consequences(String models, Map<String, String> declared, boolean reannotate, long fromVcf, long computed) {
    }

    /** One input sample: its thresholds and what became of its records. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Sample(String label, String type, String file, String tumorSample, String regions, double minVaf,
                         int minDepth, long nVariants, Double maxVaf, Double medianVaf, long records, long alleles,
                         long filtered, long belowMinVaf, long belowMinDepth, long skippedSymbolic, long duplicates,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String normalizedWith) {
        /** This sample as read from the raw {@code file} and normalized with {@code fasta} first. */
        public Sample normalized(String rawFile, String fasta) {
            return new Sample(label, type, rawFile, tumorSample, regions, minVaf, minDepth, nVariants, maxVaf, medianVaf,
                    records, alleles, filtered, belowMinVaf, belowMinDepth, skippedSymbolic, duplicates, fasta);
        }
    }

    /** The counts of one pair of samples; sensitivity and PPV only for a tissue-vs-plasma pair. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Pair(String a, String b, String typeA, String typeB, long nA, long nB, long shared, long onlyA,
                       long onlyB, long notEvaluable, long notEvaluableA, long notEvaluableB, Double jaccard,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Interval sensitivity,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Interval ppv) {
    }

    /** A proportion x / n with its Wilson 95% interval (null estimate and bounds when n = 0). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Interval(Double estimate, Double lower, Double upper, long x, long n) {
    }

    /** One gene: mutated per sample label, agreement, and the variants that count. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Gene(Map<String, Boolean> status, boolean agree, long nVariants, List<String> variants) {
    }

    /** RAS (mutant | wild_type per label) and BRAF V600E status. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record RasStatus(Map<String, String> status, boolean agree, Map<String, List<String>> variants,
                            Map<String, Boolean> brafV600e, boolean brafAgree) {
    }

    /** The plasma sample's tumour signal, misses, tumour fraction and detection analysis (docs/PLASMA.md). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Plasma(String label, Double maxSomaticVaf, Double maxTissueSharedVaf, boolean tumourSignal,
                         long tissueVariantsDetected, long missedTissueVariants, long missedWithSignal,
                         long missedWithoutSignal, long missedWithSubthresholdEvidence, long tissueVariantsNotEvaluable,
                         @JsonInclude(JsonInclude.Include.NON_NULL) TumourFraction tumourFraction,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Detection detection,
                         @JsonInclude(JsonInclude.Include.NON_NULL) ClonalHaematopoiesis clonalHaematopoiesis) {
    }

    /**
     * Plasma calls of blood origin (docs/PLASMA.md): the rule used ({@code wbc} with a normal sample,
     * else {@code gene_list}), its settings, the counts per label and the labelled calls.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ClonalHaematopoiesis(String rule, String wbcSample, double germlineMinWbcVaf, List<String> chGenes,
                                       double tp53MaxPlasmaVaf, String possibleCh, String wbcFile, long nCh, long nGermline,
                                       long nPossibleCh, long nExcludedFromComparison, boolean callsTruncated, List<ChCall> calls) {
    }

    /** One plasma call labelled {@code ch}, {@code germline} or {@code possible_ch}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ChCall(String variant, String gene, Double plasmaVaf, Long plasmaDepth, Double wbcVaf, Long wbcDepth,
                         boolean inTissue, String label, String rule, boolean counted) {
    }

    /** Maximum-likelihood plasma tumour fraction over the clonal tissue variants. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record TumourFraction(String method, Double estimate, Double lower, Double upper, String bin, long nVariants,
                                 long nCensored, long altReads, long depth, Integer assumedDepthWhereUnknown) {
    }

    /** Plasma detection of the tissue variants, with the informative misses. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Detection(int minAltReads, double informativeProbability, long detected, long missedInformative,
                            long missedNotInformative, Interval sensitivityAll, Interval sensitivityInformative,
                            List<Miss> misses) {
    }

    /** One tissue variant the plasma missed. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Miss(String variant, Integer plasmaDepth, boolean depthAssumed, Double tissueVaf,
                       Double detectionProbability, boolean informative) {
    }

    /**
     * Read-level evidence laid over the calls ({@code concordance --evidence}, docs/PILEUP.md): rows of the
     * pileup file, those used (a compared variant) and those for other sites, and per sample what changed;
     * optional (absent from older files): {@code classes_vcf}, the variant classes of
     * the VCFs alone (the keys of {@code classes}, then any class only this view has; same total), and
     * {@code class_changes}, the variants whose class the evidence changed, by VCF class and evidence class.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Evidence(String file, long rows, long rowsUsed, long rowsOtherSites, List<EvidenceSample> samples,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Long> classesVcf,
                           @JsonInclude(JsonInclude.Include.NON_NULL) List<ClassChange> classChanges) {
        /** Without the class counts of the VCF-only view (a concordance.json written before they existed). */
        public Evidence(String file, long rows, long rowsUsed, long rowsOtherSites, List<EvidenceSample> samples) {
            this(file, rows, rowsUsed, rowsOtherSites, samples, null, null);
        }
    }

    /**
     * Variants whose class from the VCFs alone ({@code from}, a key of {@code evidence.classes_vcf}) differs from
     * their class with the read evidence ({@code to}, a key of {@code classes}), e.g. {@code primary_only} to
     * {@code shared_all}.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ClassChange(String from, String to, long variants) {
    }

    /**
     * One sample with reads: {@code variants = present_in_vcf + subthreshold + measured_absent + not_assessable + unchanged};
     * subthreshold: absent from the VCF, present below the call threshold in the reads, now present; measured_absent: not
     * evaluable by the VCF view, absent with enough reads, now evaluable; not_assessable: evaluable by the VCF view, too few
     * reads, now not evaluable; unchanged: absent from the VCF and the reads agree.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record EvidenceSample(String label, long variants, long presentInVcf, long subthreshold, long measuredAbsent,
                                 long notAssessable, long unchanged) {
    }

    /**
     * Every plasma draw of a patient with serial plasma (docs/PLASMA.md "Serial plasma"): which one the
     * single-plasma sections compare ({@code comparison_sample}, chosen by {@code comparison_rule}), and
     * each draw compared with the tissue on its own.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record SerialPlasma(String comparisonSample, String comparisonRule, List<PlasmaDrawResult> draws) {
    }

    /**
     * One plasma draw against the tissue (tissue + this plasma + the WBC sample, as the single-plasma
     * analysis): its tumour signal (at least one tissue variant detected), tumour fraction and detection.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record PlasmaDrawResult(String sample, String timepoint, String timepointKind, Double collectionDay,
                                   boolean comparison, boolean tumourSignal, Double maxSomaticVaf, Double tumourFractionEstimate,
                                   Double tumourFractionLower, Double tumourFractionUpper, String tumourFractionBin,
                                   long tissueVariantsDetected, long tissueVariantsEvaluable, long tissueVariantsNotEvaluable,
                                   long missedInformative, long missedNotInformative, long plasmaOnly,
                                   Interval sensitivityAll, Interval sensitivityInformative, long nCh, long nGermline,
                                   long nPossibleCh) {
    }
}
