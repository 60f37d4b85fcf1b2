package org.oncoconcord.survival;

import picocli.CommandLine;

/**
 * Range checks of numeric options, one rule per option and the same in every survival command: a
 * value out of range is a usage error (exit 2) naming the option and the value.
 */
final class OptionRanges {
    private OptionRanges() {
    }

    /** {@code --conf-level}: strictly between 0 and 1. */
    static void confLevel(CommandLine cl, double level) {
        if (!(level > 0 && level < 1)) {
            throw new CommandLine.ParameterException(cl, "--conf-level must be between 0 and 1 (exclusive), e.g. 0.95, not " + Output.num(level));
        }
    }

    /** {@code --horizon}: a positive finite time. */
    static void horizon(CommandLine cl, double horizon) {
        if (!(horizon > 0 && Double.isFinite(horizon))) {
            throw new CommandLine.ParameterException(cl, "--horizon must be a positive finite time, not " + Output.num(horizon));
        }
    }

    /** {@code --alpha} in [0, 1] and {@code --inner-folds} >= 2 of the elastic net. */
    static void penalty(CommandLine cl, PenaltyOptions p) {
        if (!(p.alpha >= 0 && p.alpha <= 1)) {
            throw new CommandLine.ParameterException(cl, "--alpha must be between 0 and 1, not " + Output.num(p.alpha));
        }
        if (p.innerFolds < 2) {
            throw new CommandLine.ParameterException(cl, "--inner-folds must be at least 2, not " + p.innerFolds);
        }
    }
}
