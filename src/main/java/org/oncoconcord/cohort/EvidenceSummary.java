package org.oncoconcord.cohort;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.oncoconcord.contract.ConcordanceJson;
import org.oncoconcord.core.SampleType;

/**
 * {@code evidence_summary.tsv}: the {@code evidence} section of every patient's concordance.json (read-level
 * evidence laid over the calls, docs/PILEUP.md) per patient and sample type, then cohort totals per sample
 * type and over all types. Per row: samples, samples with reads, and over those samples' compared variants
 * ({@code sites} = variant x sample): {@code called} (present in the VCF), {@code below_call_threshold}
 * (absent from the VCF, reads below the caller's threshold: now present, so shared with the samples that
 * called it), {@code measured_absent} (not evaluable by the VCF view, absent with enough reads: now a
 * counted absence), {@code not_assessable} (evaluable by the VCF view, too few reads: now left out of the
 * comparison), {@code unchanged} (absent from the VCF and the reads agree); {@code changed} = the three
 * changes, each one variant's standing (shared / private / not evaluable) in one sample. {@code sites =
 * called + below_call_threshold + measured_absent + not_assessable + unchanged}. A patient or sample type
 * without reads is listed with evidence {@code no reads} and NA counts, never dropped.
 * <p>Class level, on the rows over all sample types ({@code sample_type} {@code all}: one per patient, and the
 * cohort's): the patient's compared {@code variants} by class group from the VCFs alone ({@code _vcf},
 * concordance.json {@code evidence.classes_vcf}) and with the evidence ({@code _evidence}, {@code classes}):
 * {@code shared} (every {@code shared_*} class), {@code primary_only}, {@code metastasis_new}, {@code plasma_only},
 * {@code not_evaluable}, {@code other} (blood-origin labels); each view's groups add up to {@code variants}.
 * {@code class_changed}: variants whose class the evidence changed; {@code private_to_shared}: of those, private to
 * one sample type in the VCFs and shared with the evidence. NA without reads, on the per-type rows, and for a
 * concordance.json written before {@code classes_vcf} existed (the cohort row sums the patients that have it).
 */
final class EvidenceSummary {
    static final List<String> COLUMNS = List.of("level", "patient", "sample_type", "evidence", "patients", "samples",
            "samples_with_reads", "sites", "called", "below_call_threshold", "measured_absent", "not_assessable", "unchanged", "changed",
            "variants", "shared_vcf", "shared_evidence", "primary_only_vcf", "primary_only_evidence", "metastasis_new_vcf",
            "metastasis_new_evidence", "plasma_only_vcf", "plasma_only_evidence", "not_evaluable_vcf", "not_evaluable_evidence",
            "other_vcf", "other_evidence", "class_changed", "private_to_shared");
    /** Counted columns, in order (indexes into {@link Counts#values}). */
    private static final int N = 7; // sites, called, below, measuredAbsent, notAssessable, unchanged, changed
    /** Class groups, in column order. */
    static final List<String> GROUPS = List.of("shared", "primary_only", "metastasis_new", "plasma_only", "not_evaluable", "other");
    private static final List<String> PRIVATE = List.of("primary_only", "metastasis_new", "plasma_only");
    /** Class-level columns: variants, (vcf, evidence) per group, class_changed, private_to_shared. */
    private static final int C = 1 + 2 * GROUPS.size() + 2;

    private EvidenceSummary() {
    }

    /** Sums of one row: samples, samples with reads, and the seven counts (only samples with reads). */
    private static final class Counts {
        long patients;
        long samples;
        long withReads;
        final long[] values = new long[N];
        /** Class-level counts ({@link #C}), null when not known for this row. */
        long[] classes;

        void add(ConcordanceJson.EvidenceSample e) {
            withReads++;
            long changed = e.subthreshold() + e.measuredAbsent() + e.notAssessable();
            long[] v = {e.variants(), e.presentInVcf(), e.subthreshold(), e.measuredAbsent(), e.notAssessable(), e.unchanged(), changed};
            for (int i = 0; i < N; i++) {
                values[i] += v[i];
            }
        }

        void add(Counts c) {
            patients += c.patients;
            samples += c.samples;
            withReads += c.withReads;
            for (int i = 0; i < N; i++) {
                values[i] += c.values[i];
            }
        }

