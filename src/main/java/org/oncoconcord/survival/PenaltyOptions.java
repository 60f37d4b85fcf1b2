package org.oncoconcord.survival;

import org.oncoconcord.options.Labels;
import picocli.CommandLine.Option;

/** Choice of the model fitted in each training set: plain Cox, or elastic-net Cox with CV-chosen lambda. */
public final class PenaltyOptions {
    /** The model fitted: plain Cox or elastic-net Cox. */
    enum Penalty implements Labels.Labelled {
        NONE, ELASTIC_NET;

        static final class Converter extends Labels.Converter<Penalty> {
            Converter() {
                super(Penalty.class);
            }
        }
    }

    /** The lambda the inner CV picks: the best deviance, or the largest within one standard error of it. */
    enum LambdaRule implements Labels.Labelled {
        MIN,
        ONE_SE {
            @Override
            public String label() {
                return "1se";
            }
        };

        static final class Converter extends Labels.Converter<LambdaRule> {
            Converter() {
                super(LambdaRule.class);
            }
        }
    }

    @Option(names = "--penalty", defaultValue = "none", converter = Penalty.Converter.class,
            description = "none (Cox, default) or elastic-net (coordinate-descent path, lambda by inner CV).")
    Penalty penalty;

    @Option(names = "--alpha", defaultValue = "1", converter = org.oncoconcord.options.Ranges.Fraction.class, description = "Elastic-net mixing: 1 lasso (default), 0 ridge.")
    double alpha;

    @Option(names = "--unpenalized", split = ",", description = "Covariates left unpenalised (e.g. clinical ones) in the elastic net.")
    java.util.List<String> unpenalized = new java.util.ArrayList<>();

    @Option(names = "--inner-folds", defaultValue = "5", converter = org.oncoconcord.options.Ranges.AtLeastTwoInt.class, description = "Folds of the inner CV choosing lambda (default 5).")
    int innerFolds;

    @Option(names = "--lambda-rule", defaultValue = "min", converter = LambdaRule.Converter.class,
            description = "min (lambda with the best CV deviance, default) or 1se.")
    LambdaRule lambdaRule;

    Learner learner(Design design, String strata, Ties ties, long seed) {
        return switch (penalty) {
            case NONE -> Learner.cox(design, strata, ties);
            case ELASTIC_NET -> {
                if (!design.interactions().isEmpty() || design.covariates().stream().anyMatch(Covariate::spline)) {
                    throw new org.oncoconcord.core.UserException("--spline and --interaction are not supported with --penalty elastic-net");
                }
                yield CoxNet.learner(design, unpenalized, alpha, innerFolds, lambdaRule == LambdaRule.ONE_SE, seed);
            }
        };
    }

    String describe() {
        return penalty == Penalty.NONE ? "cox" : "elastic-net cox (alpha " + alpha + ", lambda " + lambdaRule.label() + " by " + innerFolds + "-fold CV)";
    }
}
