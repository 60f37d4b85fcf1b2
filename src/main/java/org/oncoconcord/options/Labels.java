package org.oncoconcord.options;

import java.util.Arrays;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Enum-valued options whose values are written as on the command line ({@code elastic-net},
 * {@code 1se}, {@code log-log}), which are not Java names: a constant's label is its name in lower
 * case with '-' for '_' unless the constant overrides {@link Labelled#label()}, and a
 * {@link Converter} subclass maps the label back, refusing any other value with the list of labels
 * (picocli prefixes the option's name; a usage error, exit 2).
 */
public final class Labels {
    private Labels() {
    }

    /** An enum constant with its command-line spelling. */
    public interface Labelled {
        /** The enum constant's name (implemented by every enum). */
        String name();

        /** The command-line spelling: {@code ELASTIC_NET} is {@code elastic-net}. */
        default String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
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
