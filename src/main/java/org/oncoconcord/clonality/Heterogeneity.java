package org.oncoconcord.clonality;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Per-patient heterogeneity indices: MATH score of a sample and the Jaccard index of two samples. */
public final class Heterogeneity {
    private Heterogeneity() {
    }

    /**
     * Mutant-allele tumour heterogeneity (Mroz &amp; Rocco 2013): {@code 100 x MAD / median} of the
     * sample's variant allele fractions, MAD scaled by 1.4826 (as R's {@code mad}); NaN for no variants.
     */
    public static double math(List<Double> vafs) {
        if (vafs.isEmpty()) {
            return Double.NaN;
        }
        double[] v = vafs.stream().mapToDouble(Double::doubleValue).toArray();
        double median = median(v);
        double[] dev = Arrays.stream(v).map(x -> Math.abs(x - median)).toArray();
        return 100 * 1.4826 * median(dev) / median;
    }

    /** |A n B| / |A u B| of two samples' variant sets; NaN when both are empty. */
    public static <T> double jaccard(Set<T> a, Set<T> b) {
        Set<T> union = new HashSet<>(a);
        union.addAll(b);
        if (union.isEmpty()) {
            return Double.NaN;
        }
        long shared = a.stream().filter(b::contains).count();
        return (double) shared / union.size();
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
