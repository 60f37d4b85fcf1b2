package org.oncoconcord.survival;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.oncoconcord.core.UserException;

/**
 * The covariates of a model and their coding into a numeric design row. Numeric columns enter as
 * they are (or as a restricted cubic spline); text columns (or those named as factors or given a
 * reference level) are coded with treatment contrasts, the reference being the first level in sorted
 * order unless overridden. Interaction columns follow the main effects, as R's model.matrix writes
 * {@code a:b}: the products of a's and b's columns, a's varying fastest, named {@code aTerm:bTerm}.
 */
public record Design(List<Covariate> covariates, List<Interaction> interactions) {

    public Design {
        covariates = List.copyOf(covariates);
        interactions = List.copyOf(interactions);
        java.util.Set<String> names = new java.util.HashSet<>();
        covariates.forEach(c -> names.add(c.name()));
        for (Interaction i : interactions) {
            if (!names.contains(i.a()) || !names.contains(i.b())) {
                throw new IllegalArgumentException("interaction " + i + " of a column that is not a covariate");
            }
        }
    }

    /** Main effects only. */
    public Design(List<Covariate> covariates) {
        this(covariates, List.of());
    }

    /** An interaction term {@code a:b} of two covariates of the model (both also main effects). */
    public record Interaction(String a, String b) {
        @Override
        public String toString() {
            return a + ":" + b;
        }
    }

    /** The covariate of a column. */
    public Covariate covariate(String name) {
        return covariates.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no covariate " + name));
    }

    /** All term names, in column order. */
    public List<String> terms() {
        List<String> t = new ArrayList<>();
        for (Covariate c : covariates) {
            t.addAll(c.terms());
        }
        for (Interaction i : interactions) {
            for (String tb : covariate(i.b()).terms()) {
                for (String ta : covariate(i.a()).terms()) {
                    t.add(ta + ":" + tb);
                }
            }
        }
        return t;
    }

    public int width() {
        int w = 0;
        for (Covariate c : covariates) {
            w += c.width();
        }
        for (Interaction i : interactions) {
            w += covariate(i.a()).width() * covariate(i.b()).width();
        }
        return w;
    }

    /** The first design column of a covariate. */
    public int offset(String name) {
        int k = 0;
        for (Covariate c : covariates) {
            if (c.name().equals(name)) {
                return k;
            }
            k += c.width();
        }
        throw new IllegalArgumentException("no covariate " + name);
    }

    /**
     * Chooses the coding of each column from the data.
     *
     * @param usable    rows to take factor levels from (rows complete in every model column)
     * @param factors   columns to treat as factors even when numeric
     * @param refLevels reference level per column (implies factor)
     */
    public static Design infer(DataTable t, List<String> columns, boolean[] usable, Set<String> factors, Map<String, String> refLevels) {
        return infer(t, columns, usable, factors, refLevels, Map.of(), List.of());
    }

