package org.oncoconcord.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class RangesTest {
    @Test
    void fractionIsZeroToOneInclusive() {
        Ranges.Fraction f = new Ranges.Fraction();
        assertThat(f.convert("0")).isZero();
        assertThat(f.convert("1")).isEqualTo(1.0);
        assertThat(f.convert("0.05")).isEqualTo(0.05);
        for (String bad : new String[] {"1.5", "-0.1", "NaN", "Infinity", "abc", "1e400"}) {
            assertThatThrownBy(() -> f.convert(bad)).isInstanceOf(TypeConversionException.class).hasMessageContaining(bad);
        }
    }

    @Test
    void countsAndSizes() {
        assertThat(new Ranges.NonNegativeInt().convert("0")).isZero();
        assertThatThrownBy(() -> new Ranges.NonNegativeInt().convert("-5")).hasMessage("'-5' is not an integer >= 0");
        assertThat(new Ranges.PositiveInt().convert("1")).isEqualTo(1);
        assertThatThrownBy(() -> new Ranges.PositiveInt().convert("0")).hasMessage("'0' is not an integer >= 1");
        assertThatThrownBy(() -> new Ranges.PositiveInt().convert("2.5")).hasMessage("'2.5' is not an integer");
        assertThatThrownBy(() -> new Ranges.FiniteDouble().convert("1e400")).hasMessage("'1e400' is not a finite number");
    }
}
