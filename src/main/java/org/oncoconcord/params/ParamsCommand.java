package org.oncoconcord.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.oncoconcord.core.CommonOptions;
import org.oncoconcord.core.UserException;
import org.oncoconcord.core.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code oncoconcord params}: the pipeline's parameter checking from {@code nextflow_schema.json}
 * (main.nf calls it before any task; nf-schema is a plugin and plugins cannot be fetched offline).
 * The pipeline's {@code --help} is rendered by main.nf itself from the same schema, so that it
 * does not wait for a second JVM.
 */
@Command(name = "params", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Check pipeline parameters against nextflow_schema.json (the pipeline's --help is rendered by main.nf from the same schema).",
        subcommands = { ParamsCommand.Check.class })
public final class ParamsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand: check or help");
    }

    /** {@code params check}: every problem at once (exit 1), else the non-default parameters on stdout. */
    @Command(name = "check", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Check the parameters of a run (JSON object, as Nextflow's params) against the schema:",
                    "unknown names (with a suggestion), types, enums, ranges, patterns, required ones, all at once.",
                    "Valid: prints the parameters that differ from the schema's defaults."})
    static final class Check implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--schema", required = true, description = "nextflow_schema.json")
        Path schema;

        @Option(names = "--params", required = true, description = "the run's parameters as a JSON object")
        Path params;

        @Override
        public Integer call() {
            ParameterSchema s = ParameterSchema.read(schema);
            JsonNode values = readParams(params);
            List<String> problems = new ParamsValidator(s).validate(values);
            if (!problems.isEmpty()) {
                problems.forEach(p -> System.err.println("oncoconcord params: error: " + p));
                System.err.println("oncoconcord params: " + problems.size() + " invalid parameter(s); --help lists the parameters, --help NAME shows one in full");
                return 1;
            }
            List<String> summary = ParamsSummary.nonDefault(s, values);
            System.out.println(summary.isEmpty() ? "Parameters: all defaults" : "Parameters that differ from the defaults:");
            summary.forEach(l -> System.out.println("  " + l));
            return 0;
        }
    }

    static JsonNode readParams(Path file) {
        try {
            JsonNode n = new ObjectMapper().readTree(Files.readString(file));
            if (n == null || !n.isObject()) {
                throw new UserException(file + ": the parameters must be a JSON object");
            }
            return n;
        } catch (IOException e) {
            throw new UserException(file + ": cannot read the parameters: " + e.getMessage());
        }
    }
}
