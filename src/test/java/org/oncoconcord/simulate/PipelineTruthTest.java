package org.oncoconcord.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.oncoconcord.simulate.CohortSimulator.SimulatedCohort;

/**
 * The project's own steps recover the planted truth from the realistic files ({@link RecoveryPipeline}:
 * every sample through {@code normalize}, every patient through {@code concordance}, the cohort
 * through {@code cohort}, survival through {@code survival cox/cv}): per-pair counts, per-sample gene
 * and RAS/BRAF status, per-gene primary-vs-metastasis agreement and the survival features equal the
 * truth exactly, and the recovery table's 95% intervals hold the planted values (rule in
 * {@link RecoveryPipeline}). Seed 9191, 60 patients: the 2,000-patient run is the documented
 * {@code oncoconcord simulate-recovery} command.
 */
class PipelineTruthTest {
    private static final long SEED = 9191;
    private static final int N = 60;
    private static Path dir;
    private static JsonNode truth;
    private static Path concDir;
    private static Path cohortDir;
    private static RecoveryPipeline.Result recovery;
    private static SimulatedCohort cohort;

    @BeforeAll
    static void runPipeline() throws IOException {
        cohort = TestCohorts.cohort(SEED, N);
        Path out = Files.createTempDirectory(Path.of("target"), "recovery-");
        recovery = RecoveryPipeline.run(cohort, out, 1, true);
        dir = out.resolve("study");
        concDir = out.resolve("concordance");
        cohortDir = out.resolve("cohort");
        truth = new ObjectMapper().readTree(dir.resolve("truth.json").toFile());
    }

    @Test
    void recoveryTableComparesEveryPlantedQuantityAndPassesItsRule() {
        System.out.print(RecoveryPipeline.format(recovery));
        assertThat(recovery.rows()).hasSize(18);
        assertThat(recovery.rows()).allSatisfy(r -> assertThat(r.lower()).isLessThanOrEqualTo(r.estimate()));
        assertThat(recovery.allowedMisses()).isEqualTo(4);
        assertThat(recovery.pass()).isTrue();
        assertThat(recovery.auc2y()).as("2-year td-AUC is reported (60 patients: no accuracy claim)").isBetween(0.0, 1.0);
    }

    private static String key(JsonNode v) {
        return v.get("chrom").asText() + ":" + v.get("pos").asText() + ":" + v.get("ref").asText() + ">" + v.get("alt").asText();
    }

