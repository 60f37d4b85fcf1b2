package org.oncoconcord.survival;

import java.util.Arrays;

/**
 * The Kaplan-Meier estimate G of the censoring distribution used for inverse probability of
 * censoring weights, with the convention of R's riskRegression::Score, pec and
 * survival::concordance: when a death and a censoring share a time, the death comes first, so the
 * patients dying at t are no longer at risk of being censored at t (hazard of censoring at t =
 * censored at t / (at risk at t - deaths at t)).
 *
 * @param time distinct times at which G drops, ascending
 * @param surv G just after each of those times
 */
public record CensoringDistribution(double[] time, double[] surv) {

    /** G from follow-up times and event indicators (1 = event, 0 = censored). */
    public static CensoringDistribution of(double[] t, int[] event) {
        int n = t.length;
        Integer[] ord = new Integer[n];
        for (int i = 0; i < n; i++) {
            ord[i] = i;
        }
        Arrays.sort(ord, (a, b) -> Double.compare(t[a], t[b]));
        double[] times = new double[n];
        double[] g = new double[n];
        int m = 0;
        double s = 1;
        int k = 0;
        while (k < n) {
            int j = k;
            int deaths = 0;
            int censored = 0;
            while (j < n && t[ord[j]] == t[ord[k]]) {
                if (event[ord[j]] == 1) {
                    deaths++;
                } else {
                    censored++;
                }
                j++;
            }
            int atRisk = n - k - deaths;
            if (censored > 0 && atRisk > 0) {
                s *= 1 - (double) censored / atRisk;
                times[m] = t[ord[k]];
                g[m] = s;
                m++;
            }
            k = j;
        }
        return new CensoringDistribution(Arrays.copyOf(times, m), Arrays.copyOf(g, m));
    }

    /** G(t): 1 before the first censoring, carried forward after the last. */
    public double at(double t) {
        int i = Arrays.binarySearch(time, t);
        int j = i >= 0 ? i : -i - 2;
        return j < 0 ? 1 : surv[j];
    }

    /** G(t-), left-continuous: the weight of an event at t. */
    public double before(double t) {
        int i = Arrays.binarySearch(time, t);
        int j = i >= 0 ? i - 1 : -i - 2;
        return j < 0 ? 1 : surv[j];
    }
}
