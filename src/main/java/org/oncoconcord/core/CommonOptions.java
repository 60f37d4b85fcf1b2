package org.oncoconcord.core;


import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * Options every subcommand shares: mix in with {@code @Mixin CommonOptions common;} together with
 * {@code mixinStandardHelpOptions = true} and {@code versionProvider = VersionProvider.class}.
 */
public final class CommonOptions {

    @Option(names = "--debug", description = "Print stack traces on errors.")
    boolean debug;

    @Option(names = "--quiet", description = "No progress messages on stderr.")
    boolean quiet;

    public boolean debug() {
        return debug;
    }

    public boolean quiet() {
        return quiet;
    }

    public static boolean debugRequested(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
            if (p.subcommand() == null) {
                break;
            }
        }
        return false;
    }
}
