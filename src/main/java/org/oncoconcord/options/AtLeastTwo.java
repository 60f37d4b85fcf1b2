package org.oncoconcord.options;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** An integer of at least 2 (cross-validation folds): usage error otherwise. */
public final class AtLeastTwo implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
        int n = Ranges.integer(value);
        if (n < 2) {
            throw new TypeConversionException("'" + value + "' is not an integer >= 2");
        }
        return n;
    }
}
