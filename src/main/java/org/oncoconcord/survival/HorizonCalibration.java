package org.oncoconcord.survival;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Calibration at a horizon by risk groups: patients ordered by predicted risk 1 - S(tau|x) and cut
 * into {@code g} groups of (nearly) equal size; per group the mean predicted risk and the observed
 * risk 1 - KM(tau) of its patients, with the Kaplan-Meier log-log confidence limits (NaN when the
 * group's follow-up ends before tau).
 */
public final class HorizonCalibration {
    private HorizonCalibration() {
    }

    /** One risk group. */
    public record Group(int group, int n, int events, double predicted, double observed, double observedLower, double observedUpper,
                        double riskMin, double riskMax) {
    }

    public static List<Group> byGroups(double[] time, int[] event, double[] surv, double tau, int g) {
        int n = time.length;
        Integer[] ord = IntStream.range(0, n).boxed().toArray(Integer[]::new);
        Arrays.sort(ord, (a, b) -> Double.compare(surv[b], surv[a]));
        List<Group> out = new ArrayList<>();
        for (int k = 0; k < g; k++) {
            int from = (int) ((long) k * n / g);
            int to = (int) ((long) (k + 1) * n / g);
            if (to <= from) {
                continue;
            }
            double[] t = new double[to - from];
            int[] e = new int[to - from];
            double pred = 0;
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            int ev = 0;
            for (int q = from; q < to; q++) {
                int i = ord[q];
                t[q - from] = time[i];
                e[q - from] = event[i];
                double risk = 1 - surv[i];
                pred += risk;
                lo = Math.min(lo, risk);
                hi = Math.max(hi, risk);
                ev += event[i];
            }
            KaplanMeier.Point p = KaplanMeier.fit(t, e, KaplanMeier.CiType.LOG_LOG, 0.95).at(new double[] {tau}).get(0);
            out.add(new Group(k + 1, to - from, ev, pred / (to - from), 1 - p.surv(), 1 - p.upper(), 1 - p.lower(), lo, hi));
        }
        return out;
    }
}
