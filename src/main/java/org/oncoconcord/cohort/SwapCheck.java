package org.oncoconcord.cohort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.oncoconcord.core.ContigNames;

/**
 * Sample swap check over the cohort: for every sample, the sample of its own patient and the
 * sample of any other patient with which it shares the most variants (CHROM, POS, REF, ALT present
 * in both, from the {@code ID.variants.tsv} tables). A sample sharing more with another patient's
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

    private SwapCheck() {
    }

    /** The swap table of the patients whose variants tables are given (JSON -> TSV); a table that cannot be read throws naming it. */
    static Table run(Map<Path, Path> jsonToVariants) throws ConcordanceReader.Rejected {
        List<Sample> samples = new ArrayList<>();
        for (var e : jsonToVariants.entrySet()) {
            samples.addAll(read(e.getKey(), e.getValue()));
        }
        return table(samples);
    }

    /** The swap table of {@code samples} (in their order). */
    static Table table(List<Sample> samples) {
        // for each sample, the number of variants it shares with every other sample, counted through an
        // index of each variant's carriers into one reused array (memory linear in the samples even
        // when recurrent hotspots are carried by thousands of them)
        Map<String, List<Integer>> carriers = new HashMap<>();
        Map<String, List<Integer>> byPatient = new HashMap<>();
        for (int i = 0; i < samples.size(); i++) {
            for (String v : samples.get(i).variants()) {
                carriers.computeIfAbsent(v, k -> new ArrayList<>()).add(i);
            }
            byPatient.computeIfAbsent(samples.get(i).patient(), k -> new ArrayList<>()).add(i);
        }
        int n = samples.size();
        int[] counts = new int[n];
        int[] touched = new int[n];
        Table t = new Table(COLUMNS);
        for (int i = 0; i < n; i++) {
            Sample s = samples.get(i);
            int nTouched = 0;
            for (String v : s.variants()) {
                for (int j : carriers.get(v)) {
                    if (j != i && counts[j]++ == 0) {
                        touched[nTouched++] = j;
                    }
                }
            }
            // own patient: the sample sharing most (the first in input order on ties), even sharing none
            Sample own = null;
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
            Sample other = otherIndex < 0 ? null : samples.get(otherIndex);
            t.add(s.patient(), s.label(), s.type(), s.variants().size(), own == null ? null : own.label(), own == null ? null : ownN,
                    other == null ? null : other.patient(), other == null ? null : other.label(), otherN,
                    other != null && otherN > ownN && otherN >= MIN_SHARED
                            && otherN >= MIN_FRACTION * Math.min(s.variants().size(), other.variants().size()));
        }
        return t;
    }

    private static List<Sample> read(Path json, Path tsv) throws ConcordanceReader.Rejected {
        Map<String, String> types = new LinkedHashMap<>();
        String patient;
        try {
            JsonNode root = new ObjectMapper().readTree(json.toFile());
            patient = root.path("patient").asText();
            for (JsonNode s : root.path("samples")) {
                types.put(s.path("label").asText(), s.path("type").asText());
            }
        } catch (IOException e) {
            throw new ConcordanceReader.Rejected(json + ": cannot read: " + e.getMessage());
        }
        Map<String, Set<String>> present = new LinkedHashMap<>();
        types.keySet().forEach(l -> present.put(l, new HashSet<>()));
        CSVFormat fmt = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').get();
        try (Reader r = Files.newBufferedReader(tsv, StandardCharsets.UTF_8); var parser = fmt.parse(r)) {
            for (String label : types.keySet()) {
                if (!parser.getHeaderNames().contains(label + ".present")) {
                    throw new ConcordanceReader.Rejected(tsv + ": column '" + label + ".present' missing");
                }
            }
            for (CSVRecord rec : parser) {
                String key = ContigNames.canonical(rec.get("chrom")) + ":" + rec.get("pos") + ":" + rec.get("ref") + ":" + rec.get("alt");
                for (String label : types.keySet()) {
                    if (rec.get(label + ".present").equals("1")) {
                        present.get(label).add(key);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new ConcordanceReader.Rejected(tsv + ": cannot read: " + e.getMessage());
        }
        List<Sample> out = new ArrayList<>();
        types.forEach((label, type) -> out.add(new Sample(patient, label, type, present.get(label))));
        return out;
    }
}
