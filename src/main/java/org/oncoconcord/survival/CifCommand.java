package org.oncoconcord.survival;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.oncoconcord.contract.CifJson;
import org.oncoconcord.contract.SurvivalAnalysis;
import org.oncoconcord.contract.TestResult;
import org.oncoconcord.core.CommonOptions;
import org.oncoconcord.core.UserException;
import org.oncoconcord.core.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code survival cif}: cumulative incidence of competing causes (event 0 = censored, 1..k = cause)
 * by the Aalen-Johansen estimator, per group, as R's {@code cmprsk::cuminc} estimates:
 * CIF_k(t) = sum over times s &lt;= t of S(s-) d_k(s) / n(s), S the all-cause Kaplan-Meier.
 */
@Command(name = "cif", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Cumulative incidence of competing causes (Aalen-Johansen; event 0 censored, 1..k causes), per group.")
public final class CifCommand implements Callable<Integer> {
    /** This run's outputs, written all or none at the end. */
    private final Outputs outputs = new Outputs();

    @Mixin
    CommonOptions common;

    @Option(names = "--data", required = true, description = "Input table: CSV, or TSV when named .tsv/.txt/.tab.")
    Path data;

    @Option(names = "--time", required = true, description = "Follow-up time column.")
    String time;

    @Option(names = "--event", required = true, description = "Event column: 0 censored, 1..k the cause (integer).")
    String event;

    @Option(names = "--group", description = "Grouping column (one set of curves per level).")
    String group;

    @Option(names = "--strata", description = "Stratification column of Gray's test (cmprsk::cuminc strata=): the test sums per-stratum scores.")
    String strata;

    @Option(names = "--rho", defaultValue = "0", converter = org.oncoconcord.options.Ranges.FiniteDouble.class,
            description = "Weight power of Gray's test, (1 - F(t-))^rho (cuminc's rho; default 0).")
    double rho;

    @Option(names = "--at", split = ",", converter = org.oncoconcord.options.Ranges.NonNegativeDouble.class, description = "Times at which to report the curves (rows with kind=at).")
    List<Double> at = new ArrayList<>();

    @Option(names = "--out", required = true, description = "Output folder: cif.tsv, cif.json, gray_test.tsv (with --group).")
    Path out;

    /** The incidence curve of one cause in one group: jump times and CIF after each. */
    record Curve(String group, int cause, double[] time, double[] cif) {
        double at(double t) {
            int i = Arrays.binarySearch(time, t);
            int j = i >= 0 ? i : -i - 2;
            return j < 0 ? 0 : cif[j];
        }
    }

    /** Aalen-Johansen cumulative incidence of every cause 1..k among the given rows. */
    static List<Curve> aalenJohansen(String group, double[] t, int[] cause, int k) {
        int n = t.length;
        Integer[] ord = new Integer[n];
        for (int i = 0; i < n; i++) {
            ord[i] = i;
        }
        Arrays.sort(ord, (a, b) -> Double.compare(t[a], t[b]));
        List<double[]> rows = new ArrayList<>(); // time, cif_1..cif_k
        double s = 1;
        double[] cif = new double[k + 1];
        int q = 0;
        while (q < n) {
            int atRisk = n - q;
            double tq = t[ord[q]];
            int[] d = new int[k + 1];
            int deaths = 0;
            while (q < n && t[ord[q]] == tq) {
                int c = cause[ord[q]];
                if (c > 0) {
                    d[c]++;
                    deaths++;
                }
                q++;
            }
            if (deaths > 0) {
                double[] r = new double[k + 1];
                r[0] = tq;
                for (int c = 1; c <= k; c++) {
                    cif[c] += s * d[c] / atRisk;
                    r[c] = cif[c];
                }
                rows.add(r);
                s *= 1 - (double) deaths / atRisk;
            }
        }
        List<Curve> curves = new ArrayList<>();
        for (int c = 1; c <= k; c++) {
            double[] tt = new double[rows.size()];
            double[] cc = new double[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                tt[i] = rows.get(i)[0];
                cc[i] = rows.get(i)[c];
            }
            curves.add(new Curve(group, c, tt, cc));
        }
        return curves;
    }

    @Override
    public Integer call() {
        DataTable t = DataTable.read(data);
        List<Integer> keep = new ArrayList<>();
        int k = 0;
        int dropped = 0;
        for (int i = 0; i < t.rows(); i++) {
            double ti = t.number(time, i);
            double ei = t.number(event, i);
            if (Double.isNaN(ti) || Double.isNaN(ei) || group != null && DataTable.isMissing(t.cell(group, i))
                    || strata != null && DataTable.isMissing(t.cell(strata, i))) {
                dropped++;
                continue;
            }
            if (ti < 0) {
                throw new UserException(data + " line " + t.line(i) + ": column '" + time + "' is negative (" + Output.num(ti) + ")");
            }
            if (ei < 0 || ei != Math.rint(ei) || ei > 100) {
                throw new UserException(data + " line " + t.line(i) + ": column '" + event + "' must be 0 (censored) or a cause 1..k, found '"
                        + t.cell(event, i) + "'");
            }
            k = Math.max(k, (int) ei);
            keep.add(i);
        }
        if (keep.isEmpty()) {
            throw new UserException(data + ": no usable row (all " + dropped + " lack " + time + " or " + event + ")");
        }
        TreeSet<String> groups = new TreeSet<>();
        for (int i : keep) {
            groups.add(group == null ? "all" : t.cell(group, i));
        }
        List<List<String>> rows = new ArrayList<>();
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        for (String g : groups) {
            int[] idx = keep.stream().mapToInt(Integer::intValue).filter(i -> group == null || t.cell(group, i).equals(g)).toArray();
            double[] tt = Arrays.stream(idx).mapToDouble(i -> t.number(time, i)).toArray();
            int[] cc = Arrays.stream(idx).map(i -> (int) t.number(event, i)).toArray();
            Map<String, Long> gc = new LinkedHashMap<>();
            gc.put("n", (long) idx.length);
            for (int c = 1; c <= k; c++) {
                final int cause = c;
                gc.put("events_cause_" + c, Arrays.stream(cc).filter(v -> v == cause).count());
            }
            counts.put(g, gc);
            for (Curve cv : aalenJohansen(g, tt, cc, k)) {
                for (int i = 0; i < cv.time().length; i++) {
                    rows.add(Output.row(g, (double) cv.cause(), cv.time()[i], cv.cif()[i], "event"));
                }
                double last = Arrays.stream(tt).max().orElse(0);
                for (double a : at) {
                    rows.add(Output.row(g, (double) cv.cause(), a, a > last ? Double.NaN : cv.at(a), "at"));
                }
            }
        }
        outputs.tsv(out.resolve("cif.tsv"), List.of("group", "cause", "time", "cif", "kind"), rows);
        CifJson.GrayTest gray = null;
        if (group != null && groups.size() > 1) {
            List<String> gl = new ArrayList<>(groups);
            List<String> sl = new ArrayList<>(new TreeSet<>(keep.stream().map(i -> strata == null ? "" : t.cell(strata, i)).toList()));
            double[] tt = keep.stream().mapToDouble(i -> t.number(time, i)).toArray();
            int[] cc = keep.stream().mapToInt(i -> (int) t.number(event, i)).toArray();
            int[] gg = keep.stream().mapToInt(i -> gl.indexOf(t.cell(group, i))).toArray();
            int[] ss = keep.stream().mapToInt(i -> sl.indexOf(strata == null ? "" : t.cell(strata, i))).toArray();
            List<List<String>> tests = new ArrayList<>();
            Map<String, TestResult> gj = new LinkedHashMap<>();
            for (int c = 1; c <= k; c++) {
                final int cause = c;
                if (Arrays.stream(cc).noneMatch(v -> v == cause)) {
                    continue;
                }
                GrayTest g = GrayTest.of(tt, cc, gg, gl.size(), ss, sl.size(), c, rho);
                tests.add(Output.row((double) c, g.statistic(), (double) g.df(), g.p()));
                gj.put(String.valueOf(c), Output.test(g.statistic(), g.df(), g.p()));
            }
            outputs.tsv(out.resolve("gray_test.tsv"), List.of("cause", "statistic", "df", "p"), tests);
            gray = new CifJson.GrayTest(rho, strata == null ? null : sl, gj);
        }
        CifJson j = new CifJson("aalen_johansen", k, keep.size(), dropped, group, counts, gray,
                new SurvivalAnalysis(SurvivalAnalysis.Kind.CIF, null, new SurvivalAnalysis.Endpoint(time, event, null, null), List.of(),
                        List.of(), List.of(), group, strata, null, null));
        outputs.json(out.resolve("cif.json"), j);
        if (!common.quiet()) {
            System.err.printf("[oncoconcord] survival cif: n=%d, %d cause(s), %d group(s), dropped %d (missing)%n", keep.size(), k, groups.size(), dropped);
        }
        outputs.commit();
        return 0;
    }
}
