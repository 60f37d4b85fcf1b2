package org.oncoconcord.survival.plan;

import java.util.ArrayList;
import java.util.List;

/**
 * What the pipeline asks the survival step to analyse (the pipeline's parameters, as given):
 * endpoints as time:event pairs, the multivariable covariates, Kaplan-Meier groupings, extra
 * univariable features, the landmark column of post-metastasis features (or null), whether to fit
 * the elastic net and which covariates it leaves unpenalised, the accuracy horizon in days, the
 * time-dependent covariates (feature switched on at a day column) and the cancer-specific endpoint
 * (time, event and cause-of-death columns, or null).
 */
public record PlanOptions(List<Endpoint> endpoints, List<String> covariates, List<String> kmGroups,
                          List<String> univariable, String landmark, boolean coxnet, List<String> coxnetUnpenalized,
                          int horizon, List<TimeDependent> timeDependent, CancerSpecific cancerSpecific) {

    /** A time:event column pair. */
    public record Endpoint(String time, String event) {
    }

    /** A feature that takes its value from the day in column {@code change} on (0 before). */
    public record TimeDependent(String feature, String change) {
    }

    /** Time and event columns of the all-cause endpoint, and the column giving each death's cause. */
    public record CancerSpecific(String time, String event, String cause) {
    }

    public PlanOptions {
        endpoints = List.copyOf(endpoints);
        covariates = List.copyOf(covariates);
        kmGroups = List.copyOf(kmGroups);
        univariable = List.copyOf(univariable);
        landmark = landmark == null || landmark.isBlank() ? null : landmark.strip();
        coxnetUnpenalized = List.copyOf(coxnetUnpenalized);
        timeDependent = List.copyOf(timeDependent);
    }

    /** The non-empty, trimmed items of a comma-separated list (null or blank: none). */
    public static List<String> list(String s) {
        List<String> out = new ArrayList<>();
        if (s == null) {
            return out;
        }
        for (String item : s.split(",")) {
            if (!item.isBlank()) {
                out.add(item.strip());
            }
        }
        return out;
    }

    /** The items of {@code s} split at ':' into exactly {@code parts} non-empty names, or an error naming the option. */
    static List<String> pair(String option, String item, int parts) {
        String[] p = item.split(":", -1);
        List<String> out = new ArrayList<>();
        for (String x : p) {
            out.add(x.strip());
        }
        if (out.size() != parts || out.stream().anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException(option + ": '" + item + "' is not " + String.join(":",
                    parts == 2 ? List.of("A", "B") : List.of("A", "B", "C")) + " (" + parts + " column names separated by ':')");
        }
        return out;
    }

    /** {@code time:event,...}. */
    public static List<Endpoint> endpoints(String s) {
        return list(s).stream().map(i -> pair("--endpoints", i, 2)).map(p -> new Endpoint(p.get(0), p.get(1))).toList();
    }

    /** {@code feature:change_day_column,...}. */
    public static List<TimeDependent> timeDependent(String s) {
        return list(s).stream().map(i -> pair("--time-dependent", i, 2)).map(p -> new TimeDependent(p.get(0), p.get(1))).toList();
    }

    /** {@code time:event:cause}, or null when blank. */
    public static CancerSpecific cancerSpecific(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        List<String> p = pair("--cancer-specific", s.strip(), 3);
        return new CancerSpecific(p.get(0), p.get(1), p.get(2));
    }
}
