package org.oncoconcord.params;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.oncoconcord.testing.SharedData;

/** The pipeline's parameter check, on the real nextflow_schema.json. */
class ParamsValidatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ParameterSchema SCHEMA = ParameterSchema.read(SharedData.projectDir().resolve("nextflow_schema.json"));

    /** The schema's defaults plus the three required inputs: what a correct run passes. */
    private static ObjectNode validRun() {
        ObjectNode p = JSON.createObjectNode();
        SCHEMA.parameters().values().forEach(x -> x.defaultValue().ifPresent(d -> p.set(x.name(), d)));
        p.put("input", "samplesheet.csv").put("clinical", "clinical.csv").put("fasta", "ref.fa");
        p.putNull("genome").putNull("max_cpus");
        return p;
    }

    @Test
    void defaultsWithTheRequiredInputsAreValid() {
        assertThat(new ParamsValidator(SCHEMA).validate(validRun())).isEmpty();
    }

    @Test
    void everyProblemAtOnceWithSuggestions() {
        ObjectNode p = validRun();
        p.remove("fasta");
        p.put("batchsize", 5).put("out_dir", "x").put("publish_dir_mode", "foo").put("horizon", "2y").put("cv_folds", 1)
                .put("coxnet", "yes").put("genome", "hg19").put("max_memory", "lots");
        List<String> problems = new ParamsValidator(SCHEMA).validate(p);
        assertThat(problems).containsExactlyInAnyOrder(
                "unknown parameter --batchsize (did you mean --batch_size?)",
                "unknown parameter --out_dir (did you mean --outdir?)",
                "--publish_dir_mode: 'foo' is not one of symlink, rellink, link, copy, copyNoFollow, move",
                "missing required parameter --fasta (" + SCHEMA.parameters().get("fasta").description() + ")",
                "--genome: 'hg19' is not one of GRCh37, GRCh38, auto",
                "--coxnet: expected true or false, got 'yes' (" + SCHEMA.parameters().get("coxnet").description() + ")",
                "--horizon: expected a whole number, got '2y' (" + SCHEMA.parameters().get("horizon").description() + ")",
                "--cv_folds: must be at least 2, got 1 (" + SCHEMA.parameters().get("cv_folds").description() + ")",
                "--max_memory: 'lots' is not of the expected form (" + SCHEMA.parameters().get("max_memory").description() + ")");
        // unknown names first, then in the schema's order
        assertThat(problems.get(0)).startsWith("unknown parameter --batchsize");
    }

    @Test
    void kebabCaseOptionIsReportedAsTypedNotAsNextflowsCamelCaseCopy() {
        ObjectNode p = validRun();
        p.put("batch-size", 3).put("batchSize", 3);
        assertThat(new ParamsValidator(SCHEMA).validate(p)).containsExactly("unknown parameter --batch-size (did you mean --batch_size?)");
    }

    @Test
    void unknownWithoutCloseNameGetsNoSuggestion() {
        ObjectNode p = validRun();
        p.put("zzzzzzzz", 1);
        assertThat(new ParamsValidator(SCHEMA).validate(p)).containsExactly("unknown parameter --zzzzzzzz (see --help for the parameters)");
    }

    @Test
    void testFullNeedsNoInputFiles() {
        ObjectNode p = validRun();
        p.remove(List.of("input", "clinical", "fasta"));
        assertThat(new ParamsValidator(SCHEMA).validate(p)).hasSize(3).allSatisfy(m -> assertThat(m).startsWith("missing required parameter"));
        p.put("test_full_patients", 200);
        assertThat(new ParamsValidator(SCHEMA).validate(p)).isEmpty();
    }

    @Test
    void memoryAndTimeCapsAcceptNextflowsSpellings() {
        for (String m : List.of("6.GB", "6 GB", "512MB", "1.5 TB")) {
            ObjectNode p = validRun();
            p.put("max_memory", m).put("max_time", "24.h");
            assertThat(new ParamsValidator(SCHEMA).validate(p)).as(m).isEmpty();
        }
        ObjectNode p = validRun();
        p.put("max_time", "2h 30m");
        assertThat(new ParamsValidator(SCHEMA).validate(p)).isEmpty();
    }

    @Test
    void summaryListsOnlyWhatDiffersFromTheDefaults() {
        ObjectNode p = validRun();
        p.put("horizon", 365).put("batch_size", 0).put("help", false);
        List<String> lines = ParamsSummary.nonDefault(SCHEMA, p);
        assertThat(String.join("\n", lines)).contains("input", "clinical", "fasta", "horizon", "365").doesNotContain("batch_size", "help");
        assertThat(lines.get(0)).isEqualTo("Input/output options");
    }

    @Test
    void didYouMeanDistances() {
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(DidYouMean.suggest("horizn", List.of("horizon", "seed"))).contains("horizon");
        assertThat(DidYouMean.suggest("cohortBy", List.of("cohort_by", "coxnet"))).contains("cohort_by");
        assertThat(DidYouMean.suggest("abc", List.of("horizon"))).isEmpty();
    }

    static JsonNode read(Path p) throws Exception {
        return JSON.readTree(p.toFile());
    }
}
