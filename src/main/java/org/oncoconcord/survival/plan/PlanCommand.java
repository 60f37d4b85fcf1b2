package org.oncoconcord.survival.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.oncoconcord.core.CommonOptions;
import org.oncoconcord.core.UserException;
import org.oncoconcord.core.VersionProvider;
import org.oncoconcord.io.AtomicFiles;
import org.oncoconcord.survival.CoxCommand;
import org.oncoconcord.survival.plan.Plan.EndpointPlan;
import org.oncoconcord.survival.plan.Plan.Skip;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code survival plan}: decides from features.tsv what the pipeline's SURVIVAL step fits
 * ({@link Planner}) and writes the commands file that {@code oncoconcord batch} runs, the
 * analyses left out ({@code OUT/skipped.tsv}: endpoint analysis reason), the plan
 * ({@code OUT/plan.json}) and, for a cancer-specific endpoint, {@code OUT/<time>/cause_of_death.tsv}.
 */
@Command(name = "plan", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Plan the pipeline's survival analyses from features.tsv: the commands file for 'oncoconcord batch', "
                + "OUT/skipped.tsv (analyses left out and why) and OUT/plan.json.")
public final class PlanCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Mixin
    CommonOptions common;

    @Option(names = "--features", required = true, description = "The cohort's features.tsv (empty: a -stub-run placeholder, plan as configured).")
    Path features;

    @Option(names = "--columns", required = true, description = "Its features.columns.tsv (column kind available_at).")
    Path columns;

    @Option(names = "--endpoints", defaultValue = "os_days:os_event,rfs_days:rfs_event",
            description = "time:event column pairs (default ${DEFAULT-VALUE}); pairs absent from features.tsv are skipped.")
    String endpoints;

    @Option(names = "--covariates", defaultValue = "", description = "Multivariable Cox / cv / validate covariates, comma-separated.")
    String covariates;

    @Option(names = "--km-groups", defaultValue = "", description = "Kaplan-Meier / log-rank grouping columns.")
    String kmGroups;

    @Option(names = "--univariable", defaultValue = "", description = "Extra univariable features (with the km groups and covariates).")
    String univariable;

    @Option(names = "--landmark", defaultValue = "", description = "Landmark column of post_metastasis features (empty: none).")
    String landmark;

    @Option(names = "--coxnet", arity = "1", defaultValue = "true", description = "Fit the elastic net over <GENE>_primary columns (true/false).")
    boolean coxnet;

    @Option(names = "--coxnet-unpenalized", defaultValue = "", description = "Covariates the elastic net leaves unpenalised.")
    String coxnetUnpenalized;

    @Option(names = "--horizon", defaultValue = "730", converter = org.oncoconcord.options.Ranges.PositiveInt.class, description = "Accuracy horizon in days (default ${DEFAULT-VALUE}).")
    int horizon;

    @Option(names = "--time-dependent", defaultValue = "",
            description = "feature:day_column pairs fitted as time-dependent covariates (0 before the day, the feature's value from it on).")
    String timeDependent;

    @Option(names = "--cancer-specific", defaultValue = "",
            description = "time:event:cause columns of the cancer-specific endpoint (cause = crc|other per death); empty: none.")
    String cancerSpecific;

    @Option(names = "--args-km", defaultValue = "", parameterConsumer = Verbatim.class, description = "Extra options of 'survival km'.")
    String argsKm;
    @Option(names = "--args-cox", defaultValue = "", parameterConsumer = Verbatim.class, description = "Extra options of 'survival cox' (multivariable and cause-specific).")
    String argsCox;
    @Option(names = "--args-uni", defaultValue = "", parameterConsumer = Verbatim.class, description = "Extra options of 'survival univariable'.")
    String argsUni;
    @Option(names = "--args-coxnet", defaultValue = "", parameterConsumer = Verbatim.class, description = "Extra options of the elastic net.")
    String argsCoxnet;
    @Option(names = "--args-cv", defaultValue = "", parameterConsumer = Verbatim.class, description = "Extra options of 'survival cv'.")
    String argsCv;
    @Option(names = "--args-validate", defaultValue = "", parameterConsumer = Verbatim.class, description = "Extra options of 'survival validate'.")
    String argsValidate;
    @Option(names = "--args-tdc", defaultValue = "", parameterConsumer = Verbatim.class, description = "Extra options of the time-dependent 'survival cox --start' fits.")
    String argsTdc;
    @Option(names = "--args-cif", defaultValue = "", parameterConsumer = Verbatim.class, description = "Extra options of 'survival cif'.")
    String argsCif;

    @Option(names = "--out", defaultValue = "survival", description = "Output folder of the survival step (default ${DEFAULT-VALUE}).")
    String out;

    @Option(names = "--commands", required = true, description = "Commands file to write (run by 'oncoconcord batch').")
    Path commands;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Takes the next argument as the value even when it looks like an option (e.g. {@code --args-km=--quiet}). */
    static final class Verbatim implements CommandLine.IParameterConsumer {
        @Override
        public void consumeParameters(java.util.Stack<String> args, CommandLine.Model.ArgSpec argSpec, CommandLine.Model.CommandSpec spec) {
            if (args.isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "Missing value for " + ((CommandLine.Model.OptionSpec) argSpec).longestName());
            }
            argSpec.setValue(args.pop());
        }
    }

    @Override
    public Integer call() {
        if (horizon <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--horizon must be > 0 days, got " + horizon);
        }
        PlanOptions options;
        try {
            options = new PlanOptions(PlanOptions.endpoints(endpoints), PlanOptions.list(covariates), PlanOptions.list(kmGroups),
                    PlanOptions.list(univariable), landmark, coxnet, PlanOptions.list(coxnetUnpenalized), horizon,
                    PlanOptions.timeDependent(timeDependent), PlanOptions.cancerSpecific(cancerSpecific));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        FeatureTable table = FeatureTable.read(features, columns);
        Plan plan = Planner.plan(table, options, coxHasCauseOption(), out);
        Commands.ExtraArgs extra = new Commands.ExtraArgs(argsKm, argsCox, argsUni, argsCoxnet, argsCv, argsValidate, argsTdc, argsCif);
        List<String> lines;
        try {
            lines = Commands.lines(plan, features.toString(), out, extra);
        } catch (IllegalArgumentException e) {
            throw new UserException("--args-*: " + e.getMessage());
        }
        plan = plan.withCommands(lines);
        write(table, options, plan);
        var err = spec.commandLine().getErr();
        if (!common.quiet()) {
            for (Skip s : plan.skipped()) {
                err.println("oncoconcord survival plan: " + s.endpoint() + ": " + s.analysis() + " skipped: " + s.reason());
            }
        }
        if (plan.endpoints().isEmpty()) {
            err.println("oncoconcord survival plan: no endpoint of '" + endpoints
                    + "' has its columns in features.tsv: no survival analysis (see " + out + "/skipped.tsv)");
        } else if (!common.quiet()) {
            err.println("oncoconcord survival plan: " + lines.size() + " commands for " + plan.endpoints().size() + " endpoint(s) in " + commands);
        }
        err.flush();
        return 0;
    }

    /** Whether {@code survival cox} takes {@code --cause K} (cause-specific Cox on 0/1..k codes); else the plan uses a 0/1 column. */
    static boolean coxHasCauseOption() {
        return new CommandLine(new CoxCommand()).getCommandSpec().findOption("--cause") != null;
    }

    private void write(FeatureTable table, PlanOptions options, Plan plan) {
        Path dir = Path.of(out);
        try {
            Files.createDirectories(dir);
            for (EndpointPlan e : plan.endpoints()) {
                Files.createDirectories(dir.resolve(e.time()));
                if (e.cancerSpecific() != null) {
                    var cs = e.cancerSpecific();
                    AtomicFiles.writeString(Path.of(cs.data()), CauseOfDeath.table(table,
                            CauseOfDeath.codes(table, options.cancerSpecific()), cs.causeColumn(), cs.crcColumn()));
                }
            }
            StringBuilder skipped = new StringBuilder("endpoint\tanalysis\treason\n");
            for (Skip s : plan.skipped()) {
                skipped.append(s.endpoint()).append('\t').append(s.analysis()).append('\t')
                        .append(s.reason().replace('\t', ' ').replace('\n', ' ')).append('\n');
            }
            AtomicFiles.writeString(dir.resolve("skipped.tsv"), skipped.toString());
            AtomicFiles.writeString(dir.resolve("plan.json"), JSON.writeValueAsString(plan) + "\n");
            AtomicFiles.writeString(commands, plan.commands().isEmpty() ? "" : String.join("\n", plan.commands()) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the survival plan in " + dir + ": " + e.getMessage(), e);
        }
    }
}
