package org.oncoconcord.survival;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.oncoconcord.contract.ModelAtHorizonJson;
import org.oncoconcord.contract.SurvivalAnalysis;
import org.oncoconcord.contract.ValidationJson;
import org.oncoconcord.core.CommonOptions;
import org.oncoconcord.core.Progress;
import org.oncoconcord.core.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code survival validate}: TRIPOD validation of a Cox model at a horizon: bootstrap optimism
 * correction, calibration by risk groups and smoothed (ICI/E50/E90), decision curve, and the model
 * written out so that others can apply it.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "TRIPOD validation of a Cox model at a horizon: Harrell's bootstrap optimism correction of Harrell's C, "
                + "td-AUC, Brier, scaled Brier and calibration slope; calibration by risk groups and smoothed (ICI, E50, E90); "
                + "decision curve (net benefit, treat-all, treat-none); the model (coefficients, centring, baseline survival at the horizon).")
public final class ValidateCommand implements Callable<Integer> {
    /** This run's outputs, written all or none at the end. */
    private final Outputs outputs = new Outputs();

    @Mixin
    CommonOptions common;

    @Mixin
    DataOptions in;

    @Mixin
    PredictionOptions pred;

    @Option(names = "--bootstrap", defaultValue = "200", converter = org.oncoconcord.options.Ranges.PositiveInt.class, description = "Bootstrap resamples B (default 200).")
    int bootstrap;

    @Option(names = "--groups", defaultValue = "5", converter = org.oncoconcord.options.Ranges.PositiveInt.class, description = "Risk groups for the calibration table (default 5).")
    int groups;

    @Option(names = "--threshold-step", defaultValue = "0.01", converter = org.oncoconcord.options.Ranges.BelowHalf.class, description = "Step of the decision-curve thresholds, from it to 1 - it (default 0.01).")
    double thresholdStep;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        in.requireCovariates("survival validate");
        in.requireNoStart("survival validate");
        DataTable t = in.table();
        Design design = in.design(t);
        SurvivalData d = in.cases(t, design);
        CoxModel model = CoxModel.fit(d, design, in.strata, pred.ties, CoxModel.Firth.AUTO);
        BootstrapValidation v;
        try (Progress progress = new Progress("survival validate B=" + bootstrap, bootstrap, common.quiet())) {
            v = BootstrapValidation.run(d, design, in.strata, pred.ties, pred.horizon, bootstrap, pred.seed, x -> progress.advance(1));
        }
        double[] surv = model.survivalAt(d, pred.horizon);
        Accuracy.Smoothed smooth = Accuracy.smoothed(d.time(), d.event(), surv, pred.horizon);

        List<List<String>> vrows = new ArrayList<>();
        Map<String, ValidationJson.Measure> measures = new LinkedHashMap<>();
        for (int j = 0; j < v.names().size(); j++) {
            double mcse = v.optimismSd()[j] / Math.sqrt(v.used());
            vrows.add(Output.row(v.names().get(j), v.apparent()[j], v.optimism()[j], v.optimismSd()[j], mcse, v.corrected()[j]));
            measures.put(v.names().get(j), new ValidationJson.Measure(Output.jnum(v.apparent()[j]), Output.jnum(v.optimism()[j]),
                    Output.jnum(v.optimismSd()[j]), Output.jnum(mcse), Output.jnum(v.corrected()[j])));
        }
        outputs.tsv(in.out.resolve("validation.tsv"), List.of("measure", "apparent", "optimism", "optimism_sd", "mc_se", "corrected"), vrows);

        List<List<String>> grows = new ArrayList<>();
        for (HorizonCalibration.Group g : HorizonCalibration.byGroups(d.time(), d.event(), surv, pred.horizon, groups)) {
            grows.add(Output.row(g.group(), g.n(), g.events(), g.riskMin(), g.riskMax(), g.predicted(), g.observed(), g.observedLower(), g.observedUpper()));
        }
        outputs.tsv(in.out.resolve("calibration_groups.tsv"),
                List.of("group", "n", "events", "risk_min", "risk_max", "predicted", "observed", "observed_lower", "observed_upper"), grows);
        List<List<String>> srows = new ArrayList<>();
        for (int i = 0; i < d.n(); i++) {
            srows.add(Output.row(d.ids().get(i), d.time()[i], d.event()[i], 1 - surv[i], smooth.observed()[i]));
        }
        outputs.tsv(in.out.resolve("calibration_smooth.tsv"), List.of("id", "time", "event", "predicted", "observed_smooth"), srows);

