package org.oncoconcord.cohort;

import org.oncoconcord.core.SampleType;
import org.oncoconcord.core.Proportion;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pooled plasma sensitivity by tumour-fraction bin, counted by hand; Wilson bounds against Proportion. */
class PlasmaTablesTest {

    private static PatientConcordance patient(String id, PatientConcordance.PlasmaSignal s) {
        return new PatientConcordance(id, Path.of(id + ".concordance.json"), List.of(SampleType.PRIMARY, SampleType.PLASMA),
                Map.of(), Map.of(), Map.of(), null, 0, Map.of(), s, List.of());
    }

    private static PatientConcordance.PlasmaSignal signal(double tf, int det, int inf, int notInf) {
        return new PatientConcordance.PlasmaSignal(det > 0, 0.01, tf, tf / 2, tf * 2, det, inf, notInf);
    }

    @Test
    void sensitivityByBin() {
        List<PatientConcordance> ps = List.of(
                patient("A", signal(0.20, 9, 1, 0)),     // >5%
                patient("B", signal(0.03, 4, 2, 2)),     // 1-5%
                patient("C", signal(0.0, 0, 0, 6)),      // <1%: nothing informative
                patient("D", signal(Double.NaN, 0, 0, 0)), // unknown
                new PatientConcordance("E", Path.of("E"), List.of(SampleType.PRIMARY, SampleType.METASTASIS),
                        Map.of(), Map.of(), Map.of(), null, null, Map.of(), null, List.of()));
        Table t = PlasmaTables.sensitivity(ps);
        assertThat(t.rows()).hasSize(5);
        List<String> all = t.rows().get(0);
        // all: 13 detected, 3 informative misses, 8 not informative; 13/24 over all, 13/16 informative
        assertThat(all.subList(0, 5)).containsExactly("all", "4", "13", "3", "8");
        assertThat(Double.parseDouble(all.get(5))).isCloseTo(13 / 24.0, within(1e-6));
        assertThat(Double.parseDouble(all.get(8))).isCloseTo(13 / 16.0, within(1e-6));
        assertThat(Double.parseDouble(all.get(9))).isCloseTo(Proportion.wilson(13, 16).lower(), within(1e-6));
        assertThat(t.rows().get(1).subList(0, 5)).containsExactly("<1%", "1", "0", "0", "6");
        assertThat(Double.parseDouble(t.rows().get(1).get(5))).isZero();
        assertThat(t.rows().get(1).get(8)).isIn("", "NA", "NaN", ".");
        assertThat(t.rows().get(2).subList(0, 5)).containsExactly("1-5%", "1", "4", "2", "2");
        assertThat(t.rows().get(3).subList(0, 5)).containsExactly(">5%", "1", "9", "1", "0");
        assertThat(t.rows().get(4).subList(0, 5)).containsExactly("unknown", "1", "0", "0", "0");
        Table tf = PlasmaTables.tumourFraction(ps);
        assertThat(tf.rows()).hasSize(4);
        assertThat(tf.rows().get(2).get(4)).isEqualTo("<1%");
        assertThat(tf.rows().get(3).get(4)).isEqualTo("unknown");
    }
}
