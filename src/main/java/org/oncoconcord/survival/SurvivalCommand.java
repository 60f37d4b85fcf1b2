package org.oncoconcord.survival;

import org.oncoconcord.core.VersionProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code oncoconcord survival}: Cox models, Kaplan-Meier, cross-validated accuracy, prediction. */
@Command(name = "survival", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Cox models, Kaplan-Meier and log-rank, cross-validated prediction accuracy, prediction for new patients.",
        subcommands = {CoxCommand.class, KmCommand.class, CvCommand.class, PredictCommand.class, UnivariableCommand.class,
                SplitCommand.class, CifCommand.class, ValidateCommand.class, CrrCommand.class, org.oncoconcord.survival.plan.PlanCommand.class})
public final class SurvivalCommand implements Runnable {
    @CommandLine.Mixin
    org.oncoconcord.core.CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand: cox, km, cv, predict, univariable, split, cif, validate, crr or plan");
    }
}
