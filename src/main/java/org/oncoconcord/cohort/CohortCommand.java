package org.oncoconcord.cohort;

import org.oncoconcord.core.SampleType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;
import org.oncoconcord.contract.ConcordanceJson;
import org.oncoconcord.contract.ContractException;
import org.oncoconcord.contract.VariantsTsv;
import org.oncoconcord.core.CommonOptions;
import org.oncoconcord.core.Progress;
import org.oncoconcord.core.UserException;
import org.oncoconcord.io.OutputSet;
import org.oncoconcord.core.VersionProvider;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code oncoconcord cohort}: gathers per-patient concordance results into cohort tables and survival features. */
@Command(name = "cohort", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Cohort statistics, stratified tables and survival features.",
            "Reads every per-patient ID.concordance.json (with ID.variants.tsv beside it).",
            "",
            "Writes in --out:",
            "  gene_concordance.tsv      per gene, RAS and BRAF_V600E; primary vs metastasis",
            "                            and tissue vs plasma: OPA, PPA, NPA (Wilson 95%% CI),",
            "                            Cohen's kappa (asymptotic 95%% CI), McNemar's test",
            "                            (exact binomial below 25 discordant patients, else",
            "                            chi-square with continuity correction)",
            "  gene_concordance.by_<COL>.tsv, patients_summary.by_<COL>.tsv",
            "                            the same per stratum of every --by column and of",
            "                            plasma_tumour_signal",
            "  patients.tsv, patients_summary.tsv (median, IQR), metastasis_new_by_gene.tsv,",
            "  plasma_tumour_fraction.tsv, plasma_sensitivity.tsv, plasma_ch.tsv, plasma_timepoints.tsv,",
            "  plasma_intervals.tsv (with plasma; docs/PLASMA.md),",
            "  evidence_summary.tsv (read-level evidence per patient and sample type, cohort totals;",
            "  docs/PILEUP.md), oncoprint.tsv, features.tsv + features.columns.tsv (survival features, marked",
            "  baseline or post_metastasis), sample_swap_check.tsv (samples sharing more",
            "  variants with another patient's sample than with their own: flagged = 1),",
            "  *_mqc.tsv (MultiQC), rejects.tsv, warnings.tsv,",
            "  cohort.json. Details: docs/COHORT_AND_REPORT.md.",
            "",
        })
public final class CohortCommand implements Callable<Integer> {
    /** The built-in stratum: whether the plasma sample showed tumour signal. */
    public static final String PLASMA_SIGNAL = "plasma_tumour_signal";

