package org.oncoconcord.simulate;

import java.util.List;

/** Value types of one simulated patient (the planted truth). */
public final class Planted {
    private Planted() {
    }

    /** Where a variant comes from. */
    public enum Origin {
        DRIVER, PASSENGER, CH, GERMLINE;

        /** Where a plasma call comes from: {@code tumour}, {@code ch} or {@code germline}. */
        public String bloodLabel() {
            return switch (this) {
                case DRIVER, PASSENGER -> "tumour";
                case CH -> "ch";
                case GERMLINE -> "germline";
            };
        }
    }

    /**
     * A somatic or CH variant in normalized form. {@code ccfPrimary}/{@code ccfMetastasis}: cancer
     * cell fraction in the primary and in the (possibly unsampled) metastatic clone, 0 when absent.
     * {@code label} is the hotspot (e.g. G12D), or snv / frameshift / indel. {@code pairWith}: the
     * key of a passenger placed 2-3 bp away on purpose (merged into one record by some callers), or null.
     * {@code effect}: the planted consequence on the transcript of the gene it lies in (null outside genes).
     */
    public record TumourVariant(Variant variant, String gene, String label, Origin origin,
                                double ccfPrimary, double ccfMetastasis, String pairWith, CodingPlanter.Effect effect) {
        public boolean inPrimaryClone() {
            return ccfPrimary > 0;
        }

        public boolean inMetastaticClone() {
            return ccfMetastasis > 0;
        }
    }

    /** One variant written into one sample's VCF, with its read counts. */
    public record Call(Variant variant, int depth, int altReads, String filter, TumourVariant source) {
        public boolean pass() {
            return "PASS".equals(filter);
        }
    }

    /** How a sample's file is written (the caller dialect and its quirks). */
    public record FileStyle(String dialect, boolean chrPrefix, boolean contigHeader, boolean normalFirst) {
    }

    /**
     * A sequenced sample: id, type (primary/metastasis/plasma/normal), tumour content (purity, or ctDNA
     * fraction for plasma; 0 for the WBC), its calls (true ones PASS, artefacts not), and for plasma the
     * per-variant detection probabilities of the plasma-source clone's variants. Blood draws carry a
     * {@code timepoint} (baseline, post-op, relapse; null for tissue) and {@code collectionDay} (days from
     * surgery). {@code stream}: the id of the random stream its file quirks are drawn from (kept apart
     * from the sample's place in the list, so a new sample never changes another's file).
     */
    public record Sample(String id, String type, double tumourFraction, FileStyle style, List<Call> calls,
                         List<Detection> detections, String timepoint, Integer collectionDay, long stream) {
        Sample withDraw(String newTimepoint, Integer day, List<Call> newCalls) {
            return new Sample(id, type, tumourFraction, style, newCalls, detections, newTimepoint, day, stream);
        }
    }

    /** A tumour variant's chance of being called in plasma and whether it was. */
    public record Detection(TumourVariant variant, double vaf, int depth, double probability, boolean detected) {
    }

    /** Clinical data and latent covariates of one patient. */
    public record Clinical(int age, String sex, String stage, boolean msi, String metastaticSite,
                           Integer metastasisDays, int osDays, boolean osEvent, Integer rfsDays, Boolean rfsEvent,
                           boolean brafV600ePrimary, boolean rasMutantPrimary, boolean anyDriverNewInMetastasis) {
    }

    /**
     * One patient: clinical data, all tumour variants (primary and metastatic clone), the CH variants
     * called in any sample, germline variants (only with a WBC sample), samples. With several plasma
     * draws the first in the list is the one compared with tissue (the baseline when there is one).
     */
    public record Patient(String id, Clinical clinical, List<TumourVariant> tumourVariants,
                          List<TumourVariant> chVariants, List<Sample> samples, List<TumourVariant> germlineVariants) {
        /** The first sample of this type (for plasma: the draw compared with tissue), or null. */
        public Sample sample(String type) {
            for (Sample s : samples) {
                if (s.type().equals(type)) {
                    return s;
                }
            }
            return null;
        }

        /** Every sample of this type, in list order. */
        public List<Sample> samples(String type) {
            return samples.stream().filter(s -> s.type().equals(type)).toList();
        }
    }
}
