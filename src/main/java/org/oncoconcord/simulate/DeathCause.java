package org.oncoconcord.simulate;

import org.oncoconcord.simulate.Planted.Clinical;

/**
 * The cause of each simulated death for clinical.csv's {@code death_cause} column: {@code crc}
 * (colorectal cancer) with probability {@link #CRC_SHARE}, else {@code other}; empty for a patient
 * alive at the end of follow-up. Drawn from its own random stream per patient (derived from the
 * study seed), so every other simulated value is unchanged by it. A simplification: the share does
 * not depend on stage, time or covariates, so cause-specific hazard ratios equal the all-cause ones.
 */
final class DeathCause {
    /**
     * Share of deaths due to colorectal cancer among patients with colorectal cancer: 51.3% of
     * 531,507 deaths (SEER 18, 1975-2016; Chen et al., Aging 2020;12(22):22927-48,
     * doi:10.18632/aging.104022, Table 2).
     */
    static final double CRC_SHARE = 0.513;

    /** Stream id of the draws (not used by any other part of the simulator). */
    static final long STREAM = 0x0DEA7C5EL;

    private DeathCause() {
    }

    /** {@code crc}, {@code other}, or "" when the patient did not die; {@code patient} is 1-based. */
    static String of(long seed, int patient, Clinical clinical) {
        if (!clinical.osEvent()) {
            return "";
        }
        return new Rng(Rng.stream(seed, STREAM, patient)).bernoulli(CRC_SHARE) ? "crc" : "other";
    }
}