        int steps = (int) Math.floor((1 - thresholdStep) / thresholdStep + 1e-9);
        double[] thr = new double[steps];
        for (int k = 0; k < steps; k++) {
            thr[k] = Math.round((k + 1) * thresholdStep * 1e9) / 1e9;
        }
        List<List<String>> drows = new ArrayList<>();
        for (DecisionCurve.Point p : DecisionCurve.at(d.time(), d.event(), surv, pred.horizon, thr)) {
            drows.add(Output.row(p.threshold(), p.treated(), p.netBenefit(), p.treatAll(), p.treatNone()));
        }
        outputs.tsv(in.out.resolve("decision_curve.tsv"), List.of("threshold", "treated", "net_benefit", "treat_all", "treat_none"), drows);

        outputs.json(in.out.resolve("fitted_model.json"), model.toJson());
        outputs.json(in.out.resolve("model_at_horizon.json"), modelAtHorizon(model));

        List<String> warnings = new ArrayList<>(model.warnings());
        if (v.failed() > 0) {
            warnings.add(v.failed() + " of " + bootstrap + " bootstrap resamples left out (model not estimable or a measure undefined on the resample)");
        }
        if (v.optimism()[4] > 0.1) {
            warnings.add("calibration slope corrected for optimism is " + Output.num(v.corrected()[4])
                    + ": predictions too extreme (over-fitting); shrink the coefficients or simplify the model");
        }
        warnings.forEach(w -> System.err.println("[oncoconcord] survival validate: warning: " + w));
        ValidationJson j = new ValidationJson(pred.horizon, d.n(), in.cause, d.events(), d.dropped(), in.covariates, in.landmarkJson(),
                new ValidationJson.Bootstrap(bootstrap, v.used(), v.failed(), pred.seed,
                        "Harrell: optimism = measure of the resample's fit on the resample minus on the original data; corrected = apparent - mean optimism"),
                measures, new ValidationJson.CalibrationSmooth(Output.jnum(smooth.ici()), Output.jnum(smooth.e50()), Output.jnum(smooth.e90()),
                        "Austin, Harrell and van Klaveren 2020: Cox on a 3-knot restricted cubic spline of log(-log S(horizon|x)), Efron ties and Efron-type baseline (R: survfit(coxph(...), ctype = 2), as cph + survest)"),
                SampleSize.of(model.fit()).toJson(), warnings, analysis());
        outputs.json(in.out.resolve("validation.json"), j);
        if (!common.quiet()) {
            System.err.printf("[oncoconcord] survival validate: n=%d events=%d; C %.3f (corrected %.3f), td-AUC(%s) %.3f (corrected %.3f), B=%d used %d%n",
                    d.n(), d.events(), v.apparent()[0], v.corrected()[0], Output.num(pred.horizon), v.apparent()[1], v.corrected()[1], bootstrap, v.used());
        }
        outputs.commit();
        return 0;
    }

    /** Everything needed to apply the model at the pred.horizon: S(h|x) = S0(h)^exp(sum coef (x - mean)). */
    private ModelAtHorizonJson modelAtHorizon(CoxModel m) {
        List<ModelAtHorizonJson.Term> terms = new ArrayList<>();
        for (int k = 0; k < m.fit().p(); k++) {
            terms.add(new ModelAtHorizonJson.Term(m.fit().terms().get(k), Output.jnum(m.fit().coef()[k]), Output.jnum(Math.exp(m.fit().coef()[k])),
                    m.fit().means()[k]));
        }
        List<ModelAtHorizonJson.Baseline> base = new ArrayList<>();
        for (int s = 0; s < m.baseline().strata().size(); s++) {
            base.add(new ModelAtHorizonJson.Baseline(m.baseline().strata().get(s), Output.jnum(m.baseline().survival(s, pred.horizon, 0))));
        }
        return new ModelAtHorizonJson(pred.horizon, "S(horizon | x) = baseline_survival ^ exp(sum_j coef_j * (x_j - mean_j)); risk = 1 - S",
                terms, base, "factors: treatment coding, one 0/1 term per non-reference level (see fitted_model.json covariates)", analysis());
    }

    private SurvivalAnalysis analysis() {
        return in.analysis(SurvivalAnalysis.Kind.VALIDATE, null, null, pred.horizon, in.covariates, in.landmark);
    }
}
