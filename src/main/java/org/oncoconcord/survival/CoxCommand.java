package org.oncoconcord.survival;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.oncoconcord.contract.CoxModelJson;
import org.oncoconcord.contract.CoxNetModelJson;
import org.oncoconcord.contract.LandmarkCounts;
import org.oncoconcord.contract.SurvivalAnalysis;
import org.oncoconcord.core.CommonOptions;
import org.oncoconcord.core.UserException;
import org.oncoconcord.core.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code survival cox}: fits a Cox model, writes coefficients.tsv, model.json and the saved fitted_model.json. */
@Command(name = "cox", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Cox proportional hazards model: coefficients.tsv, model.json, fitted_model.json (for 'predict').")
public final class CoxCommand implements Callable<Integer> {
    /** This run's outputs, written all or none at the end. */
    private final Outputs outputs = new Outputs();

    @Mixin
    CommonOptions common;

    @Mixin
    DataOptions in;

    @Mixin
    CoxFitOptions fit;

    @Mixin
    PenaltyOptions penalty;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--cluster", description = "Cluster column (e.g. patient with several rows): cluster-robust (sandwich) variance "
            + "for se, CIs, z, p and the Wald test, as R's coxph(..., cluster = COL).")
    String cluster;

    @Option(names = "--seed", defaultValue = "1", converter = org.oncoconcord.options.Ranges.Seed.class, description = "Random seed of the inner CV choosing lambda (elastic net).")
    long seed;

    @Override
    public Integer call() {
        in.requireCovariates("survival cox");
        long t0 = System.nanoTime();
        DataTable t = in.table();
        Design design = in.design(t);
        SurvivalData d = in.cases(t, design);
        long t1 = System.nanoTime();
        if (penalty.penalty != PenaltyOptions.Penalty.NONE) {
            if (cluster != null) {
                throw new UserException("--cluster with --penalty elastic-net is not supported");
            }
            if (d.countingProcess()) {
                throw new UserException("--start with --penalty elastic-net is not supported");
            }
            penalty.learner(design, in.strata, fit.ties, seed); // validates the option values
            writePenalized(CoxNet.fit(d, design, penalty.unpenalized, penalty.alpha, penalty.innerFolds,
                    penalty.lambdaRule == PenaltyOptions.LambdaRule.ONE_SE, seed), d);
            outputs.commit();
            return 0;
        }
        CoxModel m = CoxModel.fit(d, design, in.strata, fit.ties, fit.firth);
        long t2 = System.nanoTime();
        for (String w : m.warnings()) {
            System.err.println("oncoconcord survival cox: warning: " + w);
        }
        CoxModelJson.Robust robust = null;
        if (cluster != null) {
            List<String> ids = new ArrayList<>();
            for (int r : d.rows()) {
                String c = t.cell(cluster, r);
                if (DataTable.isMissing(c)) {
                    throw new UserException(in.data + " line " + t.line(r) + ": cluster column '" + cluster + "' is missing");
                }
                ids.add(c);
            }
            CoxFit naive = m.fit();
            double[] vr = RobustVariance.of(d, naive, ids);
            boolean[] aliased = new boolean[naive.p()];
            double[] b = new double[naive.p()];
            for (int j = 0; j < naive.p(); j++) {
                aliased[j] = naive.aliased(j);
                b[j] = aliased[j] ? 0 : naive.coef()[j];
            }
            double[] vrClean = vr.clone();
            for (int k = 0; k < vrClean.length; k++) {
                vrClean[k] = Double.isNaN(vrClean[k]) ? 0 : vrClean[k];
            }
            double wald = Linalg.quadInv(Linalg.cholesky(vrClean, naive.p(), CoxFitter.TOLER_CHOL, aliased), naive.p(), aliased, b);
            CoxFit rf = new CoxFit(naive.terms(), naive.coef(), vr, naive.means(), naive.ties(), naive.loglikNull(), naive.loglik(),
                    naive.scoreChi2(), wald, naive.df(), naive.iterations(), naive.converged(), naive.firth(), naive.infinite(),
                    naive.n(), naive.events());
            Map<String, Double> naiveSe = new LinkedHashMap<>();
            for (int j = 0; j < naive.p(); j++) {
                naiveSe.put(naive.terms().get(j), Output.jnum(naive.se(j)));
            }
            robust = new CoxModelJson.Robust(cluster, new java.util.HashSet<>(ids).size(), naiveSe,
                    "se, CIs, z, p and wald_test use the cluster-robust variance; lr_test and score_test are the model-based ones");
            m = new CoxModel(m.design(), rf, m.baseline(), m.strataColumn(), m.warnings());
        }
        SampleSize size = write(outputs, in.out, m, d, fit.level(), in.strata, in.covariates,
                d.n() + d.dropped() + (in.landmarkCounts == null ? 0 : in.landmarkCounts.dropped()), in.landmarkJson(), in.cause, robust,
                in.analysis(SurvivalAnalysis.Kind.COX));
        for (String w : size.warnings()) {
            System.err.println("oncoconcord survival cox: warning: " + w);
        }
        long t3 = System.nanoTime();
        if (!common.quiet()) {
            System.err.printf("[oncoconcord] survival cox: n=%d events=%d dropped=%d (missing values), LR chi2=%.3f on %d df;"
                    + " read %.2fs, fit %.2fs, concordance + outputs %.2fs%n",
                    d.n(), d.events(), d.dropped(), m.fit().lrChi2(), m.fit().df(), (t1 - t0) / 1e9, (t2 - t1) / 1e9, (t3 - t2) / 1e9);
        }
        outputs.commit();
        return 0;
    }

    /**
     * Writes {@code coefficients.tsv}, {@code model.json} and {@code fitted_model.json} of a fitted
     * Cox model into {@code out} (shared with {@code survival univariable}); returns its over-fitting check.
     *
     * @param robust   the cluster-robust variance section, or null
     * @param analysis the self-describing block
     */
    static SampleSize write(Outputs outputs, java.nio.file.Path out, CoxModel m, SurvivalData d, double level, String strata,
                            List<String> covariates, int rowsRead, LandmarkCounts landmark, Integer cause, CoxModelJson.Robust robust,
                            SurvivalAnalysis analysis) {
        CoxFit f = m.fit();
        double z = Stats.z(level);
        List<List<String>> rows = new ArrayList<>();
        for (int j = 0; j < f.p(); j++) {
            double b = f.coef()[j];
            double se = f.se(j);
            double zz = b / se;
            rows.add(Output.row(f.terms().get(j), b, se, Math.exp(b), Math.exp(b - z * se), Math.exp(b + z * se), zz, Stats.normalP(zz)));
        }
        outputs.tsv(out.resolve("coefficients.tsv"), List.of("term", "coef", "se", "hr", "hr_lower", "hr_upper", "z", "p"), rows);
        Concordance c = d.countingProcess() ? new Concordance(Double.NaN, Double.NaN, 0, 0, 0)
                : Concordance.harrell(d.time(), d.event(), d.strata(), m.lp(d));
        SampleSize size = SampleSize.of(f);
        CoxModelJson j = new CoxModelJson(f.n(), d.countingProcess(), f.events(), d.dropped(), rowsRead, covariates, landmark,
                f.ties().name().toLowerCase(java.util.Locale.ROOT), f.firth() ? "firth" : "partial_likelihood",
                strata == null ? null : d.strataNames(), Output.jnum(f.loglikNull()), Output.jnum(f.loglik()),
                Output.test(f.lrChi2(), f.df(), Stats.chi2P(f.lrChi2(), f.df())),
                Output.test(f.waldChi2(), f.df(), Stats.chi2P(f.waldChi2(), f.df())),
                Output.test(f.scoreChi2(), f.df(), Stats.chi2P(f.scoreChi2(), f.df())),
                new CoxModelJson.Concordance(Output.jnum(c.c()), Output.jnum(c.se())), f.iterations(), f.converged(), f.infinite(),
                m.warnings(), level, cause, size.toJson(), robust == null ? null : "robust", robust, Nonlinearity.of(m.design(), f), analysis);
        outputs.json(out.resolve("model.json"), j);
        Map<String, Object> saved = m.toJson();
        saved.put("r_means", rMeans(d, f));
        outputs.json(out.resolve("fitted_model.json"), saved);
        return size;
    }

    /**
     * The centring of R's coxph (survival >= 3): column means, except 0 for a column holding only 0
     * and 1 (factor indicators, 0/1 flags); {@code predict(fit, type = "lp")} is centred on these.
     */
    static List<Double> rMeans(SurvivalData d, CoxFit f) {
        List<Double> r = new ArrayList<>();
        for (int j = 0; j < f.p(); j++) {
            boolean zeroOne = true;
            for (double[] x : d.x()) {
                zeroOne &= x[j] == 0 || x[j] == 1;
            }
            r.add(zeroOne ? 0.0 : f.means()[j]);
        }
        return r;
    }

    /** Elastic-net fit: coefficients at the CV-chosen lambda (no standard errors), the path and the CV curve. */
    private void writePenalized(CoxNet.Fitted fitted, SurvivalData d) {
        CoxFit f = fitted.model().fit();
        List<List<String>> rows = new ArrayList<>();
        for (int j = 0; j < f.p(); j++) {
            double b = f.coef()[j];
            rows.add(Output.row(f.terms().get(j), b, Double.NaN, Math.exp(b), Double.NaN, Double.NaN, Double.NaN, Double.NaN));
        }
        outputs.tsv(in.out.resolve("coefficients.tsv"), List.of("term", "coef", "se", "hr", "hr_lower", "hr_upper", "z", "p"), rows);
        List<String> header = new ArrayList<>(List.of("lambda", "cv_deviance", "cv_sd", "nonzero"));
        header.addAll(f.terms());
        List<List<String>> path = new ArrayList<>();
        for (int l = 0; l < fitted.path().size(); l++) {
            CoxNet.Point pt = fitted.path().get(l);
            List<String> r = new ArrayList<>(Output.row(pt.lambda(), fitted.cv().cvm()[l], fitted.cv().cvsd()[l],
                    (double) java.util.Arrays.stream(pt.beta()).filter(b -> b != 0).count()));
            for (double b : pt.beta()) {
                r.add(Output.num(b));
            }
            path.add(r);
        }
        outputs.tsv(in.out.resolve("path.tsv"), header, path);
        List<List<String>> folds = new ArrayList<>();
        for (int i = 0; i < d.n(); i++) {
            folds.add(List.of(d.ids().get(i), Output.num(d.time()[i]), String.valueOf(d.event()[i]), String.valueOf(fitted.fold()[i] + 1)));
        }
        outputs.tsv(in.out.resolve("folds.tsv"), List.of("id", "time", "event", "fold"), folds);
        Concordance c = Concordance.harrell(d.time(), d.event(), d.strata(), fitted.model().lp(d));
        CoxNetModelJson j = new CoxNetModelJson(d.n(), d.events(), d.dropped(),
                d.n() + d.dropped() + (in.landmarkCounts == null ? 0 : in.landmarkCounts.dropped()), in.covariates, in.landmarkJson(),
                "breslow", "elastic_net", penalty.alpha, penalty.unpenalized, fitted.lambda(), fitted.cv().lambda()[fitted.cv().best()],
                fitted.cv().lambda()[fitted.cv().oneSe()], penalty.lambdaRule.label(), penalty.innerFolds, f.df(),
                new CoxModelJson.Concordance(Output.jnum(c.c()), Output.jnum(c.se())),
                "apparent (in-sample) concordance; use 'survival cv --penalty elastic-net' for out-of-sample accuracy",
                in.analysis(SurvivalAnalysis.Kind.COX_ELASTIC_NET));
        outputs.json(in.out.resolve("model.json"), j);
        outputs.json(in.out.resolve("fitted_model.json"), fitted.model().toJson());
        if (!common.quiet()) {
            System.err.printf("[oncoconcord] survival cox (elastic net): n=%d events=%d dropped=%d, lambda %.4g (%s), %d nonzero terms%n",
                    d.n(), d.events(), d.dropped(), fitted.lambda(), penalty.lambdaRule.label(), f.df());
        }
    }
}
