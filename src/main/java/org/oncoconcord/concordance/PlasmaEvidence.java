package org.oncoconcord.concordance;

import org.oncoconcord.contract.ConcordanceJson;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects, while the engine streams, each tissue-positive variant's plasma alt/depth, and at the end
 * estimates the plasma tumour fraction from the truncal ones (present in every tissue sample) by the
 * clonal/non-clonal mixture likelihood of {@link ClonalMixtureFit}, and labels every plasma miss informative
 * (detection probability at least {@link #INFORMATIVE}) or not (docs/PLASMA.md).
 */
final class PlasmaEvidence {
    /** A miss is informative when the plasma had at least this probability of showing it. */
    static final double INFORMATIVE = 0.95;
    private static final int MAX_LISTED = 200;

    /**
     * One tissue-positive variant evaluable in plasma.
     *
     * @param plasmaVaf   plasma VAF of its call or sub-threshold record, NaN when the plasma VCF has none
     * @param plasmaDepth plasma depth at the site, -1 when unknown
     */
    record Hit(String id, int tissueSample, double tissueVaf, boolean inAllTissue, boolean detected, double plasmaVaf,
               int plasmaDepth) {
        /** Plasma alt reads at depth d: VAF x d, 0 for a site absent from the plasma VCF, -1 unknown. */
        int plasmaAlt(int d) {
            if (Double.isNaN(plasmaVaf)) {
                return detected ? -1 : 0;
            }
            return (int) Math.min(d, Math.round(plasmaVaf * d));
        }
    }

    private final int minAlt;
    private final List<Hit> hits = new ArrayList<>();
    private int[] plasmaDepths = new int[64];
    private int nDepths;

    PlasmaEvidence(int minAlt) {
        this.minAlt = minAlt;
    }

    /** A counted plasma call's depth (for the depth assumed at tissue sites absent from the plasma VCF). */
    void plasmaCallDepth(int depth) {
        if (depth > 0) {
            if (nDepths == plasmaDepths.length) {
                plasmaDepths = Arrays.copyOf(plasmaDepths, nDepths * 2);
            }
            plasmaDepths[nDepths++] = depth;
        }
    }

    void add(Hit h) {
        hits.add(h);
    }

    private int medianPlasmaDepth() {
        if (nDepths == 0) {
            return -1;
        }
        int[] d = Arrays.copyOf(plasmaDepths, nDepths);
        Arrays.sort(d);
        return d[(nDepths - 1) / 2];
    }

    /**
     * The JSON of the tumour fraction and detection analysis.
     *
     * @param tissueMedianVaf median VAF of each sample (index as in {@link Hit#tissueSample})
     */
    Summary summary(double[] tissueMedianVaf) {
        int assumed = medianPlasmaDepth();
        List<Integer> alt = new ArrayList<>();
        List<Integer> dep = new ArrayList<>();
        List<Integer> censored = new ArrayList<>();
        for (Hit h : hits) {
            int d = depthOf(h, assumed);
            if (!h.inAllTissue() || d <= 0) {
                continue;
            }
            if (!h.detected() && Double.isNaN(h.plasmaVaf())) {
                censored.add(d);
            } else if (h.plasmaAlt(d) >= 0) {
                alt.add(h.plasmaAlt(d));
                dep.add(d);
            }
        }
        TumourFraction tf = TumourFraction.fitMixture(alt.stream().mapToInt(Integer::intValue).toArray(),
                dep.stream().mapToInt(Integer::intValue).toArray(), censored.stream().mapToInt(Integer::intValue).toArray(), minAlt);
        ConcordanceJson.TumourFraction t = new ConcordanceJson.TumourFraction("binomial_mixture_ml_truncal_tissue_variants",
                num(tf.estimate()), num(tf.lower()), num(tf.upper()), org.oncoconcord.core.TumourFractionBin.of(tf.estimate()), tf.variants(),
                censored.size(), tf.altReads(), tf.depth(), assumed < 0 ? null : assumed);
        long detected = 0;
        long missedInformative = 0;
        long missedNotInformative = 0;
        List<ConcordanceJson.Miss> misses = new ArrayList<>();
        for (Hit h : hits) {
            if (h.detected()) {
                detected++;
                continue;
            }
            int d = depthOf(h, assumed);
            double cell = cellFraction(h, tissueMedianVaf);
            double pDetect = TumourFraction.detectionProbability(d, tf.estimate(), cell, minAlt);
            boolean informative = pDetect >= INFORMATIVE;
            if (informative) {
                missedInformative++;
            } else {
                missedNotInformative++;
            }
            if (misses.size() < MAX_LISTED) {
                misses.add(new ConcordanceJson.Miss(h.id(), d > 0 ? d : null, h.plasmaDepth() <= 0 && d > 0, num(h.tissueVaf()),
                        num(pDetect), informative));
            }
        }
        ConcordanceJson.Detection det = new ConcordanceJson.Detection(minAlt, INFORMATIVE, detected, missedInformative,
                missedNotInformative, ConcordanceEngine.wilson(detected, detected + missedInformative + missedNotInformative),
                ConcordanceEngine.wilson(detected, detected + missedInformative), misses);
        return new Summary(t, det);
    }

    /** The tumour fraction and detection sections of the plasma JSON. */
    record Summary(ConcordanceJson.TumourFraction tumourFraction, ConcordanceJson.Detection detection) {
    }

    private static int depthOf(Hit h, int assumed) {
        return h.plasmaDepth() > 0 ? h.plasmaDepth() : assumed;
    }

    /** Share of tumour cells carrying the variant: tissue VAF over the tissue median VAF, capped at 1 (1 when unknown). */
    private static double cellFraction(Hit h, double[] median) {
        double m = median[h.tissueSample()];
        if (Double.isNaN(h.tissueVaf()) || Double.isNaN(m) || m <= 0) {
            return 1;
        }
        return Math.min(1, h.tissueVaf() / m);
    }

    private static Double num(double x) {
        return ConcordanceEngine.num(x);
    }
}
