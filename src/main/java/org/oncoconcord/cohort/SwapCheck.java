package org.oncoconcord.cohort;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oncoconcord.contract.ConcordanceJson;
import org.oncoconcord.contract.VariantsTsv;
import org.oncoconcord.core.ContigNames;

/**
 * Sample swap check over the cohort: for every sample, the sample of its own patient and the
 * sample of any other patient with which it shares the most variants (CHROM, POS, REF, ALT present
 * in both, from the {@code ID.variants.tsv} tables as ConcordanceReader read them). A sample sharing more with another patient's
 * sample than with any of its own patient's is flagged (a swapped or mislabelled VCF) when that
 * sharing is more than unrelated tumours show through recurrent hotspots: at least
 * {@link #MIN_SHARED} variants and {@link #MIN_FRACTION} of the smaller of the two samples' variants.
 * In a patient with two samples, a swap flags both (which one is foreign needs a third sample).
 */
final class SwapCheck {
    /** The columns of {@code sample_swap_check.tsv} (docs/CONTRACTS.md). */
    static final String[] COLUMNS = {"patient", "sample", "type", "n_variants", "own_best_sample", "own_shared",
        "other_best_patient", "other_best_sample", "other_shared", "flagged"};

    /** Fewest variants shared with another patient's sample that can flag a swap. */
    static final int MIN_SHARED = 5;
    /** Smallest fraction of the smaller sample's variants shared with another patient's sample that can flag a swap. */
    static final double MIN_FRACTION = 0.2;

    /** One sample's called variants (CHROM:POS:REF:ALT keys). */
    record Sample(String patient, String label, String type, Set<String> variants) {
    }

    /** One sample's called variants as the distinct ids that {@link Keys} gave their keys (compact for large cohorts). */
    record Compact(String patient, String label, String type, int[] variants) {
    }

    /** Variant key -> small int id, one entry per distinct variant of the cohort. */
    static final class Keys {
        private final Map<String, Integer> ids = new HashMap<>();

        int id(String key) {
            return ids.computeIfAbsent(key, k -> ids.size());
        }

        int size() {
            return ids.size();
        }
    }

    private SwapCheck() {
    }

    /** The swap table of the patients with a variants table, in the order given. */
    static Table run(List<PatientConcordance> patients) {
        Keys keys = new Keys();
        List<Compact> samples = new ArrayList<>();
        for (PatientConcordance p : patients) {
            if (p.variants() != null) {
                samples.addAll(samples(p.patient(), p.json(), p.variants(), keys));
            }
        }
        return compactTable(samples, keys.size());
    }

    /** The swap table of {@code samples} (in their order). */
    static Table table(List<Sample> samples) {
        Keys keys = new Keys();
        List<Compact> compact = new ArrayList<>();
        for (Sample s : samples) {
            compact.add(new Compact(s.patient(), s.label(), s.type(), s.variants().stream().mapToInt(keys::id).toArray()));
        }
        return compactTable(compact, keys.size());
    }

    /** The swap table of {@code samples} (in their order) whose variant ids are below {@code nKeys}. */
    static Table compactTable(List<Compact> samples, int nKeys) {
        // for each sample, the number of variants it shares with every other sample, counted through an
        // index of each variant's carriers (in sample order) into one reused array: memory linear in the
        // samples' variants even when recurrent hotspots are carried by thousands of samples
        int n = samples.size();
        int[] start = new int[nKeys + 1];
        for (Compact s : samples) {
            for (int v : s.variants()) {
                start[v + 1]++;
            }
        }
        for (int k = 0; k < nKeys; k++) {
            start[k + 1] += start[k];
        }
        int[] carriers = new int[start[nKeys]];
        int[] fill = java.util.Arrays.copyOf(start, nKeys);
        Map<String, List<Integer>> byPatient = new HashMap<>();
        for (int i = 0; i < n; i++) {
            for (int v : samples.get(i).variants()) {
                carriers[fill[v]++] = i;
            }
            byPatient.computeIfAbsent(samples.get(i).patient(), k -> new ArrayList<>()).add(i);
        }
        int[] counts = new int[n];
        int[] touched = new int[n];
        Table t = new Table(COLUMNS);
        for (int i = 0; i < n; i++) {
            Compact s = samples.get(i);
            int nTouched = 0;
            for (int v : s.variants()) {
                for (int c = start[v]; c < start[v + 1]; c++) {
                    int j = carriers[c];
                    if (j != i && counts[j]++ == 0) {
                        touched[nTouched++] = j;
                    }
                }
            }
            // own patient: the sample sharing most (the first in input order on ties), even sharing none
            Compact own = null;
            int ownN = 0;
            for (int j : byPatient.get(s.patient())) {
                if (j != i && (own == null || counts[j] > ownN)) {
                    own = samples.get(j);
                    ownN = counts[j];
                }
            }
            // other patients: the sample sharing most (the first in input order on ties), none if nothing is shared
            int otherIndex = -1;
            int otherN = 0;
            for (int k = 0; k < nTouched; k++) {
                int j = touched[k];
                if (!samples.get(j).patient().equals(s.patient())
                        && (counts[j] > otherN || (counts[j] == otherN && j < otherIndex))) {
                    otherIndex = j;
                    otherN = counts[j];
                }
            }
            for (int k = 0; k < nTouched; k++) {
                counts[touched[k]] = 0;
            }
            Compact other = otherIndex < 0 ? null : samples.get(otherIndex);
            t.add(s.patient(), s.label(), s.type(), s.variants().length, own == null ? null : own.label(), own == null ? null : ownN,
                    other == null ? null : other.patient(), other == null ? null : other.label(), otherN,
                    other != null && otherN > ownN && otherN >= MIN_SHARED
                            && otherN >= MIN_FRACTION * Math.min(s.variants().length, other.variants().length));
        }
        return t;
    }

    /** Each sample of the patient with the distinct variants present in it (contigs harmonised), as ids of {@code keys}. */
    static List<Compact> samples(String patient, ConcordanceJson json, VariantsTsv variants, Keys keys) {
        Map<String, Set<Integer>> present = new LinkedHashMap<>();
        json.samples().forEach(s -> present.put(s.label(), new java.util.LinkedHashSet<>()));
        for (VariantsTsv.Row r : variants.rows()) {
            int id = keys.id(ContigNames.canonical(r.chrom()) + ":" + r.pos() + ":" + r.ref() + ":" + r.alt());
            for (var e : present.entrySet()) {
                if (r.calls().get(e.getKey()).present()) {
                    e.getValue().add(id);
                }
            }
        }
        List<Compact> out = new ArrayList<>();
        for (ConcordanceJson.Sample s : json.samples()) {
            out.add(new Compact(patient, s.label(), s.type(), present.get(s.label()).stream().mapToInt(Integer::intValue).toArray()));
        }
        return out;
    }
}
