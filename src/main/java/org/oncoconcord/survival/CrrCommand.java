package org.oncoconcord.survival;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.oncoconcord.contract.CrrModelJson;
import org.oncoconcord.contract.SurvivalAnalysis;
import org.oncoconcord.core.CommonOptions;
import org.oncoconcord.core.UserException;
import org.oncoconcord.core.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code survival crr}: Fine-Gray proportional subdistribution hazards of one cause (event 0 =
 * censored, 1..k = causes), as R's {@code cmprsk::crr}: coefficients.tsv (subdistribution hazard
 * ratios with CIs) and model.json.
 */
@Command(name = "crr", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Fine-Gray subdistribution hazards model of one cause (R cmprsk::crr): coefficients.tsv, model.json.")
public final class CrrCommand implements Callable<Integer> {
    /** This run's outputs, written all or none at the end. */
    private final Outputs outputs = new Outputs();

    @Mixin
    CommonOptions common;

    @Mixin
    DataOptions in;

    @Mixin
    ConfLevelOption confLevel;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        in.requireNoStart("survival crr");
        in.requireLinear("survival crr");
        in.requireCovariates("survival crr");
        if (in.strata != null) {
            throw new UserException("--strata is not supported by 'survival crr' (cmprsk::crr has no strata; use --covariates or 'survival cif --strata')");
        }
        int cause = in.cause == null ? 1 : in.cause;
        DataTable t = in.table();
        Design design = in.design(t);
        SurvivalData d = in.cases(t, design, EventCode.cause(cause));
        int[] code = new int[d.n()];
        int[] counts = new int[3];
        for (int i = 0; i < d.n(); i++) {
            int raw = (int) t.number(in.event, d.rows()[i]);
            code[i] = raw == 0 ? 0 : raw == cause ? 1 : 2;
            counts[code[i]]++;
        }
        if (counts[1] == 0) {
            throw new UserException(in.data + ": no event of cause " + cause + " in column '" + in.event + "' among the " + d.n() + " usable rows");
        }
        FineGray fg = FineGray.fit(d.time(), code, d.x());
        List<String> warnings = new ArrayList<>();
        if (!fg.converged()) {
            warnings.add("Fine-Gray fit did not converge in " + FineGray.MAX_ITER + " Newton steps (as cmprsk::crr's converged = FALSE)");
        }
        for (String w : warnings) {
            System.err.println("oncoconcord survival crr: warning: " + w);
        }
        double z = Stats.z(confLevel.level);
        List<List<String>> rows = new ArrayList<>();
        for (int j = 0; j < d.p(); j++) {
            double b = fg.coef()[j];
            double se = fg.se(j);
            rows.add(Output.row(d.terms().get(j), b, se, Math.exp(b), Math.exp(b - z * se), Math.exp(b + z * se), b / se, Stats.normalP(b / se)));
        }
        double lr = 2 * (fg.loglik() - fg.loglikNull());
        CrrModelJson j = new CrrModelJson("fine_gray", cause, d.n(), counts[1], counts[2], counts[0], d.dropped(), in.covariates,
                in.landmarkJson(), "kaplan_meier", "breslow", Output.jnum(fg.loglikNull()), Output.jnum(fg.loglik()),
                Output.test(lr, d.p(), Stats.chi2P(lr, d.p())), fg.iterations(), fg.converged(), confLevel.level, warnings,
                in.analysis(SurvivalAnalysis.Kind.CRR, null, null, null, in.covariates, in.landmark));
        outputs.tsv(in.out.resolve("coefficients.tsv"), List.of("term", "coef", "se", "shr", "shr_lower", "shr_upper", "z", "p"), rows);
        outputs.json(in.out.resolve("model.json"), j);
        if (!common.quiet()) {
            System.err.printf("[oncoconcord] survival crr: n=%d, cause %d: %d events, %d competing, %d censored; dropped %d (missing)%n",
                    d.n(), cause, counts[1], counts[2], counts[0], d.dropped());
        }
        outputs.commit();
        return 0;
    }
}
