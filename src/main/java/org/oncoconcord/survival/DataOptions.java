package org.oncoconcord.survival;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Option;

/** Options naming the data and model columns, shared by the survival subcommands. */
public final class DataOptions {
    @Option(names = "--data", required = true, description = "Input table: CSV, or TSV when named .tsv/.txt/.tab. Empty, NA, NaN and . are missing.")
    Path data;

    @Option(names = "--time", required = true, description = "Follow-up time column (e.g. days).")
    String time;

    @Option(names = "--event", required = true, description = "Event column: 1 = event, 0 = censored.")
    String event;

    @Option(names = "--covariates", split = ",", description = "Covariate columns; numeric columns enter as numbers, text columns as factors.")
    List<String> covariates = new ArrayList<>();

    @Option(names = "--factor", split = ",", description = "Numeric columns to treat as factors.")
    Set<String> factors = new LinkedHashSet<>();

    @Option(names = "--ref-level", split = ",", description = "Reference level of a factor, COL=LEVEL (default: first in sorted order).")
    Map<String, String> refLevels = new LinkedHashMap<>();

    @Option(names = "--strata", description = "Stratification column(s), comma-separated (separate baseline hazards; log-rank stratified).")
    String strata;

    @Option(names = "--id", description = "Patient identifier column (default: 'patient' when present, else the file line).")
    String id;

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

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
        if (strata != null) {
            all.addAll(List.of(strata.split(",")));
        }
        return Design.infer(t, covariates, SurvivalData.completeRows(t, all), factors, refLevels);
    }

    /** The complete cases under that coding. */
    SurvivalData cases(DataTable t, Design d) {
        return SurvivalData.from(t, time, event, d, strata, idColumn(t));
    }
}
