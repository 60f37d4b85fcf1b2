package org.oncoconcord.cli;

import org.oncoconcord.core.VersionProvider;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code oncoconcord} command line: registers the subcommands and maps
 * failures to exit codes (0 success, 1 runtime error, 2 usage error).
 */
@Command(name = "oncoconcord",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Primary / metastasis / plasma ctDNA concordance and survival for colorectal cancer studies.",
        subcommands = {
                CommandLine.HelpCommand.class,
                BatchCommand.class,
                org.oncoconcord.normalize.NormalizeCommand.class,
                org.oncoconcord.survival.SurvivalCommand.class,
                org.oncoconcord.concordance.ConcordanceCommand.class,
                org.oncoconcord.simulate.SimulateCommand.class,
                org.oncoconcord.simulate.SimulateRecoveryCommand.class,
                org.oncoconcord.validate.ValidateCommand.class,
                org.oncoconcord.cohort.CohortCommand.class,
                org.oncoconcord.report.ReportCommand.class,
                org.oncoconcord.params.ParamsCommand.class,
                org.oncoconcord.multiqc.MultiqcStatsCommand.class,
                org.oncoconcord.annotate.AnnotateCommand.class,
                org.oncoconcord.pileup.PileupCommand.class,
                org.oncoconcord.clonality.ClonalityCommand.class,
        })
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** Builds the configured command line; tests call this to run commands in-process. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
