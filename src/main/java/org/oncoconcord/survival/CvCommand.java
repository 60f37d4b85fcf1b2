package org.oncoconcord.survival;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.oncoconcord.contract.CvJson;
import org.oncoconcord.contract.SurvivalAnalysis;
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
        in.requireCovariates("survival cv");
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
        List<CvJson.CvSummary> summaries = new ArrayList<>();
        Map<String, CvJson.CvSummary> legacy = new LinkedHashMap<>();
        for (int m = 0; m < Accuracy.NAMES.size(); m++) {
            double[] v = r.column(m);
            CvJson.CvSummary sm = new CvJson.CvSummary(Output.jnum(Stats.mean(v)), Output.jnum(Stats.sd(v)),
                    java.util.Arrays.stream(v).mapToObj(Output::jnum).toList());
            summaries.add(sm);
            // the same summaries under "metrics" with the short names the simulate step's recovery check reads
            legacy.put(LEGACY_NAMES.get(m), sm);
        }
        CvJson.HeldOut heldOut = null;
        if (testData != null) {
            Learner.Predictor p = learner.fit(cvData);
            double[] s = p.survivalAt(testData, pred.horizon);
            double km = KaplanMeier.fit(cvData.time(), cvData.event(), KaplanMeier.CiType.LOG, 0.95).survivalCarried(pred.horizon);
            double[] nul = new double[testData.n()];
            java.util.Arrays.fill(nul, km);
            final double[] ss = s;
            int[] ok = IntStream.range(0, testData.n()).filter(i -> !Double.isNaN(ss[i])).toArray();
            double[] a = CrossValidation.evaluate(testData, ok, s, nul, pred.horizon).values();
            heldOut = new CvJson.HeldOut(testFraction, testData.n(), testData.events(), testData.n() - ok.length, Output.jnum(a[0]),
                    Output.jnum(a[1]), Output.jnum(a[2]), Output.jnum(a[3]), Output.jnum(a[4]), Output.jnum(a[5]), Output.jnum(a[6]));
        }
        CvJson j = new CvJson(pred.horizon, folds, repeats, pred.seed, penalty.describe(), cvData.n(), in.cause, cvData.events(),
                all.dropped(), in.covariates, in.landmarkJson(), count(cvData, pred.horizon, true), count(cvData, pred.horizon, false),
                r.unpredicted(), "per repeat: accuracy of the pooled out-of-fold predictions; summary: mean and sd across repeats",
                summaries.get(0), summaries.get(1), summaries.get(2), summaries.get(3), summaries.get(4), summaries.get(5), summaries.get(6),
                legacy, heldOut, in.analysis(SurvivalAnalysis.Kind.CV, null, null, pred.horizon, in.covariates, in.landmark));
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
