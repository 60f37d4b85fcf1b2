package org.oncoconcord.survival;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.oncoconcord.contract.LandmarkCounts;
import org.oncoconcord.contract.SurvivalAnalysis;
import org.oncoconcord.core.UserException;
import picocli.CommandLine.Option;

/** Options naming the data and model columns, shared by the survival subcommands. */
public final class DataOptions {
    @Option(names = "--data", required = true, description = "Input table: CSV, or TSV when named .tsv/.txt/.tab. Empty, NA, NaN and . are missing.")
    Path data;

    @Option(names = "--time", required = true, description = "Follow-up time column (e.g. days).")
    String time;

    @Option(names = "--event", required = true, description = "Event column: 1 = event, 0 = censored (with --cause: 0 censored, 1..k causes).")
    String event;

    @Option(names = "--cause", converter = org.oncoconcord.options.Ranges.PositiveInt.class,
            description = "Competing risks: the event column holds 0 = censored, 1..k = causes; analyse cause K, the other causes "
                    + "censored (cause-specific hazard; R: Surv(time, status == K)).")
    Integer cause;

    /** How the event column is read: one cause with --cause, else 0/1. */
    EventCode eventCode() {
        return cause == null ? EventCode.BINARY : EventCode.cause(cause);
    }

    @Option(names = "--covariates", split = ",", description = "Covariate columns; numeric columns enter as numbers, text columns as factors.")
    List<String> covariates = new ArrayList<>();

    @Option(names = "--factor", split = ",", description = "Numeric columns to treat as factors.")
    Set<String> factors = new LinkedHashSet<>();

    @Option(names = "--ref-level", split = ",", description = "Reference level of a factor, COL=LEVEL (default: first in sorted order).")
    Map<String, String> refLevels = new LinkedHashMap<>();

    @Option(names = "--spline", split = ",", converter = SplineSpec.Converter.class, paramLabel = "COL:K",
            description = "Restricted cubic spline of a numeric covariate with K knots (3..7) at Harrell's quantiles, as rms::rcs(COL, K); "
                    + "terms COL, COL', COL'', ... (cox, cv, validate; predict applies the saved knots).")
    List<SplineSpec> splines = new ArrayList<>();

    @Option(names = "--interaction", split = ",", converter = SplineSpec.InteractionConverter.class, paramLabel = "A:B",
            description = "Interaction of two covariates (both also main effects, as R's A*B); terms named as R's model.matrix "
                    + "(e.g. age:sexM) (cox, cv, validate; predict applies them).")
    List<Design.Interaction> interactions = new ArrayList<>();

    /** Refuses --spline and --interaction in the commands that do not model them. */
    void requireLinear(String command) {
        if (!splines.isEmpty() || !interactions.isEmpty()) {
            throw new UserException((splines.isEmpty() ? "--interaction" : "--spline") + " is supported by 'survival cox', 'cv' and 'validate', not '"
                    + command + "'");
        }
    }

    /** The design made by the last {@link #design} call (for the knots in the output JSON). */
    private Design designed;

    @Option(names = "--strata", description = "Stratification column(s), comma-separated (separate baseline hazards; log-rank stratified).")
    String strata;

    @Option(names = "--id", description = "Patient identifier column (default: 'patient' when present, else the file line).")
    String id;

    @Option(names = "--landmark", description = "Landmark time column (e.g. metastasis_days): keep only rows with it known and "
            + "still at risk then (time > COL), and measure time from it (time - COL); the rows dropped are counted in the output JSON.")
    String landmark;

    @Option(names = "--start", description = "Counting-process (start, stop] data: entry time column, --time being the stop time "
            + "(R: Surv(start, stop, event)); time-varying covariates and left truncation ('survival cox' only).")
    String start;

    /** Refuses --start in the commands that do not model (start, stop] data. */
    void requireNoStart(String command) {
        if (start != null) {
            throw new UserException("--start: counting-process (start, stop] data is supported by 'survival cox' only, not '" + command + "'");
        }
    }

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

