package org.oncoconcord.simulate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.oncoconcord.cohort.CohortCommand;
import org.oncoconcord.concordance.ConcordanceCommand;
import org.oncoconcord.contract.FeaturesTsv;
import org.oncoconcord.core.UserException;
import org.oncoconcord.normalize.Normalize;
import org.oncoconcord.normalize.NormalizeRequest;
import org.oncoconcord.survival.SurvivalCommand;
import org.oncoconcord.core.Progress;
import org.oncoconcord.io.AtomicFiles;
import org.oncoconcord.simulate.CohortSimulator.SimulatedCohort;
import picocli.CommandLine;

/**
 * Planted-truth recovery through the project's own steps, run in-process (normalize through its typed
 * API {@link Normalize#run}, the others through their picocli commands): writes the simulated study, runs
 * {@code normalize} on every sample, {@code concordance} per patient, {@code cohort}, then
 * {@code survival cox} (OS on all patients; OS with the metastasis-new-driver term on stage IV
 * patients with a metastasis sample, whose metastasis is sequenced at time zero; RFS on stage III)
 * and {@code survival cv} (2-year td-AUC), and compares every estimate's 95% interval with the
 * planted value.
 *
 * <p>Rule over K quantities: at most m outside their interval, m the smallest number with
 * P(Binomial(K, 0.05) > m) <= 1%.
 */
