package org.oncoconcord.survival;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.oncoconcord.core.CommonOptions;
import org.oncoconcord.core.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code survival predict}: applies a saved Cox model to new patients (predictions.tsv). */
@Command(name = "predict", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Applies a model saved by 'survival cox' (fitted_model.json) to new patients: linear predictor and S(t|x) at the horizon.")
public final class PredictCommand implements Callable<Integer> {
    /** This run's outputs, written all or none at the end. */
    private final Outputs outputs = new Outputs();

    @Mixin
    CommonOptions common;

    @Option(names = "--model", required = true, description = "fitted_model.json written by 'survival cox'.")
    Path model;

    @Option(names = "--data", required = true, description = "New patients: CSV or TSV with the model's covariate columns.")
    Path data;

    @Option(names = "--horizon", defaultValue = "730", converter = org.oncoconcord.options.Ranges.PositiveDouble.class, description = "Time at which to predict survival (default 730).")
    double horizon;

    @Option(names = "--id", description = "Identifier column (default: 'patient' when present, else the file line).")
    String id;

    /** How the reported linear predictor is centred (S(t|x) does not depend on it). */
    enum Centre {
        /** on the covariate means of the fitting data (every column, factor indicators included) */
        MEANS,
        /** as R's predict(coxph fit, type = "lp"): means, 0 for columns holding only 0 and 1 */
        R,
        /** not centred: x'beta, as R's predict(..., reference = "zero") */
        ZERO
    }

    @Option(names = "--centre", defaultValue = "means", converter = CentreConverter.class,
            description = "Centring of the reported lp: means (of the fitting data, default), r (as R's predict.coxph type=\"lp\": 0/1 columns at 0), zero (x'beta).")
    Centre centre;

    static final class CentreConverter implements picocli.CommandLine.ITypeConverter<Centre> {
        @Override
        public Centre convert(String v) {
            return Centre.valueOf(v.toUpperCase(java.util.Locale.ROOT));
        }
    }

    @Option(names = "--out", required = true, description = "Output folder (predictions.tsv).")
    Path out;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CoxModel m = CoxModel.read(model);
        double shift = centreShift(m);
        DataTable t = DataTable.read(data);
        String idCol = id != null ? id : t.has("patient") ? "patient" : null;
        if (idCol != null) {
            t.column(idCol);
        }
        List<List<String>> rows = new ArrayList<>();
        double[] x = new double[m.design().width()];
        int skipped = 0;
        for (int i = 0; i < t.rows(); i++) {
            String pid = idCol == null ? "line" + t.line(i) : t.cell(idCol, i);
            String stratum = m.strataColumn() == null ? "" : SurvivalData.stratumOf(t, m.strataColumn(), i);
            boolean ok = m.design().encode(t, i, x) && stratum != null;
            int s = ok ? m.baseline().strataIndex(stratum) : -1;
            if (!ok || s < 0) {
                skipped++;
                rows.add(Output.row(pid, Double.NaN, Double.NaN, Double.NaN, !ok ? "missing_value" : "unknown_stratum"));
                continue;
            }
            double lp = m.fit().lp(x);
            double surv = m.baseline().survival(s, horizon, lp);
            rows.add(Output.row(pid, lp + shift, surv, 1 - surv, "ok"));
        }
        outputs.tsv(out.resolve("predictions.tsv"), List.of("id", "lp", "surv", "risk", "status"), rows);
        if (!common.quiet()) {
            System.err.printf("[oncoconcord] survival predict: %d patients, %d without prediction (missing value or unknown stratum), horizon %s%n",
                    t.rows(), skipped, Output.num(horizon));
        }
        outputs.commit();
        return 0;
    }

    /** What to add to the lp centred on the model's means to centre it as --centre asks. */
    private double shift(double[] coef, double[] from, double[] to) {
        double s = 0;
        for (int j = 0; j < coef.length; j++) {
            if (!Double.isNaN(coef[j])) {
                s += (from[j] - to[j]) * coef[j];
            }
        }
        return s;
    }

    private double centreShift(CoxModel m) {
        double[] means = m.fit().means();
        return switch (centre) {
            case MEANS -> 0;
            case ZERO -> shift(m.fit().coef(), means, new double[means.length]);
            case R -> {
                try {
                    com.fasterxml.jackson.databind.JsonNode r = Output.JSON.readTree(model.toFile()).get("r_means");
                    if (r == null || r.size() != means.length) {
                        throw new org.oncoconcord.core.UserException(model + ": no r_means (saved by an older version): refit the model for --centre r");
                    }
                    double[] rm = new double[means.length];
                    for (int j = 0; j < rm.length; j++) {
                        rm[j] = r.get(j).asDouble();
                    }
                    yield shift(m.fit().coef(), means, rm);
                } catch (java.io.IOException e) {
                    throw new org.oncoconcord.core.UserException(model + ": cannot read: " + e.getMessage(), e);
                }
            }
        };
    }
}
