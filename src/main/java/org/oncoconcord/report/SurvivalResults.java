package org.oncoconcord.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.oncoconcord.core.UserException;

/**
 * The outputs of the pipeline's SURVIVAL step: {@code ROOT/<endpoint>/} folders (or an endpoint folder
 * given as the root) whose result folders are recognised by the files they hold (km.tsv + logrank.json,
 * coefficients.tsv + model.json, cv.json, validation.json, cif.tsv) and classified by what their JSON
 * says about itself, never by the folder's name: the {@code analysis} block that ends every survival
 * JSON (docs/CONTRACTS.md, survival: kind, feature, endpoint, group), or, for files of an older
 * survival step without it, the file's own keys ({@code method}, {@code covariates}, {@code group},
 * {@code cause}, {@code counting_process}; a one-covariate model of a feature in the endpoint's
 * univariable.tsv is that feature's univariable fit). {@code ROOT/skipped.tsv} lists the analyses not
 * run. Folders that hold no result, or a result the report does not show (Fine-Gray), are listed in
 * {@link #ignored()} (the report says so).
 */
public record SurvivalResults(List<Km> km, List<Cox> cox, List<Cv> cv, List<Univariable> univariable, List<Validation> validation,
                              List<Cif> cif, Tsv skipped, List<String> ignored) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The analysis kinds of the contract's {@code analysis.kind} that the report reads. */
    static final String KIND_COX = "cox", KIND_UNIVARIABLE = "cox_univariable", KIND_ELASTIC_NET = "cox_elastic_net";

    /** Which Cox analysis a model.json describes. */
    public enum CoxKind {
        /** {@code analysis.kind} cox: a (multivariable) Cox model of --covariates. */
        MULTIVARIABLE,
        /** {@code cox_elastic_net}: the elastic net over gene features. */
        ELASTIC_NET,
        /** {@code cox_univariable}: one fit of {@code survival univariable} (shown through univariable.tsv). */
        UNIVARIABLE
    }

    /**
     * What a survival JSON says about itself: its {@code analysis} block, or the older file's own keys
     * ({@code described} false). {@code time} is the endpoint's time column (the endpoint folder's name
     * when the file does not say); {@code group} the KM / CIF grouping column (null: all patients).
     */
    record Analysis(String kind, String feature, String time, String group, boolean causeSpecific, boolean countingProcess,
                    List<String> covariates, boolean described) {
        static Analysis of(JsonNode json, String endpointFolder) {
            JsonNode a = json == null ? null : json.get("analysis");
            if (a != null && a.isObject()) {
                JsonNode ep = a.path("endpoint");
                return new Analysis(text(a, "kind"), text(a, "feature"), text(ep, "time") == null ? endpointFolder : text(ep, "time"),
                        text(a, "group"), !ep.path("cause").isNull() && !ep.path("cause").isMissingNode(), text(ep, "start") != null,
                        strings(a.path("covariates")), true);
            }
            JsonNode j = json == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : json;
            return new Analysis(null, null, endpointFolder, text(j, "group"), !j.path("cause").isNull() && !j.path("cause").isMissingNode(),
                    j.path("counting_process").asBoolean(false), strings(j.path("covariates")), false);
        }

        /** The Cox kind of a model.json, null for a model the report does not show (e.g. Fine-Gray). */
        CoxKind coxKind(String method, java.util.Set<String> univariableFeatures) {
            if (described) {
                return switch (kind == null ? "" : kind) {
                    case KIND_COX -> CoxKind.MULTIVARIABLE;
                    case KIND_UNIVARIABLE -> CoxKind.UNIVARIABLE;
                    case KIND_ELASTIC_NET -> CoxKind.ELASTIC_NET;
                    default -> null;
                };
            }
            if ("elastic_net".equals(method)) {
                return CoxKind.ELASTIC_NET;
            }
            if ("fine_gray".equals(method)) {
                return null;
            }
            return covariates.size() == 1 && univariableFeatures.contains(covariates.get(0)) ? CoxKind.UNIVARIABLE : CoxKind.MULTIVARIABLE;
        }

        /** The univariable fit's feature: the block's {@code feature}, else the one covariate. */
        String univariableFeature() {
            return feature != null ? feature : covariates.isEmpty() ? null : covariates.get(0);
        }

        private static String text(JsonNode n, String key) {
            JsonNode v = n.path(key);
            return v.isTextual() ? v.asText() : null;
        }

        private static List<String> strings(JsonNode array) {
            List<String> out = new ArrayList<>();
            array.forEach(v -> out.add(v.asText()));
            return out;
        }
    }

    /** A Kaplan-Meier result ({@code group} "all" when the JSON names no grouping column). */
    public record Km(String endpoint, String group, Tsv table, JsonNode logrank) {
        public String name() {
            return endpoint + "/km_" + group;
        }

        /** True when the curve starts at the landmark (post-metastasis feature). */
        public boolean landmark() {
            return logrank != null && logrank.path("landmark").isObject();
        }
    }

    /**
     * A Cox model: {@code folder} is where it was found (shown as its name, never parsed); {@code primary} true for
     * the endpoint's main model (kind cox, all-cause, not counting-process): the one cross-validated and validated.
     */
    public record Cox(String endpoint, CoxKind kind, String feature, String folder, boolean primary, Tsv coefficients, JsonNode model) {
        public String name() {
            return endpoint + "/" + folder;
        }

        public boolean penalized() {
            return kind == CoxKind.ELASTIC_NET;
        }

        public boolean univariableFit() {
            return kind == CoxKind.UNIVARIABLE;
        }
    }

    /** The univariable table of one endpoint. */
    public record Univariable(String endpoint, Tsv table) {
        public String name() {
            return endpoint;
        }
    }

    /** The cross-validation of one endpoint's multivariable model. */
    public record Cv(String endpoint, JsonNode summary, Tsv predictions) {
        public String name() {
            return endpoint + "/cv";
        }
    }

    /**
     * {@code <endpoint>/validate/} of {@code survival validate} (docs/SURVIVAL.md, TRIPOD validation): validation.json,
     * validation.tsv (apparent, optimism, corrected per measure) and, when written, calibration_groups.tsv,
     * calibration_smooth.tsv, decision_curve.tsv, model_at_horizon.json (null when absent).
     */
    public record Validation(String endpoint, JsonNode summary, Tsv measures, Tsv groups, Tsv smooth, Tsv decision, JsonNode modelAtHorizon) {
        public String name() {
            return endpoint + "/validate";
        }

        public double horizon() {
            return summary == null ? Double.NaN : summary.path("horizon").asDouble(Double.NaN);
        }
    }

    /** {@code <endpoint>/cif/} (or {@code cif_<name>/}) of {@code survival cif}: cif.tsv and cif.json (null when absent). */
    public record Cif(String endpoint, String folder, Tsv table, JsonNode summary) {
        public String name() {
            return endpoint + "/" + folder;
        }
    }

    /** No survival results. */
    public static SurvivalResults none() {
        return new SurvivalResults(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), null, List.of());
    }

    public static SurvivalResults scan(Path root) {
        if (root == null) {
            return none();
        }
        if (!Files.isDirectory(root)) {
            throw new UserException(root + ": --survival is not a folder");
        }
        List<Km> km = new ArrayList<>();
        List<Cox> cox = new ArrayList<>();
        List<Cv> cv = new ArrayList<>();
        List<Univariable> uni = new ArrayList<>();
        List<Validation> validation = new ArrayList<>();
        List<Cif> cif = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<Path> endpoints = isEndpoint(root) ? List.of(root) : children(root);
        for (Path ep : endpoints) {
            if (!isEndpoint(ep)) {
                ignored.add(root.relativize(ep).toString());
                continue;
            }
            String folder = ep.getFileName().toString();
            java.util.Set<String> uniFeatures = new java.util.HashSet<>();
            if (Files.isRegularFile(ep.resolve("univariable.tsv"))) {
                Tsv t = Tsv.read(ep.resolve("univariable.tsv")).require("feature", "term", "analysis", "n", "events", "hr", "hr_lower",
                        "hr_upper", "p");
                t.rows().forEach(r -> uniFeatures.add(r.get("feature")));
                uni.add(new Univariable(endpointOf(ep, folder), t));
            }
            for (Path d : children(ep)) {
                String n = d.getFileName().toString();
                if (Files.isRegularFile(d.resolve("km.tsv")) && Files.isRegularFile(d.resolve("logrank.json"))) {
                    JsonNode lr = json(d.resolve("logrank.json"));
                    Analysis a = Analysis.of(lr, folder);
                    km.add(new Km(a.time(), a.group() == null ? "all" : a.group(), Tsv.read(d.resolve("km.tsv")).require("group", "time", "surv"), lr));
                } else if (Files.isRegularFile(d.resolve("coefficients.tsv")) && Files.isRegularFile(d.resolve("model.json"))) {
                    JsonNode m = json(d.resolve("model.json"));
                    Analysis a = Analysis.of(m, folder);
                    CoxKind kind = a.coxKind(m.path("method").asText(""), uniFeatures);
                    if (kind == null) {
                        ignored.add(root.relativize(d).toString());
                        continue;
                    }
                    cox.add(new Cox(a.time(), kind, kind == CoxKind.UNIVARIABLE ? a.univariableFeature() : null, n,
                            kind == CoxKind.MULTIVARIABLE && !a.causeSpecific() && !a.countingProcess(),
                            Tsv.read(d.resolve("coefficients.tsv")).require("term", "hr", "hr_lower", "hr_upper", "p"), m));
                } else if (Files.isRegularFile(d.resolve("cv.json"))) {
                    JsonNode c = json(d.resolve("cv.json"));
                    cv.add(new Cv(Analysis.of(c, folder).time(), c, Tsv.readIfExists(d.resolve("cv_predictions.tsv"))));
                } else if (Files.isRegularFile(d.resolve("validation.json"))) {
                    validation.add(validation(d, folder));
                } else if (Files.isRegularFile(d.resolve("cif.tsv"))) {
                    JsonNode c = json(d.resolve("cif.json"));
                    cif.add(new Cif(Analysis.of(c, folder).time(), n, Tsv.read(d.resolve("cif.tsv")).require("group", "cause", "time", "cif"), c));
                } else {
                    ignored.add(root.relativize(d).toString());
                }
            }
        }
        Path skipped = root.resolve("skipped.tsv");
        return new SurvivalResults(km, cox, cv, uni, validation, cif, Files.isRegularFile(skipped) ? Tsv.read(skipped) : null, ignored);
    }

    /** The endpoint of a folder's univariable.tsv: the time column its models name, else the folder's name. */
    private static String endpointOf(Path ep, String folder) {
        for (Path d : children(ep)) {
            if (Files.isRegularFile(d.resolve("model.json"))) {
                Analysis a = Analysis.of(json(d.resolve("model.json")), folder);
                if (a.described() && KIND_UNIVARIABLE.equals(a.kind())) {
                    return a.time();
                }
            }
        }
        return folder;
    }

    private static Validation validation(Path d, String folder) {
        JsonNode summary = json(d.resolve("validation.json"));
        return new Validation(Analysis.of(summary, folder).time(), summary,
                req(Tsv.readIfExists(d.resolve("validation.tsv")), "measure", "apparent", "optimism", "corrected"),
                req(Tsv.readIfExists(d.resolve("calibration_groups.tsv")), "group", "n", "predicted", "observed", "observed_lower", "observed_upper"),
                req(Tsv.readIfExists(d.resolve("calibration_smooth.tsv")), "predicted", "observed_smooth"),
                req(Tsv.readIfExists(d.resolve("decision_curve.tsv")), "threshold", "net_benefit", "treat_all", "treat_none"),
                json(d.resolve("model_at_horizon.json")));
    }

    private static Tsv req(Tsv t, String... columns) {
        return t == null ? null : t.require(columns);
    }

    /** The validation of an endpoint's model, or null. */
    public Validation validation(String endpoint) {
        return validation.stream().filter(v -> v.endpoint().equals(endpoint)).findFirst().orElse(null);
    }

    /** The files that make a folder a survival result (km, cox / univariable / elastic net / crr, cv, validate, cif). */
    private static final List<String> RESULT_FILES = List.of("km.tsv", "coefficients.tsv", "cv.json", "validation.json", "cif.tsv");

    /** An endpoint folder: holds univariable.tsv or a folder holding a survival result. */
    private static boolean isEndpoint(Path dir) {
        if (Files.isRegularFile(dir.resolve("univariable.tsv"))) {
            return true;
        }
        return children(dir).stream().anyMatch(d -> RESULT_FILES.stream().anyMatch(f -> Files.isRegularFile(d.resolve(f))));
    }

    private static List<Path> children(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UserException(dir + ": cannot list: " + e.getMessage(), e);
        }
    }

    /** The main multivariable model of an endpoint (all-cause, not counting-process), or null. */
    public Cox multivariable(String endpoint) {
        return cox.stream().filter(c -> c.primary() && c.endpoint().equals(endpoint)).findFirst().orElse(null);
    }

    /** True when nothing was found. */
    public boolean isEmpty() {
        return km.isEmpty() && cox.isEmpty() && cv.isEmpty() && univariable.isEmpty() && validation.isEmpty() && cif.isEmpty();
    }

    /** Parses a JSON file, or returns null when it does not exist. */
    static JsonNode json(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UserException(file + ": not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** A p-value as shown in the report: {@code <0.001} or three significant digits. */
    public static String formatP(double p) {
        if (Double.isNaN(p)) {
            return "NA";
        }
        return p < 0.001 ? "<0.001" : String.format(Locale.ROOT, "%.3g", p);
    }
}
