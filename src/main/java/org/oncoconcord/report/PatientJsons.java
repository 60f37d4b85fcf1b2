package org.oncoconcord.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.oncoconcord.core.UserException;

/**
 * What the report needs of the per-patient {@code *.concordance.json} (docs/CONTRACTS.md,
 * concordance): each sample's type, counts and regions, and the plasma misses. Unreadable files are
 * listed in {@link #unreadable()} with the reason (the report shows them), never dropped silently.
 */
record PatientJsons(List<Patient> patients, List<String> unreadable) {

    /** One sample as the concordance step counted it ({@code regions} null: no BED given). */
    record Sample(String patient, String label, String type, int records, int alleles, int variants, int filtered,
                  int belowMinVaf, int belowMinDepth, String regions) {
    }

    /** Per-patient tissue variants missed in plasma, with and without plasma tumour signal. */
    record PlasmaMisses(String patient, int missed, int withSignal, int withoutSignal, double maxVaf) {
    }

    /**
     * One plasma sample's tumour fraction and informative-miss labels (docs/PLASMA.md), null parts when the
     * concordance.json predates them. {@code misses}: missed tissue variant key (chrom:pos:ref>alt) ->
     * informative; {@code missesListed} false when the JSON capped the list (some misses unlabelled).
     */
    record PlasmaDetection(String label, double tumourFraction, double tfLower, double tfUpper, String bin, int minAltReads,
                           double informativeProbability, Map<String, Boolean> misses, boolean missesListed) {
    }

    /**
     * @param plasma    misses with / without tumour signal, or null without plasma
     * @param detection per plasma sample, the tumour fraction and miss labels (empty without plasma or when absent)
     * @param variants  feature (gene, {@code RAS}, {@code BRAF_V600E}) -> the counted variant keys of the patient in it
     */
    record Patient(String patient, List<Sample> samples, PlasmaMisses plasma, List<PlasmaDetection> detection,
                   Map<String, Set<String>> variants) {
    }

    static PatientJsons none() {
        return new PatientJsons(List.of(), List.of());
    }

    static PatientJsons read(Path dir) {
        if (dir == null) {
            return none();
        }
        if (!Files.isDirectory(dir)) {
            throw new UserException(dir + ": --concordance is not a folder");
        }
        ObjectMapper om = new ObjectMapper();
        List<Patient> out = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".concordance.json")).sorted().toList()) {
                try {
                    out.add(patient(om.readTree(f.toFile())));
                } catch (IOException e) {
                    bad.add(f + ": not valid JSON");
                }
            }
        } catch (IOException e) {
            throw new UserException(dir + ": cannot list: " + e.getMessage(), e);
        }
        return new PatientJsons(out, bad);
    }

    static Patient patient(JsonNode root) {
        String id = root.path("patient").asText();
        List<Sample> samples = new ArrayList<>();
        for (JsonNode s : root.path("samples")) {
            samples.add(new Sample(id, s.path("label").asText(), s.path("type").asText(), s.path("records").asInt(-1), s.path("alleles").asInt(-1),
                    s.path("n_variants").asInt(-1), s.path("filtered").asInt(0), s.path("below_min_vaf").asInt(0),
                    s.path("below_min_depth").asInt(0), s.path("regions").isTextual() ? s.get("regions").asText() : null));
        }
        JsonNode p = root.path("plasma");
        PlasmaMisses misses = p.isObject() && p.has("missed_tissue_variants")
                ? new PlasmaMisses(id, p.path("missed_tissue_variants").asInt(), p.path("missed_with_signal").asInt(),
                        p.path("missed_without_signal").asInt(), p.path("max_somatic_vaf").asDouble(Double.NaN))
                : null;
        List<PlasmaDetection> detection = new ArrayList<>();
        for (JsonNode pn : p.isArray() ? p : List.of(p)) {
            PlasmaDetection d = detection(pn);
            if (d != null) {
                detection.add(d);
            }
        }
        return new Patient(id, samples, misses, detection, featureVariants(root));
    }

    /** A variant key inside a variant description: "KRAS p.G12D (12:25398284:C>T)" -> "12:25398284:C>T". */
    private static final Pattern KEY = Pattern.compile("\\(([^()\\s]+:\\d+:[^()\\s]+>[^()\\s]+)\\)\\s*$");

    static String variantKey(String description) {
        Matcher m = KEY.matcher(description);
        return m.find() ? m.group(1) : description.trim();
    }

    /** Feature -> variant keys from {@code genes.<G>.variants}, {@code ras_status.variants} (RAS) and BRAF's p.V600E. */
    static Map<String, Set<String>> featureVariants(JsonNode root) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("genes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> g = it.next();
            for (JsonNode v : g.getValue().path("variants")) {
                out.computeIfAbsent(g.getKey(), k -> new LinkedHashSet<>()).add(variantKey(v.asText()));
                if (g.getKey().equals("BRAF") && v.asText().contains("V600E")) {
                    out.computeIfAbsent("BRAF_V600E", k -> new LinkedHashSet<>()).add(variantKey(v.asText()));
                }
            }
        }
        for (JsonNode perSample : root.path("ras_status").path("variants")) {
            for (JsonNode v : perSample) {
                out.computeIfAbsent("RAS", k -> new LinkedHashSet<>()).add(variantKey(v.asText()));
            }
        }
        return out;
    }

    private static PlasmaDetection detection(JsonNode p) {
        JsonNode tf = p.path("tumour_fraction"), det = p.path("detection");
        if (!p.isObject() || (!tf.isObject() && !det.isObject())) {
            return null;
        }
        Map<String, Boolean> misses = new LinkedHashMap<>();
        for (JsonNode m : det.path("misses")) {
            misses.put(m.path("variant").asText(), m.path("informative").asBoolean(false));
        }
        int missed = det.path("missed_informative").asInt(0) + det.path("missed_not_informative").asInt(0);
        return new PlasmaDetection(p.path("label").asText(), num(tf, "estimate"), num(tf, "lower"), num(tf, "upper"),
                tf.path("bin").isTextual() ? tf.get("bin").asText() : "unknown", det.path("min_alt_reads").asInt(-1),
                num(det, "informative_probability"), misses, misses.size() >= missed);
    }

    private static double num(JsonNode n, String key) {
        JsonNode v = n.path(key);
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }

    List<PlasmaMisses> plasma() {
        return patients.stream().map(Patient::plasma).filter(java.util.Objects::nonNull).toList();
    }

    List<Sample> samples() {
        return patients.stream().flatMap(p -> p.samples().stream()).toList();
    }
}
