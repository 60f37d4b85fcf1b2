package org.oncoconcord.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.oncoconcord.core.UserException;

/**
 * Restricted cubic splines as Harrell's {@code rms::rcs} builds them: knots placed by
 * {@code Hmisc::rcspline.eval(x, nk = K, knots.only = TRUE)} (quantiles 0.10/0.5/0.90 for 3 knots,
 * 0.05..0.95 for 4-6, 0.025..0.975 for 7, the outer knots the 5th smallest / largest value below 100
 * observations, a heavily tied extreme value moved as {@code fractied = 0.05} says) and the basis with
 * {@code norm = 2} (divided by (last knot - first knot)^(2/3)); the linear term is x itself.
 */
public final class RestrictedCubicSpline {
    private RestrictedCubicSpline() {
    }

    /** The K knots of the non-missing values {@code x} (K in 3..7), exactly as rcspline.eval places them. */
    public static double[] knots(double[] x, int k, String what) {
        double[] xx = x.clone();
        int n = xx.length;
        if (n < 6) {
            throw new UserException(what + ": a spline needs at least 6 non-missing values, found " + n);
        }
        double[] xu = Arrays.stream(xx).sorted().distinct().toArray();
        int nxu = xu.length;
        double[] knots;
        if (nxu - 2 <= k) {
            knots = Arrays.copyOfRange(xu, 1, nxu - 1);
        } else {
            double outer = k > 3 ? 0.05 : 0.1;
            if (k > 6) {
                outer = 0.025;
            }
            int nke = k;
            List<Double> firstknot = new ArrayList<>();
            List<Double> lastknot = new ArrayList<>();
            boolean overrideFirst = false;
            boolean overrideLast = false;
            TreeMap<Double, Integer> table = new TreeMap<>();
            for (double v : xx) {
                table.merge(v, 1, Integer::sum);
            }
            double[] f = table.values().stream().mapToDouble(c -> (double) c / n).toArray();
            double maxInner = 0;
            for (int i = 1; i < f.length - 1; i++) {
                maxInner = Math.max(maxInner, f[i]);
            }
            if (maxInner < 0.05) {
                if (f[0] >= 0.05) {
                    double min = xu[0];
                    double fk = Arrays.stream(xx).filter(v -> v > min).min().orElseThrow();
                    firstknot.add(fk);
                    xx = Arrays.stream(xx).filter(v -> v > fk).toArray();
                    nke--;
                    overrideFirst = true;
                }
                if (f[f.length - 1] >= 0.05) {
                    double max = xu[nxu - 1];
                    double lk = Arrays.stream(xx).filter(v -> v < max).max().orElseThrow();
                    lastknot.add(lk);
                    xx = Arrays.stream(xx).filter(v -> v < lk).toArray();
                    nke--;
                    overrideLast = true;
                }
            }
            double[] inner;
            if (nke == 1) {
                inner = new double[] {quantile(xx, 0.5)};
            } else if (nxu <= nke) {
                inner = xu;
            } else {
                double[] p = nke == 2 ? seq(0.5, 1 - outer, nke) : seq(outer, 1 - outer, nke);
                inner = quantiles(xx, p);
                if (Arrays.stream(inner).distinct().count() < Math.min(nke, 3)) {
                    inner = quantiles(xx, seq(outer, 1 - outer, 2 * nke));
                    if (!firstknot.isEmpty() && Arrays.stream(inner).distinct().count() < 3) {
                        double midval = !lastknot.isEmpty() ? (firstknot.get(0) + lastknot.get(0)) / 2 : quantile(xx, 0.5);
                        inner = new double[] {firstknot.get(0), midval, !lastknot.isEmpty() ? lastknot.get(0) : quantile(xx, 1 - outer)};
                        Arrays.sort(inner);
                    }
                    if (Arrays.stream(inner).distinct().count() < 3) {
                        throw new UserException(what + ": fewer than 3 distinct knots can be placed (too few distinct values for a spline)");
                    }
                }
                if (xx.length < 100) {
                    double[] s = xx.clone();
                    Arrays.sort(s);
                    if (!overrideFirst) {
                        inner[0] = s[4];
                    }
                    if (!overrideLast) {
                        inner[nke - 1] = s[s.length - 5];
                    }
                }
            }
            double[] all = new double[firstknot.size() + inner.length + lastknot.size()];
            int q = 0;
            for (double v : firstknot) {
                all[q++] = v;
            }
            for (double v : inner) {
                all[q++] = v;
            }
            for (double v : lastknot) {
                all[q++] = v;
            }
            knots = all;
        }
        knots = Arrays.stream(knots).sorted().distinct().toArray();
        if (knots.length < 3) {
            throw new UserException(what + ": fewer than 3 distinct knots can be placed (too few distinct values for a spline)");
        }
        return knots;
    }

    /** The non-linear basis columns (K - 2 of them) at x, rcspline.eval's norm = 2 form. */
    public static double[] basis(double x, double[] knots) {
        int nk = knots.length;
        double k1 = knots[0];
        double knk = knots[nk - 1];
        double knk1 = knots[nk - 2];
        double kd = Math.pow(knk - k1, 2.0 / 3.0);
        double[] b = new double[nk - 2];
        for (int j = 0; j < nk - 2; j++) {
            b[j] = cube(Math.max((x - knots[j]) / kd, 0))
                    + ((knk1 - knots[j]) * cube(Math.max((x - knk) / kd, 0)) - (knk - knots[j]) * cube(Math.max((x - knk1) / kd, 0))) / (knk - knk1);
        }
        return b;
    }

    private static double cube(double v) {
        return v * v * v;
    }

    /** R's seq(from, to, length.out = n): the last value exactly {@code to}. */
    static double[] seq(double from, double to, int n) {
        if (n == 1) {
            return new double[] {from};
        }
        double[] s = new double[n];
        int n1 = n - 1;
        double by = (to - from) / n1;
        for (int i = 0; i < n; i++) {
            s[i] = i == 0 ? from : i == n1 ? to : from + i * by;
        }
        return s;
    }

    private static double[] quantiles(double[] x, double[] p) {
        double[] q = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            q[i] = quantile(x, p[i]);
        }
        return q;
    }

    /** R's quantile(x, p) of type 7, computed as R does ((1 - h) x[lo] + h x[hi]). */
    static double quantile(double[] x, double p) {
        double[] s = x.clone();
        Arrays.sort(s);
        int n = s.length;
        double index = 1 + Math.max(n - 1, 0) * p;
        int lo = (int) Math.floor(index);
        int hi = (int) Math.ceil(index);
        double qs = s[lo - 1];
        double h = index - lo;
        if (index > lo && s[hi - 1] != qs) {
            qs = (1 - h) * qs + h * s[hi - 1];
        }
        return qs;
    }
}
