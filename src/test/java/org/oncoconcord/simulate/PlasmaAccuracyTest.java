package org.oncoconcord.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oncoconcord.normalize.Normalize;
import org.oncoconcord.simulate.CohortSimulator.SimulatedCohort;
import org.oncoconcord.simulate.Planted.Call;
import org.oncoconcord.simulate.Planted.Detection;
import org.oncoconcord.simulate.Planted.Patient;
import org.oncoconcord.simulate.Planted.Sample;

/**
 * Issue 14 accuracy, on a held-out seed with a WBC sample for every patient with plasma and serial draws
 * for every stage III patient with plasma: the real steps (normalize every VCF, {@code concordance} once per
 * plasma draw with the patient's tissue and WBC samples, {@code cohort} over the draws compared with
 * tissue) recover (1) each draw's planted tumour fraction inside its 95% interval for at least 93% of the
 * draws, (2) the planted CH and germline plasma calls by the WBC rule with recall and precision of at least
 * 95%, (3) planted plasma sensitivity per gene (cohort's tissue-vs-plasma PPA) and per planted
 * tumour-fraction bin (variant level) inside their Wilson 95% intervals (multiple-quantity rule of
 * docs/SIMULATE.md). Concordance compares one plasma draw per call here, as the serial-plasma support of
 * {@code concordance} is built on another branch: each draw is run on its own.
 */
class PlasmaAccuracyTest {
    private static final long SEED = 14_2026_07;
    private static final int N = 80;
    private static final int MIN_ALT = 5;
    private static SimulatedCohort cohort;
    private static Path conc;
    private static Path cohortDir;
    /** Every plasma draw's concordance.json, by sample id. */
    private static final Map<String, JsonNode> BY_DRAW = new LinkedHashMap<>();

    @BeforeAll
    static void runSteps() throws IOException {
        cohort = TestCohorts.cohort(SEED, N, TestCohorts.ALL_BLOOD_DRAWS);
        Path out = Files.createTempDirectory(Path.of("target"), "plasma-accuracy-");
        Path study = out.resolve("study");
        StudyWriter.write(cohort, study, true);
        JsonNode truth = new ObjectMapper().readTree(study.resolve("truth.json").toFile());
        Path norm = Files.createDirectories(out.resolve("normalized"));
        conc = out.resolve("concordance");
        for (JsonNode p : truth.get("patients")) {
            String patient = p.get("patient").asText();
            List<String> fixed = new ArrayList<>();
            List<String[]> draws = new ArrayList<>();
            for (JsonNode s : p.get("samples")) {
                String id = s.get("sample").asText();
                String type = s.get("type").asText();
                Path n = norm.resolve(id + ".vcf.gz");
                // filtered records kept, as the pipeline's NORMALIZE does (the WBC's low-support CH records count)
                Normalize.run(new org.oncoconcord.normalize.NormalizeRequest(study.resolve("reference.fa"), study.resolve(s.get("file").asText()), n, false, null));
                String spec = id + "=" + type + ":" + n;
                if (type.equals("plasma")) {
                    draws.add(new String[] {id, spec, s.get("compared_with_tissue").asText()});
                } else {
                    fixed.add(spec);
                }
            }
            for (String[] d : draws) {
                Path dir = Boolean.parseBoolean(d[2]) ? conc : out.resolve("draws").resolve(d[0]);
                List<String> args = new ArrayList<>(List.of("--quiet", "--patient", patient, "--genes",
                        study.resolve("genes.tsv").toString(), "--gtf", study.resolve("genes.gtf").toString(), "--reference", study.resolve("reference.fa").toString(), "--plasma-min-alt", Integer.toString(MIN_ALT), "--out", dir.toString()));
                for (String f : fixed) {
                    args.add("--sample");
                    args.add(f);
                }
                args.add("--sample");
                args.add(d[1]);
                RecoveryPipeline.run(new org.oncoconcord.concordance.ConcordanceCommand(), args.toArray(String[]::new));
                BY_DRAW.put(d[0], new ObjectMapper().readTree(dir.resolve(patient + ".concordance.json").toFile()));
            }
        }
        cohortDir = out.resolve("cohort");
        RecoveryPipeline.run(new org.oncoconcord.cohort.CohortCommand(), "--quiet", "--concordance", conc.toString(), "--clinical", study.resolve("clinical.csv").toString(),
                "--out", cohortDir.toString());
    }

    private static List<Sample> draws() {
        List<Sample> out = new ArrayList<>();
        cohort.patients().forEach(p -> out.addAll(p.samples("plasma")));
        return out;
    }

