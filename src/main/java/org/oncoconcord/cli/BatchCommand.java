package org.oncoconcord.cli;

import org.oncoconcord.core.CommonOptions;

import org.oncoconcord.core.VersionProvider;

import org.oncoconcord.core.CommandLines;
import org.oncoconcord.core.UserException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Runs many oncoconcord commands, one per line of a file, in this one JVM: the pipeline batches
 * patients per task this way, so start-up and JIT warm-up are paid once per batch instead of once
 * per sample. Each line is parsed like a shell line without expansions (see {@link CommandLines}).
 */
@Command(name = "batch",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Run oncoconcord commands listed in FILE (one per line, e.g. 'normalize -f ref.fa -o a.vcf.gz a.raw.vcf') in one JVM.",
                "Blank lines and lines starting with # are skipped; words are separated by blanks, '...' and \"...\" quote.",
                "Stops at the first failing line unless --keep-going; the exit code is that of the worst failing line."})
public final class BatchCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "1", converter = org.oncoconcord.options.Ranges.PositiveInt.class,
            description = "Commands run at the same time (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--keep-going", description = "Run every line even after one fails; report all failures.")
    boolean keepGoing;

    @Parameters(index = "0", paramLabel = "FILE", description = "Commands file, or - for standard input.")
    String file;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** One command of the file with its 1-based line number. */
    record Line(int number, List<String> args) {
    }

    @Override
    public Integer call() throws Exception {
        List<Line> lines = read(file);
        java.util.Map<String, Class<?>> subcommandTypes = new java.util.TreeMap<>();
        Main.commandLine().getSubcommands().forEach((name, cl) -> subcommandTypes.put(name, cl.getCommandSpec().userObject().getClass()));
        List<String> problems = new ArrayList<>();
        for (Line l : lines) {
            String first = l.args().get(0);
            if (first.equals("batch")) {
                problems.add(file + ":" + l.number() + ": a batch cannot run another batch");
            } else if (!first.startsWith("-") && !subcommandTypes.containsKey(first)) {
                problems.add(file + ":" + l.number() + ": '" + first + "' is not an oncoconcord subcommand " + subcommandTypes.keySet());
            }
        }
        if (!problems.isEmpty()) {
            throw new UserException(String.join("; ", problems));
        }
        AtomicBoolean stop = new AtomicBoolean();
        List<String> failures = new ArrayList<>();
        int worst = 0;
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "batch");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (Line l : lines) {
                results.add(pool.submit(() -> {
                    if (stop.get()) {
                        return -1;
                    }
                    int rc = commandLineFor(l.args().get(0), subcommandTypes).execute(l.args().toArray(String[]::new));
                    if (rc != 0 && !keepGoing) {
                        stop.set(true);
                    }
                    return rc;
                }));
            }
            int skipped = 0;
            for (int i = 0; i < lines.size(); i++) {
                int rc;
                try {
                    rc = results.get(i).get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException(file + ":" + lines.get(i).number() + ": " + e.getCause(), e.getCause());
                }
                if (rc < 0) {
                    skipped++;
                } else if (rc != 0) {
                    worst = Math.max(worst, rc);
                    failures.add(file + ":" + lines.get(i).number() + ": exit " + rc + ": oncoconcord "
                            + CommandLines.join(lines.get(i).args()));
                }
            }
            if (!failures.isEmpty()) {
                var err = spec.commandLine().getErr();
                err.println("oncoconcord batch: " + failures.size() + " of " + lines.size() + " commands failed"
                        + (skipped > 0 ? " (" + skipped + " not run after the first failure)" : "") + ":");
                failures.forEach(f -> err.println("  " + f));
                err.flush();
            } else if (!common.quiet()) {
                spec.commandLine().getErr().println("oncoconcord batch: " + lines.size() + " commands done");
            }
        } finally {
            pool.shutdownNow();
        }
        return worst;
    }

    /**
     * A command line whose root is {@code oncoconcord} with only the one subcommand a line needs:
     * building the full tree (every subcommand's model, by reflection) for each line would cost more
     * than a small command's own work.
     */
    private static CommandLine commandLineFor(String subcommand, java.util.Map<String, Class<?>> types) {
        if (subcommand.startsWith("-")) {
            return Main.commandLine();
        }
        CommandLine root = new CommandLine(CommandLine.Model.CommandSpec.create().name("oncoconcord"));
        root.addSubcommand(subcommand, new CommandLine(newInstance(types.get(subcommand))));
        root.setExecutionExceptionHandler(new ErrorHandler());
        root.setCaseInsensitiveEnumValuesAllowed(true);
        return root;
    }

    private static Object newInstance(Class<?> type) {
        try {
            var ctor = type.getDeclaredConstructor();
            ctor.setAccessible(true);
            return ctor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create " + type.getName(), e);
        }
    }

    /** The non-blank, non-comment lines of FILE as argument lists. */
    static List<Line> read(String file) {
        List<Line> out = new ArrayList<>();
        try (BufferedReader r = file.equals("-")
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            String s;
            int n = 0;
            while ((s = r.readLine()) != null) {
                n++;
                String t = s.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                List<String> args;
                try {
                    args = CommandLines.split(t);
                } catch (IllegalArgumentException e) {
                    throw new UserException(file + ":" + n + ": " + e.getMessage());
                }
                if (!args.isEmpty() && args.get(0).equals("oncoconcord")) {
                    args = args.subList(1, args.size());
                }
                if (args.isEmpty()) {
                    throw new UserException(file + ":" + n + ": no subcommand after 'oncoconcord'");
                }
                out.add(new Line(n, List.copyOf(args)));
            }
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UserException(file + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return out;
    }
}
