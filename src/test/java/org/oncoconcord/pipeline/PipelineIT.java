package org.oncoconcord.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.oncoconcord.core.VersionProvider;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs the real Nextflow on the pipeline (bin/nextflow) and checks the published outputs: the
 * {@code test} profile end to end, a {@code -stub-run}, and a {@code -resume} that is fully cached.
 */
class PipelineIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Launch folders live under target/pipeline-it (kept for inspection, removed by mvn clean). */
    Path tmp;

    @BeforeEach
    void nextflowAvailable(TestInfo info) throws Exception {
        NextflowRun.requireNextflow();
        tmp = NextflowRun.freshDir(NextflowRun.projectDir().resolve("target/pipeline-it")
                .resolve(info.getTestMethod().map(m -> m.getName()).orElse("run")));
    }

    /** The cohort the test profile uses: conf/test.config takes assets/demo when present, else assets/test_minimal. */
    private static Path testCohort() {
        Path demo = NextflowRun.projectDir().resolve("assets/demo");
        return Files.exists(demo.resolve("samplesheet.csv")) ? demo : NextflowRun.projectDir().resolve("assets/test_minimal");
    }

    private static List<CSVRecord> readCsv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file);
             CSVParser p = CSVParser.parse(r, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get())) {
            return p.getRecords();
        }
    }

    @Test
    void testProfilePublishesEveryWiredStepAndRunInfo() throws Exception {
        NextflowRun run = NextflowRun.run(tmp.resolve("launch"), "-profile", "test");
        assertThat(run.exit).as(run.describe()).isZero();

        // validate: one validated row per samplesheet row, same ids and types, paths made absolute and existing
        Path cohort = testCohort();
        List<CSVRecord> input = readCsv(cohort.resolve("samplesheet.csv"));
        List<CSVRecord> validated = readCsv(run.outdir.resolve("validate/validated_samplesheet.csv"));
        assertThat(validated).hasSize(input.size());
        for (int i = 0; i < input.size(); i++) {
            CSVRecord in = input.get(i);
            CSVRecord out = validated.get(i);
            assertThat(List.of(out.get("patient"), out.get("sample"), out.get("type")))
                    .containsExactly(in.get("patient"), in.get("sample"), in.get("type"));
            Path vcf = Path.of(out.get("vcf"));
            assertThat(vcf).isAbsolute().exists();
            assertThat(vcf.toRealPath()).isEqualTo(cohort.resolve(in.get("vcf")).toRealPath());
        }
        assertThat(Files.readString(run.outdir.resolve("validate/validation.log")))
                .contains(input.size() + " samples of " + input.stream().map(r -> r.get("patient")).distinct().count() + " patients OK");

        // normalize: one normalized VCF (+ index) per sample; counts add up and every input record is accounted for
        Map<String, List<CSVRecord>> byPatient = new java.util.LinkedHashMap<>();
        input.forEach(r -> byPatient.computeIfAbsent(r.get("patient"), k -> new java.util.ArrayList<>()).add(r));
        for (CSVRecord in : input) {
            String id = in.get("patient") + "/" + in.get("sample");
            Path norm = run.outdir.resolve("normalized/" + id + ".norm.vcf.gz");
            assertThat(norm).isNotEmptyFile();
            assertThat(run.outdir.resolve("normalized/" + id + ".norm.vcf.gz.tbi")).isNotEmptyFile();
            JsonNode stats = JSON.readTree(run.outdir.resolve("normalized/" + id + ".normalize.json").toFile());
            assertThat(stats.get("in").asLong()).as(id + " records in").isEqualTo(countRecords(cohort.resolve(in.get("vcf"))));
            assertThat(stats.get("in").asLong() + stats.get("split_added").asLong())
                    .isEqualTo(stats.get("out").asLong() + stats.get("rejected_total").asLong());
            assertThat(countRecords(norm)).as(id + " records out").isEqualTo(stats.get("out").asLong());
        }

        // concordance: one result per patient with two or more samples, naming its samples
        List<String> compared = byPatient.entrySet().stream().filter(e -> e.getValue().size() >= 2).map(Map.Entry::getKey).toList();
        for (String patient : compared) {
            JsonNode c = JSON.readTree(run.outdir.resolve("concordance/" + patient + ".concordance.json").toFile());
            assertThat(c.get("patient").asText()).isEqualTo(patient);
            List<String> labels = new java.util.ArrayList<>();
            c.get("samples").forEach(x -> labels.add(x.get("label").asText()));
            // compared: the tissue samples and the comparison plasma draw (a WBC sample only labels plasma
            // calls; further serial draws are each compared with tissue in serial_plasma)
            List<String> expected = new java.util.ArrayList<>(byPatient.get(patient).stream()
                    .filter(r -> !r.get("type").equals("normal") && !r.get("type").equals("plasma")).map(r -> r.get("sample")).toList());
            List<String> plasmas = byPatient.get(patient).stream().filter(r -> r.get("type").equals("plasma")).map(r -> r.get("sample")).toList();
            if (!plasmas.isEmpty()) {
                expected.add(c.get("plasma").get("label").asText());
                assertThat(plasmas).contains(c.get("plasma").get("label").asText());
            }
            if (plasmas.size() > 1) {
                List<String> draws = new java.util.ArrayList<>();
                c.get("serial_plasma").get("draws").forEach(d -> draws.add(d.get("sample").asText()));
                assertThat(draws).containsExactlyInAnyOrderElementsOf(plasmas);
                assertThat(run.outdir.resolve("concordance/" + patient + ".serial_plasma.tsv")).isNotEmptyFile();
            }
            assertThat(labels).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(run.outdir.resolve("concordance/" + patient + ".variants.tsv")).isNotEmptyFile();
        }

        // read-level evidence: every compared patient with a BAM went through PILEUP, and its
        // concordance counts the evidence view (docs/PILEUP.md)
        for (String patient : compared) {
            List<String> withReads = byPatient.get(patient).stream()
                    .filter(r -> r.isMapped("bam") && !r.get("bam").isBlank() && !r.get("type").equals("normal"))
                    .map(r -> r.get("sample")).toList();
            if (withReads.isEmpty()) {
                continue;
            }
            assertThat(run.outdir.resolve("pileup/" + patient + ".evidence.tsv")).isNotEmptyFile();
            assertThat(run.outdir.resolve("pileup/" + patient + ".ccf.tsv")).isNotEmptyFile();
            JsonNode c = JSON.readTree(run.outdir.resolve("concordance/" + patient + ".concordance.json").toFile());
            List<String> evidenceSamples = new java.util.ArrayList<>();
            c.get("evidence").get("samples").forEach(x -> evidenceSamples.add(x.get("label").asText()));
            assertThat(evidenceSamples).as(patient + " samples with reads").containsExactlyInAnyOrderElementsOf(withReads);
            if (Files.exists(cohort.resolve("truth.json"))) {
                // the demo's planted caller misses (truth.json missed_by_caller): each changes its variant's class, nothing else does
                long missed = 0;
                for (JsonNode tp : JSON.readTree(cohort.resolve("truth.json").toFile()).get("patients")) {
                    if (tp.get("patient").asText().equals(patient)) {
                        for (JsonNode v : tp.get("variants")) {
                            missed += v.has("missed_by_caller") ? 1 : 0;
                        }
                    }
                }
                long changed = 0;
                for (JsonNode ch : c.get("evidence").get("class_changes")) {
                    changed += ch.get("variants").asLong();
                    assertThat(ch.get("to").asText()).as(patient + " class change " + ch).startsWith("shared");
                }
                assertThat(changed).as(patient + " variants whose class the reads change = planted caller misses").isEqualTo(missed);
                assertThat(missed).as(patient + " planted caller misses").isPositive();
            }
        }

        // planted truth: the published numbers equal the simulator's truth.json (demo cohort)
        if (Files.exists(cohort.resolve("truth.json"))) {
            assertPublishedNumbersEqualTruth(run.outdir, JSON.readTree(cohort.resolve("truth.json").toFile()));
        }

        // cohort: one feature row per compared patient; survival: KM, Cox and CV results; the report
        List<String> featureLines = Files.readAllLines(run.outdir.resolve("cohort/features.tsv"));
        assertThat(featureLines.subList(1, featureLines.size())).extracting(l -> l.split("\t", -1)[0])
                .containsExactlyInAnyOrderElementsOf(compared);
        assertSurvivalPerEndpoint(run.outdir, featureLines.get(0));
        assertPlannedSurvivalAnalyses(run.outdir, cohort);
        assertThat(Files.readString(run.outdir.resolve("report/report.html"))).contains("<html").contains("</html>")
                .contains("Univariable Cox models").contains("Elastic-net Cox over the gene features");

        // pipeline_info: trace (every task COMPLETED, one per batch / cohort step), timeline, report, dag, versions
        Path info = run.outdir.resolve("pipeline_info");
        for (String f : List.of("execution_trace.txt", "execution_timeline.html", "execution_report.html", "pipeline_dag.html")) {
            assertThat(info.resolve(f)).as(f).isNotEmptyFile();
        }
        List<Map<String, String>> trace = run.trace();
        assertThat(trace).isNotEmpty().allSatisfy(t -> assertThat(t.get("status")).as(t.get("name")).isEqualTo("COMPLETED"));
        Map<String, Long> tasks = trace.stream().collect(Collectors.groupingBy(t -> t.get("process"), Collectors.counting()));
        // batches (default --batch_size 0: from the cohort size): CRC32 of the patient id modulo the power
        // of two at or above max(patients / 100, min(4, patients / 10)); one NORMALIZE and, when it holds
        // a patient with two or more samples, one CONCORDANCE task per non-empty batch
        List<String> names = byPatient.keySet().stream().sorted().toList();
        int wanted = Math.max(1, Math.max((int) Math.ceil(names.size() / 100.0), Math.min(4, (int) Math.ceil(names.size() / 10.0))));
        int nBatches = Integer.highestOneBit(wanted) == wanted ? wanted : Integer.highestOneBit(wanted) * 2;
        Map<Long, List<String>> byBatch = new java.util.TreeMap<>();
        for (String name : names) {
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byBatch.computeIfAbsent(crc.getValue() % nBatches, k -> new java.util.ArrayList<>()).add(name);
        }
        List<List<String>> batches = new java.util.ArrayList<>(byBatch.values());
        assertThat(tasks).containsEntry("ONCOCONCORD:VALIDATE", 1L)
                .containsEntry("ONCOCONCORD:NORMALIZE", (long) batches.size())
                .containsEntry("ONCOCONCORD:CONCORDANCE", batches.stream().filter(b -> b.stream().anyMatch(compared::contains)).count())
                .containsEntry("ONCOCONCORD:COHORT", 1L)
                .containsEntry("ONCOCONCORD:SURVIVAL", 1L)
                .containsEntry("ONCOCONCORD:REPORT", 1L)
                .containsEntry("ONCOCONCORD:MULTIQC_STATS", 1L)
                .containsEntry("ONCOCONCORD:MULTIQC", 1L);
        assertMultiqcGeneralStatistics(run.outdir, input);
        JsonNode params = JSON.readTree(info.resolve("params.json").toFile());
        assertThat(params.get("input").asText()).isEqualTo(cohort.resolve("samplesheet.csv").toString());
        assertThat(params.get("batch_size").asInt()).isZero();
        String versions = Files.readString(info.resolve("software_versions.yml"));
        assertThat(versions).contains("oncoconcord: " + VersionProvider.version(), "Nextflow: 24.10");
        for (String process : tasks.keySet()) {
            assertThat(versions).as("versions of " + process).contains("\"" + process + "\":");
        }
    }

    /**
     * MultiQC ran (Debian's multiqc) and its own parse of the General Statistics (multiqc_report_data)
     * has one row per sample with the records and rejects of normalize.json and the variants of
     * concordance.json, as whole numbers, and the median VAF as a percentage.
     */
    private static void assertMultiqcGeneralStatistics(Path outdir, List<CSVRecord> input) throws IOException {
        assertThat(Files.readString(outdir.resolve("multiqc/multiqc_report.html"))).contains("General Statistics")
                .contains("Software versions").contains("Run parameters");
        List<String> lines = Files.readAllLines(outdir.resolve("multiqc/multiqc_report_data/multiqc_general_stats.txt"));
        List<String> header = List.of(lines.get(0).split("\t", -1));
        java.util.function.Function<String, Integer> col = suffix -> {
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).endsWith(suffix)) {
                    return i;
                }
            }
            throw new AssertionError("no column *" + suffix + " in " + header);
        };
        Map<String, String[]> rows = lines.subList(1, lines.size()).stream().map(l -> l.split("\t", -1))
                .collect(Collectors.toMap(f -> f[0], f -> f));
        assertThat(rows).hasSize(input.size());
        for (CSVRecord in : input) {
            String id = in.get("patient") + "/" + in.get("sample");
            String[] row = rows.get(id);
            assertThat(row).as(id).isNotNull();
            JsonNode stats = JSON.readTree(outdir.resolve("normalized/" + id + ".normalize.json").toFile());
            assertThat(Double.parseDouble(row[col.apply("records")])).as(id + " records").isEqualTo(stats.get("in").asDouble());
            assertThat(Double.parseDouble(row[col.apply("rejected")])).as(id + " rejected").isEqualTo(stats.get("rejected_total").asDouble());
            Path conc = outdir.resolve("concordance/" + in.get("patient") + ".concordance.json");
            if (Files.exists(conc)) {
                for (JsonNode s : JSON.readTree(conc.toFile()).get("samples")) {
                    if (s.get("label").asText().equals(in.get("sample"))) {
                        assertThat(Double.parseDouble(row[col.apply("variants")])).as(id + " variants").isEqualTo(s.get("n_variants").asDouble());
                        if (s.get("median_vaf").isNumber()) {
                            assertThat(Double.parseDouble(row[col.apply("median_vaf_pct")])).as(id + " median VAF %")
                                    .isCloseTo(100 * s.get("median_vaf").asDouble(), org.assertj.core.api.Assertions.within(1e-6));
                        }
                    }
                }
            }
        }
    }

    /**
     * Checks the published concordance, cohort features and survival inputs against the planted truth:
     * per pair n_a, n_b and shared equal the truly present / shared variants, RAS and BRAF V600E status
     * per sample equal the planted drivers, and features.tsv carries the planted primary RAS/BRAF flags
     * and the clinical follow-up as written.
     */
    private static void assertPublishedNumbersEqualTruth(Path outdir, JsonNode truth) throws IOException {
        Map<String, Map<String, String>> features = new java.util.HashMap<>();
        try (Reader r = Files.newBufferedReader(outdir.resolve("cohort/features.tsv"));
             CSVParser p = CSVParser.parse(r, CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord rec : p) {
                features.put(rec.get("patient"), rec.toMap());
            }
        }
        int pairs = 0;
        for (JsonNode p : truth.get("patients")) {
            String id = p.get("patient").asText();
            if (p.get("samples").size() < 2) {
                continue;
            }
            JsonNode conc = JSON.readTree(outdir.resolve("concordance/" + id + ".concordance.json").toFile());
            Map<String, String> typeOf = new java.util.HashMap<>();
            p.get("samples").forEach(x -> typeOf.put(x.get("sample").asText(), x.get("type").asText()));
            JsonNode vs = p.get("variants");
            for (JsonNode pair : conc.get("pairs")) {
                String ta = typeOf.get(pair.get("a").asText());
                String tb = typeOf.get(pair.get("b").asText());
                // plasma calls labelled clonal haematopoiesis are out of the comparison (docs/PLASMA.md; the labels are
                // checked against the planted origin by PipelineTruthTest)
                java.util.Set<String> ch = new java.util.HashSet<>();
                conc.path("plasma").path("clonal_haematopoiesis").path("calls").forEach(c -> ch.add(c.get("variant").asText()));
                assertThat(pair.get("n_a").asLong()).as(id + " n " + ta).isEqualTo(truthCount(vs, ta, null, ch));
                assertThat(pair.get("n_b").asLong()).as(id + " n " + tb).isEqualTo(truthCount(vs, tb, null, ch));
                assertThat(pair.get("shared").asLong()).as(id + " shared " + ta + "/" + tb).isEqualTo(truthCount(vs, ta, tb, ch));
                pairs++;
            }
            for (JsonNode s : p.get("samples")) {
                String label = s.get("sample").asText();
                String type = s.get("type").asText();
                if (type.equals("normal") || (type.equals("plasma") && s.has("compared_with_tissue")
                        && !s.get("compared_with_tissue").asBoolean())) {
                    continue; // a WBC sample is not compared; a later serial draw is compared in serial_plasma only
                }
                boolean ras = false;
                boolean braf = false;
                for (JsonNode v : vs) {
                    if (v.get(type).asBoolean()) {
                        ras |= v.get("gene").asText().matches("KRAS|NRAS");
                        braf |= v.get("label").asText().equals("V600E");
                    }
                }
                assertThat(conc.get("ras_status").get("status").get(label).asText()).as(id + " " + label + " RAS")
                        .isEqualTo(ras ? "mutant" : "wild_type");
                assertThat(conc.get("ras_status").get("braf_v600e").get(label).asBoolean()).as(id + " " + label + " BRAF V600E")
                        .isEqualTo(braf);
            }
            assertPlantedConsequences(outdir, id, p);
            Map<String, String> f = features.get(id);
            assertThat(f).as("features.tsv row of " + id).isNotNull();
            assertThat(f.get("ras_mutant_primary")).as(id + " ras_mutant_primary").isEqualTo(p.get("ras_mutant_primary").asBoolean() ? "1" : "0");
            assertThat(f.get("braf_v600e_primary")).as(id + " braf_v600e_primary").isEqualTo(p.get("braf_v600e_primary").asBoolean() ? "1" : "0");
            JsonNode clin = p.get("clinical");
            if (clin != null && clin.has("os_days")) {
                assertThat(f.get("os_days")).as(id + " os_days").isEqualTo(clin.get("os_days").asText());
                assertThat(f.get("os_event")).as(id + " os_event").isEqualTo(clin.get("os_event").asText());
            }
        }
        assertThat(pairs).as("patient pairs checked against truth.json").isGreaterThan(10);
    }

    /**
     * With the simulator's transcript models (test profile: params.gtf), the patient's variants.tsv carries each
     * planted in-gene variant's consequence and HGVSp_Short from truth.json, counts it for its gene exactly when
     * it is a planted driver or CH variant (in-gene passengers and germline variants: synonymous, intronic, UTR,
     * uncounted), and the per-sample driver-gene status equals the planted drivers; the report names every planted
     * KRAS/NRAS/BRAF driver of a compared patient by gene and protein change (e.g. {@code KRAS p.G12D}).
     */
    private static void assertPlantedConsequences(Path outdir, String id, JsonNode p) throws IOException {
        Map<String, CSVRecord> rows = new java.util.HashMap<>();
        try (Reader r = Files.newBufferedReader(outdir.resolve("concordance/" + id + ".variants.tsv"));
             CSVParser parser = CSVParser.parse(r, CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).get())) {
            for (CSVRecord rec : parser) {
                rows.put(rec.get("chrom") + ":" + rec.get("pos") + ":" + rec.get("ref") + ":" + rec.get("alt"), rec);
            }
        }
        String report = Files.readString(outdir.resolve("report/report.html"));
        for (JsonNode v : p.get("variants")) {
            CSVRecord rec = rows.get(v.get("chrom").asText() + ":" + v.get("pos").asText() + ":" + v.get("ref").asText() + ":"
                    + v.get("alt").asText());
            if (rec == null || !v.has("consequence")) {
                continue;
            }
            String key = id + " " + rec.get("chrom") + ":" + rec.get("pos");
            assertThat(rec.get("consequence").split("&")[0]).as(key).isEqualTo(v.get("consequence").asText());
            assertThat(rec.get("hgvsp_short")).as(key).isEqualTo(v.path("hgvsp_short").asText("."));
            boolean counts = v.get("origin").asText().matches("driver|ch");
            assertThat(rec.get("counted")).as(key + " counted").isEqualTo(counts ? "1" : "0");
            if (v.get("gene").asText().matches("KRAS|NRAS|BRAF") && v.get("origin").asText().equals("driver")) {
                assertThat(report).as(key + " protein change in the report")
                        .contains(v.get("gene").asText() + " " + v.get("hgvsp_short").asText());
            }
        }
        JsonNode conc = JSON.readTree(outdir.resolve("concordance/" + id + ".concordance.json").toFile());
        for (JsonNode s : p.get("samples")) {
            String type = s.get("type").asText();
            if (type.equals("normal") || type.equals("plasma")) {
                continue;
            }
            for (String gene : List.of("APC", "TP53", "KRAS", "NRAS", "BRAF", "PIK3CA", "SMAD4", "FBXW7")) {
                boolean planted = false;
                for (JsonNode v : p.get("variants")) {
                    planted |= v.get(type).asBoolean() && v.get("gene").asText().equals(gene);
                }
                assertThat(conc.get("genes").get(gene).get("status").get(s.get("sample").asText()).asBoolean())
                        .as(id + " " + s.get("sample").asText() + " " + gene).isEqualTo(planted);
            }
        }
    }

    /**
     * Survival outputs per endpoint (OS always, RFS when features.tsv has both columns): KM, the
     * univariable table (post-metastasis features as landmark analyses, the others baseline), the
     * multivariable Cox model, the elastic net and cv; then the multivariable coefficients and a
     * landmark univariable fit against R's coxph on the published features.tsv (when Rscript exists).
     */
    private static void assertSurvivalPerEndpoint(Path outdir, String featuresHeader) throws Exception {
        List<String> columns = List.of(featuresHeader.split("\t", -1));
        List<String> postMetastasis = Files.readAllLines(outdir.resolve("cohort/features.columns.tsv")).stream()
                .map(l -> l.split("\t", -1)).filter(f -> f.length >= 3 && f[2].equals("post_metastasis")).map(f -> f[0]).toList();
        List<String> endpoints = new java.util.ArrayList<>(List.of("os_days"));
        if (columns.contains("rfs_days") && columns.contains("rfs_event")) {
            endpoints.add("rfs_days");
        }
        for (String ep : endpoints) {
            Path surv = outdir.resolve("survival/" + ep);
            for (String f : List.of("km_all/km.tsv", "km_ras_mutant_primary/logrank.json", "cox/coefficients.tsv", "cv/cv.json",
                    "coxnet/coefficients.tsv", "univariable.tsv")) {
                assertThat(surv.resolve(f)).as(ep + "/" + f).isNotEmptyFile();
            }
            List<CSVRecord> uni = readTsv(surv.resolve("univariable.tsv"));
            assertThat(uni).extracting(r -> r.get("feature")).contains("ras_mutant_primary", "age", "any_driver_metastasis_new");
            for (CSVRecord r : uni) {
                assertThat(r.get("analysis")).as(ep + " " + r.get("feature"))
                        .isEqualTo(postMetastasis.contains(r.get("feature")) ? "landmark" : "baseline");
            }
            // the elastic net covers every <GENE>_primary column, the clinical covariates unpenalised
            JsonNode net = JSON.readTree(surv.resolve("coxnet/model.json").toFile());
            assertThat(net.get("method").asText()).isEqualTo("elastic_net");
            List<String> genes = columns.stream().filter(c -> c.matches("[A-Z0-9]+_primary")).toList();
            assertThat(genes).isNotEmpty();
            assertThat(readTsv(surv.resolve("coxnet/coefficients.tsv"))).extracting(r -> r.get("term")).containsAll(genes);
            assertThat(net.get("unpenalized")).extracting(JsonNode::asText).containsExactly("age", "stage");
        }
        // OS by new-in-metastasis status: from the landmark, with every dropped patient counted
        JsonNode lr = JSON.readTree(outdir.resolve("survival/os_days/km_any_driver_metastasis_new/logrank.json").toFile());
        JsonNode lm = lr.get("landmark");
        assertThat(lm.get("column").asText()).isEqualTo("metastasis_days");
        assertThat(lm.get("kept").asInt() + lm.get("dropped_landmark_missing").asInt() + lm.get("dropped_not_at_risk").asInt())
                .isEqualTo(lm.get("rows_read").asInt());
        assertThat(lr.get("n").asInt() + lr.get("dropped_missing").asInt()).isEqualTo(lm.get("kept").asInt());

        Path rscript = org.oncoconcord.testing.SystemTools.find("Rscript");
        if (rscript == null) {
            System.err.println("PipelineIT: Rscript not found (Debian r-base-core, r-cran-survival): published Cox coefficients not compared with R");
            return;
        }
        Path rOut = outdir.resolveSibling("r_cox.tsv");
        Process p = new ProcessBuilder(rscript.toString(), NextflowRun.projectDir().resolve("src/test/r/pipeline_cox.R").toString(),
                outdir.resolve("cohort/features.tsv").toString(), "age,stage,ras_mutant_primary,braf_v600e_primary", "metastasis_days",
                rOut.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(300, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        if (p.exitValue() != 0 && log.contains("there is no package called")) {
            System.err.println("PipelineIT: R package survival missing (r-cran-survival): published Cox coefficients not compared with R");
            return;
        }
        assertThat(p.exitValue()).as(log).isZero();
        Map<String, String> r = readTsv(rOut).stream().collect(Collectors.toMap(x -> x.get("key"), x -> x.get("value")));
        int compared = 0;
        for (String ep : endpoints) {
            Map<String, CSVRecord> ours = readTsv(outdir.resolve("survival/" + ep + "/cox/coefficients.tsv")).stream()
                    .collect(Collectors.toMap(x -> x.get("term"), x -> x));
            JsonNode model = JSON.readTree(outdir.resolve("survival/" + ep + "/cox/model.json").toFile());
            assertThat(model.get("n").asText()).isEqualTo(r.get(ep + ":multi:n"));
            assertThat(model.get("events").asText()).isEqualTo(r.get(ep + ":multi:events"));
            boolean firth = model.path("method").asText().equals("firth");
            if (firth) {
                // separation in this small cohort: we refit with Firth's penalty (no plain MLE exists); R's coxph
                // must agree the flagged terms diverge (|coef| large, SE huge), and no plain-MLE coefficient is compared
                assertThat(model.get("monotone_likelihood_terms")).as(ep + " monotone terms").isNotEmpty();
                for (JsonNode t : model.get("monotone_likelihood_terms")) {
                    String term = t.asText();
                    assertThat(Math.abs(Double.parseDouble(r.get(ep + ":multi:coef:" + term)))).as(ep + " R coef " + term).isGreaterThan(5);
                    assertThat(Double.parseDouble(r.get(ep + ":multi:se:" + term))).as(ep + " R se " + term).isGreaterThan(100);
                    compared++;
                }
            }
            for (var e : (firth ? Map.<String, String>of() : r).entrySet()) {
                String prefix = ep + ":multi:coef:";
                if (!e.getKey().startsWith(prefix)) {
                    continue;
                }
                String term = e.getKey().substring(prefix.length());
                if (e.getValue().equals("NA")) { // a level absent among the complete cases: no estimate in either
                    assertThat(ours.containsKey(term) ? ours.get(term).get("coef") : "NA").as(ep + " " + term).isEqualTo("NA");
                    continue;
                }
                assertThat(ours).as(ep + " terms").containsKey(term);
                close(ours.get(term).get("coef"), e.getValue(), ep + " coef " + term);
                close(ours.get(term).get("se"), r.get(ep + ":multi:se:" + term), ep + " se " + term);
                compared++;
            }
            String key = ep + ":landmark_n_new:coef:n_metastasis_new";
            if (r.containsKey(key)) {
                CSVRecord u = readTsv(outdir.resolve("survival/" + ep + "/univariable.tsv")).stream()
                        .filter(x -> x.get("feature").equals("n_metastasis_new")).findFirst().orElseThrow();
                close(u.get("coef"), r.get(key), ep + " landmark n_metastasis_new");
                assertThat(u.get("n")).isEqualTo(r.get(ep + ":landmark_n_new:n"));
                assertThat(u.get("events")).isEqualTo(r.get(ep + ":landmark_n_new:events"));
                compared++;
            }
        }
        assertThat(compared).as("coefficients compared with R").isGreaterThanOrEqualTo(4);
    }

    /**
     * What `survival plan` decided (survival/plan.json, skipped.tsv): the time-dependent "new driver
     * in the metastasis" fit for OS, and, when the clinical table gives death_cause (the demo), the
     * cancer-specific analyses with the clinical table's own counts of colorectal-cancer and other deaths.
     * (R equality of those fits: PlanRunVersusRTest.)
     */
    private static void assertPlannedSurvivalAnalyses(Path outdir, Path cohort) throws Exception {
        JsonNode plan = JSON.readTree(outdir.resolve("survival/plan.json").toFile());
        List<String> skipped = Files.readAllLines(outdir.resolve("survival/skipped.tsv"));
        assertThat(skipped.get(0)).isEqualTo("endpoint\tanalysis\treason");
        assertThat(plan.get("skipped")).hasSize(skipped.size() - 1);
        JsonNode os = plan.get("endpoints").get(0);
        assertThat(os.get("time").asText()).isEqualTo("os_days");
        assertThat(outdir.resolve("survival/os_days/tdc_any_driver_metastasis_new/split.tsv")).isNotEmptyFile();
        assertThat(outdir.resolve("survival/os_days/tdc_any_driver_metastasis_new/coefficients.tsv")).isNotEmptyFile();
        List<CSVRecord> clinical = readCsv(cohort.resolve("clinical.csv"));
        if (!clinical.get(0).isMapped("death_cause")) {
            assertThat(skipped).anyMatch(l -> l.startsWith("os_days\tcancer_specific\tno column death_cause"));
            return;
        }
        JsonNode cs = os.get("cancerSpecific");
        assertThat(cs.get("crcDeaths").asLong()).isEqualTo(clinical.stream().filter(r -> r.get("death_cause").equals("crc")).count());
        assertThat(cs.get("otherDeaths").asLong()).isEqualTo(clinical.stream().filter(r -> r.get("death_cause").equals("other")).count());
        for (String f : List.of("cause_of_death.tsv", "cif_all/cif.tsv", "cif_ras_mutant_primary/cif.tsv", "cox_crc/coefficients.tsv")) {
            assertThat(outdir.resolve("survival/os_days/" + f)).as(f).isNotEmptyFile();
        }
        JsonNode cif = JSON.readTree(outdir.resolve("survival/os_days/cif_all/cif.json").toFile());
        assertThat(cif.get("causes").asInt()).isEqualTo(2);
    }

    private static void close(String ours, String r, String what) {
        double a = Double.parseDouble(ours), b = Double.parseDouble(r);
        assertThat(a).as(what).isCloseTo(b, org.assertj.core.api.Assertions.within(1e-5 * Math.max(1, Math.abs(b))));
    }

    private static List<CSVRecord> readTsv(Path file) throws IOException {
        try (Reader rd = Files.newBufferedReader(file);
             CSVParser p = CSVParser.parse(rd, CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }

    private static long truthCount(JsonNode variants, String a, String b, java.util.Set<String> ch) {
        long n = 0;
        for (JsonNode v : variants) {
            String key = v.get("chrom").asText() + ":" + v.get("pos").asText() + ":" + v.get("ref").asText() + ">" + v.get("alt").asText();
            if (!ch.contains(key) && v.get(a).asBoolean() && (b == null || v.get(b).asBoolean())) {
                n++;
            }
        }
        return n;
    }

    /** Data lines of a VCF (plain or gzip/BGZF), counted independently of the tools. */
    private static long countRecords(Path vcf) throws IOException {
        try (var in = Files.newInputStream(vcf);
             var raw = vcf.toString().endsWith("gz") ? new java.util.zip.GZIPInputStream(in) : in;
             var r = new java.io.BufferedReader(new java.io.InputStreamReader(raw, java.nio.charset.StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
        }
    }

    @Test
    void stubRunExercisesTheWholeDag() throws Exception {
        NextflowRun run = NextflowRun.run(tmp.resolve("stub"), "-profile", "test_minimal", "-stub-run");
        assertThat(run.exit).as(run.describe()).isZero();
        assertThat(run.trace()).isNotEmpty().allSatisfy(t -> assertThat(t.get("status")).isEqualTo("COMPLETED"));
        assertThat(Files.readString(run.outdir.resolve("validate/validation.log"))).contains("stub");
        List<CSVRecord> rows = readCsv(run.outdir.resolve("validate/validated_samplesheet.csv"));
        assertThat(rows).hasSize(readCsv(NextflowRun.projectDir().resolve("assets/test_minimal/samplesheet.csv")).size());
        assertThat(rows).allSatisfy(r -> assertThat(Path.of(r.get("vcf"))).isAbsolute().exists());
        assertThat(run.trace()).extracting(t -> t.get("process")).contains("ONCOCONCORD:VALIDATE", "ONCOCONCORD:NORMALIZE",
                "ONCOCONCORD:CONCORDANCE", "ONCOCONCORD:COHORT", "ONCOCONCORD:SURVIVAL", "ONCOCONCORD:REPORT");
        assertThat(run.outdir.resolve("report/report.html")).exists();
    }

    @Test
    void resumeReusesEveryTask() throws Exception {
        Path launch = tmp.resolve("resume");
        NextflowRun first = NextflowRun.run(launch, "-profile", "test_minimal");
        assertThat(first.exit).as(first.describe()).isZero();
        List<Map<String, String>> firstTrace = first.trace();
        assertThat(firstTrace).isNotEmpty().allSatisfy(t -> assertThat(t.get("status")).isEqualTo("COMPLETED"));

        NextflowRun second = NextflowRun.run(launch, "-profile", "test_minimal", "-resume");
        assertThat(second.exit).as(second.describe()).isZero();
        List<Map<String, String>> secondTrace = second.trace();
        assertThat(secondTrace).hasSameSizeAs(firstTrace)
                .allSatisfy(t -> assertThat(t.get("status")).as(t.get("name")).isEqualTo("CACHED"));
        assertThat(secondTrace).extracting(t -> t.get("hash"))
                .containsExactlyInAnyOrderElementsOf(firstTrace.stream().map(t -> t.get("hash")).toList());
        assertThat(second.log).contains("Cached process");
    }

    @Test
    void invalidSamplesheetStopsThePipelineWithTheValidatorsMessages() throws Exception {
        Path dir = tmp.resolve("bad");
        Files.createDirectories(dir);
        Path sheet = Files.writeString(dir.resolve("samplesheet.csv"), "patient,sample,type,vcf\nP1,P1_T,tumour,missing.vcf\n");
        Path minimal = NextflowRun.projectDir().resolve("assets/test_minimal");
        NextflowRun run = NextflowRun.run(dir.resolve("launch"), "--input", sheet.toString(),
                "--clinical", minimal.resolve("clinical.csv").toString(), "--fasta", minimal.resolve("reference.fa").toString());
        assertThat(run.exit).isNotZero();
        assertThat(run.log).contains("samplesheet.csv:2:3: error: column 'type'").contains("samplesheet.csv:2:4: error: column 'vcf': file not found")
                .contains("patient 'P002' is not in"); // a warning: clinical patients without samples
        assertThat(run.trace()).extracting(t -> t.get("process")).containsExactly("ONCOCONCORD:VALIDATE");
        assertThat(run.outdir.resolve("validate/validated_samplesheet.csv")).doesNotExist();
    }
}
