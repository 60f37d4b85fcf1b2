package org.oncoconcord.simulate;

import java.util.ArrayList;
import java.util.List;
import org.oncoconcord.simulate.Planted.Patient;

/**
 * Simulates a whole study in memory (no files): the synthetic genome from stream 0 of the seed,
 * and patient i from its own stream, so results depend only on (config, seed, i).
 */
public final class CohortSimulator {
    private CohortSimulator() {
    }

    /** A simulated study: its parameters, seed, reference genome and patients. */
    public record SimulatedCohort(SimulationConfig config, long seed, SyntheticGenome genome, List<Patient> patients) {
    }

    public static SimulatedCohort simulate(SimulationConfig config, long seed, int patients) {
        if (patients < 1) {
            throw new IllegalArgumentException("patients must be >= 1");
        }
        SyntheticGenome genome = SyntheticGenome.build(config.genome(), new Rng(Rng.stream(seed, 0)));
        int width = Math.max(3, String.valueOf(patients).length());
        List<Patient> list = new ArrayList<>(patients);
        for (int i = 1; i <= patients; i++) {
            String id = "P" + "0".repeat(width - String.valueOf(i).length()) + i;
            list.add(new PatientSimulator(config, genome, new Rng(Rng.stream(seed, 1, i)),
                    new Rng(Rng.stream(seed, BloodDraws.STREAM, i)), id).simulate());
        }
        return new SimulatedCohort(config, seed, genome, List.copyOf(list));
    }
}
