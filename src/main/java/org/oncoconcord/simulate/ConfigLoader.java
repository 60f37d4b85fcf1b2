package org.oncoconcord.simulate;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.oncoconcord.core.UserException;

/**
 * Loads the simulator's parameters: the bundled {@code defaults.yaml}, with an optional user YAML
 * deep-merged over it (only the keys given change). Unknown keys and out-of-range values are
 * rejected with a message naming the file and the key.
 */
public final class ConfigLoader {
    private static final String DEFAULTS = "/org/oncoconcord/simulate/defaults.yaml";
    private static final List<String> OS_TERMS = List.of("braf_v600e", "ras_mutant", "any_driver_new_in_metastasis",
            "age_per_10y", "stage_iv");
    private static final List<String> RFS_TERMS = List.of("braf_v600e", "ras_mutant", "age_per_10y");
    private static final List<String> DIALECTS = List.of("mutect2", "strelka2", "varscan2");

    private ConfigLoader() {
    }

    static ObjectMapper yamlMapper() {
        ObjectMapper m = new ObjectMapper(new YAMLFactory());
        m.setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        m.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        return m;
    }

    /** The bundled defaults as a YAML tree. */
    static JsonNode defaultsTree() {
        try (InputStream in = ConfigLoader.class.getResourceAsStream(DEFAULTS)) {
            return yamlMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + DEFAULTS, e);
        }
    }

    /** The default parameters. */
    public static SimulationConfig defaults() {
        return build(defaultsTree(), "defaults.yaml");
    }

    /** Defaults overlaid with the YAML file {@code file}. */
    public static SimulationConfig load(Path file) {
        JsonNode user;
        try {
            user = yamlMapper().readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UserException(file + ": cannot read YAML config: " + e.getMessage().lines().findFirst().orElse(""));
        }
        JsonNode tree = defaultsTree();
        if (user != null && !user.isNull() && !user.isMissingNode()) {
            if (!user.isObject()) {
                throw new UserException(file + ": config must be a YAML mapping of parameter names");
            }
            merge((ObjectNode) tree, user, file.toString(), "");
        }
        return build(tree, file.toString());
    }

    /** Overlays {@code user} onto {@code base}, refusing keys absent from the defaults (except inside maps of genes/sites). */
    private static void merge(ObjectNode base, JsonNode user, String file, String path) {
        Iterator<Map.Entry<String, JsonNode>> it = user.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            JsonNode old = base.get(e.getKey());
            if (old == null && path.isEmpty()) {
                throw new UserException(file + ": unknown config key '" + key + "'");
            }
            if (old != null && old.isObject() && e.getValue().isObject()) {
                merge((ObjectNode) old, e.getValue(), file, key);
            } else {
                base.set(e.getKey(), e.getValue());
            }
        }
    }

    private static SimulationConfig build(JsonNode tree, String source) {
        SimulationConfig c;
        try {
            c = yamlMapper().treeToValue(tree, SimulationConfig.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String where = e instanceof com.fasterxml.jackson.databind.JsonMappingException jm ? jm.getPathReference() : "";
            throw new UserException(source + ": invalid config at " + where + ": " + e.getOriginalMessage());
        }
        validate(c, source);
        return c;
    }

    private static void known(String src, String key, java.util.Set<String> keys, List<String> allowed) {
        for (String k : keys) {
            if (!allowed.contains(k)) {
                throw new UserException(src + ": " + key + ": unknown class '" + k + "' (known: " + String.join(", ", allowed) + ")");
            }
        }
    }

    private static void validate(SimulationConfig c, String src) {
        if (c.cohort() == null || c.drivers() == null || c.rasBraf() == null || c.passengers() == null
                || c.metastasis() == null || c.plasma() == null || c.clonalHaematopoiesis() == null
                || c.survival() == null || c.files() == null || c.genome() == null || c.bloodDraws() == null || c.bams() == null
                || c.consequences() == null) {
            throw new UserException(src + ": a config section is missing or null");
        }
        var co = c.cohort();
        prob(src, "cohort.stage_iv_fraction", co.stageIvFraction());
        prob(src, "cohort.msi_fraction", co.msiFraction());
        prob(src, "cohort.male_fraction", co.maleFraction());
        prob(src, "cohort.metastasis_biopsy_fraction", co.metastasisBiopsyFraction());
        prob(src, "cohort.plasma_fraction_with_metastasis", co.plasmaFractionWithMetastasis());
        prob(src, "cohort.purity_min", co.purityMin());
        prob(src, "cohort.purity_max", co.purityMax());
        positive(src, "cohort.tissue_depth_mean", co.tissueDepthMean());
        positive(src, "cohort.tissue_depth_shape", co.tissueDepthShape());
        weights(src, "cohort.metastatic_sites", co.metastaticSites());
        if (co.ageMin() > co.ageMax() || co.purityMin() > co.purityMax()) {
            throw new UserException(src + ": cohort: age_min/purity_min must not exceed age_max/purity_max");
        }
        for (String site : co.metastaticSites().keySet()) {
            if (!c.plasma().shedding().containsKey(site)) {
                throw new UserException(src + ": plasma.shedding has no entry for metastatic site '" + site + "'");
            }
        }
        if (!c.plasma().shedding().containsKey("none")) {
            throw new UserException(src + ": plasma.shedding needs an entry 'none' (no metastatic disease)");
        }
        for (var e : c.drivers().entrySet()) {
            String k = "drivers." + e.getKey();
            if (!GeneLayout.DRIVERS.contains(e.getKey())) {
                throw new UserException(src + ": " + k + ": unknown driver gene (known: " + GeneLayout.DRIVERS + ")");
            }
            var g = e.getValue();
            prob(src, k + ".frequency_mss", g.frequencyMss());
            prob(src, k + ".frequency_msi", g.frequencyMsi());
            prob(src, k + ".discordance", g.discordance());
            prob(src, k + ".hotspot_share", g.hotspotShare());
            prob(src, k + ".indel_fraction", g.indelFraction());
            for (String h : g.hotspots().keySet()) {
                if (GeneLayout.hotspotMutation(e.getKey(), h) == null) {
                    throw new UserException(src + ": " + k + ".hotspots: unknown hotspot '" + h + "' (known: "
                            + GeneLayout.knownMutations(e.getKey()) + ")");
                }
            }
            if (g.hotspotShare() > 0 && g.hotspots().isEmpty()) {
                throw new UserException(src + ": " + k + ": hotspot_share > 0 needs hotspots");
            }
        }
        var p = c.passengers();
        prob(src, "passengers.clonal_fraction", p.clonalFraction());
        prob(src, "passengers.nearby_pair_fraction", p.nearbyPairFraction());
        prob(src, "passengers.indel_fraction_mss", p.indelFractionMss());
        prob(src, "passengers.indel_fraction_msi", p.indelFractionMsi());
        prob(src, "metastasis.keep_subclonal_passenger", c.metastasis().keepSubclonalPassenger());
        prob(src, "ras_braf.cooccurrence_factor", c.rasBraf().cooccurrenceFactor());
        for (var e : c.plasma().shedding().entrySet()) {
            prob(src, "plasma.shedding." + e.getKey() + ".non_shedder_fraction", e.getValue().nonShedderFraction());
            prob(src, "plasma.shedding." + e.getKey() + ".median_fraction", e.getValue().medianFraction());
        }
        positive(src, "plasma.depth_mean", c.plasma().depthMean());
        weights(src, "clonal_haematopoiesis.genes", c.clonalHaematopoiesis().genes());
        for (String g : c.clonalHaematopoiesis().genes().keySet()) {
            if (!GeneLayout.CH_GENES.contains(g)) {
                throw new UserException(src + ": clonal_haematopoiesis.genes: unknown gene '" + g + "' (known: " + GeneLayout.CH_GENES + ")");
            }
        }
        var s = c.survival();
        positive(src, "survival.os_baseline_per_day", s.osBaselinePerDay());
        positive(src, "survival.rfs_baseline_per_day", s.rfsBaselinePerDay());
        terms(src, "survival.os_log_hr", s.osLogHr(), OS_TERMS);
        terms(src, "survival.rfs_log_hr", s.rfsLogHr(), RFS_TERMS);
        if (s.adminFollowupMinDays() <= 0 || s.adminFollowupMaxDays() < s.adminFollowupMinDays()) {
            throw new UserException(src + ": survival.admin_followup_min_days/max_days must be > 0 and ordered");
        }
        weights(src, "files.dialects", c.files().dialects());
        for (String d : c.files().dialects().keySet()) {
            if (!DIALECTS.contains(d)) {
                throw new UserException(src + ": files.dialects: unknown dialect '" + d + "' (known: " + DIALECTS + ")");
            }
        }
        prob(src, "files.chr_prefix_fraction", c.files().chrPrefixFraction());
        prob(src, "files.no_contig_header_fraction", c.files().noContigHeaderFraction());
        prob(src, "files.right_shift_indel_fraction", c.files().rightShiftIndelFraction());
        prob(src, "files.padded_indel_fraction", c.files().paddedIndelFraction());
        prob(src, "files.normal_first_fraction", c.files().normalFirstFraction());
        var bd = c.bloodDraws();
        prob(src, "blood_draws.wbc_fraction", bd.wbcFraction());
        prob(src, "blood_draws.germline_homozygous_fraction", bd.germlineHomozygousFraction());
        prob(src, "blood_draws.serial_fraction", bd.serialFraction());
        prob(src, "blood_draws.postop_positive_if_relapse", bd.postopPositiveIfRelapse());
        prob(src, "blood_draws.postop_positive_if_no_relapse", bd.postopPositiveIfNoRelapse());
        prob(src, "blood_draws.postop_median_fraction", bd.postopMedianFraction());
        positive(src, "blood_draws.germline_variants_mean", bd.germlineVariantsMean());
        if (bd.baselineDayMin() > bd.baselineDayMax() || bd.baselineDayMax() >= 0 || bd.postopDayMin() > bd.postopDayMax()
                || bd.postopDayMin() < 1 || !(bd.postopSdlog() >= 0)) {
            throw new UserException(src + ": blood_draws: need baseline_day_min <= baseline_day_max < 0, "
                    + "1 <= postop_day_min <= postop_day_max and postop_sdlog >= 0");
        }
        var cq = c.consequences();
        weights(src, "consequences.driver_classes", cq.driverClasses());
        weights(src, "consequences.silent_classes", cq.silentClasses());
        known(src, "consequences.driver_classes", cq.driverClasses().keySet(), CodingPlanter.DRIVER_CLASSES);
        known(src, "consequences.silent_classes", cq.silentClasses().keySet(), CodingPlanter.SILENT_CLASSES);
        prob(src, "consequences.in_gene_passenger_fraction", cq.inGenePassengerFraction());
        var bams = c.bams();
        if (bams.patients() == null || bams.sampleTypes() == null) {
            throw new UserException(src + ": bams.patients and bams.sample_types must be lists");
        }
        for (String t : bams.sampleTypes()) {
            if (!List.of("primary", "metastasis", "plasma", "normal").contains(t)) {
                throw new UserException(src + ": bams.sample_types: unknown sample type '" + t + "' (known: primary, metastasis, plasma, normal)");
            }
        }
        prob(src, "bams.error_rate", bams.errorRate());
        if (!(bams.depthScale() > 0 && bams.depthScale() <= 1)) {
            throw new UserException(src + ": bams.depth_scale = " + bams.depthScale() + " must be in (0, 1]");
        }
        prob(src, "bams.duplicate_rate", bams.duplicateRate());
        prob(src, "bams.low_mapq_rate", bams.lowMapqRate());
        prob(src, "bams.missed_call_fraction", bams.missedCallFraction());
        prob(src, "bams.missed_call_max_vaf", bams.missedCallMaxVaf());
        if (bams.readLength() < 30 || bams.fragmentMin() < bams.readLength() || bams.fragmentMax() < bams.fragmentMin()) {
            throw new UserException(src + ": bams: need read_length >= 30 and read_length <= fragment_min <= fragment_max");
        }
        if (c.genome().contigLength() < 10000 || c.genome().repeatSpacing() < 40) {
            throw new UserException(src + ": genome.contig_length must be >= 10000 and genome.repeat_spacing >= 40");
        }
    }

    private static void prob(String src, String key, double v) {
        if (!(v >= 0 && v <= 1)) {
            throw new UserException(src + ": " + key + " = " + v + " is not a probability in [0, 1]");
        }
    }

    private static void positive(String src, String key, double v) {
        if (!(v > 0)) {
            throw new UserException(src + ": " + key + " = " + v + " must be > 0");
        }
    }

    private static void weights(String src, String key, Map<String, Double> w) {
        if (w == null || w.isEmpty() || w.values().stream().anyMatch(x -> x == null || x < 0)
                || w.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
            throw new UserException(src + ": " + key + " must be a non-empty map of non-negative weights");
        }
    }

    private static void terms(String src, String key, Map<String, Double> m, List<String> expected) {
        if (m == null || !m.keySet().equals(new java.util.HashSet<>(expected)) || m.values().stream().anyMatch(v -> v == null)) {
            throw new UserException(src + ": " + key + " must give exactly the terms " + expected);
        }
    }
}
