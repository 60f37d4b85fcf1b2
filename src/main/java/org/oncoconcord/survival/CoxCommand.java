package org.oncoconcord.survival;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.oncoconcord.cli.CommonOptions;
import org.oncoconcord.cli.UserException;
import org.oncoconcord.cli.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code survival cox}: fits a Cox model, writes coefficients.tsv, model.json and the saved fitted_model.json. */
@Command(name = "cox", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Cox proportional hazards model: coefficients.tsv, model.json, fitted_model.json (for 'predict').")
public final class CoxCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    DataOptions in;

    @Option(names = "--ties", defaultValue = "efron", description = "Tie handling: efron (default) or breslow.")
    Ties ties;

    @Option(names = "--firth", defaultValue = "auto", description = "Firth penalised likelihood: auto (on monotone likelihood, default), always, never.")
    CoxModel.Firth firth;

    @Option(names = "--conf-level", defaultValue = "0.95", description = "Confidence level of the hazard-ratio intervals.")
    double level;

    @Override
    public Integer call() {
        if (in.covariates.isEmpty()) {
            throw new UserException("--covariates: at least one covariate is needed for a Cox model (use 'survival km' without)");
        }
        DataTable t = DataTable.read(in.data);
        Design design = in.design(t);
        SurvivalData d = in.cases(t, design);
        CoxModel m = CoxModel.fit(d, design, in.strata, ties, firth);
        for (String w : m.warnings()) {
            System.err.println("oncoconcord survival cox: warning: " + w);
        }
        write(m, d);
        if (!common.quiet()) {
            System.err.printf("[oncoconcord] survival cox: n=%d events=%d dropped=%d (missing values), LR chi2=%.3f on %d df%n",
                    d.n(), d.events(), d.dropped(), m.fit().lrChi2(), m.fit().df());
        }
        return 0;
    }

    private void write(CoxModel m, SurvivalData d) {
        CoxFit f = m.fit();
        double z = Stats.z(level);
        List<List<String>> rows = new ArrayList<>();
        for (int j = 0; j < f.p(); j++) {
            double b = f.coef()[j];
            double se = f.se(j);
            double zz = b / se;
            rows.add(Output.row(f.terms().get(j), b, se, Math.exp(b), Math.exp(b - z * se), Math.exp(b + z * se), zz, Stats.normalP(zz)));
        }
        Output.tsv(in.out.resolve("coefficients.tsv"), List.of("term", "coef", "se", "hr", "hr_lower", "hr_upper", "z", "p"), rows);
        Concordance c = Concordance.harrell(d.time(), d.event(), d.strata(), m.lp(d));
        Map<String, Object> j = new LinkedHashMap<>();
        j.put("n", f.n());
        j.put("events", f.events());
        j.put("dropped_missing", d.dropped());
        j.put("rows_read", d.n() + d.dropped());
        j.put("ties", ties.name().toLowerCase());
        j.put("method", f.firth() ? "firth" : "partial_likelihood");
        j.put("strata", in.strata == null ? null : d.strataNames());
        j.put("loglik_null", Output.jnum(f.loglikNull()));
        j.put("loglik", Output.jnum(f.loglik()));
        j.put("lr_test", Output.test(f.lrChi2(), f.df(), Stats.chi2P(f.lrChi2(), f.df())));
        j.put("wald_test", Output.test(f.waldChi2(), f.df(), Stats.chi2P(f.waldChi2(), f.df())));
        j.put("score_test", Output.test(f.scoreChi2(), f.df(), Stats.chi2P(f.scoreChi2(), f.df())));
        Map<String, Object> cj = new LinkedHashMap<>();
        cj.put("c", Output.jnum(c.c()));
        cj.put("se", Output.jnum(c.se()));
        j.put("concordance", cj);
        j.put("iterations", f.iterations());
        j.put("converged", f.converged());
        j.put("monotone_likelihood_terms", f.infinite());
        j.put("warnings", m.warnings());
        j.put("conf_level", level);
        Output.json(in.out.resolve("model.json"), j);
        Output.json(in.out.resolve("fitted_model.json"), m.toJson());
    }
}