        void addClasses(long[] c) {
            if (c != null) {
                classes = classes == null ? new long[C] : classes;
                for (int i = 0; i < C; i++) {
                    classes[i] += c[i];
                }
            }
        }
    }

    /** The group of a concordance.json class name ({@link #GROUPS}). */
    static String group(String cls) {
        return switch (cls) {
            case "primary_only", "metastasis_new", "plasma_only", "not_evaluable" -> cls;
            default -> cls.startsWith("shared_") ? "shared" : "other";
        };
    }

    /** A patient's class-level counts ({@link #C}) from its evidence section, or null without reads or VCF-only classes. */
    static long[] classCounts(ConcordanceJson json) {
        ConcordanceJson.Evidence e = json.evidence();
        if (e == null || e.classesVcf() == null || e.classChanges() == null) {
            return null;
        }
        long[] c = new long[C];
        json.classes().forEach((cls, n) -> {
            c[0] += n;
            c[2 + 2 * GROUPS.indexOf(group(cls))] += n;
        });
        e.classesVcf().forEach((cls, n) -> c[1 + 2 * GROUPS.indexOf(group(cls))] += n);
        for (ConcordanceJson.ClassChange ch : e.classChanges()) {
            c[C - 2] += ch.variants();
            if (PRIVATE.contains(ch.from()) && group(ch.to()).equals("shared")) {
                c[C - 1] += ch.variants();
            }
        }
        return c;
    }

    static Table table(List<PatientConcordance> patients) {
        Table t = new Table(COLUMNS.toArray(String[]::new));
        Map<String, Counts> totals = new LinkedHashMap<>();
        for (String type : typeOrder()) {
            totals.put(type, new Counts());
        }
        Counts all = new Counts();
        for (PatientConcordance p : patients) {
            ConcordanceJson json = p.json();
            Map<String, Counts> byType = new LinkedHashMap<>();
            Map<String, String> typeOf = new LinkedHashMap<>();
            if (json != null) {
                for (ConcordanceJson.Sample s : json.samples()) {
                    String type = typeLabel(s.type());
                    typeOf.put(s.label(), type);
                    byType.computeIfAbsent(type, k -> new Counts()).samples++;
                }
                if (json.evidence() != null) {
                    for (ConcordanceJson.EvidenceSample e : json.evidence().samples()) {
                        String type = typeOf.getOrDefault(e.label(), "unknown");
                        byType.computeIfAbsent(type, k -> new Counts()).add(e);
                    }
                }
            } else {
                p.types().forEach(type -> byType.computeIfAbsent(type.label(), k -> new Counts()));
            }
            Counts patientAll = new Counts();
            for (String type : ordered(byType.keySet())) {
                Counts c = byType.get(type);
                c.patients = 1;
                row(t, "patient", p.patient(), type, c);
                totals.computeIfAbsent(type, k -> new Counts()).add(c);
                patientAll.add(c);
            }
            patientAll.patients = 1;
            patientAll.classes = json == null || patientAll.withReads == 0 ? null : classCounts(json);
            row(t, "patient", p.patient(), "all", patientAll);
            all.add(patientAll);
            all.addClasses(patientAll.classes);
        }
        for (var e : totals.entrySet()) {
            if (e.getValue().patients > 0) {
                row(t, "cohort", "all", e.getKey(), e.getValue());
            }
        }
        row(t, "cohort", "all", "all", all);
        return t;
    }

    private static void row(Table t, String level, String patient, String type, Counts c) {
        boolean reads = c.withReads > 0;
        List<Object> cells = new ArrayList<>(List.of(level, patient, type, reads ? "reads" : "no reads", c.patients, c.samples, c.withReads));
        for (long v : c.values) {
            cells.add(reads ? (Object) v : null);
        }
        for (int i = 0; i < C; i++) {
            cells.add(c.classes == null ? null : (Object) c.classes[i]);
        }
        t.add(cells.toArray());
    }

    private static List<String> typeOrder() {
        return java.util.Arrays.stream(SampleType.values()).map(SampleType::label).toList();
    }

    private static String typeLabel(String type) {
        SampleType t = SampleType.parseOrNull(type);
        return t == null ? "unknown" : t.label();
    }

    private static List<String> ordered(java.util.Set<String> types) {
        List<String> out = new ArrayList<>(typeOrder().stream().filter(types::contains).toList());
        types.stream().filter(x -> !out.contains(x)).forEach(out::add);
        return out;
    }
}
