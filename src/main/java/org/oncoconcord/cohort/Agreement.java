package org.oncoconcord.cohort;

import org.oncoconcord.core.Proportion;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.special.Gamma;

/**
 * Agreement of a binary call between a reference sample type and a test sample type over the
 * evaluable patients, from the 2x2 table
 * <pre>
 *                 test +     test -
 *   reference +   bothPos    refOnly
 *   reference -   testOnly   bothNeg
 * </pre>
 * Overall (OPA), positive (PPA = bothPos / reference positives) and negative (NPA = bothNeg /
 * reference negatives) percent agreement with Wilson 95% intervals; Cohen's kappa with the
 * large-sample standard error of Fleiss, Cohen and Everitt (1969) and a Wald 95% interval
 * truncated to [-1, 1]; and
 * McNemar's test of the discordant pairs: the exact two-sided binomial test when
 * {@code refOnly + testOnly < } {@link #EXACT_BELOW}, otherwise the chi-square test with
 * continuity correction (R's {@code mcnemar.test} default).
 */
public record Agreement(int bothPos, int refOnly, int testOnly, int bothNeg,
                        Proportion opa, Proportion ppa, Proportion npa,
                        double kappa, double kappaSe, double kappaLower, double kappaUpper,
                        String mcnemarMethod, double mcnemarStatistic, double mcnemarP) {

    /** Discordant-pair count below which McNemar's test is the exact binomial test. */
    public static final int EXACT_BELOW = 25;

    /** Method names written in the tables. */
    public static final String EXACT = "exact_binomial", CHISQ = "chisq_continuity", NONE = "no_discordant_pairs";

    public int n() {
        return bothPos + refOnly + testOnly + bothNeg;
    }

    /** Computes every statistic from the four cell counts. */
    public static Agreement of(int bothPos, int refOnly, int testOnly, int bothNeg) {
        int n = bothPos + refOnly + testOnly + bothNeg;
        Proportion opa = Proportion.wilson(bothPos + bothNeg, n);
        Proportion ppa = Proportion.wilson(bothPos, bothPos + refOnly);
        Proportion npa = Proportion.wilson(bothNeg, testOnly + bothNeg);

        double kappa = Double.NaN, se = Double.NaN;
        if (n > 0) {
            double[][] p = {{(double) bothPos / n, (double) refOnly / n}, {(double) testOnly / n, (double) bothNeg / n}};
            double[] row = {p[0][0] + p[0][1], p[1][0] + p[1][1]};
            double[] col = {p[0][0] + p[1][0], p[0][1] + p[1][1]};
            double po = p[0][0] + p[1][1];
            double pe = row[0] * col[0] + row[1] * col[1];
            if (pe < 1) {
                kappa = (po - pe) / (1 - pe);
                double sum = 0;
                for (int i = 0; i < 2; i++) {
                    for (int j = 0; j < 2; j++) {
                        double w = (i == j ? 1 : 0) - (col[i] + row[j]) * (1 - kappa);
                        sum += p[i][j] * w * w;
                    }
                }
                double c = kappa - pe * (1 - kappa);
                double var = (sum - c * c) / ((1 - pe) * (1 - pe) * n);
                se = Math.sqrt(Math.max(0, var));
            }
        }
        double lo = Math.max(-1, kappa - Proportion.Z95 * se), hi = Math.min(1, kappa + Proportion.Z95 * se);

        int disc = refOnly + testOnly;
        String method;
        double stat, pValue;
        if (disc == 0) {
            method = NONE;
            stat = Double.NaN;
            pValue = 1.0;
        } else if (disc < EXACT_BELOW) {
            method = EXACT;
            stat = Math.min(refOnly, testOnly);
            double tail = new BinomialDistribution(null, disc, 0.5).cumulativeProbability(Math.min(refOnly, testOnly));
            pValue = Math.min(1.0, 2 * tail);
        } else {
            method = CHISQ;
            double d = Math.abs(refOnly - testOnly) - 1.0;
            stat = d * d / disc;
            // the upper tail directly (1 - CDF loses every digit below about 1e-16): Q(1/2, stat/2) is P(chi2_1 > stat)
            pValue = Gamma.regularizedGammaQ(0.5, stat / 2);
        }
        return new Agreement(bothPos, refOnly, testOnly, bothNeg, opa, ppa, npa, kappa, se, lo, hi, method, stat, pValue);
    }
}
