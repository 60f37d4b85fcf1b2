package org.oncoconcord.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A step strictly between 0 and 0.5 (decision-curve threshold steps): usage error otherwise. */
public final class BelowHalf implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
        double d = Ranges.finite(value);
        if (!(d > 0 && d < 0.5)) {
            throw new TypeConversionException("'" + value + "' is not a number strictly between 0 and 0.5");
        }
        return d;
    }
}
