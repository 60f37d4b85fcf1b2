package org.oncoconcord.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

/**
 * Checks the pipeline's parameters against {@link ParameterSchema}: unknown names (with a "did you
 * mean"), then types, enums, ranges, patterns and required parameters, all reported at once.
 *
 * <p>The parameters are those Nextflow holds ({@code params} as JSON): {@code null} means "not
 * set" and is dropped, and where Nextflow added a camelCase copy of a {@code --kebab-case} option
 * only the spelling the user typed is kept.
 */
public final class ParamsValidator {
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                    .keywords(List.of("fa_icon", "help_text", "hidden", "exists", "mimetype", "schema", "errorMessage")
                            .stream().map(NonValidationKeyword::new).map(k -> (com.networknt.schema.Keyword) k).toList())
                    .build()));

    private final ParameterSchema schema;
    private final JsonSchema jsonSchema;

    public ParamsValidator(ParameterSchema schema) {
        this.schema = schema;
        this.jsonSchema = FACTORY.getSchema(schema.root());
    }

    /** The parameters as the user set them: nulls and Nextflow's camelCase copies of kebab-case names removed. */
    public static ObjectNode given(JsonNode params) {
        ObjectNode out = params.deepCopy();
        List<String> drop = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = out.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getValue().isNull()) {
                drop.add(e.getKey());
            } else if (e.getKey().contains("-")) {
                drop.add(camel(e.getKey()));
            }
        }
        out.remove(drop);
        return out;
    }

    static String camel(String kebab) {
        StringBuilder sb = new StringBuilder();
        boolean up = false;
        for (char c : kebab.toCharArray()) {
            if (c == '-') {
                up = true;
            } else {
                sb.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return sb.toString();
    }

    /** Every problem, one line each (empty: the parameters are valid). */
    public List<String> validate(JsonNode params) {
        ObjectNode given = given(params);
        Map<String, ParameterSchema.Parameter> known = schema.parameters();
        List<String> problems = new ArrayList<>();
        for (Iterator<String> it = given.fieldNames(); it.hasNext();) {
            String name = it.next();
            if (!known.containsKey(name)) {
                problems.add("unknown parameter --" + name + DidYouMean.suggest(name, known.keySet())
                        .map(s -> " (did you mean --" + s + "?)").orElse(" (see --help for the parameters)"));
            }
        }
        List<String> names = new ArrayList<>(known.keySet());
        jsonSchema.validate(given).stream()
                .sorted(Comparator.comparingInt(m -> names.indexOf(parameterOf(m))))
                .map(m -> describe(m, known))
                .distinct()
                .forEach(problems::add);
        return problems;
    }

    private static String parameterOf(ValidationMessage m) {
        if ("required".equals(m.getType())) {
            return m.getProperty() != null ? m.getProperty() : String.valueOf(m.getArguments()[0]);
        }
        var loc = m.getInstanceLocation();
        return loc.getNameCount() > 0 ? String.valueOf(loc.getElement(0)) : "";
    }

    private static String describe(ValidationMessage m, Map<String, ParameterSchema.Parameter> known) {
        String name = parameterOf(m);
        ParameterSchema.Parameter p = known.get(name);
        String what = p == null ? "" : " (" + p.description() + ")";
        JsonNode value = m.getInstanceNode();
        String shown = value == null ? "" : value.isTextual() ? "'" + value.asText() + "'" : value.toString();
        JsonNode def = p == null ? null : p.definition();
        return switch (m.getType()) {
            case "required" -> "missing required parameter --" + name + what;
            case "type" -> "--" + name + ": expected " + article(p.type()) + ", got " + shown + what;
            case "enum" -> "--" + name + ": " + shown + " is not one of " + String.join(", ",
                    StreamSupport.stream(def.path("enum").spliterator(), false).map(JsonNode::asText).toList());
            case "minimum" -> "--" + name + ": must be at least " + def.path("minimum").asText() + ", got " + shown + what;
            case "maximum" -> "--" + name + ": must be at most " + def.path("maximum").asText() + ", got " + shown + what;
            case "pattern" -> "--" + name + ": " + shown + " is not of the expected form" + what;
            default -> "--" + name + ": " + m.getMessage().replaceFirst("^\\$[^:]*: ", "") + what;
        };
    }

    private static String article(String type) {
        return switch (type) {
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "string" -> "a text value";
            default -> type.replace("|", " or ");
        };
    }
}
