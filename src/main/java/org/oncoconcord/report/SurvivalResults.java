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
 * The outputs of the pipeline's SURVIVAL step, read by its declared layout (docs/SURVIVAL.md, "In the
 * pipeline"): {@code ROOT/<time column>/} holds {@code km_all/} and {@code km_<group>/} (km.tsv,
 * logrank.json), {@code univariable.tsv} with {@code cox_uni_<feature>/}, {@code cox/} (the
 * multivariable model), {@code coxnet/} (elastic net), {@code cv/} (cv.json, cv_predictions.tsv);
 * {@code ROOT/skipped.tsv} lists the analyses not run. An endpoint folder may also be given as the
 * root. Folders outside the layout are listed in {@link #ignored()} (the report says so), never
 * guessed at.
 */
public record SurvivalResults(List<Km> km, List<Cox> cox, List<Cv> cv, List<Univariable> univariable, List<Validation> validation,
                              List<Cif> cif, Tsv skipped, List<String> ignored) {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String KM_PREFIX = "km_", UNI_PREFIX = "cox_uni_", COX = "cox", COXNET = "coxnet", CV = "cv", VALIDATE = "validate",
            CIF = "cif";

    /** Which Cox analysis of the layout a folder holds. */
    public enum CoxKind {
        /** {@code cox/}: the multivariable model of --survival_covariates. */
        MULTIVARIABLE,
        /** {@code coxnet/}: the elastic net over gene features. */
        ELASTIC_NET,
        /** {@code cox_uni_<feature>/}: one fit of {@code survival univariable} (shown through univariable.tsv). */
        UNIVARIABLE
    }

    /** A Kaplan-Meier result of {@code <endpoint>/km_<group>} ({@code group} "all" for km_all). */
    public record Km(String endpoint, String group, Tsv table, JsonNode logrank) {
        public String name() {
            return endpoint + "/" + KM_PREFIX + group;
        }

        /** True when the curve starts at the landmark (post-metastasis feature). */
        public boolean landmark() {
            return logrank != null && logrank.path("landmark").isObject();
        }
    }

    /** A Cox model of {@code <endpoint>/cox}, {@code coxnet} or {@code cox_uni_<feature>}. */
    public record Cox(String endpoint, CoxKind kind, String feature, Tsv coefficients, JsonNode model) {
        public String name() {
            return endpoint + "/" + switch (kind) {
                case MULTIVARIABLE -> COX;
                case ELASTIC_NET -> COXNET;
                case UNIVARIABLE -> UNI_PREFIX + feature;
            };
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
            return endpoint + "/" + CV;
        }
    }

    /**
     * {@code <endpoint>/validate/} of {@code survival validate} (docs/SURVIVAL.md, TRIPOD validation): validation.json,
     * validation.tsv (apparent, optimism, corrected per measure) and, when written, calibration_groups.tsv,
     * calibration_smooth.tsv, decision_curve.tsv, model_at_horizon.json (null when absent).
     */
    public record Validation(String endpoint, JsonNode summary, Tsv measures, Tsv groups, Tsv smooth, Tsv decision, JsonNode modelAtHorizon) {
        public String name() {
            return endpoint + "/" + VALIDATE;
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
            String endpoint = ep.getFileName().toString();
            if (Files.isRegularFile(ep.resolve("univariable.tsv"))) {
                uni.add(new Univariable(endpoint, Tsv.read(ep.resolve("univariable.tsv")).require("feature", "term", "analysis", "n",
                        "events", "hr", "hr_lower", "hr_upper", "p")));
            }
            for (Path d : children(ep)) {
                String n = d.getFileName().toString();
                if (n.startsWith(KM_PREFIX) && Files.isRegularFile(d.resolve("km.tsv"))) {
                    km.add(new Km(endpoint, n.substring(KM_PREFIX.length()), Tsv.read(d.resolve("km.tsv")).require("group", "time", "surv"),
                            json(d.resolve("logrank.json"))));
                } else if ((n.equals(COX) || n.equals(COXNET) || n.startsWith(UNI_PREFIX)) && Files.isRegularFile(d.resolve("coefficients.tsv"))) {
                    CoxKind kind = n.equals(COX) ? CoxKind.MULTIVARIABLE : n.equals(COXNET) ? CoxKind.ELASTIC_NET : CoxKind.UNIVARIABLE;
                    cox.add(new Cox(endpoint, kind, kind == CoxKind.UNIVARIABLE ? n.substring(UNI_PREFIX.length()) : null,
                            Tsv.read(d.resolve("coefficients.tsv")).require("term", "hr", "hr_lower", "hr_upper", "p"), json(d.resolve("model.json"))));
                } else if (n.equals(CV) && Files.isRegularFile(d.resolve("cv.json"))) {
                    cv.add(new Cv(endpoint, json(d.resolve("cv.json")), Tsv.readIfExists(d.resolve("cv_predictions.tsv"))));
                } else if (n.equals(VALIDATE) && Files.isRegularFile(d.resolve("validation.json"))) {
                    validation.add(validation(endpoint, d));
                } else if (isCif(n) && Files.isRegularFile(d.resolve("cif.tsv"))) {
                    cif.add(new Cif(endpoint, n, Tsv.read(d.resolve("cif.tsv")).require("group", "cause", "time", "cif"), json(d.resolve("cif.json"))));
                } else {
                    ignored.add(root.relativize(d).toString());
                }
            }
        }
        Path skipped = root.resolve("skipped.tsv");
        return new SurvivalResults(km, cox, cv, uni, validation, cif, Files.isRegularFile(skipped) ? Tsv.read(skipped) : null, ignored);
    }

    private static boolean isCif(String folder) {
        return folder.equals(CIF) || folder.startsWith(CIF + "_");
    }

    private static Validation validation(String endpoint, Path d) {
        return new Validation(endpoint, json(d.resolve("validation.json")),
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

    /** An endpoint folder: holds univariable.tsv or a folder of the layout. */
    private static boolean isEndpoint(Path dir) {
        if (Files.isRegularFile(dir.resolve("univariable.tsv"))) {
            return true;
        }
        return children(dir).stream().map(p -> p.getFileName().toString())
                .anyMatch(n -> n.startsWith(KM_PREFIX) || n.equals(COX) || n.equals(COXNET) || n.startsWith(UNI_PREFIX) || n.equals(CV)
                        || n.equals(VALIDATE) || isCif(n));
    }

    private static List<Path> children(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UserException(dir + ": cannot list: " + e.getMessage(), e);
        }
    }

    /** The multivariable model of an endpoint, or null. */
    public Cox multivariable(String endpoint) {
        return cox.stream().filter(c -> c.kind() == CoxKind.MULTIVARIABLE && c.endpoint().equals(endpoint)).findFirst().orElse(null);
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
