package org.oncoconcord.survival;

import picocli.CommandLine.Option;

/** Choice of the model fitted in each training set: plain Cox, or elastic-net Cox with CV-chosen lambda. */
public final class PenaltyOptions {
    @Option(names = "--penalty", defaultValue = "none", description = "none (Cox, default) or elastic-net (coordinate-descent path, lambda by inner CV).")
    String penalty;

    @Option(names = "--alpha", defaultValue = "1", converter = org.oncoconcord.options.Ranges.Fraction.class, description = "Elastic-net mixing: 1 lasso (default), 0 ridge.")
    double alpha;

    @Option(names = "--unpenalized", split = ",", description = "Covariates left unpenalised (e.g. clinical ones) in the elastic net.")
    java.util.List<String> unpenalized = new java.util.ArrayList<>();

    @Option(names = "--inner-folds", defaultValue = "5", converter = org.oncoconcord.options.Ranges.AtLeastTwoInt.class, description = "Folds of the inner CV choosing lambda (default 5).")
    int innerFolds;

    @Option(names = "--lambda-rule", defaultValue = "min", description = "min (lambda with the best CV deviance, default) or 1se.")
    String lambdaRule;

    Learner learner(Design design, String strata, Ties ties, long seed) {
        return switch (penalty) {
            case "none" -> Learner.cox(design, strata, ties);
            case "elastic-net" -> {
                if (!design.interactions().isEmpty() || design.covariates().stream().anyMatch(Covariate::spline)) {
                    throw new org.oncoconcord.core.UserException("--spline and --interaction are not supported with --penalty elastic-net");
                }
                yield CoxNet.learner(design, unpenalized, alpha, innerFolds, lambdaRule.equals("1se"), seed);
            }
            default -> throw new org.oncoconcord.core.UserException("--penalty must be none or elastic-net, not '" + penalty + "'");
        };
    }

    String describe() {
        return penalty.equals("none") ? "cox" : "elastic-net cox (alpha " + alpha + ", lambda " + lambdaRule + " by " + innerFolds + "-fold CV)";
    }
}
