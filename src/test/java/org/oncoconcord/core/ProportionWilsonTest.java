package org.oncoconcord.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Wilson score intervals against Newcombe (Stat Med 1998;17:857-872, Table I, method 3). */
class ProportionWilsonTest {

    private static void check(int x, int n, double lo, double hi) {
        Proportion w = Proportion.wilson(x, n, 0.95);
        assertThat(Proportion.wilson(x, n)).isEqualTo(w);
        assertThat(w.estimate()).isEqualTo(x / (double) n);
        assertThat(w.lower()).as(x + "/" + n + " lower").isCloseTo(lo, within(5e-5));
        assertThat(w.upper()).as(x + "/" + n + " upper").isCloseTo(hi, within(5e-5));
    }

    @Test
    void matchesNewcombesPublishedIntervals() {
        check(81, 263, 0.2553, 0.3662);
        check(15, 148, 0.0624, 0.1605);
        check(0, 20, 0.0, 0.1611);
        check(1, 29, 0.0061, 0.1718);
    }

    @Test
    void otherLevelsMatchR() {
        // R 4.2: prop.test(15, 148, conf.level = 0.99, correct = FALSE)$conf.int = 0.05364487 0.18326735
        Proportion w = Proportion.wilson(15, 148, 0.99);
        assertThat(w.lower()).isCloseTo(0.05364487, within(1e-8));
        assertThat(w.upper()).isCloseTo(0.18326735, within(1e-8));
    }

    @Test
    void emptyDenominatorGivesNoEstimate() {
        Proportion w = Proportion.wilson(0, 0, 0.95);
        assertThat(w.estimate()).isNaN();
        assertThat(w.lower()).isNaN();
    }
}
