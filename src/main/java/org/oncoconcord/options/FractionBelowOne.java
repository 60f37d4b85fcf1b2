package org.oncoconcord.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A fraction in [0, 1) (a held-out share of the data): usage error otherwise. */
public final class FractionBelowOne implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
        double d = Ranges.finite(value);
        if (d < 0 || d >= 1) {
            throw new TypeConversionException("'" + value + "' is not a fraction in [0, 1)");
        }
        return d;
    }
}
