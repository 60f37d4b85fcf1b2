package org.oncoconcord.clonality;

import java.util.ArrayList;
import java.util.List;

/**
 * Tumour purity from the clonal cluster when no purity is given. A clonal mutation on {@code m} of the
 * {@code CN} copies of its locus has {@code VAF = p x m / (p x CN + 2 x (1 - p))}, so each variant implies
 * the purity {@code p = 2 x VAF / (m + VAF x (2 - CN))} (twice its VAF on a diploid locus). Starting from
 * the upper quartile of the implied purities (multiplicity 1), the variants whose CCF interval reaches 1
 * under the current purity are taken as clonal and the purity becomes the median of their implied
 * purities, until it stops changing (at most 20 rounds). Multiplicity: 1 where the copy number is at most
 * 2 (as the CCF assumes); on a gained locus the whole number of mutated copies (1 to CN) that brings the
 * variant's CCF under the current purity closest to 1, so a clonal mutation that was gained with its
 * allele implies the same purity as the others. With copy number 2 everywhere (no segments) this is twice
 * the median VAF of the clonal cluster.
 */
public final class PurityEstimate {
    private PurityEstimate() {
    }

    /** @param alt alt reads, @param depth depths (same order), all on copy number 2; needs at least 3 variants. */
    public static double estimate(int[] alt, int[] depth) {
        double[] cn = new double[alt.length];
        java.util.Arrays.fill(cn, 2);
        return estimate(alt, depth, cn);
    }

    /**
     * @param alt        alt reads
     * @param depth      depths (same order)
     * @param copyNumber the tumour's total copy number at each variant (2: diploid); needs at least 3 variants
     */
    public static double estimate(int[] alt, int[] depth, double[] copyNumber) {
        if (alt.length < 3 || alt.length != depth.length || alt.length != copyNumber.length) {
            throw new IllegalArgumentException("need at least 3 variants with alt, depth and copy number to estimate purity");
        }
        double[] vaf = new double[alt.length];
        double[] implied = new double[alt.length];
        for (int i = 0; i < alt.length; i++) {
            vaf[i] = (double) alt[i] / depth[i];
            implied[i] = implied(vaf[i], copyNumber[i], 1);
        }
        double[] sorted = implied.clone();
        java.util.Arrays.sort(sorted);
        double purity = clamp(sorted[(int) Math.floor(0.75 * (sorted.length - 1))]);
        for (int round = 0; round < 20; round++) {
            List<Double> clonal = new ArrayList<>();
            for (int i = 0; i < alt.length; i++) {
                int m = multiplicity(vaf[i], copyNumber[i], purity);
                if (Ccf.of(alt[i], depth[i], purity, copyNumber[i], m).clonal()) {
                    clonal.add(implied(vaf[i], copyNumber[i], m));
                }
            }
            if (clonal.isEmpty()) {
                break;
            }
            double next = clamp(Heterogeneity.median(clonal.stream().mapToDouble(Double::doubleValue).toArray()));
            if (Math.abs(next - purity) < 1e-4) {
                return next;
            }
            purity = next;
        }
        return purity;
    }

    /** The purity a clonal variant with this VAF on {@code m} of {@code cn} copies implies (1 when no purity below 1 fits). */
    static double implied(double vaf, double cn, int m) {
        double denominator = m + vaf * (2 - cn);
        return denominator <= 0 ? 1 : 2 * vaf / denominator;
    }

    /**
     * Mutated copies of a variant under {@code purity}: 1 at copy number 2 or less; above, the whole number from 1 to
     * the copy number nearest to {@code VAF x (p x CN + 2 x (1 - p)) / p} (its CCF with multiplicity 1).
     */
    static int multiplicity(double vaf, double cn, double purity) {
        if (cn <= 2) {
            return 1;
        }
        double copies = vaf * (purity * cn + 2 * (1 - purity)) / purity;
        return (int) Math.max(1, Math.min(Math.floor(cn), Math.round(copies)));
    }

    private static double clamp(double p) {
        return Math.max(0.01, Math.min(1, p));
    }
}
