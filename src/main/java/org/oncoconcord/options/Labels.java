package org.oncoconcord.options;

import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Enum-valued options whose values are written as on the command line ({@code elastic-net},
 * {@code 1se}, {@code log-log}), which are not Java names: the enum says each constant's label and a
 * {@link Converter} subclass maps the label back, refusing any other value with the list of labels
 * (picocli prefixes the option's name; a usage error, exit 2).
 */
public final class Labels {
    private Labels() {
    }

    /** An enum constant with its command-line spelling. */
    public interface Labelled {
        String label();
    }

    /** Label to constant of {@code E}; subclass with a no-argument constructor for picocli's {@code converter =}. */
    public abstract static class Converter<E extends Enum<E> & Labelled> implements ITypeConverter<E> {
        private final Class<E> type;

        protected Converter(Class<E> type) {
            this.type = type;
        }

        @Override
        public E convert(String value) {
            for (E e : type.getEnumConstants()) {
                if (e.label().equals(value)) {
                    return e;
                }
            }
            throw new TypeConversionException("'" + value + "' is not one of "
                    + Arrays.stream(type.getEnumConstants()).map(Labelled::label).collect(Collectors.joining(", ")));
        }
    }
}
