package org.oncoconcord.params;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.oncoconcord.testing.SharedData;

/**
 * nextflow_schema.json is a valid JSON Schema in nf-core's layout, lists every {@code params.*}
 * the pipeline reads or sets (grep of the .nf and .config files), and its defaults are
 * nextflow.config's.
 */
class NextflowSchemaTest {
    private static final Path PROJECT = SharedData.projectDir();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void validJsonSchemaInNfCoreLayout() throws IOException {
        JsonNode schema = JSON.readTree(PROJECT.resolve("nextflow_schema.json").toFile());
        var factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        var metaSchema = factory.getSchema(java.net.URI.create("https://json-schema.org/draft/2020-12/schema"));
        assertThat(metaSchema.validate(schema)).as("meta-schema violations").isEmpty();
        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        List<String> refs = new ArrayList<>();
        schema.path("allOf").forEach(r -> refs.add(r.path("$ref").asText()));
        List<String> groups = new ArrayList<>();
        schema.path("$defs").fieldNames().forEachRemaining(g -> groups.add("#/$defs/" + g));
        assertThat(refs).containsExactlyElementsOf(groups);
        ParameterSchema.read(PROJECT.resolve("nextflow_schema.json")).parameters().values().forEach(p -> {
            assertThat(p.description()).as(p.name()).isNotBlank();
            assertThat(p.definition().path("fa_icon").asText()).as(p.name() + " fa_icon").startsWith("fa");
            assertThat(p.definition().has("type")).as(p.name() + " type").isTrue();
        });
    }

    /** Every name in `params.NAME`, `params['NAME']` and the `params { NAME = ... }` blocks of the pipeline's files. */
    static Set<String> paramsReadOrSet() throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern use = Pattern.compile("(?<![\\w/.'\"])params\\.([A-Za-z_][A-Za-z0-9_]*)");
        Pattern block = Pattern.compile("params\\s*\\{(.*?)\\n\\}", Pattern.DOTALL);
        Pattern assign = Pattern.compile("(?m)^\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*=");
        List<Path> files = new ArrayList<>(List.of(PROJECT.resolve("main.nf"), PROJECT.resolve("nextflow.config")));
        for (String dir : List.of("conf", "workflows", "modules", "subworkflows")) {
            try (Stream<Path> walk = Files.walk(PROJECT.resolve(dir))) {
                walk.filter(f -> f.toString().endsWith(".nf") || f.toString().endsWith(".config")).forEach(files::add);
            }
        }
        for (Path f : files) {
            String text = Files.readString(f).replaceAll("(?s)/\\*.*?\\*/", "");
            Matcher m = use.matcher(text);
            while (m.find()) {
                names.add(m.group(1));
            }
            Matcher b = block.matcher(text);
            while (b.find()) {
                Matcher a = assign.matcher(b.group(1));
                while (a.find()) {
                    names.add(a.group(1));
                }
            }
        }
        // methods of the params map, not parameters
        names.removeAll(Set.of("findAll", "collectEntries", "each", "containsKey", "get"));
        return names;
    }

    @Test
    void schemaListsEveryParameterThePipelineReadsOrSets() throws IOException {
        Set<String> used = paramsReadOrSet();
        assertThat(used).contains("input", "batch_size", "outdir", "slurm_queue", "gcp_spot", "strict", "test_full_patients");
        Set<String> inSchema = ParameterSchema.read(PROJECT.resolve("nextflow_schema.json")).parameters().keySet();
        assertThat(inSchema).containsAll(used);
        // and the schema describes nothing the pipeline does not have
        assertThat(used).containsAll(inSchema);
    }

    @Test
    void schemaDefaultsAreNextflowConfigDefaults() throws IOException {
        String config = Files.readString(PROJECT.resolve("nextflow.config"));
        Matcher block = Pattern.compile("(?s)\\nparams\\s*\\{(.*?)\\n\\}").matcher(config);
        assertThat(block.find()).isTrue();
        Matcher a = Pattern.compile("(?m)^\\s*([a-z_]+)\\s*=\\s*('[^']*'|true|false|null|-?\\d+)\\s*(//.*)?$").matcher(block.group(1));
        Map<String, ParameterSchema.Parameter> schema = ParameterSchema.read(PROJECT.resolve("nextflow_schema.json")).parameters();
        int compared = 0;
        while (a.find()) {
            String name = a.group(1);
            String literal = a.group(2);
            ParameterSchema.Parameter p = schema.get(name);
            assertThat(p).as(name).isNotNull();
            if (literal.equals("null")) {
                assertThat(p.defaultValue()).as(name + " has no default").isEmpty();
            } else {
                String expected = literal.replaceAll("^'(.*)'$", "$1");
                assertThat(p.defaultValue().map(ParameterSchema::text)).as(name + " default").contains(expected);
            }
            compared++;
        }
        assertThat(compared).isGreaterThan(20);
    }
}
