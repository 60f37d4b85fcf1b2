package org.oncoconcord.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A positive finite number (times such as a prediction horizon): usage error otherwise. */
public final class PositiveFinite implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
        double d = Ranges.finite(value);
        if (!(d > 0)) {
            throw new TypeConversionException("'" + value + "' is not a positive number");
        }
        return d;
    }
}
