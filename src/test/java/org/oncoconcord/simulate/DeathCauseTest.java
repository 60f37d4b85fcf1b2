package org.oncoconcord.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.oncoconcord.simulate.CohortSimulator.SimulatedCohort;

/**
 * clinical.csv's death_cause: given exactly for the patients who died, crc or other, with the
 * planted share of colorectal-cancer deaths (0.513, Chen et al. 2020) within binomial error, and
 * drawn from its own stream: the clinical columns before it do not depend on it (same as the
 * patient's planted clinical values).
 */
class DeathCauseTest {
    @Test
    void causeOnlyForDeathsWithThePlantedShare() throws Exception {
        SimulatedCohort c = CohortSimulator.simulate(ConfigLoader.defaults(), 99, 600);
        List<String> lines = StudyWriter.clinical(c).lines().toList();
        assertThat(lines.get(0)).endsWith(",metastasis_days,death_cause");
        int deaths = 0;
        int crc = 0;
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            var cl = c.patients().get(i - 1).clinical();
            assertThat(f[1]).isEqualTo(Integer.toString(cl.osDays()));
            if (cl.osEvent()) {
                deaths++;
                assertThat(f[11]).isIn("crc", "other");
                crc += f[11].equals("crc") ? 1 : 0;
            } else {
                assertThat(f[11]).isEmpty();
            }
        }
        assertThat(deaths).isGreaterThan(100);
        double se = Math.sqrt(DeathCause.CRC_SHARE * (1 - DeathCause.CRC_SHARE) / deaths);
        assertThat((double) crc / deaths).isBetween(DeathCause.CRC_SHARE - 4 * se, DeathCause.CRC_SHARE + 4 * se);
        // the same seed and patient give the same cause; its stream is not patient i's own stream
        assertThat(DeathCause.of(99, 1, c.patients().get(0).clinical())).isEqualTo(DeathCause.of(99, 1, c.patients().get(0).clinical()));
        assertThat(Rng.stream(99, DeathCause.STREAM, 1)).isNotEqualTo(Rng.stream(99, 1, 1));
    }
}
