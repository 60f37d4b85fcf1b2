package org.oncoconcord.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * One rule per kind of numeric option, the same in every command: use as
 * {@code @Option(..., converter = Ranges.Fraction.class)}. A value out of range is a usage error
 * (exit 2) that names the option and the value, e.g.
 * {@code Invalid value for option '--min-vaf': '1.5' is not a fraction in [0, 1]}.
 */
public final class Ranges {
    private Ranges() {
    }

    /** A fraction or probability in [0, 1] (allele fractions, confidence levels). */
    public static final class Fraction implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double d = finite(value);
            if (d < 0 || d > 1) {
                throw new TypeConversionException("'" + value + "' is not a fraction in [0, 1]");
            }
            return d;
        }
    }

    /** A count that may be zero (depths, read counts): an integer >= 0. */
    public static final class NonNegativeInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = integer(value);
            if (n < 0) {
                throw new TypeConversionException("'" + value + "' is not an integer >= 0");
            }
            return n;
        }
    }

    /** A size that must be at least one (windows, threads, folds): an integer >= 1. */
    public static final class PositiveInt implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int n = integer(value);
            if (n < 1) {
                throw new TypeConversionException("'" + value + "' is not an integer >= 1");
            }
            return n;
        }
    }

    /** A finite number (no NaN, no infinity, no overflow such as 1e400). */
    public static final class FiniteDouble implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return finite(value);
        }
    }

    static double finite(String value) {
        double d;
        try {
            d = Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not a number");
        }
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new TypeConversionException("'" + value + "' is not a finite number");
        }
        return d;
    }

    static int integer(String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is not an integer");
        }
    }
}
