package org.oncoconcord.simulate;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.oncoconcord.core.CommonOptions;
import org.oncoconcord.core.VersionProvider;
import org.oncoconcord.options.Ranges;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code oncoconcord simulate}: writes a simulated CRC study with its planted truth. */
@Command(name = "simulate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Simulate a colorectal-cancer study (primary, metastasis, plasma VCFs in several caller dialects, "
                + "clinical data) with planted truth.",
                "Writes reference.fa(.fai), genes.tsv, genes.gtf, genes.gff3, samplesheet.csv, clinical.csv, vcf/<patient>.<sample>.vcf.gz, truth.json. "
                        + "Same seed and config, same bytes."})
public final class SimulateCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Option(names = "--patients", converter = Ranges.PositiveInt.class, description = "Number of patients (>= 1). Required.")
    Integer patients;

    @Option(names = "--seed", converter = Ranges.Seed.class, description = "Random seed. Required.")
    Long seed;

    @Option(names = "--out", description = "Output folder (created). Required.")
    Path out;

    @Option(names = "--config", description = "YAML overriding any default parameter (see defaults.yaml in the jar, "
            + "printed by --print-defaults).")
    Path config;

    @Option(names = "--print-defaults", description = "Print the default parameters (YAML with sources) and exit.")
    boolean printDefaults;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (printDefaults) {
            try (var in = ConfigLoader.class.getResourceAsStream("/org/oncoconcord/simulate/defaults.yaml")) {
                spec.commandLine().getOut().print(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                spec.commandLine().getOut().flush();
            }
            return 0;
        }
        if (patients == null || seed == null || out == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Missing required options: --patients, --seed and --out are required");
        }
        SimulationConfig cfg = config == null ? ConfigLoader.defaults() : ConfigLoader.load(config);
        CohortSimulator.SimulatedCohort cohort = CohortSimulator.simulate(cfg, seed, patients);
        // the study is written into a temporary folder beside --out and moved in only when complete
        try (org.oncoconcord.io.OutputSet outputs = new org.oncoconcord.io.OutputSet()) {
            Path folder = outputs.folder(out);
            outputs.write(out, tmp -> StudyWriter.write(cohort, folder, common.quiet()));
            outputs.commitOrFail();
        }
        return 0;
    }
}