    /**
     * As above, with restricted cubic splines ({@code splines}: column -> number of knots, placed on
     * every non-missing value of the column in {@code t}, as rms::rcs inside a model formula does) and
     * interaction terms (both columns must be covariates; a spline column cannot interact).
     */
    public static Design infer(DataTable t, List<String> columns, boolean[] usable, Set<String> factors, Map<String, String> refLevels,
                               Map<String, Integer> splines, List<Interaction> interactions) {
        for (String sp : splines.keySet()) {
            if (!columns.contains(sp)) {
                throw new UserException("--spline " + sp + ":" + splines.get(sp) + ": '" + sp + "' is not one of the covariates " + columns);
            }
            if (factors.contains(sp) || refLevels.containsKey(sp)) {
                throw new UserException("--spline " + sp + ": a factor column cannot be a spline");
            }
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Interaction i : interactions) {
            for (String c : List.of(i.a(), i.b())) {
                if (!columns.contains(c)) {
                    throw new UserException("--interaction " + i + ": '" + c + "' is not one of the covariates " + columns
                            + " (an interaction needs both main effects, as R's a*b)");
                }
                if (splines.containsKey(c)) {
                    throw new UserException("--interaction " + i + ": '" + c + "' is a spline; interactions with a spline are not supported");
                }
            }
            if (i.a().equals(i.b())) {
                throw new UserException("--interaction " + i + ": a column cannot interact with itself");
            }
            if (!seen.add(i.a() + ":" + i.b()) || !seen.add(i.b() + ":" + i.a())) {
                throw new UserException("--interaction " + i + ": given twice");
            }
        }
        for (String r : refLevels.keySet()) {
            if (!columns.contains(r)) {
                throw new UserException("--ref-level " + r + "=...: '" + r + "' is not one of the covariates " + columns);
            }
        }
        List<Covariate> cov = new ArrayList<>();
        for (String col : columns) {
            t.column(col);
            boolean numeric = t.isNumeric(col);
            boolean namedFactor = factors.contains(col) || refLevels.containsKey(col);
            if (numeric && !namedFactor) {
                Integer k = splines.get(col);
                if (k == null) {
                    cov.add(Covariate.numeric(col));
                } else {
                    double[] x = java.util.stream.IntStream.range(0, t.rows()).mapToDouble(r -> t.number(col, r)).filter(v -> !Double.isNaN(v)).toArray();
                    cov.add(Covariate.spline(col, RestrictedCubicSpline.knots(x, k, t.source() + ": --spline " + col + ":" + k)));
                }
                continue;
            }
            if (splines.containsKey(col)) {
                throw new UserException("--spline " + col + ": column '" + col + "' is not numeric in " + t.source());
            }
            if (!namedFactor) {
                t.requireNotNumericLooking(col);
            }
            Comparator<String> order = numeric
                    ? Comparator.comparingDouble(Double::parseDouble).thenComparing(Comparator.naturalOrder())
                    : Comparator.naturalOrder();
            TreeSet<String> levels = new TreeSet<>(order);
            List<String> cells = t.column(col);
            for (int i = 0; i < cells.size(); i++) {
                if (usable[i]) {
                    levels.add(cells.get(i));
                }
            }
            List<String> lv = new ArrayList<>(levels);
            String ref = refLevels.get(col);
            if (ref != null) {
                if (!lv.remove(ref)) {
                    throw new UserException("--ref-level " + col + "=" + ref + ": no such level in " + t.source() + " (levels: " + levels + ")");
                }
                lv.add(0, ref);
            }
            if (lv.isEmpty()) {
                throw new UserException(t.source() + ": column '" + col + "' has no non-missing value in the usable rows");
            }
            cov.add(new Covariate(col, true, lv));
        }
        return new Design(cov, interactions);
    }

    /**
     * Codes row {@code row} of the table into {@code out}; returns false when a covariate is missing.
     * A factor level not seen when the design was made is an error naming file and line.
     */
    public boolean encode(DataTable t, int row, double[] out) {
        int k = 0;
        for (Covariate c : covariates) {
            if (!c.factor()) {
                double v = t.number(c.name(), row);
                if (Double.isNaN(v)) {
                    return false;
                }
                out[k++] = v;
                if (c.spline()) {
                    for (double b : RestrictedCubicSpline.basis(v, c.knots().stream().mapToDouble(Double::doubleValue).toArray())) {
                        out[k++] = b;
                    }
                }
                continue;
            }
            String s = t.cell(c.name(), row);
            if (DataTable.isMissing(s)) {
                return false;
            }
            int idx = c.levels().indexOf(s);
            if (idx < 0 && isNumber(s)) {
                for (int j = 0; j < c.levels().size() && idx < 0; j++) {
                    if (isNumber(c.levels().get(j)) && Double.parseDouble(c.levels().get(j)) == Double.parseDouble(s)) {
                        idx = j;
                    }
                }
            }
            if (idx < 0) {
                throw new UserException(t.source() + " line " + t.line(row) + ": column '" + c.name() + "' level '" + s
                        + "' was not in the fitted model (levels: " + c.levels() + ")");
            }
            for (int j = 1; j < c.levels().size(); j++) {
                out[k++] = j == idx ? 1 : 0;
            }
        }
        for (Interaction i : interactions) {
            int oa = offset(i.a());
            int ob = offset(i.b());
            int wa = covariate(i.a()).width();
            int wb = covariate(i.b()).width();
            for (int jb = 0; jb < wb; jb++) {
                for (int ja = 0; ja < wa; ja++) {
                    out[k++] = out[oa + ja] * out[ob + jb];
                }
            }
        }
        return true;
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
