package org.oncoconcord.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.oncoconcord.core.UserException;

/**
 * The normalize step's per-sample statistics ({@code <patient>/<sample>.normalize.json}, keys of
 * docs/CONTRACTS.md "normalize": in, out, split_added, joined_away, rejected {reason: count},
 * rejected_total), found under {@code --normalized}.
 */
record NormalizeStats(List<Sample> samples, List<String> unreadable) {
    static final String SUFFIX = ".normalize.json";

    /** One sample's counts; {@code id} is the file name without the suffix ({@code patient.sample}). */
    record Sample(String id, long in, long out, long splitAdded, long joinedAway, Map<String, Long> rejected, long rejectedTotal) {
        /** The contract's invariant: in + split_added = out + rejected_total + joined_away. */
        boolean balanced() {
            return in + splitAdded == out + rejectedTotal + joinedAway;
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
        ObjectMapper om = new ObjectMapper();
        List<Sample> out = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            for (Path f : s.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                try {
                    out.add(sample(sampleId(dir, f), om.readTree(f.toFile())));
                } catch (IOException e) {
                    bad.add(f + ": not valid JSON");
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

    static Sample sample(String id, JsonNode j) {
        Map<String, Long> rejected = new LinkedHashMap<>();
        j.path("rejected").fields().forEachRemaining(e -> rejected.put(e.getKey(), e.getValue().asLong()));
        return new Sample(id, j.path("in").asLong(), j.path("out").asLong(), j.path("split_added").asLong(), j.path("joined_away").asLong(),
                rejected, j.path("rejected_total").asLong());
    }

    /** Stats of {@code patient.sample}, or null. */
    Sample of(String patient, String sample) {
        String id = patient + "." + sample;
        return samples.stream().filter(s -> s.id().equals(id)).findFirst().orElse(null);
    }
}
