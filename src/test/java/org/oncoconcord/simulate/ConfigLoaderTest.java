package org.oncoconcord.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.core.UserException;

class ConfigLoaderTest {

    @Test
    void defaultsCarryThePublishedAndMeasuredValues() {
        SimulationConfig c = ConfigLoader.defaults();
        assertThat(c.drivers().get("KRAS").discordance()).isEqualTo(0.08);       // Bhullar 2019 pooled discordance
        assertThat(c.drivers().get("BRAF").discordance()).isEqualTo(0.032);      // Mao 2015 concordance 96.8%
        assertThat(c.drivers().get("KRAS").frequencyMss()).isEqualTo(0.432);     // TCGA, non-hypermutated
        assertThat(c.cohort().msiFraction()).isEqualTo(0.147);
        assertThat(c.drivers().keySet()).containsExactly("APC", "TP53", "KRAS", "NRAS", "BRAF", "PIK3CA", "SMAD4", "FBXW7");
    }

    @Test
    void userYamlOverridesOnlyTheKeysGiven(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("c.yaml");
        Files.writeString(f, "drivers:\n  KRAS:\n    discordance: 0.2\nsurvival:\n  os_log_hr:\n    braf_v600e: 1.1\n");
        SimulationConfig c = ConfigLoader.load(f);
        assertThat(c.drivers().get("KRAS").discordance()).isEqualTo(0.2);
        assertThat(c.drivers().get("KRAS").frequencyMss()).isEqualTo(0.432);
        assertThat(c.survival().osLogHr()).containsEntry("braf_v600e", 1.1).containsEntry("stage_iv", 0.87);
        // and the override takes effect in the simulation
        var cohort = CohortSimulator.simulate(c, 3, 300);
        assertThat(Expectations.geneConcordance(cohort).get("KRAS").expected()).isEqualTo(0.8);
    }

    @Test
    void unknownKeysAndBadValuesAreRejectedNamingFileAndKey(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("bad.yaml");
        Files.writeString(f, "cohort:\n  msi_fractoin: 0.2\n");
        assertThatThrownBy(() -> ConfigLoader.load(f)).isInstanceOf(UserException.class)
                .hasMessageContaining("bad.yaml").hasMessageContaining("msi_fractoin");
        Files.writeString(f, "drivers:\n  KRAS:\n    discordance: 1.5\n");
        assertThatThrownBy(() -> ConfigLoader.load(f)).isInstanceOf(UserException.class)
                .hasMessageContaining("drivers.KRAS.discordance").hasMessageContaining("1.5");
        Files.writeString(f, "nonsense: 1\n");
        assertThatThrownBy(() -> ConfigLoader.load(f)).hasMessageContaining("unknown config key 'nonsense'");
        Files.writeString(f, "drivers:\n  KRAS:\n    hotspots: {G12Z: 3}\n");
        assertThatThrownBy(() -> ConfigLoader.load(f)).hasMessageContaining("G12Z");
        Files.writeString(f, "blood_draws:\n  wbc_fraction: 1.2\n");
        assertThatThrownBy(() -> ConfigLoader.load(f)).isInstanceOf(UserException.class)
                .hasMessageContaining("bad.yaml").hasMessageContaining("blood_draws.wbc_fraction").hasMessageContaining("1.2");
        Files.writeString(f, "blood_draws:\n  baseline_day_max: 3\n");
        assertThatThrownBy(() -> ConfigLoader.load(f)).isInstanceOf(UserException.class).hasMessageContaining("baseline_day_max");
        Files.writeString(f, "blood_draws:\n  postop_day_min: 0\n");
        assertThatThrownBy(() -> ConfigLoader.load(f)).isInstanceOf(UserException.class).hasMessageContaining("postop_day_min");
    }

    @Test
    void bloodDrawsAreOffByDefault() {
        var bd = ConfigLoader.defaults().bloodDraws();
        assertThat(bd.wbcFraction()).isZero();
        assertThat(bd.serialFraction()).isZero();
        var cohort = CohortSimulator.simulate(ConfigLoader.defaults(), 5, 40);
        assertThat(cohort.patients()).allSatisfy(p -> {
            assertThat(p.samples("normal")).isEmpty();
            assertThat(p.samples("plasma")).hasSizeLessThanOrEqualTo(1);
        });
    }
}
