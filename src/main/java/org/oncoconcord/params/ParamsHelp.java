package org.oncoconcord.params;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The pipeline's {@code --help}: parameters grouped as in the schema, or one parameter in full. */
public final class ParamsHelp {
    private ParamsHelp() {
    }

    /** Every group with its parameters, one line each (hidden ones only with {@code showHidden}). */
    public static String overview(ParameterSchema schema, String command, boolean showHidden) {
        StringBuilder sb = new StringBuilder();
        sb.append(schema.root().path("description").asText("")).append("\n\nTypical pipeline command:\n\n  ")
                .append(command).append("\n\n");
        int width = schema.parameters().keySet().stream().mapToInt(String::length).max().orElse(10) + 2;
        for (ParameterSchema.Group g : schema.groups()) {
            List<ParameterSchema.Parameter> shown = g.parameters().stream().filter(p -> showHidden || !p.hidden()).toList();
            if (shown.isEmpty()) {
                continue;
            }
            sb.append(g.title()).append('\n');
            for (ParameterSchema.Parameter p : shown) {
                sb.append(String.format("  --%-" + width + "s %-16s %s%s%s%n", p.name(), "[" + p.type() + "]", p.description(),
                        p.required() ? " (required)" : "",
                        p.defaultValue().map(d -> " [default: " + text(d) + "]").orElse("")));
            }
            sb.append('\n');
        }
        sb.append("--help PARAMETER shows one parameter in full");
        if (!showHidden) {
            sb.append("; --help --show_hidden also lists the hidden parameters");
        }
        sb.append(".\nThe same parameters, with more text: docs/usage.md; the schema: nextflow_schema.json.\n");
        return sb.toString();
    }

    /** One parameter in full, or empty when the schema has no such parameter. */
    public static Optional<String> parameter(ParameterSchema schema, String name) {
        String key = name.replaceFirst("^--?", "");
        ParameterSchema.Parameter p = schema.parameters().get(key);
        if (p == null) {
            return Optional.empty();
        }
        JsonNode d = p.definition();
        List<String> lines = new ArrayList<>();
        lines.add("--" + p.name());
        lines.add("    " + p.description());
        if (!p.helpText().isEmpty()) {
            lines.add("    " + p.helpText());
        }
        String group = schema.groups().stream().filter(g -> g.name().equals(p.group())).findFirst().map(ParameterSchema.Group::title).orElse(p.group());
        lines.add("    group    : " + group);
        lines.add("    type     : " + p.type());
        lines.add("    required : " + (p.required() ? "yes" : "no"));
        p.defaultValue().ifPresent(v -> lines.add("    default  : " + text(v)));
        if (d.has("enum")) {
            List<String> values = new ArrayList<>();
            d.get("enum").forEach(v -> values.add(v.asText()));
            lines.add("    allowed  : " + String.join(", ", values));
        }
        if (d.has("minimum")) {
            lines.add("    minimum  : " + d.get("minimum").asText());
        }
        if (d.has("maximum")) {
            lines.add("    maximum  : " + d.get("maximum").asText());
        }
        if (d.has("pattern")) {
            lines.add("    pattern  : " + d.get("pattern").asText());
        }
        if (d.has("format")) {
            lines.add("    format   : " + d.get("format").asText());
        }
        return Optional.of(String.join("\n", lines) + "\n");
    }

    static String text(JsonNode v) {
        return v.isTextual() ? v.asText() : v.toString();
    }
}
