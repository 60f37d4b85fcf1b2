package org.oncoconcord.options;

import java.math.BigDecimal;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One rule per kind of numeric option, the same in every command: use as
 * {@code @Option(..., converter = Ranges.Fraction.class)}. A value out of range, not a number, NaN,
 * infinite or overflowing ({@code 1e400}) is a usage error (exit 2) that names the option, the value
 * and the allowed range, e.g.
 * {@code Invalid value for option '--min-vaf': '1.5' is not a fraction in [0, 1]}.
 * {@code OptionRangesTest} checks that every numeric option of every command uses one of these.
 */
public final class Ranges {
    private Ranges() {
    }

    /** A fraction or probability in [0, 1] (allele fractions, mixing weights, error-rate floors). */
    public static final class Fraction extends DoubleRange {
        public Fraction() {
            super("a fraction in [0, 1]", 0, false, 1, false);
        }
    }

    /** A probability strictly between 0 and 1 (confidence levels, test levels). */
    public static final class OpenFraction extends DoubleRange {
        public OpenFraction() {
            super("a probability in (0, 1)", 0, true, 1, true);
        }
    }

    /** A fraction in [0, 1) (a held-out share, where 1 would leave nothing). */
    public static final class FractionBelowOne extends DoubleRange {
        public FractionBelowOne() {
            super("a fraction in [0, 1)", 0, false, 1, true);
        }
    }

    /** A step strictly between 0 and 0.5 (decision-curve threshold steps, from it to 1 - it). */
    public static final class BelowHalf extends DoubleRange {
        public BelowHalf() {
            super("a number in (0, 0.5)", 0, true, 0.5, true);
        }
    }

    /** A percentage in [0, 100]. */
    public static final class Percent extends DoubleRange {
        public Percent() {
            super("a percentage in [0, 100]", 0, false, 100, false);
        }
    }

    /** A finite number (no NaN, no infinity, no overflow such as 1e400). */
    public static final class FiniteDouble extends DoubleRange {
        public FiniteDouble() {
            super("a finite number", Double.NEGATIVE_INFINITY, true, Double.POSITIVE_INFINITY, true);
        }
    }

    /** A finite number > 0 (time horizons, steps). */
    public static final class PositiveDouble extends DoubleRange {
        public PositiveDouble() {
            super("a finite number > 0", 0, true, Double.POSITIVE_INFINITY, true);
        }
    }

    /** A finite number >= 0 (times, rates). */
    public static final class NonNegativeDouble extends DoubleRange {
        public NonNegativeDouble() {
            super("a finite number >= 0", 0, false, Double.POSITIVE_INFINITY, true);
        }
    }

    /** A count that may be zero (depths, read counts, repeats that may be skipped): an integer >= 0. */
    public static final class NonNegativeInt extends IntRange {
        public NonNegativeInt() {
            super(0);
        }
    }

    /** A size that must be at least one (windows, threads, patients, resamples): an integer >= 1. */
    public static final class PositiveInt extends IntRange {
        public PositiveInt() {
            super(1);
        }
    }

    /** A number of folds or groups, which needs at least two: an integer >= 2. */
    public static final class AtLeastTwoInt extends IntRange {
        public AtLeastTwoInt() {
            super(2);
        }
    }

    /** A random seed: an integer in [0, 9223372036854775807]. */
    public static final class Seed implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            long n;
            try {
                n = Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not an integer in [0, " + Long.MAX_VALUE + "]");
            }
            if (n < 0) {
                throw new TypeConversionException("'" + value + "' is not an integer in [0, " + Long.MAX_VALUE + "]");
            }
            return n;
        }
    }

    /** The text as given: the key converter of a {@code LABEL=NUMBER} map option whose values use a range. */
    public static final class Text implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return value;
        }
    }

    /** A double in a range; the message states the range for every refused value. */
    public abstract static class DoubleRange implements ITypeConverter<Double> {
        private final String what;
        private final double lo;
        private final boolean loOpen;
        private final double hi;
        private final boolean hiOpen;

        DoubleRange(String what, double lo, boolean loOpen, double hi, boolean hiOpen) {
            this.what = what;
            this.lo = lo;
            this.loOpen = loOpen;
            this.hi = hi;
            this.hiOpen = hiOpen;
        }

        @Override
        public Double convert(String value) {
            double d = parse(value);
            boolean ok = Double.isFinite(d) && (loOpen ? d > lo : d >= lo) && (hiOpen ? d < hi : d <= hi);
            if (!ok) {
                throw new TypeConversionException("'" + value + "' is not " + what);
            }
            return d;
        }

        private double parse(String value) {
            String v = value.trim();
            // Java also reads "1d", "0x1p3" and "1f": only plain decimal numbers are accepted
            if (v.isEmpty() || !v.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                throw new TypeConversionException("'" + value + "' is not " + what);
            }
            double d = Double.parseDouble(v);
            if (d == 0 && new BigDecimal(v).signum() != 0) {
                throw new TypeConversionException("'" + value + "' is not " + what + " (underflows to 0)");
            }
            return d;
        }
    }

    /** An int with a lower bound; the message states the bound for every refused value. */
    public abstract static class IntRange implements ITypeConverter<Integer> {
        private final int min;

        IntRange(int min) {
            this.min = min;
        }

        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                String range = value.trim().matches("[+-]?\\d+") ? " (at most " + Integer.MAX_VALUE + ")" : "";
                throw new TypeConversionException("'" + value + "' is not an integer >= " + min + range);
            }
            if (n < min) {
                throw new TypeConversionException("'" + value + "' is not an integer >= " + min);
            }
            return n;
        }
    }
}
