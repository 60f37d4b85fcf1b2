package org.oncoconcord.survival;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.oncoconcord.core.CommonOptions;
import org.oncoconcord.core.Progress;
import org.oncoconcord.core.UserException;
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
        if (in.covariates.isEmpty()) {
            throw new UserException("--covariates: at least one covariate is needed");
        }
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
        Map<String, Object> measures = new LinkedHashMap<>();
        for (int j = 0; j < v.names().size(); j++) {
            double mcse = v.optimismSd()[j] / Math.sqrt(v.used());
            vrows.add(Output.row(v.names().get(j), v.apparent()[j], v.optimism()[j], v.optimismSd()[j], mcse, v.corrected()[j]));
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("apparent", Output.jnum(v.apparent()[j]));
            mm.put("optimism", Output.jnum(v.optimism()[j]));
            mm.put("optimism_sd", Output.jnum(v.optimismSd()[j]));
            mm.put("mc_se", Output.jnum(mcse));
            mm.put("corrected", Output.jnum(v.corrected()[j]));
            measures.put(v.names().get(j), mm);
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

        Map<String, Object> j = new LinkedHashMap<>();
        j.put("horizon", pred.horizon);
        j.put("n", d.n());
        j.put("cause", in.cause);
        j.put("events", d.events());
        j.put("dropped_missing", d.dropped());
        j.put("covariates", in.covariates);
        j.put("landmark", in.landmarkJson());
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("resamples", bootstrap);
        b.put("used", v.used());
        b.put("failed", v.failed());
        b.put("seed", pred.seed);
        b.put("method", "Harrell: optimism = measure of the resample's fit on the resample minus on the original data; corrected = apparent - mean optimism");
        j.put("bootstrap", b);
        j.put("measures", measures);
        Map<String, Object> sm = new LinkedHashMap<>();
        sm.put("ici", Output.jnum(smooth.ici()));
        sm.put("e50", Output.jnum(smooth.e50()));
        sm.put("e90", Output.jnum(smooth.e90()));
        sm.put("method", "Austin, Harrell and van Klaveren 2020: Cox on a 3-knot restricted cubic spline of log(-log S(horizon|x)), Breslow baseline");
        j.put("calibration_smooth", sm);
        j.put("sample_size", SampleSize.of(model.fit()).toJson());
        List<String> warnings = new ArrayList<>(model.warnings());
        if (v.failed() > 0) {
            warnings.add(v.failed() + " of " + bootstrap + " bootstrap resamples left out (model not estimable or a measure undefined on the resample)");
        }
        if (v.optimism()[4] > 0.1) {
            warnings.add("calibration slope corrected for optimism is " + Output.num(v.corrected()[4])
                    + ": predictions too extreme (over-fitting); shrink the coefficients or simplify the model");
        }
        warnings.forEach(w -> System.err.println("[oncoconcord] survival validate: warning: " + w));
        j.put("warnings", warnings);
        outputs.json(in.out.resolve("validation.json"), j);
        if (!common.quiet()) {
            System.err.printf("[oncoconcord] survival validate: n=%d events=%d; C %.3f (corrected %.3f), td-AUC(%s) %.3f (corrected %.3f), B=%d used %d%n",
                    d.n(), d.events(), v.apparent()[0], v.corrected()[0], Output.num(pred.horizon), v.apparent()[1], v.corrected()[1], bootstrap, v.used());
        }
        outputs.commit();
        return 0;
    }

    /** Everything needed to apply the model at the pred.horizon: S(h|x) = S0(h)^exp(sum coef (x - mean)). */
    private Map<String, Object> modelAtHorizon(CoxModel m) {
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("horizon", pred.horizon);
        j.put("formula", "S(horizon | x) = baseline_survival ^ exp(sum_j coef_j * (x_j - mean_j)); risk = 1 - S");
        List<Map<String, Object>> terms = new ArrayList<>();
        for (int k = 0; k < m.fit().p(); k++) {
            Map<String, Object> tm = new LinkedHashMap<>();
            tm.put("term", m.fit().terms().get(k));
            tm.put("coef", Output.jnum(m.fit().coef()[k]));
            tm.put("hr", Output.jnum(Math.exp(m.fit().coef()[k])));
            tm.put("mean", m.fit().means()[k]);
            terms.add(tm);
        }
        j.put("terms", terms);
        List<Map<String, Object>> base = new ArrayList<>();
        for (int s = 0; s < m.baseline().strata().size(); s++) {
            Map<String, Object> bm = new LinkedHashMap<>();
            bm.put("stratum", m.baseline().strata().get(s));
            bm.put("baseline_survival", Output.jnum(m.baseline().survival(s, pred.horizon, 0)));
            base.add(bm);
        }
        j.put("baseline", base);
        j.put("coding", "factors: treatment coding, one 0/1 term per non-reference level (see fitted_model.json covariates)");
        return j;
    }
}
