package org.oncoconcord.simulate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.oncoconcord.simulate.CohortSimulator.SimulatedCohort;

/** Cohorts shared by the simulate tests (seeds differ from the demo's 20261127), built once per JVM. */
final class TestCohorts {
    private static final Map<String, SimulatedCohort> COHORTS = new ConcurrentHashMap<>();
    private static final Map<String, Path> STUDIES = new ConcurrentHashMap<>();

    private TestCohorts() {
    }

    static SimulatedCohort cohort(long seed, int n) {
        return COHORTS.computeIfAbsent(seed + ":" + n, k -> CohortSimulator.simulate(ConfigLoader.defaults(), seed, n));
    }

    /** A cohort with the defaults overlaid by {@code yaml} (a config file's text). */
    static SimulatedCohort cohort(long seed, int n, String yaml) {
        return COHORTS.computeIfAbsent(seed + ":" + n + ":" + yaml, k -> {
            try {
                Path cfg = java.nio.file.Files.createTempFile(java.nio.file.Path.of("target"), "sim-config-", ".yaml");
                java.nio.file.Files.writeString(cfg, yaml);
                return CohortSimulator.simulate(ConfigLoader.load(cfg), seed, n);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** WBC samples for every patient with plasma and serial draws for every stage III patient with plasma. */
    static final String ALL_BLOOD_DRAWS = "blood_draws:\n  wbc_fraction: 1.0\n  serial_fraction: 1.0\n";

    /** A written study in a temporary folder (deleted at JVM exit is not needed: under target/). */
    static Path study(long seed, int n) {
        return STUDIES.computeIfAbsent(seed + ":" + n, k -> {
            try {
                Path dir = java.nio.file.Files.createTempDirectory(java.nio.file.Path.of("target"), "sim-" + seed + "-");
                StudyWriter.write(cohort(seed, n), dir, true);
                return dir;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
