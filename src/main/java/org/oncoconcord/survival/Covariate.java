package org.oncoconcord.survival;

import java.util.List;

/**
 * How one input column enters a model: as a number, or as a factor with treatment coding (one
 * indicator per non-reference level, named column + level as R writes terms, e.g. {@code rxLev+5FU}).
 *
 * @param name      the column name
 * @param factor    true for a categorical column
 * @param levels    factor levels in coding order, the reference first (empty for numbers)
 * @param knots     knots of a restricted cubic spline of a number ({@link RestrictedCubicSpline}); empty
 *                  when the number enters linearly
 */
public record Covariate(String name, boolean factor, List<String> levels, List<Double> knots) {

    public Covariate {
        levels = List.copyOf(levels);
        knots = List.copyOf(knots);
        if (factor && !knots.isEmpty()) {
            throw new IllegalArgumentException(name + ": a factor has no spline knots");
        }
    }

    /** A number or a factor (no spline). */
    public Covariate(String name, boolean factor, List<String> levels) {
        this(name, factor, levels, List.of());
    }

    /** A number entering as a restricted cubic spline with these knots. */
    public static Covariate spline(String name, double[] knots) {
        return new Covariate(name, false, List.of(), java.util.Arrays.stream(knots).boxed().toList());
    }

    public boolean spline() {
        return !knots.isEmpty();
    }

    /** Number of design columns: levels - 1 for a factor, knots - 1 for a spline, else 1. */
    public int width() {
        return factor ? levels.size() - 1 : spline() ? knots.size() - 1 : 1;
    }

    public static Covariate numeric(String name) {
        return new Covariate(name, false, List.of());
    }

    /** The reference level of a factor. */
    public String reference() {
        return levels.get(0);
    }

    /** The model terms this covariate contributes. */
    public List<String> terms() {
        if (spline()) {
            // as rms names them: age, age', age'', ...
            return java.util.stream.IntStream.range(0, knots.size() - 1).mapToObj(j -> name + "'".repeat(j)).toList();
        }
        if (!factor) {
            return List.of(name);
        }
        return levels.subList(1, levels.size()).stream().map(l -> name + l).toList();
    }
}
