package org.oncoconcord.simulate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.oncoconcord.core.CommonOptions;
import org.oncoconcord.core.UserException;
import org.oncoconcord.core.VersionProvider;
import org.oncoconcord.options.Ranges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code oncoconcord simulate-recovery}: simulate a cohort, run the CLI steps on it, compare with the planted truth. */
@Command(name = "simulate-recovery", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Simulate a study, run normalize -> concordance -> cohort -> survival cox/cv on it, and check that the "
                + "planted per-gene concordance, plasma sensitivity and log hazard ratios fall inside the estimates' 95%% intervals.",
                "Writes OUT/study, OUT/normalized, OUT/concordance, OUT/cohort, OUT/survival and OUT/recovery.tsv (also on stdout). "
                        + "Exit 0 when at most m of K quantities miss (P(Binomial(K,0.05) > m) <= 1%%), else 1."})
public final class SimulateRecoveryCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--patients", defaultValue = "2000", converter = Ranges.PositiveInt.class, description = "Number of patients [2000].")
    int patients;

    @Option(names = "--seed", required = true, converter = Ranges.Seed.class, description = "Random seed.")
    long seed;

    @Option(names = "--out", required = true, description = "Output folder.")
    Path out;

    @Option(names = "--config", description = "YAML overriding default parameters.")
    Path config;

    @Option(names = "--cv-repeats", defaultValue = "10", converter = Ranges.NonNegativeInt.class, description = "Repeats of the 5-fold CV for the 2-year AUC; 0 skips it [10].")
    int cvRepeats;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (patients < 10) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--patients must be >= 10");
        }
        SimulationConfig cfg = config == null ? ConfigLoader.defaults() : ConfigLoader.load(config);
        var cohort = CohortSimulator.simulate(cfg, seed, patients);
        RecoveryPipeline.Result r = allOrNone(out, () -> RecoveryPipeline.run(cohort, out, cvRepeats, common.quiet()));
        spec.commandLine().getOut().print(RecoveryPipeline.format(r));
        spec.commandLine().getOut().flush();
        return r.pass() ? 0 : 1;
    }

    /**
     * Runs {@code work}, which writes the steps' outputs into {@code out} (they name each other by path,
     * so they are written in place rather than in a temporary folder): {@code out} must be new or empty,
     * and a failure removes everything written there (and {@code out} itself when it was new).
     */
    static <T> T allOrNone(Path out, Callable<T> work) throws Exception {
        boolean existed = Files.exists(out);
        if (existed) {
            boolean empty;
            try (Stream<Path> s = Files.list(out)) {
                empty = s.findAny().isEmpty();
            } catch (IOException e) {
                throw new UserException(out + ": --out is not a readable folder: " + e.getMessage());
            }
            if (!empty) {
                throw new UserException(out + ": --out must be a new or empty folder (simulate-recovery writes a whole study "
                        + "there and removes it again if a step fails)");
            }
        }
        boolean done = false;
        try {
            T result = work.call();
            done = true;
            return result;
        } finally {
            if (!done && Files.exists(out)) {
                try (Stream<Path> s = Files.walk(out)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                        if (existed && p.equals(out)) {
                            continue;
                        }
                        Files.deleteIfExists(p);
                    }
                }
            }
        }
    }
}
