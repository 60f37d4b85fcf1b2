package org.oncoconcord.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.oncoconcord.core.UserException;

/**
 * The complete cases of a survival analysis: follow-up time, event indicator (1 = event), stratum
 * index and the coded covariate rows, with the source row of each and the number of rows dropped
 * for a missing value.
 *
 * @param time        follow-up time, >= 0
 * @param event       1 event, 0 censored
 * @param strata      stratum index per row (0 when unstratified)
 * @param strataNames name of each stratum index
 * @param x           design rows (n x p)
 * @param terms       term names of the p columns
 * @param rows        source row (0-based) of each case in the table
 * @param ids         an identifier per case (id column or the file line)
 * @param dropped     rows of the table dropped for a missing value
 * @param start       entry times of counting-process data, each row at risk on (start, time]; null
 *                    when every row is at risk from time 0
 */
public record SurvivalData(double[] time, int[] event, int[] strata, List<String> strataNames, double[][] x,
                           List<String> terms, int[] rows, List<String> ids, int dropped, double[] start) {

    /** Data at risk from time 0 (no --start). */
    public SurvivalData(double[] time, int[] event, int[] strata, List<String> strataNames, double[][] x,
                        List<String> terms, int[] rows, List<String> ids, int dropped) {
        this(time, event, strata, strataNames, x, terms, rows, ids, dropped, null);
    }

    /** True for counting-process (start, stop] data. */
    public boolean countingProcess() {
        return start != null;
    }

    public int n() {
        return time.length;
    }

    public int p() {
        return terms.size();
    }

    public int events() {
        int e = 0;
        for (int v : event) {
            e += v;
        }
        return e;
    }

    public int nStrata() {
        return strataNames.size();
    }

    /** The cases at the given positions, in that order. */
    public SurvivalData subset(int[] idx) {
        double[] t = new double[idx.length];
        int[] e = new int[idx.length];
        int[] s = new int[idx.length];
        double[][] xx = new double[idx.length][];
        int[] r = new int[idx.length];
        double[] st = start == null ? null : new double[idx.length];
        List<String> id = new ArrayList<>(idx.length);
        for (int i = 0; i < idx.length; i++) {
            if (st != null) {
                st[i] = start[idx[i]];
            }
            t[i] = time[idx[i]];
            e[i] = event[idx[i]];
            s[i] = strata[idx[i]];
            xx[i] = x[idx[i]];
            r[i] = rows[idx[i]];
            id.add(ids.get(idx[i]));
        }
        return new SurvivalData(t, e, s, strataNames, xx, terms, r, id, 0, st);
    }

    /** The same cases with other design columns (e.g. a calibration model). */
    public SurvivalData withX(double[][] newX, List<String> newTerms) {
        return new SurvivalData(time, event, strata, strataNames, newX, newTerms, rows, ids, dropped, start);
    }

    /**
     * Reads the complete cases for a model from a table.
     *
     * @param design   the covariate coding (null for no covariates)
     * @param strataCol stratification column, or null
     * @param idCol    identifier column, or null (then the file line is the id)
     */
    public static SurvivalData from(DataTable t, String timeCol, String eventCol, Design design, String strataCol, String idCol) {
        return from(t, null, timeCol, eventCol, design, strataCol, idCol);
    }

    /**
     * As {@link #from(DataTable, String, String, Design, String, String)}; with {@code startCol}
     * (null for none) counting-process rows at risk on (start, time], start &lt; time required.
     */
    public static SurvivalData from(DataTable t, String startCol, String timeCol, String eventCol, Design design, String strataCol, String idCol) {
        return from(t, startCol, timeCol, eventCol, EventCode.BINARY, design, strataCol, idCol);
    }

    /**
     * As above, reading the event column as {@code code} says: 0/1 only, any cause as the event, or
     * one cause with the others censored. Under BINARY, cause codes above 1 are refused naming the
     * column and every code found.
     */
    public static SurvivalData from(DataTable t, String startCol, String timeCol, String eventCol, EventCode code, Design design,
                                    String strataCol, String idCol) {
        java.util.TreeSet<Integer> causeCodes = new java.util.TreeSet<>();
        int firstCauseLine = -1;
        double[] start = startCol == null ? null : new double[t.rows()];
        int p = design == null ? 0 : design.width();
        List<String> terms = design == null ? List.of() : design.terms();
        double[] time = new double[t.rows()];
        int[] event = new int[t.rows()];
        String[] stratum = new String[t.rows()];
        double[][] x = new double[t.rows()][];
        int[] rows = new int[t.rows()];
        List<String> ids = new ArrayList<>();
        int n = 0;
        int dropped = 0;
        for (int i = 0; i < t.rows(); i++) {
            double ti = t.number(timeCol, i);
            double ei = t.number(eventCol, i);
            double si0 = startCol == null ? 0 : t.number(startCol, i);
            double[] xi = new double[p];
            boolean ok = !Double.isNaN(ti) && !Double.isNaN(ei) && !Double.isNaN(si0) && (design == null || design.encode(t, i, xi));
            String si = strataCol == null ? "" : stratumOf(t, strataCol, i);
            if (si == null) {
                ok = false;
            }
            if (!ok) {
                dropped++;
                continue;
            }
            if (ti < 0) {
                throw new UserException(t.source() + " line " + t.line(i) + ": column '" + timeCol + "' is negative (" + ti + ")");
            }
            if (ei < 0 || ei != Math.rint(ei) || ei > 1000) {
                throw new UserException(t.source() + " line " + t.line(i) + ": column '" + eventCol + "' must be "
                        + (code.competing() ? "0 (censored) or a cause 1..k" : "0 or 1") + ", found '" + t.cell(eventCol, i) + "'");
            }
            if (ei > 1) {
                causeCodes.add((int) ei);
                firstCauseLine = firstCauseLine < 0 ? t.line(i) : firstCauseLine;
            }
            if (start != null) {
                if (!(si0 < ti)) {
                    throw new UserException(t.source() + " line " + t.line(i) + ": start '" + startCol + "' (" + Output.num(si0)
                            + ") must be before the stop time '" + timeCol + "' (" + Output.num(ti) + ")");
                }
                start[n] = si0;
            }
            time[n] = ti;
            event[n] = code.indicator((int) ei);
            stratum[n] = si;
            x[n] = xi;
            rows[n] = i;
            ids.add(idCol == null ? "line" + t.line(i) : t.cell(idCol, i));
            n++;
        }
        if (!code.competing() && !causeCodes.isEmpty()) {
            throw new UserException(t.source() + " line " + firstCauseLine + ": column '" + eventCol + "' must be 0 or 1, but holds competing-risk cause codes "
                    + causeCodes + " besides 1: give --cause K for a cause-specific model (the other causes censored), or use 'survival cif'"
                    + " (cumulative incidence, Gray's test) or 'survival crr' (Fine-Gray)");
        }
        TreeMap<String, Integer> sIndex = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            sIndex.putIfAbsent(stratum[i], 0);
        }
        int k = 0;
        for (var e : sIndex.entrySet()) {
            e.setValue(k++);
        }
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = sIndex.get(stratum[i]);
        }
        return new SurvivalData(java.util.Arrays.copyOf(time, n), java.util.Arrays.copyOf(event, n), s,
                new ArrayList<>(sIndex.keySet()), java.util.Arrays.copyOf(x, n), terms,
                java.util.Arrays.copyOf(rows, n), ids, dropped, start == null ? null : java.util.Arrays.copyOf(start, n));
    }

    /**
     * The stratum label of a row: the value of the strata column, or for several comma-separated
     * columns their values joined as R's strata(a, b) names them ("a=1, b=2"); null when missing.
     */
    static String stratumOf(DataTable t, String strataCols, int row) {
        String[] cols = strataCols.split(",");
        if (cols.length == 1) {
            String v = t.cell(cols[0], row);
            return DataTable.isMissing(v) ? null : v;
        }
        StringBuilder sb = new StringBuilder();
        for (String c : cols) {
            String v = t.cell(c.strip(), row);
            if (DataTable.isMissing(v)) {
                return null;
            }
            sb.append(sb.length() > 0 ? ", " : "").append(c.strip()).append('=').append(v);
        }
        return sb.toString();
    }

    /** The integer codes above 1 in an event column (competing-risk causes), ignoring missing and non-integer cells. */
    public static java.util.SortedSet<Integer> causeCodes(DataTable t, String eventCol) {
        java.util.TreeSet<Integer> codes = new java.util.TreeSet<>();
        for (int i = 0; i < t.rows(); i++) {
            double e = t.number(eventCol, i);
            if (e > 1 && e == Math.rint(e) && e <= 1000) {
                codes.add((int) e);
            }
        }
        return codes;
    }

    /** Rows of the table complete in every named column (for inferring factor levels). */
    public static boolean[] completeRows(DataTable t, List<String> columns) {
        boolean[] ok = new boolean[t.rows()];
        for (int i = 0; i < ok.length; i++) {
            ok[i] = true;
            for (String c : columns) {
                if (c != null && DataTable.isMissing(t.cell(c, i))) {
                    ok[i] = false;
                    break;
                }
            }
        }
        return ok;
    }

    /** Convenience: infer the design on complete rows and read the cases. */
    public static SurvivalData read(DataTable t, String timeCol, String eventCol, List<String> covariates, Set<String> factors,
                                    Map<String, String> refLevels, String strataCol, String idCol) {
        List<String> all = new ArrayList<>(covariates);
        all.add(timeCol);
        all.add(eventCol);
        if (strataCol != null) {
            all.addAll(List.of(strataCol.split(",")));
        }
        Design d = Design.infer(t, covariates, completeRows(t, all), factors, refLevels);
        return from(t, timeCol, eventCol, d, strataCol, idCol);
    }
}
