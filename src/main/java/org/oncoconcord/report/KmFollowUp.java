package org.oncoconcord.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oncoconcord.survival.KaplanMeier;

/**
 * Censoring times and last follow-up of each Kaplan-Meier group, recomputed from the cohort's
 * features.tsv (time {@code <endpoint>}, event {@code <endpoint minus _days>_event}, the group
 * column, and for a landmark analysis the landmark column of logrank.json: rows with the landmark
 * known and time &gt; landmark, time measured from it). Used only when the recomputed curve equals
 * km.tsv at every event time (else {@link #of} returns a reason instead), so the marks belong to
 * the plotted curve.
 */
record KmFollowUp(Map<String, Group> groups, String problem) {
    /** A group's censoring times with S at them, and its last follow-up time. */
    record Group(List<double[]> censored, int patientsCensored, double lastFollowUp) {
    }

    static KmFollowUp of(SurvivalResults.Km km, Tsv features) {
        if (features == null) {
            return new KmFollowUp(Map.of(), "censoring marks not shown: features.tsv not found");
        }
        String time = km.endpoint(), event = time.replaceFirst("_days$", "") + "_event";
        JsonNode lm = km.logrank() == null ? null : km.logrank().get("landmark");
        String landmark = lm != null && lm.isObject() ? lm.path("column").asText(null) : null;
        boolean all = km.group().equals("all") && !features.header().contains("all");
        for (String c : all ? List.of(time, event) : List.of(time, event, km.group())) {
            if (!features.header().contains(c)) {
                return new KmFollowUp(Map.of(), "censoring marks not shown: column " + c + " not in features.tsv");
            }
        }
        if (landmark != null && !features.header().contains(landmark)) {
            return new KmFollowUp(Map.of(), "censoring marks not shown: landmark column " + landmark + " not in features.tsv");
        }
        Map<String, List<double[]>> byGroup = new LinkedHashMap<>();
        for (Map<String, String> r : features.rows()) {
            double t = Tsv.num(r, time), e = Tsv.num(r, event);
            String g = all ? "all" : r.get(km.group());
            if (Double.isNaN(t) || Double.isNaN(e) || Table1.missing(g)) {
                continue;
            }
            if (landmark != null) {
                double l = Tsv.num(r, landmark);
                if (Double.isNaN(l) || !(t > l)) {
                    continue;
                }
                t -= l;
            }
            byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(new double[] {t, e});
        }
        Map<String, Group> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<double[]>> en : byGroup.entrySet()) {
            List<double[]> te = en.getValue();
            double[] t = te.stream().mapToDouble(x -> x[0]).toArray();
            int[] e = te.stream().mapToInt(x -> (int) x[1]).toArray();
            KaplanMeier fit = KaplanMeier.fit(t, e, KaplanMeier.CiType.LOG, 0.95);
            String mismatch = compare(km, en.getKey(), fit);
            if (mismatch != null) {
                return new KmFollowUp(Map.of(), "censoring marks not shown: " + mismatch);
            }
            List<double[]> cens = new ArrayList<>();
            double last = 0;
            int nCens = 0;
            for (int i = 0; i < fit.time().length; i++) {
                nCens += fit.nCensor()[i];
                if (fit.nCensor()[i] > 0) {
                    cens.add(new double[] {fit.time()[i], fit.surv()[i]});
                }
                last = Math.max(last, fit.time()[i]);
            }
            out.put(en.getKey(), new Group(cens, nCens, last));
        }
        return new KmFollowUp(out, null);
    }

    /** Null when the fit has the survival of every event row of km.tsv for the group (and no other event time), else what differs. */
    static String compare(SurvivalResults.Km km, String group, KaplanMeier fit) {
        boolean hasKind = km.table().header().contains("kind");
        int events = 0;
        for (Map<String, String> r : km.table().rows()) {
            if (!group.equals(r.get("group")) || (hasKind && !"event".equals(r.get("kind"))) || Tsv.num(r, "n_event") == 0) {
                continue;
            }
            double t = Tsv.num(r, "time"), s = Tsv.num(r, "surv");
            events++;
            if (Math.abs(fit.survival(t) - s) > 1e-6) {
                return "features.tsv gives S(" + ReportBuilder.fmt(t, 0) + ") = " + ReportBuilder.fmt(fit.survival(t), 4) + " for group "
                        + group + ", km.tsv " + ReportBuilder.fmt(s, 4);
            }
        }
        long fitEvents = java.util.Arrays.stream(fit.nEvent()).filter(n -> n > 0).count();
        return fitEvents == events ? null : "features.tsv has " + fitEvents + " event times for group " + group + ", km.tsv " + events;
    }
}