    /**
     * Each draw's 95% interval holds its planted tumour fraction for at least 93% of the draws with an estimate, and
     * for at least 93% of those with a planted fraction above 0 (draws with TF = 0 are covered whenever the lower
     * bound is 0, so they alone cannot carry the target). Measured when enabled: 121/123 (61/63 with TF > 0); with
     * the earlier one-component estimator over "clonal" variants it was 40/54, biased low by subclonal variants and
     * by primary variants the metastatic clone lost (docs/PLASMA.md, "Tumour fraction"). Every draw with a plasma
     * record (CH and germline calls included) now has a depth for its censored misses, hence an estimate.
     */
    @Test
    void tumourFractionIntervalsHoldThePlantedFractionForAtLeast93PercentOfDraws() {
        int withEstimate = 0;
        int covered = 0;
        int positive = 0;
        int positiveCovered = 0;
        List<String> misses = new ArrayList<>();
        for (Sample s : draws()) {
            JsonNode tf = BY_DRAW.get(s.id()).path("plasma").path("tumour_fraction");
            if (tf.isMissingNode() || tf.path("estimate").isNull() || tf.path("estimate").isMissingNode()) {
                continue;
            }
            withEstimate++;
            double planted = s.tumourFraction();
            boolean in = tf.get("lower").asDouble() <= planted + 1e-9 && planted <= tf.get("upper").asDouble() + 1e-9;
            covered += in ? 1 : 0;
            if (planted > 0) {
                positive++;
                positiveCovered += in ? 1 : 0;
            }
            if (!in) {
                misses.add(s.id() + " " + s.timepoint() + " planted " + planted + " estimate " + tf.get("estimate").asDouble()
                        + " [" + tf.get("lower").asDouble() + ", " + tf.get("upper").asDouble() + "]");
            }
        }
        System.out.printf("tumour fraction: %d/%d draws covered (%d/%d with planted TF > 0); misses: %s%n", covered, withEstimate,
                positiveCovered, positive, misses);
        assertThat(withEstimate).as("draws with an estimate").isGreaterThan(100);
        assertThat(positive).isGreaterThan(50);
        assertThat((double) covered / withEstimate).as(covered + "/" + withEstimate + " " + misses).isGreaterThanOrEqualTo(0.93);
        assertThat((double) positiveCovered / positive).as(positiveCovered + "/" + positive + " with planted TF > 0 " + misses)
                .isGreaterThanOrEqualTo(0.93);
    }

    private static String key(Variant v) {
        return v.chrom() + ":" + v.pos() + ":" + v.ref() + ">" + v.alt();
    }

    @Test
    void wbcRuleLabelsThePlantedChAndGermlineCallsWithRecallAndPrecisionOfAtLeast95Percent() {
        Map<String, long[]> counts = new LinkedHashMap<>(); // label -> planted, labelled, both
        counts.put("ch", new long[3]);
        counts.put("germline", new long[3]);
        for (Patient p : cohort.patients()) {
            for (Sample s : p.samples("plasma")) {
                Map<String, String> planted = new HashMap<>();
                for (Call c : s.calls()) {
                    if (c.pass()) {
                        planted.put(key(c.variant()), c.source().origin().bloodLabel());
                    }
                }
                JsonNode ch = BY_DRAW.get(s.id()).path("plasma").path("clonal_haematopoiesis");
                assertThat(ch.path("rule").asText()).isEqualTo("wbc");
                assertThat(ch.path("calls_truncated").asBoolean()).isFalse();
                Map<String, String> labelled = new HashMap<>();
                ch.path("calls").forEach(c -> labelled.put(c.get("variant").asText(), c.get("label").asText()));
                for (var e : counts.entrySet()) {
                    Set<String> a = new TreeSet<>();
                    planted.forEach((k, v) -> {
                        if (v.equals(e.getKey())) {
                            a.add(k);
                        }
                    });
                    Set<String> b = new TreeSet<>();
                    labelled.forEach((k, v) -> {
                        if (v.equals(e.getKey())) {
                            b.add(k);
                        }
                    });
                    e.getValue()[0] += a.size();
                    e.getValue()[1] += b.size();
                    b.retainAll(a);
                    e.getValue()[2] += b.size();
                }
            }
        }
        for (var e : counts.entrySet()) {
            long[] n = e.getValue();
            System.out.printf("%s: planted %d, labelled %d, both %d%n", e.getKey(), n[0], n[1], n[2]);
            assertThat(n[0]).as(e.getKey() + " planted in plasma").isGreaterThan(30);
            assertThat((double) n[2] / n[0]).as(e.getKey() + " recall").isGreaterThanOrEqualTo(0.95);
            assertThat((double) n[2] / n[1]).as(e.getKey() + " precision").isGreaterThanOrEqualTo(0.95);
        }
    }

