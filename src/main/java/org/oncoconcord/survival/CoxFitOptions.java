package org.oncoconcord.survival;

import picocli.CommandLine.Option;

/** How a Cox model is fitted: the options {@code survival cox} and {@code survival univariable} share. */
public final class CoxFitOptions {

    @Option(names = "--ties", defaultValue = "efron", description = "Tie handling: efron (default) or breslow.")
    Ties ties;

    @Option(names = "--firth", defaultValue = "auto", description = "Firth penalised likelihood: auto (on monotone likelihood, default), always, never.")
    CoxModel.Firth firth;

    @picocli.CommandLine.Mixin
    ConfLevelOption confLevel;

    /** The confidence level of the hazard-ratio intervals. */
    double level() {
        return confLevel.level;
    }
}
