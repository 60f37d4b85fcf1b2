package org.oncoconcord.params;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The parameters of a run that differ from the schema's defaults, grouped as in the schema. */
public final class ParamsSummary {
    /** Parameters about the help itself: never part of a run's summary. */
    private static final Set<String> NOT_SHOWN = Set.of("help", "show_hidden", "validate_params");

    private ParamsSummary() {
    }

    /** The lines of the summary ("Input/output options", "  input : samplesheet.csv", ...); empty when all are defaults. */
    public static List<String> nonDefault(ParameterSchema schema, JsonNode params) {
        JsonNode given = ParamsValidator.given(params);
        int width = schema.parameters().keySet().stream().mapToInt(String::length).max().orElse(10);
        List<String> lines = new ArrayList<>();
        for (ParameterSchema.Group g : schema.groups()) {
            List<String> rows = new ArrayList<>();
            for (ParameterSchema.Parameter p : g.parameters()) {
                JsonNode v = given.get(p.name());
                if (v == null || NOT_SHOWN.contains(p.name()) || p.defaultValue().map(d -> same(d, v)).orElse(false)) {
                    continue;
                }
                rows.add(String.format("  %-" + width + "s : %s", p.name(), ParameterSchema.text(v)));
            }
            if (!rows.isEmpty()) {
                lines.add(g.title());
                lines.addAll(rows);
            }
        }
        return lines;
    }

    private static boolean same(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue()) == 0;
        }
        return ParameterSchema.text(a).equals(ParameterSchema.text(b));
    }
}
