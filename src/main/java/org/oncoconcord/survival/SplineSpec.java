package org.oncoconcord.survival;

import picocli.CommandLine;

/**
 * {@code --spline COL:K}: a restricted cubic spline of column COL with K knots (3..7, as rms::rcs
 * accepts for default knot placement).
 */
public record SplineSpec(String column, int knots) {
    public static final int MIN_KNOTS = 3;
    public static final int MAX_KNOTS = 7;

    /** Parses COL:K; a usage error (exit 2) naming the option when malformed or K is out of 3..7. */
    public static final class Converter implements CommandLine.ITypeConverter<SplineSpec> {
        @Override
        public SplineSpec convert(String value) {
            int colon = value.lastIndexOf(':');
            if (colon <= 0 || colon == value.length() - 1) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not COL:K (e.g. age:4)");
            }
            int k;
            try {
                k = Integer.parseInt(value.substring(colon + 1).strip());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "': the number of knots K is not an integer");
            }
            if (k < MIN_KNOTS || k > MAX_KNOTS) {
                throw new CommandLine.TypeConversionException("'" + value + "': the number of knots must be in [" + MIN_KNOTS + ", " + MAX_KNOTS + "]");
            }
            return new SplineSpec(value.substring(0, colon).strip(), k);
        }
    }

    /** Parses {@code --interaction A:B} (two column names). */
    public static final class InteractionConverter implements CommandLine.ITypeConverter<Design.Interaction> {
        @Override
        public Design.Interaction convert(String value) {
            String[] p = value.split(":", -1);
            if (p.length != 2 || p[0].isBlank() || p[1].isBlank()) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not A:B (two covariate columns, e.g. age:sex)");
            }
            return new Design.Interaction(p[0].strip(), p[1].strip());
        }
    }
}
