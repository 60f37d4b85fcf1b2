package org.oncoconcord.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.oncoconcord.survival.KaplanMeier;

/**
 * Per endpoint (a {@code <name>_days} column with its {@code <name>_event}): patients, events,
 * median survival with its 95% CI (Kaplan-Meier, log CI, as R's {@code print(survfit(Surv(t, e) ~ 1))})
 * and median follow-up by the reverse Kaplan-Meier method (Schemper & Smith 1996: the same
 * estimator with censoring as the event, {@code survfit(Surv(t, 1 - e) ~ 1)}).
 */
record FollowUp(String endpoint, String timeColumn, int n, int events, KaplanMeier.Median survival, KaplanMeier.Median followUp,
                double maxFollowUp) {

    /** Endpoints of the table: every {@code X_days} column with an {@code X_event} column beside it, in column order. */
    static List<String[]> endpoints(List<String> header) {
        List<String[]> out = new ArrayList<>();
        for (String h : header) {
            if (h.endsWith("_days")) {
                String event = h.substring(0, h.length() - "_days".length()) + "_event";
                if (header.contains(event)) {
                    out.add(new String[] {h, event});
                }
            }
        }
        return out;
    }

    /** Over the rows with a known time and 0/1 event; null when there are none. */
    static FollowUp of(List<Map<String, String>> rows, String time, String event) {
        List<double[]> te = new ArrayList<>();
        for (Map<String, String> r : rows) {
            double t = Tsv.num(r, time), e = Tsv.num(r, event);
            if (!Double.isNaN(t) && (e == 0 || e == 1)) {
                te.add(new double[] {t, e});
            }
        }
        if (te.isEmpty()) {
            return null;
        }
        double[] t = new double[te.size()];
        int[] e = new int[te.size()], c = new int[te.size()];
        int events = 0;
        double max = 0;
        for (int i = 0; i < t.length; i++) {
            t[i] = te.get(i)[0];
            e[i] = (int) te.get(i)[1];
            c[i] = 1 - e[i];
            events += e[i];
            max = Math.max(max, t[i]);
        }
        KaplanMeier km = KaplanMeier.fit(t, e, KaplanMeier.CiType.LOG, 0.95);
        KaplanMeier reverse = KaplanMeier.fit(t, c, KaplanMeier.CiType.LOG, 0.95);
        return new FollowUp(ReportBuilder.endpoint(time), time, t.length, events, km.median(), reverse.median(), max);
    }

    /** "412 (350–NA)" style: median with CI; NA where not reached. */
    static String format(KaplanMeier.Median m) {
        if (Double.isNaN(m.median())) {
            return "not reached";
        }
        return ReportBuilder.fmt(m.median(), 0) + " (" + ReportBuilder.fmt(m.lower(), 0) + "\u2013" + ReportBuilder.fmt(m.upper(), 0) + ")";
    }
}
