package org.oncoconcord.report;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.oncoconcord.contract.ContractException;
import org.oncoconcord.contract.NormalizeStatsJson;
import org.oncoconcord.core.UserException;

/**
 * The normalize step's per-sample statistics ({@code <patient>/<sample>.normalize.json}, the record
 * {@link NormalizeStatsJson} read strictly), found under {@code --normalized}; a file that does not
 * meet the contract is listed in {@link #unreadable()} with the reason (the QC section shows it).
 */
record NormalizeStats(List<Sample> samples, List<String> unreadable) {
    static final String SUFFIX = ".normalize.json";

    /** One sample's counts; {@code id} is the file name without the suffix ({@code patient.sample}). */
    record Sample(String id, NormalizeStatsJson stats) {
        long in() {
            return stats.in();
        }

        long out() {
            return stats.out();
        }

        long rejectedTotal() {
            return stats.rejectedTotal();
        }

        Map<String, Long> rejected() {
            return stats.rejected();
        }

        /** The contract's invariant: in + split_added = out + rejected_total + joined_away. */
        boolean balanced() {
            return stats.balanced();
        }
    }

    static NormalizeStats none() {
        return new NormalizeStats(List.of(), List.of());
    }

    static NormalizeStats read(Path dir) {
        if (dir == null) {
            return none();
        }
        if (!Files.isDirectory(dir)) {
            throw new UserException(dir + ": --normalized is not a folder");
        }
        List<Sample> out = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            for (Path f : s.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted(org.oncoconcord.io.FoundFiles.BY_PATIENT_LAYOUT).toList()) {
                try {
                    out.add(new Sample(sampleId(dir, f), NormalizeStatsJson.read(f)));
                } catch (ContractException e) {
                    bad.add(e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UserException(dir + ": cannot list: " + e.getMessage(), e);
        }
        return new NormalizeStats(out, bad);
    }

    /**
     * {@code patient.sample} of a stats file: the pipeline's layout {@code <patient>/<sample>.normalize.json}
     * (folder and file name), or a flat {@code <patient>.<sample>.normalize.json}.
     */
    static String sampleId(Path dir, Path file) {
        String name = file.getFileName().toString();
        String stem = name.substring(0, name.length() - SUFFIX.length());
        Path rel = dir.relativize(file);
        return rel.getNameCount() >= 2 ? rel.getName(rel.getNameCount() - 2) + "." + stem : stem;
    }

    /** Stats of {@code patient.sample}, or null. */
    Sample of(String patient, String sample) {
        String id = patient + "." + sample;
        return samples.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }

    /** Every sample by id ({@code patient.sample}; the first of a repeated id, as {@link #of}), for look-ups over the whole cohort. */
    Map<String, Sample> byId() {
        Map<String, Sample> m = new java.util.HashMap<>();
        samples.forEach(s -> m.putIfAbsent(s.id(), s));
        return m;
    }
}
