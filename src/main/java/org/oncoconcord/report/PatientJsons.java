package org.oncoconcord.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    record Patient(String patient, List<Sample> samples, PlasmaMisses plasma) {
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
        return new Patient(id, samples, misses);
    }

    List<PlasmaMisses> plasma() {
        return patients.stream().map(Patient::plasma).filter(java.util.Objects::nonNull).toList();
    }

    List<Sample> samples() {
        return patients.stream().flatMap(p -> p.samples().stream()).toList();
    }
}
