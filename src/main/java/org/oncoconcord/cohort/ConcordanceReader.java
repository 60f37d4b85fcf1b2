package org.oncoconcord.cohort;

import org.oncoconcord.core.SampleType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a per-patient {@code ID.concordance.json} (docs/CONTRACTS.md) and its {@code ID.variants.tsv}
 * into a {@link PatientConcordance}. Several samples of one type are combined: a call is positive
 * when it is positive in any of them. Malformed input throws {@link Rejected} naming the key or line.
 */
public final class ConcordanceReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ConcordanceReader() {
    }

    /** A patient input that cannot be used, with the reason. */
    public static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;

        public Rejected(String reason) {
            super(reason);
        }
    }

    /** Reads {@code json}; {@code variants} may be null (then {@code newInMet} is null). */
    public static PatientConcordance read(Path json, Path variants) throws Rejected {
        JsonNode root;
        try {
            root = JSON.readTree(json.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Rejected("not valid JSON at line " + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new Rejected("cannot read: " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new Rejected("not a JSON object");
        }
        String patient = text(root, "patient");
        Map<String, SampleType> labels = new LinkedHashMap<>();
        JsonNode samples = root.path("samples");
        if (!samples.isArray() || samples.isEmpty()) {
            throw new Rejected("key 'samples' missing or empty");
        }
        for (int i = 0; i < samples.size(); i++) {
            JsonNode s = samples.get(i);
            String label = text(s, "label", "samples[" + i + "].label");
            SampleType t = SampleType.parseOrNull(s.path("type").asText(null));
            if (t == null || !SampleType.COMPARED.contains(t)) {
                throw new Rejected("samples[" + i + "].type '" + s.path("type").asText() + "' is not primary, metastasis or plasma");
            }
            labels.put(label, t);
        }
        List<SampleType> types = labels.values().stream().distinct().sorted().toList();

        Map<String, Map<SampleType, Boolean>> genes = new TreeMap<>();
        JsonNode g = root.path("genes");
        if (!g.isObject()) {
            throw new Rejected("key 'genes' missing or not an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = g.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            genes.put(e.getKey(), byType(e.getValue().path("status"), labels, "genes." + e.getKey() + ".status", false));
        }
        JsonNode rs = root.path("ras_status");
        if (!rs.isObject()) {
            throw new Rejected("key 'ras_status' missing or not an object");
        }
        Map<SampleType, Boolean> ras = byType(rs.path("status"), labels, "ras_status.status", true);
        Map<SampleType, Boolean> braf = byType(rs.path("braf_v600e"), labels, "ras_status.braf_v600e", false);

        PatientConcordance.PairCounts pm = null;
        JsonNode pairs = root.path("pairs");
        if (!pairs.isArray()) {
            throw new Rejected("key 'pairs' missing or not an array");
        }
        for (int i = 0; i < pairs.size(); i++) {
            JsonNode p = pairs.get(i);
            SampleType a = typeOf(p, "a", labels, i), b = typeOf(p, "b", labels, i);
            String where = "pairs[" + i + "].";
            if (a == SampleType.PRIMARY && b == SampleType.METASTASIS && pm == null) {
                pm = new PatientConcordance.PairCounts(count(p, "shared", where), count(p, "only_a", where),
                        count(p, "only_b", where), p.path("not_evaluable").asInt(0));
            } else if (a == SampleType.METASTASIS && b == SampleType.PRIMARY && pm == null) {
                pm = new PatientConcordance.PairCounts(count(p, "shared", where), count(p, "only_b", where),
                        count(p, "only_a", where), p.path("not_evaluable").asInt(0));
            }
        }
        Map<String, Integer> classes = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.path("classes").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().canConvertToInt()) {
                throw new Rejected("classes." + e.getKey() + " is not a count");
            }
            classes.put(e.getKey(), e.getValue().asInt());
        }
        boolean hasPlasma = types.contains(SampleType.PLASMA);
        Integer plasmaOnly = hasPlasma ? classes.getOrDefault("plasma_only", 0) : null;
        PatientConcordance.PlasmaSignal signal = null;
        JsonNode pl = root.path("plasma");
        if (hasPlasma) {
            if (!pl.path("tumour_signal").isBoolean()) {
                throw new Rejected("plasma.tumour_signal missing or not true/false");
            }
            JsonNode tf = pl.path("tumour_fraction");
            JsonNode det = pl.path("detection");
            signal = new PatientConcordance.PlasmaSignal(pl.get("tumour_signal").asBoolean(), pl.path("max_somatic_vaf").asDouble(Double.NaN),
                    tf.path("estimate").asDouble(Double.NaN), tf.path("lower").asDouble(Double.NaN), tf.path("upper").asDouble(Double.NaN),
                    det.path("detected").asInt(0), det.path("missed_informative").asInt(0), det.path("missed_not_informative").asInt(0),
                    pl.path("label").asText(""), pl.path("clonal_haematopoiesis"));
        }
        List<PatientConcordance.NewVariant> newInMet = variants == null ? null : newInMetastasis(variants, labels);
        return new PatientConcordance(patient, json, types, genes, ras, braf, pm, plasmaOnly, classes, signal, newInMet);
    }

    /** Variants present in a metastasis and absent, though evaluable, in every primary. */
    static List<PatientConcordance.NewVariant> newInMetastasis(Path tsv, Map<String, SampleType> labels) throws Rejected {
        List<PatientConcordance.NewVariant> out = new ArrayList<>();
        if (!labels.containsValue(SampleType.PRIMARY) || !labels.containsValue(SampleType.METASTASIS)) {
            return out;
        }
        CSVFormat fmt = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').get();
        try (Reader r = Files.newBufferedReader(tsv, StandardCharsets.UTF_8); var parser = fmt.parse(r)) {
            List<String> header = parser.getHeaderNames();
            for (String col : List.of("chrom", "pos", "ref", "alt", "gene")) {
                if (!header.contains(col)) {
                    throw new Rejected(tsv.getFileName() + ": column '" + col + "' missing");
                }
            }
            for (String label : labels.keySet()) {
                if (!header.contains(label + ".present")) {
                    throw new Rejected(tsv.getFileName() + ": column '" + label + ".present' missing");
                }
            }
            for (CSVRecord rec : parser) {
                String line = tsv.getFileName() + " line " + (rec.getRecordNumber() + 1);
                if (!rec.isConsistent()) {
                    throw new Rejected(line + ": " + rec.size() + " fields, header has " + header.size());
                }
                boolean inMet = false, inPrimary = false, primaryEvaluable = false;
                for (Map.Entry<String, SampleType> e : labels.entrySet()) {
                    boolean present = flag(rec.get(e.getKey() + ".present"), line, e.getKey() + ".present");
                    if (e.getValue() == SampleType.METASTASIS) {
                        inMet |= present;
                    } else if (e.getValue() == SampleType.PRIMARY) {
                        inPrimary |= present;
                        String ev = rec.isMapped(e.getKey() + ".evaluable") ? rec.get(e.getKey() + ".evaluable") : "1";
                        primaryEvaluable |= flag(ev, line, e.getKey() + ".evaluable");
                    }
                }
                if (inMet && !inPrimary && primaryEvaluable) {
                    long pos;
                    try {
                        pos = Long.parseLong(rec.get("pos"));
                    } catch (NumberFormatException ex) {
                        throw new Rejected(line + ": pos '" + rec.get("pos") + "' is not a number");
                    }
                    out.add(new PatientConcordance.NewVariant(rec.get("chrom"), pos, rec.get("ref"), rec.get("alt"), rec.get("gene"),
                            rec.isMapped("hotspot") ? rec.get("hotspot") : ".", rec.isMapped("group") ? rec.get("group") : "."));
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new Rejected(tsv.getFileName() + ": cannot read: " + e.getMessage());
        }
        return out;
    }

    private static boolean flag(String v, String line, String col) throws Rejected {
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes" -> {
                return true;
            }
            case "0", "false", "no", "", ".", "na" -> {
                return false;
            }
            default -> throw new Rejected(line + ": " + col + " '" + v + "' is not 0/1");
        }
    }

    /** Combines a label -> call object into a type -> call map (any positive wins; null when none evaluable). */
    private static Map<SampleType, Boolean> byType(JsonNode node, Map<String, SampleType> labels, String where, boolean rasWords) throws Rejected {
        if (!node.isObject()) {
            throw new Rejected(where + " missing or not an object");
        }
        Map<SampleType, Boolean> out = new EnumMap<>(SampleType.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            SampleType t = labels.get(e.getKey());
            if (t == null) {
                throw new Rejected(where + " names sample '" + e.getKey() + "' absent from 'samples'");
            }
            Boolean call = call(e.getValue(), rasWords, where + "." + e.getKey());
            if (call != null) {
                out.merge(t, call, (x, y) -> x || y);
            } else {
                out.putIfAbsent(t, null);
            }
        }
        return out;
    }

    private static Boolean call(JsonNode v, boolean rasWords, String where) throws Rejected {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (rasWords && v.isTextual()) {
            String s = v.asText().trim().toLowerCase(Locale.ROOT).replace('-', '_');
            switch (s) {
                case "mutant", "mutated", "mut" -> {
                    return true;
                }
                case "wildtype", "wild_type", "wt" -> {
                    return false;
                }
                case "not_evaluable", "na", "unknown", "." -> {
                    return null;
                }
                default -> {
                }
            }
        }
        throw new Rejected(where + " is '" + v.asText() + "', expected " + (rasWords ? "mutant/wildtype/null" : "true/false/null"));
    }

    private static SampleType typeOf(JsonNode pair, String side, Map<String, SampleType> labels, int i) throws Rejected {
        String label = pair.path(side).asText(null);
        SampleType t = labels.get(label);
        if (t == null) {
            throw new Rejected("pairs[" + i + "]." + side + " '" + label + "' is not a sample label");
        }
        return t;
    }

    private static int count(JsonNode node, String key, String where) throws Rejected {
        JsonNode v = node.path(key);
        if (!v.canConvertToInt() || v.asInt() < 0) {
            throw new Rejected(where + key + " missing or not a count");
        }
        return v.asInt();
    }

    private static String text(JsonNode node, String key) throws Rejected {
        return text(node, key, key);
    }

    private static String text(JsonNode node, String key, String where) throws Rejected {
        JsonNode v = node.path(key);
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new Rejected("key '" + where + "' missing or empty");
        }
        return v.asText();
    }
}
