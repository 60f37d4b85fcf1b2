package org.oncoconcord.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A fraction strictly between 0 and 1 (confidence levels): usage error otherwise. */
public final class OpenFraction implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
        double d = Ranges.finite(value);
        if (!(d > 0 && d < 1)) {
            throw new TypeConversionException("'" + value + "' is not a fraction strictly between 0 and 1 (e.g. 0.95)");
        }
        return d;
    }
}
