package org.oncoconcord.survival;

import picocli.CommandLine.Option;

/** The options of the commands that fit and assess a prediction model at a horizon ({@code cv}, {@code validate}). */
public final class PredictionOptions {
    @Option(names = "--ties", defaultValue = "efron", description = "Tie handling: efron (default) or breslow.")
    Ties ties;

    @Option(names = "--horizon", defaultValue = "730", converter = org.oncoconcord.options.Ranges.PositiveDouble.class,
            description = "Horizon of the accuracy and calibration measures (default 730).")
    double horizon;

    @Option(names = "--seed", defaultValue = "1", converter = org.oncoconcord.options.Ranges.Seed.class, description = "Random seed (default 1).")
    long seed;
}