    @Mixin
    CommonOptions common;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--concordance", required = true, arity = "1..*", paramLabel = "DIR_OR_FILE",
            description = "Folders (searched recursively) or files of per-patient *.concordance.json.")
    List<Path> concordance;

    @Option(names = "--clinical", required = true, paramLabel = "FILE", description = "Clinical CSV (or .tsv): patient + covariates.")
    Path clinical;

    @Option(names = "--by", paramLabel = "COL", split = ",", description = "Clinical column(s) to stratify by, e.g. metastatic_site.")
    List<String> by = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (all files are written, or none).")
    Path out;

    @Option(names = "--skip-bad-inputs", description = "List malformed or duplicate concordance results in rejects.tsv and go on "
            + "without them (default: any such input is an error, exit 1, naming the file and the problem).")
    boolean skipBadInputs;

    @Override
    public Integer call() throws IOException {
        ClinicalTable clin = ClinicalTable.read(clinical);
        for (String col : by) {
            if (!clin.columns().contains(col)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--by " + col + ": no such column in " + clinical + " (has " + String.join(",", clin.columns()) + ")");
            }
        }
        List<Path> inputs = findInputs(concordance);
        Map<String, PatientConcordance> accepted = new TreeMap<>();
        // what the cohort tables need of each patient's variants table, kept instead of the table (memory: a few
        // objects per counted variant, not the whole table of every patient); the MAF export reads the tables again
        Map<String, OncoprintClasses> oncoprintClasses = new HashMap<>();
        Map<String, Map<String, String>> chProteins = new HashMap<>();
        Map<String, Path> variantTables = new HashMap<>();
        SwapCheck.Keys swapKeys = new SwapCheck.Keys();
        List<SwapCheck.Compact> swapSamples = new ArrayList<>();
        Table rejects = new Table("source", "patient", "reason");
        Table warnings = new Table("source", "patient", "warning");
        try (Progress progress = new Progress("cohort: read " + inputs.size() + " patients", inputs.size(), common.quiet())) {
            for (Path json : inputs) {
                String stem = json.getFileName().toString().replaceFirst("\\.concordance\\.json$", "");
                Path variants = OncoprintClasses.variantsTableOf(json);
                if (!Files.exists(variants)) {
                    warnings.add(json, stem, "no " + variants.getFileName() + " beside it: new-in-metastasis genes from gene status");
                    variants = null;
                }
                try {
                    PatientConcordance p = ConcordanceReader.read(json, variants);
                    if (accepted.containsKey(p.patient())) {
                        rejects.add(json, p.patient(), "duplicate patient: already read from " + accepted.get(p.patient()).source());
                    } else {
                        oncoprintClasses.put(p.patient(), OncoprintClasses.read(p));
                        if (p.variants() != null) {
                            swapSamples.addAll(SwapCheck.samples(p.patient(), p.json(), p.variants(), swapKeys));
                            chProteins.put(p.patient(), VariantProteins.of(p.variants(), chCallKeys(p)));
                            variantTables.put(p.patient(), variants);
                        }
                        accepted.put(p.patient(), p.withoutVariants());
                        if (!stem.equals(p.patient())) {
                            warnings.add(json, p.patient(), "file name does not match patient id '" + p.patient() + "'");
                        }
                        if (!clin.rows().containsKey(p.patient())) {
                            warnings.add(json, p.patient(), "patient absent from " + clinical.getFileName() + ": clinical columns NA");
                        }
                    }
                } catch (ConcordanceReader.Rejected e) {
                    rejects.add(json, stem, e.getMessage());
                }
                progress.advance(1);
            }
        }
        for (String id : clin.rows().keySet()) {
            if (!accepted.containsKey(id)) {
                warnings.add(clinical, id, "clinical patient without a usable concordance result");
            }
        }
        if (!rejects.rows().isEmpty() && !skipBadInputs) {
            List<String> r0 = rejects.rows().get(0);
            throw new UserException(r0.get(0) + ": " + r0.get(2) + (rejects.rows().size() > 1 ? " (and " + (rejects.rows().size() - 1)
                    + " more bad concordance result(s): " + String.join("; ", rejects.rows().subList(1, Math.min(rejects.rows().size(), 6))
                    .stream().map(r -> r.get(0) + ": " + r.get(2)).toList()) + ")" : "")
                    + "; no cohort output written (--skip-bad-inputs to go on without them)");
        }
        for (List<String> r : rejects.rows()) {
            System.err.println("oncoconcord cohort: rejected " + r.get(0) + ": " + r.get(2));
        }
        if (accepted.isEmpty()) {
            throw new UserException("no usable concordance result among " + inputs.size() + " input(s); first problem: "
                    + (rejects.rows().isEmpty() ? "none found" : rejects.rows().get(0).get(0) + ": " + rejects.rows().get(0).get(2)));
        }

        List<PatientConcordance> patients = List.copyOf(accepted.values());
        List<String> genes = CohortAnalysis.genes(patients);
        Map<String, Function<PatientConcordance, String>> strata = new LinkedHashMap<>();
        for (String col : by) {
            strata.put(col, p -> clin.value(p.patient(), col));
        }
        strata.put(PLASMA_SIGNAL, p -> p.plasma() == null ? "no_plasma" : p.plasma().tumourSignal() ? "signal" : "no_signal");

        Map<String, String> files = new LinkedHashMap<>();
        Table conc = CohortAnalysis.geneConcordance(patients, genes);
        Table pts = CohortAnalysis.patients(patients);
        Table summary = CohortAnalysis.patientSummary(patients);
        Table newByGene = CohortAnalysis.metastasisNewByGene(patients, genes);
        files.put("gene_concordance.tsv", conc.toTsv());
        files.put("patients.tsv", pts.toTsv());
        files.put("patients_summary.tsv", summary.toTsv());
        files.put("metastasis_new_by_gene.tsv", newByGene.toTsv());
        files.put("oncoprint.tsv", CohortAnalysis.oncoprint(patients, genes, p -> oncoprintClasses.get(p.patient())).toTsv());
        files.put("evidence_summary.tsv", EvidenceSummary.table(patients).toTsv()); // read-level evidence (docs/PILEUP.md)
        PlasmaDraws.Cohort serial = null;
        if (patients.stream().anyMatch(p -> p.plasma() != null)) {
            Map<String, PlasmaChCalls.PatientCh> ch = PlasmaChCalls.read(patients, p -> chProteins.getOrDefault(p.patient(), Map.of()));
            files.put("plasma_tumour_fraction.tsv", PlasmaTables.tumourFraction(patients, PlasmaChCalls.rules(ch)).toTsv());
            files.put("plasma_sensitivity.tsv", PlasmaTables.sensitivity(patients, PlasmaChCalls.rules(ch)).toTsv());
            files.put("plasma_ch.tsv", PlasmaChCalls.table(ch).toTsv());
            serial = PlasmaDraws.read(patients);
            files.put("plasma_timepoints.tsv", PlasmaTimepoints.byTimepoint(serial.all()).toTsv());
            files.put("plasma_intervals.tsv", PlasmaTimepoints.byInterval(serial.all()).toTsv());
        }
        for (var s : strata.entrySet()) {
            String safe = s.getKey().replaceAll("[^A-Za-z0-9._-]", "_");
            files.put("gene_concordance.by_" + safe + ".tsv", CohortAnalysis.geneConcordanceBy(patients, genes, s.getKey(), s.getValue()).toTsv());
            files.put("patients_summary.by_" + safe + ".tsv", CohortAnalysis.patientSummaryBy(patients, s.getKey(), s.getValue()).toTsv());
        }
        Features.Result features = Features.build(patients, genes, clin, serial == null || !serial.serial() ? null : MrdFeatures.all(serial, clin));
        files.put("features.tsv", features.features().toTsv());
        files.put("features.columns.tsv", features.columns().toTsv());
        files.put("gene_concordance_mqc.tsv", MultiqcTable.render("oncoconcord_gene_concordance", "Gene concordance",
                "Per gene, RAS and BRAF V600E: agreement between primary and metastasis and between tissue and plasma (Wilson 95% CI), Cohen kappa, McNemar p.",
                MultiqcTable.keyed(conc, "comparison_feature", List.of("comparison", "feature")),
                List.of("comparison_feature", "n_evaluable", "opa", "opa_lower", "opa_upper", "ppa", "npa", "kappa", "mcnemar_p")));
        files.put("patients_mqc.tsv", MultiqcTable.render("oncoconcord_patients", "Shared and private mutations per patient",
                "Primary vs metastasis: shared, primary-only and new-in-metastasis variants; plasma-only variants; plasma tumour signal.",
                pts, List.of("patient", "shared", "primary_only", "metastasis_new", "percent_shared", "plasma_only", "plasma_tumour_signal")));
        files.put("metastasis_new_by_gene_mqc.tsv", MultiqcTable.render("oncoconcord_metastasis_new", "Mutations new in the metastasis by gene",
                "Patients with a mutation present in the metastasis and absent from the primary, per gene.",
                newByGene, List.of("gene", "patients_evaluable", "patients_with_new", "percent", "n_variants")));
        files.put("sample_swap_check.tsv", SwapCheck.compactTable(swapSamples, swapKeys.size()).toTsv());
        files.put("rejects.tsv", rejects.toTsv());
        files.put("warnings.tsv", warnings.toTsv());
        files.put("cohort.json", summaryJson(inputs.size(), patients, rejects, warnings, clin, genes));

        try (OutputSet outputs = new OutputSet()) { // all files or none
            outputs.folder(out);
            files.forEach((name, text) -> outputs.writeString(out, name, text));
            outputs.write(out, MafWriter.MAF, maf -> writeMaf(patients, variantTables, maf));
            outputs.commitOrFail();
        }
        if (!common.quiet()) {
            System.err.printf("oncoconcord cohort: %d input(s): %d accepted, %d rejected, %d warning(s); %d files in %s%n",
                    inputs.size(), patients.size(), rejects.rows().size(), warnings.rows().size(), files.size() + 3, out);
        }
        return 0;
    }

    /** The variant keys of a patient's labelled plasma calls (CH, germline, possible CH), whose protein changes plasma_ch.tsv shows. */
    private static List<String> chCallKeys(PatientConcordance p) {
        if (p.plasma() == null || p.plasma().clonalHaematopoiesis() == null) {
            return List.of();
        }
        return p.plasma().clonalHaematopoiesis().calls().stream().map(c -> c.variant()).toList();
    }

    /**
     * Writes cohort.maf at {@code maf} and, beside it, the MesKit clinical file and the long variant table, patient by
     * patient (in {@code patients} order), each patient's variants table read again: one table in memory at a time.
     */
    private static void writeMaf(List<PatientConcordance> patients, Map<String, Path> tables, Path maf) throws IOException {
        try (var m = Files.newBufferedWriter(maf, StandardCharsets.UTF_8);
             var c = Files.newBufferedWriter(maf.resolveSibling(MafWriter.CLINICAL), StandardCharsets.UTF_8);
             var l = Files.newBufferedWriter(maf.resolveSibling(MafWriter.LONG), StandardCharsets.UTF_8)) {
            MafWriter.Streams streams = new MafWriter.Streams(m, c, l);
            for (PatientConcordance p : patients) {
                Path table = tables.get(p.patient());
                if (table == null) {
                    continue;
                }
                List<String> labels = p.json().samples().stream().map(ConcordanceJson.Sample::label).distinct().toList();
                try {
                    streams.add(p.patient(), p.json(), VariantsTsv.read(table, labels));
                } catch (ContractException e) {
                    throw new UserException(e.getMessage(), e);
                }
            }
        }
    }

    /** The concordance JSON files named by the arguments: folders are searched recursively. */
    static List<Path> findInputs(List<Path> args) {
        List<Path> found = new ArrayList<>();
        for (Path a : args) {
            if (Files.isDirectory(a)) {
                try (Stream<Path> s = Files.walk(a, java.nio.file.FileVisitOption.FOLLOW_LINKS)) {
                    List<Path> in = s.filter(f -> f.getFileName().toString().endsWith(".concordance.json") && Files.isRegularFile(f))
                            .sorted(org.oncoconcord.io.FoundFiles.BY_PATIENT_LAYOUT).toList();
                    if (in.isEmpty()) {
                        throw new UserException(a + ": no *.concordance.json in this folder");
                    }
                    found.addAll(in);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else if (Files.isRegularFile(a)) {
                found.add(a);
            } else {
                throw new UserException(a + ": no such file or folder");
            }
        }
        return found;
    }

    private String summaryJson(int inputs, List<PatientConcordance> patients, Table rejects, Table warnings, ClinicalTable clin, List<String> genes) {
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = om.createObjectNode();
        root.put("tool", "oncoconcord cohort");
        root.put("tool_version", VersionProvider.version());
        ObjectNode params = root.putObject("parameters");
        ArrayNode conc = params.putArray("concordance");
        concordance.forEach(p -> conc.add(p.toString()));
        params.put("clinical", clinical.toString());
        ArrayNode byNode = params.putArray("by");
        by.forEach(byNode::add);
        ObjectNode counts = root.putObject("counts");
        counts.put("inputs", inputs);
        counts.put("accepted", patients.size());
        counts.put("rejected", rejects.rows().size());
        counts.put("warnings", warnings.rows().size());
        counts.put("clinical_patients", clin.rows().size());
        counts.put("with_primary_and_metastasis", patients.stream().filter(p -> p.primaryMet() != null).count());
        counts.put("with_plasma", patients.stream().filter(p -> p.has(SampleType.PLASMA)).count());
        ArrayNode ids = root.putArray("patients");
        patients.forEach(p -> ids.add(p.patient()));
        ArrayNode g = root.putArray("genes");
        genes.forEach(g::add);
        ObjectNode m = root.putObject("methods");
        m.put("proportion_ci", "Wilson score 95% interval without continuity correction");
        m.put("agreement", "OPA = agreeing/evaluable; PPA = both mutated/reference mutated; NPA = both wild-type/reference wild-type; "
                + "reference = primary (primary vs metastasis) or tissue = primary or metastasis mutated (tissue vs plasma); "
                + "several samples of one type are positive when any is");
        m.put("kappa", "Cohen's kappa, large-sample standard error of Fleiss, Cohen & Everitt (1969), Wald 95% interval truncated to [-1, 1]");
        m.put("mcnemar", "exact two-sided binomial test when discordant pairs < " + Agreement.EXACT_BELOW
                + ", else chi-square with continuity correction (1 df)");
        m.put("quantiles", "median and quartiles by R's default (type 7) quantile");
        m.put("driver", "a variant new in the metastasis inside an annotated gene other than clonal-haematopoiesis genes " + Features.CH_GENES.stream().sorted().toList());
        try {
            return om.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
