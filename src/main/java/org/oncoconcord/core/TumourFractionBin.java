package org.oncoconcord.core;

/**
 * The tumour-fraction bins of plasma (docs/PLASMA.md): {@code <1%}, {@code 1-5%}, {@code >5%}, as
 * concordance writes them to concordance.json and cohort groups patients by them.
 */
public final class TumourFractionBin {
    private TumourFractionBin() {
    }

    /** The bin of a tumour-fraction estimate: {@code <1%}, {@code 1-5%}, {@code >5%}, or null (NaN). */
    public static String of(double tf) {
        if (Double.isNaN(tf)) {
            return null;
        }
        return tf < 0.01 ? "<1%" : tf <= 0.05 ? "1-5%" : ">5%";
    }
}
