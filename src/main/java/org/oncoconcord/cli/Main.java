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
        return configured(new CommandLine(new Main()));
    }

    /**
     * The command line for {@code args}: when {@code args[0]} names a subcommand, a root holding that
     * subcommand alone (the other subcommands' option models are not built: about half a second of
     * CPU less per run, bench/RESULTS-concordance.md); otherwise {@link #commandLine()}.
     */
    static CommandLine commandLine(String[] args) {
        if (args.length > 0) {
            for (Class<?> c : Main.class.getAnnotation(Command.class).subcommands()) {
                Command sub = c.getAnnotation(Command.class);
                if (c != CommandLine.HelpCommand.class && sub != null && sub.name().equals(args[0])) {
                    CommandLine cl = new CommandLine(new Root());
                    cl.addSubcommand(c);
                    return configured(cl);
                }
            }
        }
        return commandLine();
    }

    private static CommandLine configured(CommandLine cl) {
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** The root of {@link #commandLine(String[])}: {@link Main} without the subcommands not run. */
    @Command(name = "oncoconcord", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class)
    static final class Root implements Runnable {
        @Override
        public void run() {
            throw new IllegalStateException("not reached: a subcommand is always given");
        }
    }

    public static void main(String[] args) {
        System.exit(commandLine(args).execute(args));
    }
}
