package org.oncoconcord.report;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.oncoconcord.contract.ContractException;
import org.oncoconcord.contract.ConcordanceJson;
import org.oncoconcord.core.UserException;

/**
 * What the report needs of the per-patient {@code *.concordance.json}, read strictly as the record
 * {@link ConcordanceJson} (docs/CONTRACTS.md, concordance): each sample's type, counts and regions, and
 * the plasma misses. Files that do not meet the contract are listed in {@link #unreadable()} with the
 * reader's reason (file and key; the report shows them), never dropped silently.
 */
record PatientJsons(List<Patient> patients, List<String> unreadable) {

    /** One sample as the concordance step counted it ({@code regions} null: no BED given). */
    record Sample(String patient, String label, String type, long records, long alleles, long variants, long filtered,
                  long belowMinVaf, long belowMinDepth, String regions) {
    }

    /** Per-patient tissue variants missed in plasma, with and without plasma tumour signal. */
    record PlasmaMisses(String patient, long missed, long withSignal, long withoutSignal, double maxVaf) {
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
        List<Patient> out = new ArrayList<>();
        List<String> bad = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir, FileVisitOption.FOLLOW_LINKS)) {
            for (Path f : s.filter(p -> p.getFileName().toString().endsWith(".concordance.json")).sorted(org.oncoconcord.io.FoundFiles.BY_PATIENT_LAYOUT).toList()) {
                try {
                    out.add(patient(ConcordanceJson.read(f)));
                } catch (ContractException e) {
                    bad.add(e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UserException(dir + ": cannot list: " + e.getMessage(), e);
        }
        return new PatientJsons(out, bad);
    }

    static Patient patient(ConcordanceJson c) {
        String id = c.patient();
        List<Sample> samples = new ArrayList<>();
        for (ConcordanceJson.Sample s : c.samples()) {
            samples.add(new Sample(id, s.label(), s.type(), s.records(), s.alleles(), s.nVariants(), s.filtered(), s.belowMinVaf(),
                    s.belowMinDepth(), s.regions()));
        }
        ConcordanceJson.Plasma p = c.plasma();
        PlasmaMisses misses = p == null ? null : new PlasmaMisses(id, p.missedTissueVariants(), p.missedWithSignal(), p.missedWithoutSignal(),
                p.maxSomaticVaf() == null ? Double.NaN : p.maxSomaticVaf());
        PlasmaDetection d = p == null ? null : detection(p);
        return new Patient(id, samples, misses, d == null ? List.of() : List.of(d), featureVariants(c));
    }

    /** A variant key inside a variant description: "KRAS p.G12D (12:25398284:C>T)" -> "12:25398284:C>T". */
    private static final Pattern KEY = Pattern.compile("\\(([^()\\s]+:\\d+:[^()\\s]+>[^()\\s]+)\\)\\s*$");

    static String variantKey(String description) {
        Matcher m = KEY.matcher(description);
        return m.find() ? m.group(1) : description.trim();
    }

    /** Feature -> variant keys from {@code genes.<G>.variants}, {@code ras_status.variants} (RAS) and BRAF's p.V600E. */
    static Map<String, Set<String>> featureVariants(ConcordanceJson c) {
        Map<String, Set<String>> out = new TreeMap<>();
        c.genes().forEach((gene, g) -> {
            for (String v : g.variants()) {
                out.computeIfAbsent(gene, k -> new LinkedHashSet<>()).add(variantKey(v));
                if (gene.equals("BRAF") && v.contains("V600E")) {
                    out.computeIfAbsent("BRAF_V600E", k -> new LinkedHashSet<>()).add(variantKey(v));
                }
            }
        });
        for (List<String> perSample : c.rasStatus().variants().values()) {
            for (String v : perSample) {
                out.computeIfAbsent("RAS", k -> new LinkedHashSet<>()).add(variantKey(v));
            }
        }
        return out;
    }

    private static PlasmaDetection detection(ConcordanceJson.Plasma p) {
        ConcordanceJson.TumourFraction tf = p.tumourFraction();
        ConcordanceJson.Detection det = p.detection();
        if (tf == null && det == null) {
            return null;
        }
        Map<String, Boolean> misses = new LinkedHashMap<>();
        if (det != null) {
            det.misses().forEach(m -> misses.put(m.variant(), m.informative()));
        }
        long missed = det == null ? 0 : det.missedInformative() + det.missedNotInformative();
        return new PlasmaDetection(p.label(), tf == null ? Double.NaN : num(tf.estimate()), tf == null ? Double.NaN : num(tf.lower()),
                tf == null ? Double.NaN : num(tf.upper()), tf == null || tf.bin() == null ? "unknown" : tf.bin(),
                det == null ? -1 : det.minAltReads(), det == null ? Double.NaN : det.informativeProbability(), misses, misses.size() >= missed);
    }

    private static double num(Double v) {
        return v == null ? Double.NaN : v;
    }

    List<PlasmaMisses> plasma() {
        return patients.stream().map(Patient::plasma).filter(java.util.Objects::nonNull).toList();
    }

    List<Sample> samples() {
        return patients.stream().flatMap(p -> p.samples().stream()).toList();
    }
}
