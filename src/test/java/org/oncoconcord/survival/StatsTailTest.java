package org.oncoconcord.survival;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Issue 16 item 6: p-values are upper tails computed directly (never 1 - CDF, which is 0 below
 * 1e-16) and printed with at least 3 significant digits at any magnitude. Expected values are R's
 * pchisq(..., lower.tail = FALSE) and 2 * pnorm(-z).
 */
class StatsTailTest {
    @Test
    void upperTailsKeepTheirPrecisionFarOut() {
        assertThat(Stats.chi2P(325, 1)).isCloseTo(1.17982856702219e-72, within(1e-12 * 1.18e-72));
        assertThat(Stats.chi2P(12.3, 1)).isCloseTo(0.000452958293923552, within(1e-15));
        assertThat(Stats.chi2P(40, 3)).isCloseTo(1.06550903342559e-08, within(1e-20));
        assertThat(Stats.normalP(18)).isCloseTo(1.94818978378743e-72, within(1e-12 * 1.95e-72));
        assertThat(Stats.normalP(-18)).isEqualTo(Stats.normalP(18));
    }

    @Test
    void printedPValuesHaveAtLeastThreeSignificantDigits() {
        assertThat(Output.num(1.17982856702219e-72)).isEqualTo("1.179828567e-72");
        assertThat(Output.num(0.000452958293923552)).isEqualTo("0.0004529582939");
        assertThat(Output.num(0.000123)).isEqualTo("0.000123");
        assertThat(Output.num(0.5)).isEqualTo("0.5");
    }
}
