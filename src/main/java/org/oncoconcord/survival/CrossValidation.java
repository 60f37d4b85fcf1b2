package org.oncoconcord.survival;

import org.oncoconcord.core.UserException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Out-of-sample accuracy at a horizon by repeated k-fold cross-validation, folds stratified by
 * event status. In each repeat every case is predicted once by a model fitted without it; the
 * accuracy measures are computed on the pooled out-of-fold S(tau | x) of that repeat (the null
 * Brier reference being the Kaplan-Meier of each fold's training part), then summarised across
 * repeats. Every case is evaluated: censoring before tau enters through the IPCW weights.
 */
public final class CrossValidation {
    private CrossValidation() {
    }

    /** One out-of-fold prediction. */
    public record Prediction(int repeat, int fold, int index, double lp, double surv, double survNull) {
    }

    /** Accuracy per repeat and the pooled predictions. */
    public record Result(List<Accuracy> perRepeat, List<Prediction> predictions, int unpredicted) {

        public double[] column(int measure) {
            return perRepeat.stream().mapToDouble(a -> a.values()[measure]).toArray();
        }
    }

    /** Fold of each case: events and non-events shuffled separately and dealt round-robin. */
    public static int[] stratifiedFolds(int[] event, int k, Random rnd) {
        int n = event.length;
        int[] fold = new int[n];
        int next = 0;
        for (int status = 1; status >= 0; status--) {
            final int st = status;
            List<Integer> idx = new ArrayList<>(IntStream.range(0, n).filter(i -> event[i] == st).boxed().toList());
            java.util.Collections.shuffle(idx, rnd);
            for (int i : idx) {
                fold[i] = next % k;
                next++;
            }
        }
        return fold;
    }

    /** Stratified split: true for the cases in the held-out test part (about {@code fraction} of each event status). */
    public static boolean[] heldOut(int[] event, double fraction, Random rnd) {
        int n = event.length;
        boolean[] test = new boolean[n];
        for (int status = 1; status >= 0; status--) {
            final int st = status;
            List<Integer> idx = new ArrayList<>(IntStream.range(0, n).filter(i -> event[i] == st).boxed().toList());
            java.util.Collections.shuffle(idx, rnd);
            int m = (int) Math.round(fraction * idx.size());
            for (int i = 0; i < m; i++) {
                test[idx.get(i)] = true;
            }
        }
        return test;
    }

    public static Result run(SurvivalData d, Learner learner, int k, int repeats, long seed, double tau) {
        return run(d, learner, k, repeats, seed, tau, r -> { });
    }

    /** As {@link #run(SurvivalData, Learner, int, int, long, double)}, calling {@code done} after each repeat. */
    public static Result run(SurvivalData d, Learner learner, int k, int repeats, long seed, double tau, java.util.function.IntConsumer done) {
        if (k < 2 || k > d.n()) {
            throw new IllegalArgumentException("folds must be between 2 and the number of cases");
        }
        List<Accuracy> acc = new ArrayList<>();
        List<Prediction> preds = new ArrayList<>();
        int unpredicted = 0;
        for (int r = 0; r < repeats; r++) {
            Random rnd = new Random(seed + 1_000_003L * r);
            int[] fold = stratifiedFolds(d.event(), k, rnd);
            double[] surv = new double[d.n()];
            double[] nul = new double[d.n()];
            double[] lp = new double[d.n()];
            int[] foldOf = new int[d.n()];
            for (int f = 0; f < k; f++) {
                final int ff = f;
                int[] tr = IntStream.range(0, d.n()).filter(i -> fold[i] != ff).toArray();
                int[] te = IntStream.range(0, d.n()).filter(i -> fold[i] == ff).toArray();
                SurvivalData train = d.subset(tr);
                SurvivalData test = d.subset(te);
                double[] s;
                double[] l;
                double km;
                try {
                    Learner.Predictor p = learner.fit(train);
                    s = p.survivalAt(test, tau);
                    l = p.lp(test);
                    km = KaplanMeier.fit(train.time(), train.event(), KaplanMeier.CiType.LOG, 0.95).survivalCarried(tau);
                } catch (UserException notEstimable) {
                    // a training fold too small for the model (one case, no events): its test patients stay
                    // unpredicted (counted in `unpredicted`), as when a prediction is not defined
                    s = new double[te.length];
                    l = new double[te.length];
                    java.util.Arrays.fill(s, Double.NaN);
                    java.util.Arrays.fill(l, Double.NaN);
                    km = Double.NaN;
                }
                for (int j = 0; j < te.length; j++) {
                    surv[te[j]] = s[j];
                    lp[te[j]] = l[j];
                    nul[te[j]] = km;
                    foldOf[te[j]] = f;
                }
            }
            int[] ok = IntStream.range(0, d.n()).filter(i -> !Double.isNaN(surv[i])).toArray();
            if (r == 0) {
                unpredicted = d.n() - ok.length;
            }
            for (int i = 0; i < d.n(); i++) {
                preds.add(new Prediction(r, foldOf[i], i, lp[i], surv[i], nul[i]));
            }
            acc.add(evaluate(d, ok, surv, nul, tau));
            done.accept(r + 1);
        }
        return new Result(acc, preds, unpredicted);
    }

    /** Accuracy of predictions for the cases {@code ok} of d. */
    static Accuracy evaluate(SurvivalData d, int[] ok, double[] surv, double[] nul, double tau) {
        double[] t = Arrays.stream(ok).mapToDouble(i -> d.time()[i]).toArray();
        int[] e = Arrays.stream(ok).map(i -> d.event()[i]).toArray();
        double[] s = Arrays.stream(ok).mapToDouble(i -> surv[i]).toArray();
        double[] nn = Arrays.stream(ok).mapToDouble(i -> nul[i]).toArray();
        int[] st = d.nStrata() > 1 ? Arrays.stream(ok).map(i -> d.strata()[i]).toArray() : null;
        return Accuracy.at(t, e, st, s, nn, tau);
    }
}
