package org.oncoconcord.survival;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.oncoconcord.core.CommonOptions;
import org.oncoconcord.core.Progress;
import org.oncoconcord.core.UserException;
import org.oncoconcord.core.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code survival cv}: repeated stratified k-fold cross-validated accuracy at a horizon (cv.json, cv_predictions.tsv). */
@Command(name = "cv", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Out-of-sample accuracy at a horizon: repeated k-fold CV stratified by event status (td-AUC, Uno C, Brier, "
                + "scaled Brier, calibration slope, ICI), optionally also on a held-out test split.")
public final class CvCommand implements Callable<Integer> {
    /** This run's outputs, written all or none at the end. */
    private final Outputs outputs = new Outputs();

    @Mixin
    CommonOptions common;

    @Mixin
    DataOptions in;

    @Mixin
    PredictionOptions pred;

    @Option(names = "--folds", defaultValue = "5", converter = org.oncoconcord.options.Ranges.AtLeastTwoInt.class, description = "Folds (default 5).")
    int folds;

    @Option(names = "--repeats", defaultValue = "10", converter = org.oncoconcord.options.Ranges.PositiveInt.class, description = "Repeats of the k-fold split (default 10).")
    int repeats;

    @Option(names = "--test-fraction", defaultValue = "0", converter = org.oncoconcord.options.Ranges.FractionBelowOne.class, description = "Also hold out this fraction (stratified by event) as a test set: CV on the rest, final model evaluated on it.")
    double testFraction;

    @Mixin
    PenaltyOptions penalty;

    static final List<String> LEGACY_NAMES = List.of("auc", "uno_c", "brier", "brier_null", "scaled_brier", "cal_slope", "ici");

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (in.covariates.isEmpty()) {
            throw new UserException("--covariates: at least one covariate is needed");
        }
        in.requireNoStart("survival cv");
        DataTable t = in.table();
        Design design = in.design(t);
        SurvivalData all = in.cases(t, design);
        Learner learner = penalty.learner(design, in.strata, pred.ties, pred.seed);
        SurvivalData cvData = all;
        SurvivalData testData = null;
        if (testFraction > 0) {
            boolean[] test = CrossValidation.heldOut(all.event(), testFraction, new Random(pred.seed ^ 0x5DEECE66DL));
            cvData = all.subset(IntStream.range(0, all.n()).filter(i -> !test[i]).toArray());
            testData = all.subset(IntStream.range(0, all.n()).filter(i -> test[i]).toArray());
        }
        if (cvData.n() < folds) {
            throw new UserException(in.data + ": " + cvData.n() + " complete cases, fewer than --folds " + folds);
        }
        CrossValidation.Result r;
        try (Progress progress = new Progress("survival cv " + folds + "-fold x " + repeats, repeats, common.quiet())) {
            r = CrossValidation.run(cvData, learner, folds, repeats, pred.seed, pred.horizon, x -> progress.advance(1));
        }
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("horizon", pred.horizon);
        j.put("folds", folds);
        j.put("repeats", repeats);
        j.put("seed", pred.seed);
        j.put("model", penalty.describe());
        j.put("n", cvData.n());
        j.put("cause", in.cause);
        j.put("events", cvData.events());
        j.put("dropped_missing", all.dropped());
        j.put("covariates", in.covariates);
        j.put("landmark", in.landmarkJson());
        j.put("events_by_horizon", count(cvData, pred.horizon, true));
        j.put("censored_before_horizon", count(cvData, pred.horizon, false));
        j.put("unpredicted", r.unpredicted());
        j.put("pooling", "per repeat: accuracy of the pooled out-of-fold predictions; summary: mean and sd across repeats");
        // the same summaries under "metrics" with the short names the simulate step's recovery check reads
        Map<String, Object> legacy = new LinkedHashMap<>();
        for (int m = 0; m < Accuracy.NAMES.size(); m++) {
            double[] v = r.column(m);
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("mean", Output.jnum(Stats.mean(v)));
            mm.put("sd", Output.jnum(Stats.sd(v)));
            mm.put("per_repeat", java.util.Arrays.stream(v).mapToObj(Output::jnum).toList());
            j.put(Accuracy.NAMES.get(m), mm);
            legacy.put(LEGACY_NAMES.get(m), mm);
        }
        j.put("metrics", legacy);
        if (testData != null) {
            Learner.Predictor p = learner.fit(cvData);
            double[] s = p.survivalAt(testData, pred.horizon);
            double km = KaplanMeier.fit(cvData.time(), cvData.event(), KaplanMeier.CiType.LOG, 0.95).survivalCarried(pred.horizon);
            double[] nul = new double[testData.n()];
            java.util.Arrays.fill(nul, km);
            final double[] ss = s;
            int[] ok = IntStream.range(0, testData.n()).filter(i -> !Double.isNaN(ss[i])).toArray();
            Accuracy a = CrossValidation.evaluate(testData, ok, s, nul, pred.horizon);
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("fraction", testFraction);
            h.put("n", testData.n());
            h.put("events", testData.events());
            h.put("unpredicted", testData.n() - ok.length);
            for (int m = 0; m < Accuracy.NAMES.size(); m++) {
                h.put(Accuracy.NAMES.get(m), Output.jnum(a.values()[m]));
            }
            j.put("held_out", h);
        } else {
            j.put("held_out", null);
        }
        List<List<String>> rows = new ArrayList<>();
        for (CrossValidation.Prediction p : r.predictions()) {
            int i = p.index();
            rows.add(Output.row(p.repeat() + 1, p.fold() + 1, cvData.ids().get(i), cvData.time()[i], cvData.event()[i],
                    p.lp(), p.surv(), 1 - p.surv(), p.survNull()));
        }
        outputs.tsv(in.out.resolve("cv_predictions.tsv"),
                List.of("repeat", "fold", "id", "time", "event", "lp", "surv", "risk", "surv_null"), rows);
        outputs.json(in.out.resolve("cv.json"), j);
        if (!common.quiet()) {
            System.err.printf("[oncoconcord] survival cv: n=%d events=%d dropped=%d; td-AUC(%s) %.3f (sd %.3f), Brier %.4f%n",
                    cvData.n(), cvData.events(), all.dropped(), Output.num(pred.horizon), Stats.mean(r.column(0)), Stats.sd(r.column(0)),
                    Stats.mean(r.column(2)));
        }
        outputs.commit();
        return 0;
    }

    private static int count(SurvivalData d, double tau, boolean events) {
        int c = 0;
        for (int i = 0; i < d.n(); i++) {
            if (d.time()[i] <= tau && (events ? d.event()[i] == 1 : d.event()[i] == 0)) {
                c++;
            }
        }
        return c;
    }
}
