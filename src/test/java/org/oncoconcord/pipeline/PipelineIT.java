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
import org.oncoconcord.cli.VersionProvider;

/**
 * Runs the real Nextflow on the pipeline (bin/nextflow) and checks the published outputs: the
 * {@code test} profile end to end, a {@code -stub-run}, and a {@code -resume} that is fully cached.
 */
class PipelineIT {
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

        // pipeline_info: trace (every task COMPLETED), timeline, report, dag, software versions
        Path info = run.outdir.resolve("pipeline_info");
        for (String f : List.of("execution_trace.txt", "execution_timeline.html", "execution_report.html", "pipeline_dag.html")) {
            assertThat(info.resolve(f)).as(f).isNotEmptyFile();
        }
        List<Map<String, String>> trace = run.trace();
        assertThat(trace).isNotEmpty().allSatisfy(t -> assertThat(t.get("status")).as(t.get("name")).isEqualTo("COMPLETED"));
        assertThat(trace).extracting(t -> t.get("process")).contains("ONCOCONCORD:VALIDATE");
        String versions = Files.readString(info.resolve("software_versions.yml"));
        assertThat(versions).contains("\"ONCOCONCORD:VALIDATE\":", "oncoconcord: " + VersionProvider.version(), "Nextflow: 24.10");
        for (String process : trace.stream().map(t -> t.get("process")).collect(Collectors.toSet())) {
            assertThat(versions).as("versions of " + process).contains("\"" + process + "\":");
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
        NextflowRun run = NextflowRun.run(dir.resolve("launch"), "--input", sheet.toString());
        assertThat(run.exit).isNotZero();
        assertThat(run.log).contains("samplesheet.csv:2:3: error: column 'type'").contains("samplesheet.csv:2:4: error: column 'vcf': file not found");
        assertThat(run.outdir.resolve("validate/validated_samplesheet.csv")).doesNotExist();
    }
}