public final class RecoveryPipeline {
    private static final CSVFormat TSV = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).build();

    private RecoveryPipeline() {
    }

    /** One compared quantity. */
    public record Row(String quantity, double planted, double estimate, double lower, double upper, String source) {
        public boolean inside() {
            return lower <= planted && planted <= upper;
        }
    }

    /** The comparison: rows, allowed misses, misses, and the reported 2-year td-AUC (NaN when not run). */
    public record Result(List<Row> rows, int allowedMisses, int misses, double auc2y) {
        public boolean pass() {
            return misses <= allowedMisses;
        }
    }

    static int allowedMisses(int k) {
        BinomialDistribution b = new BinomialDistribution(null, k, 0.05);
        int m = 0;
        while (1 - b.cumulativeProbability(m) > 0.01) {
            m++;
        }
        return m;
    }

    /**
     * Runs one step's command in-process ({@code command} a fresh instance of its picocli class, so that
     * this package needs no {@code cli}); a failure is an IllegalStateException with the step's message.
     */
    static void run(Object command, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        Exception[] failure = new Exception[1];
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            failure[0] = ex;
            return 1;
        });
        int rc = cl.execute(args);
        if (rc != 0) {
            String why = failure[0] == null ? err.toString().trim()
                    : failure[0] instanceof UserException ? failure[0].getMessage() : failure[0].toString();
            throw new IllegalStateException("oncoconcord " + cl.getCommandName() + " " + String.join(" ", args) + " failed (exit "
                    + rc + "): " + why, failure[0]);
        }
    }

    /** Runs the whole chain into {@code out} and writes {@code out/recovery.tsv}. cvRepeats 0 skips the CV. */
    public static Result run(SimulatedCohort c, Path out, int cvRepeats, boolean quiet) throws IOException {
        Path study = out.resolve("study");
        StudyWriter.write(c, study, quiet);
        JsonNode truth = new ObjectMapper().readTree(study.resolve("truth.json").toFile());
        Path norm = out.resolve("normalized");
        Path conc = out.resolve("concordance");
        Files.createDirectories(norm);
        try (Progress progress = new Progress("recovery: normalize + concordance", c.patients().size(), quiet)) {
            for (JsonNode p : truth.get("patients")) {
                List<String> args = new ArrayList<>(List.of("--quiet", "--patient", p.get("patient").asText(),
                        "--genes", study.resolve("genes.tsv").toString(), "--gtf", study.resolve("genes.gtf").toString(), "--reference", study.resolve("reference.fa").toString(),
                        "--out", conc.toString()));
                for (JsonNode s : p.get("samples")) {
                    String id = s.get("sample").asText();
                    Path n = norm.resolve(id + ".vcf.gz");
                    Normalize.run(new NormalizeRequest(study.resolve("reference.fa"), study.resolve(s.get("file").asText()), n, true, null));
                    args.add("--sample");
                    args.add(id + "=" + s.get("type").asText() + ":" + n);
                }
                run(new ConcordanceCommand(), args.toArray(String[]::new));
                progress.advance(1);
            }
        }
        Path cohort = out.resolve("cohort");
        run(new CohortCommand(), "--quiet", "--concordance", conc.toString(), "--clinical", study.resolve("clinical.csv").toString(),
                "--out", cohort.toString());
        Path features = cohort.resolve(FeaturesTsv.FILE);
        Path surv = out.resolve("survival");
        Path stage4 = subset(features, surv.resolve("features_stage_iv_metastasis.tsv"),
                r -> r.get("stage").equals("IV") && r.get(FeaturesTsv.ANY_DRIVER_METASTASIS_NEW).matches("[01]"));
        Path stage3 = subset(features, surv.resolve("features_stage_iii.tsv"), r -> r.get("stage").equals("III"));
        run(new SurvivalCommand(), "cox", "--quiet", "--data", features.toString(), "--time", "os_days", "--event", "os_event",
                "--covariates", String.join(",", FeaturesTsv.BRAF_V600E_PRIMARY, FeaturesTsv.RAS_MUTANT_PRIMARY, "age", "stage"), "--ref-level", "stage=III",
                "--out", surv.resolve("cox_os").toString());
        run(new SurvivalCommand(), "cox", "--quiet", "--data", stage4.toString(), "--time", "os_days", "--event", "os_event",
                "--covariates", String.join(",", FeaturesTsv.BRAF_V600E_PRIMARY, FeaturesTsv.RAS_MUTANT_PRIMARY, FeaturesTsv.ANY_DRIVER_METASTASIS_NEW, "age"),
                "--out", surv.resolve("cox_os_stage_iv").toString());
        run(new SurvivalCommand(), "cox", "--quiet", "--data", stage3.toString(), "--time", "rfs_days", "--event", "rfs_event",
                "--covariates", String.join(",", FeaturesTsv.BRAF_V600E_PRIMARY, FeaturesTsv.RAS_MUTANT_PRIMARY, "age"), "--out", surv.resolve("cox_rfs").toString());
        double auc = Double.NaN;
        if (cvRepeats > 0) {
            run(new SurvivalCommand(), "cv", "--quiet", "--data", features.toString(), "--time", "os_days", "--event", "os_event",
                    "--covariates", String.join(",", FeaturesTsv.BRAF_V600E_PRIMARY, FeaturesTsv.RAS_MUTANT_PRIMARY, "age", "stage"), "--horizon", "730",
                    "--repeats", Integer.toString(cvRepeats), "--out", surv.resolve("cv_os").toString());
            auc = meanAuc(surv.resolve("cv_os/cv.json"));
        }
        Result result = compare(c, cohort, conc, surv, auc);
        write(result, out.resolve("recovery.tsv"));
        return result;
    }

    private static Path subset(Path in, Path out, Predicate<CSVRecord> keep) throws IOException {
        Files.createDirectories(out.getParent());
        try (CSVParser p = CSVParser.parse(in, StandardCharsets.UTF_8, TSV)) {
            StringBuilder b = new StringBuilder();
            try (CSVPrinter w = new CSVPrinter(b, CSVFormat.TDF.builder().setRecordSeparator("\n").build())) {
                w.printRecord(p.getHeaderNames());
                for (CSVRecord r : p) {
                    if (keep.test(r)) {
                        w.printRecord(r.values());
                    }
                }
            }
            AtomicFiles.writeString(out, b.toString());
        }
        return out;
    }

    private static double meanAuc(Path cvJson) throws IOException {
        JsonNode cv = new ObjectMapper().readTree(cvJson.toFile());
        for (String path : new String[] {"/td_auc/mean", "/metrics/auc/mean"}) { // contract key, then an older layout
            JsonNode n = cv.at(path);
            if (n.isNumber()) {
                return n.asDouble();
            }
        }
        return Double.NaN;
    }

    static Result compare(SimulatedCohort c, Path cohort, Path conc, Path surv, double auc) throws IOException {
        List<Row> rows = new ArrayList<>();
        Map<String, CSVRecord> gc = new LinkedHashMap<>();
        try (CSVParser p = CSVParser.parse(cohort.resolve("gene_concordance.tsv"), StandardCharsets.UTF_8, TSV)) {
            for (CSVRecord r : p) {
                gc.put(r.get("comparison") + ":" + r.get("feature"), r);
            }
        }
        for (var e : c.config().drivers().entrySet()) {
            CSVRecord r = gc.get("primary_vs_metastasis:" + e.getKey());
            if (r != null) {
                rows.add(new Row("concordance primary-metastasis " + e.getKey(), 1 - e.getValue().discordance(),
                        num(r.get("opa")), num(r.get("opa_lower")), num(r.get("opa_upper")), "cohort/gene_concordance.tsv"));
            }
        }
        CSVRecord ras = gc.get("tissue_vs_plasma:RAS");
        if (ras != null) {
            rows.add(new Row("plasma RAS positive agreement vs tissue", Expectations.plasmaRasPpa(c).expected(),
                    num(ras.get("ppa")), num(ras.get("ppa_lower")), num(ras.get("ppa_upper")), "cohort/gene_concordance.tsv"));
        }
        long x = 0;
        long n = 0;
        ObjectMapper m = new ObjectMapper();
        try (var files = Files.list(conc)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".concordance.json")).sorted().toList()) {
                for (JsonNode pair : m.readTree(f.toFile()).get("pairs")) {
                    if (pair.get("type_a").asText().equals("primary") && pair.get("type_b").asText().equals("plasma")) {
                        x += pair.get("sensitivity").get("x").asLong();
                        n += pair.get("sensitivity").get("n").asLong();
                    }
                }
            }
        }
        if (n > 0) {
            ConfidenceInterval ci = new WilsonScoreInterval().createInterval((int) n, (int) x, 0.95);
            rows.add(new Row("plasma variant sensitivity vs primary", Expectations.plasmaSensitivityVsPrimary(c).expected(),
                    (double) x / n, ci.getLowerBound(), ci.getUpperBound(), "concordance/*.concordance.json (pooled)"));
        }
        var os = c.config().survival().osLogHr();
        var rfs = c.config().survival().rfsLogHr();
        Map<String, double[]> coxOs = cox(surv.resolve("cox_os/coefficients.tsv"));
        Map<String, double[]> coxSt4 = cox(surv.resolve("cox_os_stage_iv/coefficients.tsv"));
        Map<String, double[]> coxRfs = cox(surv.resolve("cox_rfs/coefficients.tsv"));
        addCox(rows, "OS log-HR braf_v600e", os.get("braf_v600e"), coxOs.get(FeaturesTsv.BRAF_V600E_PRIMARY), 1, "cox_os");
        addCox(rows, "OS log-HR ras_mutant", os.get("ras_mutant"), coxOs.get(FeaturesTsv.RAS_MUTANT_PRIMARY), 1, "cox_os");
        addCox(rows, "OS log-HR age_per_10y", os.get("age_per_10y"), coxOs.get("age"), 10, "cox_os");
        addCox(rows, "OS log-HR stage_iv", os.get("stage_iv"), coxOs.get("stageIV"), 1, "cox_os");
        addCox(rows, "OS log-HR any_driver_new_in_metastasis", os.get("any_driver_new_in_metastasis"),
                coxSt4.get(FeaturesTsv.ANY_DRIVER_METASTASIS_NEW), 1, "cox_os_stage_iv");
        addCox(rows, "RFS log-HR braf_v600e", rfs.get("braf_v600e"), coxRfs.get(FeaturesTsv.BRAF_V600E_PRIMARY), 1, "cox_rfs");
        addCox(rows, "RFS log-HR ras_mutant", rfs.get("ras_mutant"), coxRfs.get(FeaturesTsv.RAS_MUTANT_PRIMARY), 1, "cox_rfs");
        addCox(rows, "RFS log-HR age_per_10y", rfs.get("age_per_10y"), coxRfs.get("age"), 10, "cox_rfs");
        int misses = (int) rows.stream().filter(r -> !r.inside()).count();
        return new Result(List.copyOf(rows), allowedMisses(rows.size()), misses, auc);
    }

    private static void addCox(List<Row> rows, String name, double planted, double[] est, double scale, String source) {
        if (est != null) {
            rows.add(new Row(name, planted, est[0] * scale, est[1] * scale, est[2] * scale, "survival/" + source + "/coefficients.tsv"));
        }
    }

    /** term -> {coef, lower, upper} on the log-HR scale. */
    private static Map<String, double[]> cox(Path coefficients) throws IOException {
        Map<String, double[]> out = new LinkedHashMap<>();
        try (CSVParser p = CSVParser.parse(coefficients, StandardCharsets.UTF_8, TSV)) {
            for (CSVRecord r : p) {
                out.put(r.get("term"), new double[] {num(r.get("coef")), Math.log(num(r.get("hr_lower"))), Math.log(num(r.get("hr_upper")))});
            }
        }
        return out;
    }

    private static double num(String s) {
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static String format(Result r) {
        StringBuilder b = new StringBuilder("quantity\tplanted\testimate\tlower\tupper\tinside\tsource\n");
        for (Row row : r.rows()) {
            b.append(String.format(Locale.ROOT, "%s\t%.4f\t%.4f\t%.4f\t%.4f\t%s\t%s%n", row.quantity(), row.planted(), row.estimate(),
                    row.lower(), row.upper(), row.inside() ? "yes" : "no", row.source()));
        }
        b.append(String.format(Locale.ROOT, "# %d of %d quantities outside their 95%% interval; allowed %d (P(Binomial(%d, 0.05) > %d) <= 1%%): %s%n",
                r.misses(), r.rows().size(), r.allowedMisses(), r.rows().size(), r.allowedMisses(), r.pass() ? "PASS" : "FAIL"));
        b.append(String.format(Locale.ROOT, "# 2-year td-AUC of the OS Cox model (braf, ras, age, stage; repeated 5-fold CV): %.4f%n", r.auc2y()));
        return b.toString();
    }

    private static void write(Result r, Path target) {
        try {
            AtomicFiles.writeString(target, format(r));
        } catch (UncheckedIOException e) {
            throw e;
        }
    }
}
