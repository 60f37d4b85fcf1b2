package org.oncoconcord.survival;

import java.util.List;

/**
 * How one input column enters a model: as a number, or as a factor with treatment coding (one
 * indicator per non-reference level, named column + level as R writes terms, e.g. {@code rxLev+5FU}).
 *
 * @param name      the column name
 * @param factor    true for a categorical column
 * @param levels    factor levels in coding order, the reference first (empty for numbers)
 */
public record Covariate(String name, boolean factor, List<String> levels) {

    public Covariate {
        levels = List.copyOf(levels);
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
        if (!factor) {
            return List.of(name);
        }
        return levels.subList(1, levels.size()).stream().map(l -> name + l).toList();
    }
}
