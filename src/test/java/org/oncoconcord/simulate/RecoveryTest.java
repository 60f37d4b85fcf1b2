package org.oncoconcord.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.oncoconcord.simulate.CohortSimulator.SimulatedCohort;
import org.oncoconcord.simulate.Planted.Patient;
import org.oncoconcord.testing.SharedData;
import org.oncoconcord.testing.SystemTools;

/**
 * Planted-truth recovery on a 2,000-patient cohort (seed 60606, not the demo's), from the
 * simulator's truth-level outputs (no VCFs written).
 *
 * <p>Multiple-quantity rule: each of K quantities is checked against its 95% interval; at most m
 * may miss, where m is the smallest number with P(Binomial(K, 0.05) > m) <= 1% (so a correct
 * simulator fails this test less than 1% of the time over seeds). K=8 gives m=2, K=10 m=3, K=20 m=4.
 */
class RecoveryTest {
    private static final int N = 2000;
    private static final long SEED = 60606;

    private static int allowedMisses(int k) {
        return RecoveryPipeline.allowedMisses(k);
    }

    private static SimulatedCohort cohort() {
        return TestCohorts.cohort(SEED, N);
    }

    @Test
    void missRuleIsAsStated() {
        assertThat(allowedMisses(10)).isEqualTo(3);
        assertThat(allowedMisses(8)).isEqualTo(2);
        assertThat(allowedMisses(20)).isEqualTo(4);
    }

    @Test
    void perGeneConcordanceAndPlasmaSensitivityFallInsideWilsonIntervals() {
        SimulatedCohort c = cohort();
        Map<String, Expectations.Quantity> q = new LinkedHashMap<>();
        Expectations.geneConcordance(c).forEach((g, v) -> q.put("concordance " + g, v));
        q.put("plasma variant sensitivity", Expectations.plasmaVariantSensitivity(c));
        q.put("plasma RAS sensitivity (patients)", Expectations.plasmaRasSensitivity(c));
        int misses = 0;
        for (var e : q.entrySet()) {
            Expectations.Quantity v = e.getValue();
            assertThat(v.n()).as(e.getKey()).isGreaterThan(50);
            ConfidenceInterval ci = new WilsonScoreInterval().createInterval((int) v.n(), (int) v.x(), 0.95);
            boolean inside = ci.getLowerBound() <= v.expected() && v.expected() <= ci.getUpperBound();
            misses += inside ? 0 : 1;
            System.out.printf(Locale.ROOT, "[recovery] %-36s planted %.4f  observed %.4f [%.4f, %.4f] n=%d %s%n", e.getKey(),
                    v.expected(), v.observed(), ci.getLowerBound(), ci.getUpperBound(), v.n(), inside ? "" : "MISS");
        }
        assertThat(misses).isLessThanOrEqualTo(allowedMisses(q.size()));
        var bySite = Expectations.plasmaRasSensitivityBySite(c);
        bySite.forEach((site, v) -> System.out.printf(Locale.ROOT, "[recovery] plasma RAS sensitivity %-10s expected %.3f observed %.3f n=%d%n",
                site, v.expected(), v.observed(), v.n()));
        // as in METABEAM (LITERATURE.md): liver metastases shed more than lung-only ones
        assertThat(bySite.get("liver").expected()).isGreaterThan(bySite.get("lung").expected() + 0.1);
    }