    private record Check(String name, double planted, ConfidenceInterval ci, long x, long n) {
        boolean holds() {
            return ci.getLowerBound() <= planted && planted <= ci.getUpperBound();
        }
    }

    private static Check check(String name, double planted, long x, long n) {
        return new Check(name, planted, new WilsonScoreInterval().createInterval((int) n, (int) x, 0.95), x, n);
    }

    /** m: the smallest number of misses with P(Binomial(K, 0.05) > m) <= 1% (docs/SIMULATE.md). */
    private static int allowedMisses(int k) {
        BinomialDistribution b = new BinomialDistribution(null, k, 0.05);
        int m = 0;
        while (1 - b.cumulativeProbability(m) > 0.01) {
            m++;
        }
        return m;
    }

    private static String bin(double tf) {
        return tf < 0.01 ? "<1%" : tf <= 0.05 ? "1-5%" : ">5%";
    }

    @Test
    void plantedPlasmaSensitivityIsRecoveredPerGeneAndPerTumourFractionBin() throws IOException {
        List<Check> checks = new ArrayList<>();
        Map<String, CSVRecord> rows = new HashMap<>();
        try (CSVParser parser = CSVParser.parse(cohortDir.resolve("gene_concordance.tsv"), StandardCharsets.UTF_8,
                CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).build())) {
            parser.forEach(r -> rows.put(r.get("comparison") + ":" + r.get("feature"), r));
        }
        for (String gene : GeneLayout.DRIVERS) {
            Expectations.Quantity q = Expectations.plasmaGenePpa(cohort, gene);
            if (q.n() < 5) {
                continue;
            }
            CSVRecord r = rows.get("tissue_vs_plasma:" + gene);
            long x = Long.parseLong(r.get("both_mutated"));
            long n = x + Long.parseLong(r.get("reference_only"));
            assertThat(n).as(gene + " tissue-positive patients with plasma").isEqualTo(q.n());
            assertThat(x).as(gene + " found in plasma = planted detections").isEqualTo(q.x());
            checks.add(check("PPA " + gene, q.expected(), x, n));
        }
        // variant level by planted tumour-fraction bin, every draw: detected / tissue variants from concordance.json,
        // planted = mean detection probability of the tissue variants (0 for those absent from the draw's clone)
        Map<String, double[]> byBin = new LinkedHashMap<>(); // sum p, x, n
        for (String b : List.of("<1%", "1-5%", ">5%")) {
            byBin.put(b, new double[3]);
        }
        for (Patient p : cohort.patients()) {
            Map<Variant, Boolean> tissue = new LinkedHashMap<>();
            for (String type : List.of("primary", "metastasis")) {
                Sample t = p.sample(type);
                if (t != null) {
                    t.calls().stream().filter(c -> c.pass() && c.source() != null).forEach(c -> tissue.put(c.variant(), true));
                }
            }
            for (Sample s : p.samples("plasma")) {
                if (s.tumourFraction() <= 0) {
                    continue;
                }
                Map<Variant, Detection> det = new HashMap<>();
                s.detections().forEach(d -> det.put(d.variant().variant(), d));
                JsonNode d = BY_DRAW.get(s.id()).path("plasma").path("detection");
                long detected = d.get("detected").asLong();
                long n = detected + d.get("missed_informative").asLong() + d.get("missed_not_informative").asLong();
                assertThat(n).as(s.id() + " tissue variants evaluable in plasma").isEqualTo(tissue.size());
                double[] acc = byBin.get(bin(s.tumourFraction()));
                for (Variant v : tissue.keySet()) {
                    Detection x = det.get(v);
                    acc[0] += x == null ? 0 : x.probability();
                }
                acc[1] += detected;
                acc[2] += n;
            }
        }
        for (var e : byBin.entrySet()) {
            double[] a = e.getValue();
            checks.add(check("sensitivity TF " + e.getKey(), a[0] / a[2], (long) a[1], (long) a[2]));
        }
        int missed = 0;
        for (Check c : checks) {
            System.out.printf("%-24s planted %.3f observed %d/%d [%.3f, %.3f]%s%n", c.name(), c.planted(), c.x(), c.n(),
                    c.ci().getLowerBound(), c.ci().getUpperBound(), c.holds() ? "" : "  MISS");
            missed += c.holds() ? 0 : 1;
        }
        assertThat(checks.size()).isGreaterThanOrEqualTo(9);
        assertThat(missed).as("quantities outside their 95% interval").isLessThanOrEqualTo(allowedMisses(checks.size()));
    }
}
