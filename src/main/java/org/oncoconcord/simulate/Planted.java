package org.oncoconcord.simulate;

import java.util.List;

/** Value types of one simulated patient (the planted truth). */
public final class Planted {
    private Planted() {
    }

    /** Where a variant comes from. */
    public enum Origin { DRIVER, PASSENGER, CH }

    /**
     * A somatic or CH variant in normalized form. {@code ccfPrimary}/{@code ccfMetastasis}: cancer
     * cell fraction in the primary and in the (possibly unsampled) metastatic clone, 0 when absent.
     * {@code label} is the hotspot (e.g. G12D), or snv / frameshift / indel. {@code pairWith}: the
     * key of a passenger placed 2-3 bp away on purpose (merged into one record by some callers), or null.
     */
    public record TumourVariant(Variant variant, String gene, String label, Origin origin,
                                double ccfPrimary, double ccfMetastasis, String pairWith) {
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
     * A sequenced sample: id, type (primary/metastasis/plasma), tumour content (purity, or ctDNA
     * fraction for plasma), its calls (true ones PASS, artefacts not), and for plasma the
     * per-variant detection probabilities of the plasma-source clone's variants.
     */
    public record Sample(String id, String type, double tumourFraction, FileStyle style, List<Call> calls,
                         List<Detection> detections) {
    }

    /** A tumour variant's chance of being called in plasma and whether it was. */
    public record Detection(TumourVariant variant, double vaf, int depth, double probability, boolean detected) {
    }

    /** Clinical data and latent covariates of one patient. */
    public record Clinical(int age, String sex, String stage, boolean msi, String metastaticSite,
                           Integer metastasisDays, int osDays, boolean osEvent, Integer rfsDays, Boolean rfsEvent,
                           boolean brafV600ePrimary, boolean rasMutantPrimary, boolean anyDriverNewInMetastasis) {
    }

    /** One patient: clinical data, all tumour variants (primary and metastatic clone), samples. */
    public record Patient(String id, Clinical clinical, List<TumourVariant> tumourVariants,
                          List<TumourVariant> chVariants, List<Sample> samples) {
        public Sample sample(String type) {
            for (Sample s : samples) {
                if (s.type().equals(type)) {
                    return s;
                }
            }
            return null;
        }
    }
}
