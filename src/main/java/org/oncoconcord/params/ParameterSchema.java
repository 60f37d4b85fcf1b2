package org.oncoconcord.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.oncoconcord.core.UserException;

/**
 * The pipeline's {@code nextflow_schema.json} (nf-core layout: parameter groups under
 * {@code $defs}, each with its {@code properties} and {@code required} list, joined by
 * {@code allOf}) read into groups of parameters, in file order.
 *
 * @param file the schema file (for messages)
 * @param root the whole schema
 * @param groups the parameter groups in file order
 */
public record ParameterSchema(Path file, JsonNode root, List<Group> groups) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One parameter group ({@code $defs/<name>}). */
    public record Group(String name, String title, String description, List<Parameter> parameters) {
    }

    /**
     * One parameter.
     *
     * @param definition its JSON Schema (type, enum, pattern, minimum, default, help_text...)
     */
    public record Parameter(String name, String group, boolean required, boolean hidden, JsonNode definition) {
        public String description() {
            return definition.path("description").asText("");
        }

        public String helpText() {
            return definition.path("help_text").asText("");
        }

        /** The default value, or empty when the schema gives none. */
        public Optional<JsonNode> defaultValue() {
            return definition.has("default") ? Optional.of(definition.get("default")) : Optional.empty();
        }

        /** The type as written: {@code string}, {@code integer}, or e.g. {@code boolean|string}. */
        public String type() {
            JsonNode t = definition.path("type");
            if (t.isArray()) {
                List<String> types = new ArrayList<>();
                t.forEach(x -> types.add(x.asText()));
                return String.join("|", types);
            }
            return t.asText("string");
        }
    }

    /** A value as the help and the run summary print it: text as is, numbers and booleans as JSON. */
    public static String text(JsonNode v) {
        return v.isTextual() ? v.asText() : v.toString();
    }

    /** Reads {@code file}; a missing or malformed schema is a user error naming the file. */
    public static ParameterSchema read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UserException(file + ": cannot read the parameter schema: " + e.getMessage());
        }
        JsonNode defs = root.path("$defs");
        if (!defs.isObject()) {
            throw new UserException(file + ": not an nf-core parameter schema (no \"$defs\" object of parameter groups)");
        }
        List<Group> groups = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = defs.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> g = it.next();
            List<String> required = new ArrayList<>();
            g.getValue().path("required").forEach(r -> required.add(r.asText()));
            // required unless another parameter is set: "if": {"not": {"required": [...]}}, "then": {"required": [...]}
            g.getValue().path("then").path("required").forEach(r -> required.add(r.asText()));
            List<Parameter> parameters = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> p = g.getValue().path("properties").fields(); p.hasNext();) {
                Map.Entry<String, JsonNode> e = p.next();
                parameters.add(new Parameter(e.getKey(), g.getKey(), required.contains(e.getKey()),
                        e.getValue().path("hidden").asBoolean(false), e.getValue()));
            }
            groups.add(new Group(g.getKey(), g.getValue().path("title").asText(g.getKey()),
                    g.getValue().path("description").asText(""), List.copyOf(parameters)));
        }
        return new ParameterSchema(file, root, List.copyOf(groups));
    }

    /** Every parameter by name, in file order. */
    public Map<String, Parameter> parameters() {
        Map<String, Parameter> all = new LinkedHashMap<>();
        groups.forEach(g -> g.parameters().forEach(p -> all.put(p.name(), p)));
        return all;
    }
}