    /** Counts of the landmark applied by {@link #table()}, or null without --landmark. */
    Landmark landmarkCounts;

    /** Reads --data and applies --landmark when given. */
    DataTable table() {
        DataTable t = DataTable.read(data);
        if (start != null && landmark != null) {
            throw new UserException("--start and --landmark: give one (a landmark analysis of (start, stop] rows is not supported)");
        }
        if (landmark == null) {
            return t;
        }
        Landmark.Applied a = Landmark.apply(t, time, event, landmark);
        landmarkCounts = a.counts();
        if (a.table().rows() == 0) {
            throw new UserException(data + ": no row is at risk at the landmark '" + landmark + "' (" + a.counts().missingLandmark()
                    + " without it, " + a.counts().notAtRisk() + " with " + time + " <= " + landmark + ")");
        }
        return a.table();
    }

    /** The landmark record for the output JSON (null without --landmark). */
    LandmarkCounts landmarkJson() {
        return landmarkCounts == null ? null : landmarkCounts.toJson(time);
    }

    /** Refuses a model without covariates (cox, cv, validate, univariable, crr), naming the command. */
    void requireCovariates(String command) {
        if (covariates.isEmpty()) {
            throw new UserException("--covariates: at least one covariate is needed for '" + command + "'"
                    + (command.endsWith("cox") ? " (use 'survival km' without)" : ""));
        }
    }

    /** The self-describing block of this run's output JSON. */
    SurvivalAnalysis analysis(SurvivalAnalysis.Kind kind) {
        return analysis(kind, null, null, null, covariates, landmark);
    }

    /** The block with the fields only some analyses have: the univariable feature, the km/cif group, the horizon. */
    SurvivalAnalysis analysis(SurvivalAnalysis.Kind kind, String feature, String group, Double horizon, List<String> covariateColumns,
                              String landmarkColumn) {
        List<SurvivalAnalysis.Spline> sp = new ArrayList<>();
        if (designed != null) {
            for (Covariate c : designed.covariates()) {
                if (c.spline()) {
                    sp.add(new SurvivalAnalysis.Spline(c.name(), c.knots()));
                }
            }
        }
        return new SurvivalAnalysis(kind, feature, new SurvivalAnalysis.Endpoint(time, event, start, cause), covariateColumns,
                sp, interactions.stream().map(Design.Interaction::toString).toList(), group, strata, landmarkColumn, horizon);
    }

    /** Rows of the input file: the table's rows, or before the landmark when one was applied. */
    int rowsRead(DataTable t) {
        return landmarkCounts == null ? t.rows() : landmarkCounts.rowsRead();
    }

    /** The id column to use for this table. */
    String idColumn(DataTable t) {
        if (id != null) {
            t.column(id);
            return id;
        }
        return t.has("patient") ? "patient" : null;
    }

    /** The covariate coding inferred from the rows complete in every model column. */
    Design design(DataTable t) {
        List<String> all = new ArrayList<>(covariates);
        all.add(time);
        all.add(event);
        if (start != null) {
            all.add(start);
        }
        if (strata != null) {
            all.addAll(List.of(strata.split(",")));
        }
        Map<String, Integer> sp = new LinkedHashMap<>();
        for (SplineSpec s : splines) {
            if (sp.put(s.column(), s.knots()) != null) {
                throw new UserException("--spline " + s.column() + ": given twice");
            }
        }
        designed = Design.infer(t, covariates, SurvivalData.completeRows(t, all), factors, refLevels, sp, interactions);
        return designed;
    }

    /** The complete cases under that coding. */
    SurvivalData cases(DataTable t, Design d) {
        return cases(t, d, eventCode());
    }

    /** The complete cases, the event column read as {@code code} says. */
    SurvivalData cases(DataTable t, Design d, EventCode code) {
        return SurvivalData.from(t, start, time, event, code, d, strata, idColumn(t));
    }
}
