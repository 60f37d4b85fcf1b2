package org.oncoconcord.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

class RangesTest {
    private static final String[] NOT_FINITE = {"NaN", "Infinity", "-Infinity", "1e400", "-1e400", "abc", "", "1d", "0x1p3", "1,5"};

    private static void refuses(ITypeConverter<?> c, String range, String... values) {
        for (String bad : values) {
            assertThatThrownBy(() -> c.convert(bad)).as(bad).isInstanceOf(TypeConversionException.class)
                    .hasMessageStartingWith("'" + bad + "' is not " + range);
        }
    }

    @Test
    void fractionIsZeroToOneInclusive() {
        Ranges.Fraction f = new Ranges.Fraction();
        assertThat(f.convert("0")).isZero();
        assertThat(f.convert("1")).isEqualTo(1.0);
        assertThat(f.convert("0.05")).isEqualTo(0.05);
        assertThat(f.convert("5e-2")).isEqualTo(0.05);
        assertThat(f.convert(".5")).isEqualTo(0.5);
        refuses(f, "a fraction in [0, 1]", "1.5", "-0.1", "1.0000001");
        refuses(f, "a fraction in [0, 1]", NOT_FINITE);
    }

    @Test
    void openAndHalfOpenFractions() {
        assertThat(new Ranges.OpenFraction().convert("0.95")).isEqualTo(0.95);
        refuses(new Ranges.OpenFraction(), "a probability in (0, 1)", "0", "1", "2", "-0.5");
        refuses(new Ranges.OpenFraction(), "a probability in (0, 1)", NOT_FINITE);
        assertThat(new Ranges.FractionBelowOne().convert("0")).isZero();
        assertThat(new Ranges.FractionBelowOne().convert("0.25")).isEqualTo(0.25);
        refuses(new Ranges.FractionBelowOne(), "a fraction in [0, 1)", "1", "-0.01");
        assertThat(new Ranges.Percent().convert("100")).isEqualTo(100.0);
        refuses(new Ranges.Percent(), "a percentage in [0, 100]", "100.5", "-1");
    }

    @Test
    void finitePositiveNonNegative() {
        assertThat(new Ranges.FiniteDouble().convert("-3.5")).isEqualTo(-3.5);
        assertThatThrownBy(() -> new Ranges.FiniteDouble().convert("1e400")).hasMessage("'1e400' is not a finite number");
        refuses(new Ranges.FiniteDouble(), "a finite number", NOT_FINITE);
        assertThat(new Ranges.PositiveDouble().convert("730")).isEqualTo(730.0);
        refuses(new Ranges.PositiveDouble(), "a finite number > 0", "0", "-1", "1e-400");
        refuses(new Ranges.PositiveDouble(), "a finite number > 0", NOT_FINITE);
        assertThat(new Ranges.NonNegativeDouble().convert("0")).isZero();
        refuses(new Ranges.NonNegativeDouble(), "a finite number >= 0", "-0.001", "Infinity");
    }

    @Test
    void countsAndSizes() {
        assertThat(new Ranges.NonNegativeInt().convert("0")).isZero();
        assertThatThrownBy(() -> new Ranges.NonNegativeInt().convert("-5")).hasMessage("'-5' is not an integer >= 0");
        assertThat(new Ranges.PositiveInt().convert("1")).isEqualTo(1);
        assertThatThrownBy(() -> new Ranges.PositiveInt().convert("0")).hasMessage("'0' is not an integer >= 1");
        assertThatThrownBy(() -> new Ranges.PositiveInt().convert("2.5")).hasMessage("'2.5' is not an integer >= 1");
        assertThatThrownBy(() -> new Ranges.PositiveInt().convert("99999999999"))
                .hasMessage("'99999999999' is not an integer >= 1 (at most 2147483647)");
        assertThat(new Ranges.AtLeastTwoInt().convert("2")).isEqualTo(2);
        assertThatThrownBy(() -> new Ranges.AtLeastTwoInt().convert("1")).hasMessage("'1' is not an integer >= 2");
        refuses(new Ranges.PositiveInt(), "an integer >= 1", NOT_FINITE);
    }

    @Test
    void seeds() {
        assertThat(new Ranges.Seed().convert("0")).isZero();
        assertThat(new Ranges.Seed().convert("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        refuses(new Ranges.Seed(), "an integer in [0, 9223372036854775807]", "-1", "1.5", "9223372036854775808", "1e3", "NaN");
    }
}
