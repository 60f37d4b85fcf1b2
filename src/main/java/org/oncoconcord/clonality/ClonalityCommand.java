package org.oncoconcord.clonality;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.oncoconcord.core.CommonOptions;
import org.oncoconcord.core.SampleType;
import org.oncoconcord.core.UserException;
import org.oncoconcord.core.VersionProvider;
import org.oncoconcord.io.OutputSet;
import org.oncoconcord.options.Ranges;
import org.oncoconcord.pileup.EvidenceRows;
import org.oncoconcord.pileup.EvidenceState;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code oncoconcord clonality}: cancer cell fraction of every variant in every tumour sample of one
 * patient from its read evidence (a pileup table), purity (given or estimated from the clonal cluster)
 * and copy number (optional segments); clonal/subclonal, MesKit classes, MATH per sample, Jaccard
 * per pair, and a MesKit-ready CCF table (docs/PILEUP.md).
 */
@Command(name = "clonality", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"CCF with 95% interval, clonal/subclonal and MesKit class of every variant in every tumour sample of a patient,",
                "MATH score per sample and Jaccard index per pair, from the read counts of 'oncoconcord pileup'.",
                "Writes DIR/ID.ccf.tsv, DIR/ID.meskit_ccf.tsv, DIR/ID.heterogeneity.tsv and DIR/ID.jaccard.tsv (docs/PILEUP.md)."})
public final class ClonalityCommand implements Callable<Integer> {

    @Mixin
    CommonOptions common;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--patient", required = true, description = "Patient id (names the outputs).")
    String patient;

    @Option(names = "--evidence", required = true, paramLabel = "FILE",
            description = "Read counts: the output of 'oncoconcord pileup' (sample = the samplesheet's sample id).")
    Path evidence;

    @Option(names = "--type", paramLabel = "LABEL=TYPE", description = "Sample type (primary|metastasis|plasma|normal); plasma and "
            + "normal samples get no CCF and are not among the MesKit samples. Default: every sample is a tumour sample.")
    Map<String, String> types = new LinkedHashMap<>();

    @Option(names = "--purity", paramLabel = "LABEL=X", converter = {Ranges.Text.class, Ranges.Fraction.class},
            description = "Tumour purity of a sample, a fraction in (0,1] (e.g. the samplesheet's purity column); replaces the "
                    + "estimate from its clonal cluster.")
    Map<String, Double> purity = new LinkedHashMap<>();

    @Option(names = "--purity-source", paramLabel = "NAME", defaultValue = Clonality.GIVEN,
            description = "purity_source written for the --purity values (default: ${DEFAULT-VALUE}; the pipeline: samplesheet). "
                    + "Estimated purities are 'estimated'.")
    String puritySource;

    @Option(names = "--segments", paramLabel = "FILE", description = "Total copy number: TSV 'sample chrom start end copy_number' "
            + "(1-based, inclusive; sample * = every sample); elsewhere 2.")
    Path segments;

    @Option(names = "--sample-segments", paramLabel = "LABEL=FILE", description = "Total copy number of one sample: TSV '[sample] chrom "
            + "start end copy_number' (the samplesheet's segments column), every row applying to LABEL; before --segments.")
    Map<String, Path> sampleSegments = new LinkedHashMap<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Override
    public Integer call() throws IOException {
        if (!patient.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--patient '" + patient + "' must match [A-Za-z0-9][A-Za-z0-9._-]*");
        }
        Map<String, SampleType> sampleTypes = new LinkedHashMap<>();
        for (var e : types.entrySet()) {
            try {
                sampleTypes.put(e.getKey(), SampleType.parse(e.getValue()));
            } catch (IllegalArgumentException ex) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--type " + e.getKey() + "=" + e.getValue() + ": " + ex.getMessage());
            }
        }
        if (!puritySource.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--purity-source '" + puritySource + "' must match [A-Za-z0-9][A-Za-z0-9._-]*");
        }
        Segments cn = Segments.of(segments, sampleSegments);
        List<EvidenceRows.Row> rows = new ArrayList<>();
        EvidenceRows.read(evidence, "--evidence", rows::add);
        Clonality.Result result = Clonality.analyse(patient, rows, sampleTypes, purity, puritySource, cn, sampleSegments.keySet());
        Path ccf = out.resolve(patient + ".ccf.tsv");
        Path meskit = out.resolve(patient + ".meskit_ccf.tsv");
        Path het = out.resolve(patient + ".heterogeneity.tsv");
        Path jac = out.resolve(patient + ".jaccard.tsv");
        try (OutputSet outputs = new OutputSet().addAll(ccf, meskit, het, jac)) {
            write(outputs, ccf, result.ccfTable());
            write(outputs, meskit, MesKitCcfTable.format(result.mesKitRows()));
            write(outputs, het, result.heterogeneityTable());
            write(outputs, jac, result.jaccardTable());
            outputs.commitOrFail();
        }
        return 0;
    }

    private static void write(OutputSet outputs, Path target, String text) {
        outputs.write(target, tmp -> java.nio.file.Files.writeString(tmp, text, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Present in a sample by its reads: called, or above the error rate ({@code pileup --ignore-genotypes} states). */
    static boolean present(EvidenceState s) {
        return s == EvidenceState.CALLED || s == EvidenceState.BELOW_CALL_THRESHOLD;
    }

    static String fmt(double x) {
        return Double.isNaN(x) ? "NA" : String.format(Locale.ROOT, "%.4f", x);
    }
}
