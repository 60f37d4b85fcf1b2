package org.oncoconcord.clonality;

import java.util.ArrayList;
import java.util.List;

/**
 * Tumour purity from the clonal cluster when no purity is given: clonal heterozygous mutations in
 * a diploid tumour have VAF = purity / 2. Starting from twice the upper-quartile VAF, the variants
 * whose CCF interval reaches 1 under the current purity are taken as clonal and the purity
 * becomes twice their median VAF, until it stops changing (at most 20 rounds).
 */
public final class PurityEstimate {
    private PurityEstimate() {
    }

    /** @param alt alt reads, @param depth depths (same order); needs at least 3 variants. */
    public static double estimate(int[] alt, int[] depth) {
        if (alt.length < 3 || alt.length != depth.length) {
            throw new IllegalArgumentException("need at least 3 variants with alt and depth to estimate purity");
        }
        double[] vaf = new double[alt.length];
        for (int i = 0; i < alt.length; i++) {
            vaf[i] = (double) alt[i] / depth[i];
        }
        double[] sorted = vaf.clone();
        java.util.Arrays.sort(sorted);
        double purity = clamp(2 * sorted[(int) Math.floor(0.75 * (sorted.length - 1))]);
        for (int round = 0; round < 20; round++) {
            List<Double> clonal = new ArrayList<>();
            for (int i = 0; i < alt.length; i++) {
                if (Ccf.of(alt[i], depth[i], purity, 2, 1).clonal()) {
                    clonal.add(vaf[i]);
                }
            }
            if (clonal.isEmpty()) {
                break;
            }
            double next = clamp(2 * Heterogeneity.median(clonal.stream().mapToDouble(Double::doubleValue).toArray()));
            if (Math.abs(next - purity) < 1e-4) {
                return next;
            }
            purity = next;
        }
        return purity;
    }

    private static double clamp(double p) {
        return Math.max(0.01, Math.min(1, p));
    }
}
