package org.oncoconcord.survival;

import picocli.CommandLine.Option;

/** {@code --conf-level}: one rule (strictly between 0 and 1) in every survival command. */
public final class ConfLevelOption {
    @Option(names = "--conf-level", defaultValue = "0.95", converter = org.oncoconcord.options.Ranges.OpenFraction.class,
            description = "Confidence level of the intervals (default 0.95).")
    double level;
}
