package org.oncoconcord.report;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.oncoconcord.core.Proportion;
import org.oncoconcord.core.UserException;

/**
 * Variant-level sensitivity of plasma for tissue variants by tissue VAF bin, from the cohort step's
 * {@code cohort.variants_long.tsv} (one row per patient, sample and variant): a tissue variant is one
 * present in a primary or metastasis sample, its tissue VAF the highest of those samples; it counts
 * when the patient's plasma is evaluable at it: detected (present) or missed, a miss labelled
 * informative or not by the concordance step ({@code plasma.detection.misses}; unlabelled when absent,
 * kept in the informative denominator as in {@link PlasmaInformative}). Read as a stream.
 */
final class PlasmaByVaf {
    /** File name in the cohort folder. */
    static final String FILE = "cohort.variants_long.tsv";
    /** Tissue VAF bin edges: below 10% (subclonal or low purity), 10-25%, 25% and above (clonal heterozygous at usual purity). */
    static final List<String> BINS = List.of("<10%", "10-25%", ">=25%", "unknown");

    private PlasmaByVaf() {
    }

    /** One VAF bin: detected, missed informative / not informative / unlabelled. */
    record Row(String bin, int detected, int missedInformative, int missedNotInformative, int missedUnlabelled) {
        Proportion all() {
            return Proportion.wilson(detected, detected + missedInformative + missedNotInformative + missedUnlabelled);
        }

        Proportion informative() {
            return Proportion.wilson(detected, detected + missedInformative + missedUnlabelled);
        }
    }

    static String bin(double vaf) {
        return Double.isNaN(vaf) ? "unknown" : vaf < 0.10 ? "<10%" : vaf < 0.25 ? "10-25%" : ">=25%";
    }

    /** Per bin with a variant (BINS order), plus "all" first; null when the file is absent. */
    static List<Row> rows(Path file, PatientJsons jsons) {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        Map<String, Map<String, Boolean>> labels = new HashMap<>();
        for (PatientJsons.Patient p : jsons.patients()) {
            Map<String, Boolean> m = new HashMap<>();
            p.detection().forEach(d -> m.putAll(d.misses()));
            labels.put(p.patient(), m);
        }
        // patient \t variant -> {tissue VAF (max, NaN unknown), tissue present, plasma state: 0 none, 1 detected, 2 missed}
        Map<String, double[]> variants = new LinkedHashMap<>();
        CSVFormat fmt = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); var parser = fmt.parse(in)) {
            for (String c : List.of("patient", "type", "chrom", "pos", "ref", "alt", "present", "vaf", "evaluable")) {
                if (!parser.getHeaderNames().contains(c)) {
                    throw new UserException(file + " line 1: column '" + c + "' missing");
                }
            }
            for (CSVRecord r : parser) {
                String key = r.get("patient") + "\t" + r.get("chrom") + ":" + r.get("pos") + ":" + r.get("ref") + ">" + r.get("alt");
                double[] v = variants.computeIfAbsent(key, k -> new double[] {Double.NaN, 0, 0});
                boolean present = "1".equals(r.get("present"));
                String type = r.get("type");
                if ((type.equals("primary") || type.equals("metastasis")) && present) {
                    v[1] = 1;
                    double vaf = Tsv.num(r.toMap(), "vaf");
                    if (!Double.isNaN(vaf) && (Double.isNaN(v[0]) || vaf > v[0])) {
                        v[0] = vaf;
                    }
                } else if (type.equals("plasma") && "1".equals(r.get("evaluable"))) {
                    v[2] = present ? 1 : 2;
                }
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new UserException(file + ": cannot read: " + e.getMessage(), e);
        }
        Map<String, int[]> counts = new LinkedHashMap<>();
        counts.put("all", new int[4]);
        BINS.forEach(b -> counts.put(b, new int[4]));
        variants.forEach((key, v) -> {
            if (v[1] == 0 || v[2] == 0) {
                return;
            }
            int cell = 0;
            if (v[2] == 2) {
                String patient = key.substring(0, key.indexOf('\t')), variant = key.substring(key.indexOf('\t') + 1);
                Boolean informative = labels.getOrDefault(patient, Map.of()).get(variant);
                cell = informative == null ? 3 : informative ? 1 : 2;
            }
            counts.get("all")[cell]++;
            counts.get(bin(v[0]))[cell]++;
        });
        List<Row> out = new ArrayList<>();
        counts.forEach((b, c) -> {
            if (b.equals("all") || c[0] + c[1] + c[2] + c[3] > 0) {
                out.add(new Row(b, c[0], c[1], c[2], c[3]));
            }
        });
        return out;
    }

    static String html(Path file, PatientJsons jsons) {
        List<Row> rows = rows(file, jsons);
        if (rows == null) {
            return Html.note("No " + FILE + " in the cohort folder: no sensitivity by tissue VAF.");
        }
        List<List<String>> cells = new ArrayList<>();
        for (Row r : rows) {
            cells.add(List.of(r.bin().equals("all") ? "all" : "tissue VAF " + r.bin(), String.valueOf(r.detected()),
                    r.missedInformative() + " / " + r.missedNotInformative() + " / " + r.missedUnlabelled(),
                    SummarySection.proportionCell(r.all()), SummarySection.proportionCell(r.informative())));
        }
        return Html.plainTable(List.of("Tissue VAF bin", "Detected", "Missed: inf. / not inf. / unlabelled", "Sensitivity, all calls",
                "Sensitivity, informative calls"), cells) + Html.note("Variant level, pooled over patients: tissue variants (present in a "
                + "primary or metastasis; VAF = the highest tissue VAF) where the plasma is evaluable. Wilson 95% intervals.");
    }
}
