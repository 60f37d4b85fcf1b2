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
 * {@code oncoconcord params}: the pipeline's parameter checking and help from
 * {@code nextflow_schema.json} (main.nf calls it before any task; nf-schema is a plugin and
 * plugins cannot be fetched offline).
 */
@Command(name = "params", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Check pipeline parameters against nextflow_schema.json, or print the pipeline's help.",
        subcommands = { ParamsCommand.Check.class, ParamsCommand.Help.class })
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

    /** {@code params help}: the grouped overview, or one parameter in full. */
    @Command(name = "help", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Print the pipeline's parameters grouped as in the schema, or one parameter in full.")
    static final class Help implements Callable<Integer> {
        @Mixin
        CommonOptions common;

        @Option(names = "--schema", required = true, description = "nextflow_schema.json")
        Path schema;

        @Option(names = "--show-hidden", description = "Also list the hidden parameters.")
        boolean showHidden;

        @Option(names = "--command", description = "The typical command shown at the top.",
                defaultValue = "nextflow run . -profile <test|podman|docker|singularity|slurm,...> --input samplesheet.csv --clinical clinical.csv --fasta reference.fa --outdir results")
        String command;

        @Parameters(arity = "0..1", paramLabel = "PARAMETER", description = "Show this parameter in full.")
        String parameter;

        @Override
        public Integer call() {
            ParameterSchema s = ParameterSchema.read(schema);
            if (parameter == null || parameter.isBlank() || parameter.equals("true")) {
                System.out.print(ParamsHelp.overview(s, command, showHidden));
                return 0;
            }
            String full = ParamsHelp.parameter(s, parameter).orElseThrow(() -> new UserException("--help " + parameter
                    + ": no such parameter" + DidYouMean.suggest(parameter.replaceFirst("^--?", ""), s.parameters().keySet())
                            .map(x -> " (did you mean --" + x + "?)").orElse("")));
            System.out.print(full);
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
