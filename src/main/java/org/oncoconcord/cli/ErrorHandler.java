package org.oncoconcord.cli;

import org.oncoconcord.core.CommonOptions;

import org.oncoconcord.core.UserException;

import picocli.CommandLine;

/**
 * Turns an exception thrown by a subcommand into a one-line message on stderr and exit code 1.
 * The stack trace is printed only when {@code --debug} was given (see {@link CommonOptions}).
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        if (ex instanceof CommandLine.ParameterException pe) {
            throw pe; // usage error: picocli prints it with exit code 2
        }
        boolean debug = CommonOptions.debugRequested(parsed);
        cl.getErr().println("oncoconcord " + cl.getCommandName() + ": error: " + oneLine(ex));
        if (debug) {
            ex.printStackTrace(cl.getErr());
        } else {
            cl.getErr().println("(run with --debug for the stack trace)");
        }
        cl.getErr().flush();
        return 1;
    }

    /** The message of the exception, or of its first cause that has one, on a single line. */
    static String oneLine(Throwable ex) {
        Throwable t = ex;
        while (t != null) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                String m = t.getMessage().replaceAll("\\s*\\R\\s*", " ").trim();
                return t instanceof UserException ? m : (t.getClass().getSimpleName() + ": " + m);
            }
            t = t.getCause();
        }
        return ex.getClass().getName();
    }
}