    @Test
    void plantedLogHazardRatiosFallInsideCoxIntervalsFromR(@TempDir Path tmp) throws Exception {
        Path rscript = SystemTools.require("Rscript", "r-base-core");
        SimulatedCohort c = cohort();
        Path data = tmp.resolve("cohort.csv");
        StringBuilder b = new StringBuilder("os_days,os_event,rfs_days,rfs_event,braf,ras,new_driver,age10,stage4\n");
        for (Patient p : c.patients()) {
            var cl = p.clinical();
            b.append(cl.osDays()).append(',').append(cl.osEvent() ? 1 : 0).append(',')
                    .append(cl.rfsDays() == null ? "NA" : cl.rfsDays()).append(',')
                    .append(cl.rfsEvent() == null ? "NA" : (cl.rfsEvent() ? 1 : 0)).append(',')
                    .append(cl.brafV600ePrimary() ? 1 : 0).append(',').append(cl.rasMutantPrimary() ? 1 : 0).append(',')
                    .append(cl.anyDriverNewInMetastasis() ? 1 : 0).append(',').append((cl.age() - 65) / 10.0).append(',')
                    .append(cl.stage().equals("IV") ? 1 : 0).append('\n');
        }
        Files.writeString(data, b);
        Path script = tmp.resolve("cox.R");
        Path out = tmp.resolve("coef.csv");
        Files.writeString(script, String.join("\n",
                "suppressMessages(library(survival))",
                "d <- read.csv('" + data + "')",
                "os <- coxph(Surv(os_days, os_event) ~ braf + ras + new_driver + age10 + stage4, data = d)",
                "s3 <- subset(d, stage4 == 0)",
                "rfs <- coxph(Surv(rfs_days, rfs_event) ~ braf + ras + age10, data = s3)",
                "f <- function(m, ep) { ci <- confint(m); data.frame(endpoint = ep, term = names(coef(m)), coef = coef(m), lower = ci[, 1], upper = ci[, 2]) }",
                "write.csv(rbind(f(os, 'os'), f(rfs, 'rfs')), '" + out + "', row.names = FALSE)", ""));
        Process p = new ProcessBuilder(rscript.toString(), script.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(log).isZero();
        var su = c.config().survival();
        Map<String, Double> planted = new LinkedHashMap<>();
        planted.put("os:braf", su.osLogHr().get("braf_v600e"));
        planted.put("os:ras", su.osLogHr().get("ras_mutant"));
        planted.put("os:new_driver", su.osLogHr().get("any_driver_new_in_metastasis"));
        planted.put("os:age10", su.osLogHr().get("age_per_10y"));
        planted.put("os:stage4", su.osLogHr().get("stage_iv"));
        planted.put("rfs:braf", su.rfsLogHr().get("braf_v600e"));
        planted.put("rfs:ras", su.rfsLogHr().get("ras_mutant"));
        planted.put("rfs:age10", su.rfsLogHr().get("age_per_10y"));
        List<CSVRecord> rows;
        try (CSVParser parser = CSVParser.parse(out, java.nio.charset.StandardCharsets.UTF_8,
                CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build())) {
            rows = new ArrayList<>(parser.getRecords());
        }
        assertThat(rows).hasSize(planted.size());
        int misses = 0;
        for (CSVRecord r : rows) {
            String key = r.get("endpoint") + ":" + r.get("term");
            double truth = planted.get(key);
            double lo = Double.parseDouble(r.get("lower"));
            double hi = Double.parseDouble(r.get("upper"));
            boolean inside = lo <= truth && truth <= hi;
            misses += inside ? 0 : 1;
            System.out.printf(Locale.ROOT, "[recovery] Cox %-16s planted %.3f  estimate %.3f [%.3f, %.3f] %s%n", key, truth,
                    Double.parseDouble(r.get("coef")), lo, hi, inside ? "" : "MISS");
        }
        assertThat(misses).isLessThanOrEqualTo(allowedMisses(rows.size()));
    }

    @Test
    void primaryDriverFrequenciesMatchTcgaWithinTwoSampleIntervals() throws IOException {
        Path matrix = SharedData.require("tcga_crc/tcga_coadread_patient_mutation_matrix.tsv");
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("APC", "APC");
        columns.put("TP53", "TP53");
        columns.put("KRAS", "KRAS_hotspot");
        columns.put("NRAS", "NRAS_hotspot");
        columns.put("BRAF", "BRAF_V600E");
        columns.put("PIK3CA", "PIK3CA_hotspot");
        columns.put("SMAD4", "SMAD4");
        columns.put("FBXW7", "FBXW7");
        Map<String, Integer> tcga = new LinkedHashMap<>();
        int tcgaN = 0;
        int tcgaHyper = 0;
        try (CSVParser parser = CSVParser.parse(matrix, java.nio.charset.StandardCharsets.UTF_8,
                CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).build())) {
            for (CSVRecord r : parser) {
                tcgaN++;
                tcgaHyper += Integer.parseInt(r.get("hypermutated"));
                columns.forEach((g, col) -> tcga.merge(g, Integer.parseInt(r.get(col)), Integer::sum));
            }
        }
        SimulatedCohort c = cohort();
        int misses = 0;
        int k = 0;
        Map<String, double[]> pairs = new LinkedHashMap<>();
        for (String g : columns.keySet()) {
            long sim = c.patients().stream().filter(p -> p.tumourVariants().stream()
                    .anyMatch(t -> t.origin() == Planted.Origin.DRIVER && g.equals(t.gene()) && t.inPrimaryClone())).count();
            pairs.put(g, new double[] {(double) sim / N, (double) tcga.get(g) / tcgaN});
        }
        long msi = c.patients().stream().filter(p -> p.clinical().msi()).count();
        pairs.put("hypermutated", new double[] {(double) msi / N, (double) tcgaHyper / tcgaN});
        for (var e : pairs.entrySet()) {
            double a = e.getValue()[0];
            double t = e.getValue()[1];
            double se = Math.sqrt(a * (1 - a) / N + t * (1 - t) / tcgaN);
            boolean inside = Math.abs(a - t) <= 1.96 * se;
            misses += inside ? 0 : 1;
            k++;
            System.out.printf(Locale.ROOT, "[recovery] frequency %-12s simulated %.3f  TCGA %.3f  (|diff| <= %.3f) %s%n", e.getKey(), a,
                    t, 1.96 * se, inside ? "" : "MISS");
        }
        assertThat(misses).isLessThanOrEqualTo(allowedMisses(k));
    }
}
