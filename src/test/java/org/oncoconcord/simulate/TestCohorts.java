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