    /** The plasma calls concordance labelled of blood origin (checked against the planted truth below). */
    private static java.util.Set<String> labelledCh(JsonNode conc) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        conc.path("plasma").path("clonal_haematopoiesis").path("calls").forEach(c -> out.add(c.get("variant").asText()));
        return out;
    }

    /**
     * Variants present in sample types a (and b), except the plasma calls labelled CH: they are out of every
     * comparison (docs/PLASMA.md).
     */
    private static long count(JsonNode variants, String a, String b, java.util.Set<String> ch) {
        long n = 0;
        for (JsonNode v : variants) {
            if (!ch.contains(key(v)) && v.get(a).asBoolean() && (b == null || v.get(b).asBoolean())) {
                n++;
            }
        }
        return n;
    }

    @Test
    void perPatientPairCountsEqualTheTruth() throws IOException {
        int pairs = 0;
        long shared = 0;
        for (JsonNode p : truth.get("patients")) {
            String id = p.get("patient").asText();
            JsonNode conc = new ObjectMapper().readTree(concDir.resolve(id + ".concordance.json").toFile());
            Map<String, String> typeOf = new HashMap<>();
            for (JsonNode s : p.get("samples")) {
                typeOf.put(s.get("sample").asText(), s.get("type").asText());
            }
            for (JsonNode pair : conc.get("pairs")) {
                String ta = typeOf.get(pair.get("a").asText());
                String tb = typeOf.get(pair.get("b").asText());
                JsonNode vs = p.get("variants");
                java.util.Set<String> ch = labelledCh(conc);
                assertThat(pair.get("n_a").asLong()).as(id + " n " + ta).isEqualTo(count(vs, ta, null, ch));
                assertThat(pair.get("n_b").asLong()).as(id + " n " + tb).isEqualTo(count(vs, tb, null, ch));
                assertThat(pair.get("shared").asLong()).as(id + " shared " + ta + "-" + tb).isEqualTo(count(vs, ta, tb, ch));
                pairs++;
                shared += pair.get("shared").asLong();
            }
        }
        assertThat(pairs).isGreaterThan(60);
        assertThat(shared).isGreaterThan(500);
    }

    /**
     * Without WBC samples the gene-list rule labels plasma-only calls in DNMT3A, TET2, ASXL1 possible CH: against the
     * planted origin, precision 1 and recall at least 95% (a planted CH deletion left-aligned out of its gene's span,
     * e.g. chr20:2993:TTA>T before ASXL1 at 3001, is outside the rule's reach).
     */
    @Test
    void plasmaChCallsAreLabelledPossibleChByTheGeneListRule() throws IOException {
        long truePositive = 0;
        long planted = 0;
        long labelled = 0;
        for (JsonNode p : truth.get("patients")) {
            String id = p.get("patient").asText();
            JsonNode conc = new ObjectMapper().readTree(concDir.resolve(id + ".concordance.json").toFile());
            java.util.Set<String> expected = new java.util.TreeSet<>();
            for (JsonNode v : p.get("variants")) {
                if (v.get("ch").asBoolean()) {
                    expected.add(key(v));
                }
            }
            conc.path("plasma").path("clonal_haematopoiesis").path("calls")
                    .forEach(c -> assertThat(c.get("label").asText()).isEqualTo("possible_ch"));
            java.util.Set<String> got = labelledCh(conc);
            planted += expected.size();
            labelled += got.size();
            got.retainAll(expected);
            truePositive += got.size();
        }
        assertThat(planted).as("planted CH calls in the cohort").isGreaterThan(5);
        assertThat(truePositive).as("precision: every labelled call is planted CH").isEqualTo(labelled);
        assertThat((double) truePositive / planted).as("recall (" + truePositive + "/" + planted + ")").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void perSampleGeneAndRasBrafStatusEqualTheTruth() throws IOException {
        for (JsonNode p : truth.get("patients")) {
            String id = p.get("patient").asText();
            JsonNode conc = new ObjectMapper().readTree(concDir.resolve(id + ".concordance.json").toFile());
            for (JsonNode s : p.get("samples")) {
                String label = s.get("sample").asText();
                String type = s.get("type").asText();
                for (String gene : GeneLayout.DRIVERS) {
                    boolean expected = false;
                    for (JsonNode v : p.get("variants")) {
                        expected |= v.get(type).asBoolean() && v.get("gene").asText().equals(gene);
                    }
                    assertThat(conc.get("genes").get(gene).get("status").get(label).asBoolean()).as(id + " " + label + " " + gene)
                            .isEqualTo(expected);
                }
                boolean ras = false;
                boolean braf = false;
                for (JsonNode v : p.get("variants")) {
                    if (v.get(type).asBoolean()) {
                        ras |= v.get("gene").asText().matches("KRAS|NRAS");
                        braf |= v.get("label").asText().equals("V600E");
                    }
                }
                assertThat(conc.get("ras_status").get("status").get(label).asText()).as(id + " " + label + " RAS")
                        .isEqualTo(ras ? "mutant" : "wild_type");
                assertThat(conc.get("ras_status").get("braf_v600e").get(label).asBoolean()).as(id + " " + label + " BRAF")
                        .isEqualTo(braf);
            }
        }
    }

    /**
     * concordance with {@code --gtf genes.gtf} writes, for every planted variant inside a gene, the planted consequence
     * and HGVSp_Short in {@code variants.tsv}, and counts it for the gene exactly when it is a planted driver (or CH)
     * variant: the in-gene passengers (synonymous, intronic, UTR) stay in the table uncounted.
     */
    @Test
    void variantsTsvCarriesThePlantedConsequenceAndCountsOnlyDrivers() throws IOException {
        int inGene = 0;
        int uncounted = 0;
        for (JsonNode p : truth.get("patients")) {
            Map<String, CSVRecord> rows = new HashMap<>();
            for (CSVRecord r : tsv(concDir.resolve(p.get("patient").asText() + ".variants.tsv"))) {
                rows.put(r.get("chrom") + ":" + r.get("pos") + ":" + r.get("ref") + ">" + r.get("alt"), r);
            }
            for (JsonNode v : p.get("variants")) {
                CSVRecord r = rows.get(key(v));
                if (r == null || !v.has("consequence")) {
                    continue;
                }
                inGene++;
                assertThat(r.get("consequence").split("&")[0]).as(key(v)).isEqualTo(v.get("consequence").asText());
                assertThat(r.get("hgvsp_short")).as(key(v)).isEqualTo(v.path("hgvsp_short").asText("."));
                boolean driver = v.get("origin").asText().matches("driver|ch");
                assertThat(r.get("counted")).as(key(v)).isEqualTo(driver ? "1" : "0");
                uncounted += driver ? 0 : 1;
            }
        }
        assertThat(inGene).isGreaterThan(100);
        assertThat(uncounted).as("in-gene passengers in the tables").isGreaterThan(5);
    }

    private static List<CSVRecord> tsv(Path f) throws IOException {
        try (CSVParser parser = CSVParser.parse(f, StandardCharsets.UTF_8,
                CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).build())) {
            return parser.getRecords();
        }
    }

    @Test
    void cohortGeneConcordanceEqualsTheTruthCounts() throws IOException {
        Map<String, Expectations.Quantity> expected = Expectations.geneConcordance(cohort);
        int checked = 0;
        for (CSVRecord r : tsv(cohortDir.resolve("gene_concordance.tsv"))) {
            if (!r.get("comparison").equals("primary_vs_metastasis") || !expected.containsKey(r.get("feature"))) {
                continue;
            }
            Expectations.Quantity q = expected.get(r.get("feature"));
            long agree = Long.parseLong(r.get("both_mutated")) + Long.parseLong(r.get("both_wildtype"));
            assertThat(Long.parseLong(r.get("n_evaluable"))).as(r.get("feature")).isEqualTo(q.n());
            assertThat(agree).as(r.get("feature")).isEqualTo(q.x());
            checked++;
        }
        assertThat(checked).isEqualTo(GeneLayout.DRIVERS.size());
    }

    @Test
    void survivalFeaturesEqualTheTruth() throws IOException {
        Map<String, CSVRecord> rows = new HashMap<>();
        for (CSVRecord r : tsv(cohortDir.resolve("features.tsv"))) {
            rows.put(r.get("patient"), r);
        }
        assertThat(rows).hasSize(N);
        for (var p : cohort.patients()) {
            CSVRecord r = rows.get(p.id());
            assertThat(r.get("braf_v600e_primary")).as(p.id()).isEqualTo(p.clinical().brafV600ePrimary() ? "1" : "0");
            assertThat(r.get("ras_mutant_primary")).as(p.id()).isEqualTo(p.clinical().rasMutantPrimary() ? "1" : "0");
            assertThat(r.get("os_days")).isEqualTo(Integer.toString(p.clinical().osDays()));
            if (p.sample("metastasis") != null) {
                boolean newDriver = p.tumourVariants().stream().anyMatch(t -> t.origin() == Planted.Origin.DRIVER
                        && !t.inPrimaryClone() && t.inMetastaticClone());
                assertThat(r.get("any_driver_metastasis_new")).as(p.id()).isEqualTo(newDriver ? "1" : "0");
                assertThat(newDriver).isEqualTo(p.clinical().anyDriverNewInMetastasis());
            }
        }
    }
}
