package org.oncoconcord.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Hypermutated patients: tissue variant count (shared + primary only + new in metastasis, from
 * patients.tsv) above Tukey's far-out fence Q3 + 3 IQR of the cohort (and above 0), a rule that
 * needs no panel size; their share of all tissue variants shows their weight on cohort counts.
 */
final class Hypermutation {
    private Hypermutation() {
    }

    record Patient(String patient, double variants) {
    }

    record Result(double fence, List<Patient> patients, double cohortVariants) {
        double share() {
            return cohortVariants == 0 ? 0 : patients.stream().mapToDouble(Patient::variants).sum() / cohortVariants;
        }

        boolean contains(String patient) {
            return patients.stream().anyMatch(p -> p.patient().equals(patient));
        }
    }

    static double tissueVariants(Map<String, String> r) {
        double t = 0;
        for (String c : List.of("shared", "primary_only", "metastasis_new")) {
            double v = Tsv.num(r, c);
            t += Double.isNaN(v) ? 0 : v;
        }
        return t;
    }

    static Result of(Tsv patients) {
        double[] v = patients.rows().stream().mapToDouble(Hypermutation::tissueVariants).sorted().toArray();
        if (v.length < 4) {
            return new Result(Double.NaN, List.of(), 0);
        }
        double q1 = Table1.quantile(v, 0.25), q3 = Table1.quantile(v, 0.75);
        double fence = q3 + 3 * (q3 - q1);
        List<Patient> hyper = new ArrayList<>();
        for (Map<String, String> r : patients.rows()) {
            double n = tissueVariants(r);
            if (n > fence && n > 0) {
                hyper.add(new Patient(r.get("patient"), n));
            }
        }
        hyper.sort((a, b) -> Double.compare(b.variants(), a.variants()));
        return new Result(fence, hyper, java.util.Arrays.stream(v).sum());
    }
}
