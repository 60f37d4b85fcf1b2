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
 * they are; text columns (or those named as factors or given a reference level) are coded with
 * treatment contrasts, the reference being the first level in sorted order unless overridden.
 */
public record Design(List<Covariate> covariates) {

    public Design {
        covariates = List.copyOf(covariates);
    }

    /** All term names, in column order. */
    public List<String> terms() {
        List<String> t = new ArrayList<>();
        for (Covariate c : covariates) {
            t.addAll(c.terms());
        }
        return t;
    }

    public int width() {
        int w = 0;
        for (Covariate c : covariates) {
            w += c.factor() ? c.levels().size() - 1 : 1;
        }
        return w;
    }

    /**
     * Chooses the coding of each column from the data.
     *
     * @param usable    rows to take factor levels from (rows complete in every model column)
     * @param factors   columns to treat as factors even when numeric
     * @param refLevels reference level per column (implies factor)
     */
    public static Design infer(DataTable t, List<String> columns, boolean[] usable, Set<String> factors, Map<String, String> refLevels) {
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
                cov.add(Covariate.numeric(col));
                continue;
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
        return new Design(cov);
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
