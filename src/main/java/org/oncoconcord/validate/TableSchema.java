package org.oncoconcord.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A samplesheet-like JSON Schema in nf-core style ({@code type: array} of row objects), as shipped
 * in the pipeline's {@code assets/} and copied into the jar by the build, so the pipeline and the
 * CLI check the same file. Rows are validated one at a time so each message has its line.
 *
 * <p>Cells become JSON values as nf-schema does: empty cells (and {@code NA}) are absent, cells of
 * properties typed {@code number}/{@code integer} become numbers when they parse, otherwise they
 * stay strings and fail the type check. The nf-schema keywords {@code exists}, {@code meta},
 * {@code errorMessage}, {@code uniqueEntries} and the {@code file-path} format are read here and
 * applied by the validators, not by the JSON-schema library.
 */
public final class TableSchema {
    /** Classpath folder holding the copies of {@code assets/schema_*.json}. */
    public static final String RESOURCE_DIR = "/org/oncoconcord/validate/";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            b -> b.metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV202012())
                    .keyword(new NonValidationKeyword("exists"))
                    .keyword(new NonValidationKeyword("meta"))
                    .keyword(new NonValidationKeyword("errorMessage"))
                    .keyword(new NonValidationKeyword("uniqueEntries"))
                    .build()));

    private final String name;
    private final JsonNode root;
    private final JsonNode items;
    private final JsonSchema rowSchema;

    private TableSchema(String name, JsonNode root) {
        this.name = name;
        this.root = root;
        this.items = root.path("items");
        if (!items.isObject()) {
            throw new IllegalStateException(name + ": schema has no 'items' object");
        }
        ObjectNode row = items.deepCopy();
        row.put("$schema", root.path("$schema").asText("https://json-schema.org/draft/2020-12/schema"));
        this.rowSchema = FACTORY.getSchema(row);
    }

    /** Loads {@code schema_<kind>.json} from the jar (e.g. {@code input}, {@code clinical}). */
    public static TableSchema load(String fileName) {
        try (InputStream in = TableSchema.class.getResourceAsStream(RESOURCE_DIR + fileName)) {
            if (in == null) {
                throw new IllegalStateException("schema " + fileName + " is missing from the jar (rebuild with mvn package)");
            }
            return new TableSchema(fileName, JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read schema " + fileName, e);
        }
    }

    public String name() {
        return name;
    }

    /** Property names declared for a row, in schema order. */
    public List<String> properties() {
        List<String> out = new ArrayList<>();
        items.path("properties").fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** Required property names. */
    public List<String> required() {
        List<String> out = new ArrayList<>();
        items.path("required").forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The column combination that must be unique across rows ({@code uniqueEntries}). */
    public List<String> uniqueEntries() {
        List<String> out = new ArrayList<>();
        root.path("uniqueEntries").forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Properties that name a file that must exist ({@code format: file-path, exists: true}). */
    public List<String> existingFileProperties() {
        List<String> out = new ArrayList<>();
        items.path("properties").fields().forEachRemaining(e -> {
            JsonNode p = e.getValue();
            if (p.path("exists").asBoolean(false) && p.path("format").asText("").endsWith("-path")) {
                out.add(e.getKey());
            }
        });
        return out;
    }

    /** Values allowed by the {@code enum} of a property, or an empty list. */
    public List<String> enumOf(String property) {
        List<String> out = new ArrayList<>();
        items.path("properties").path(property).path("enum").forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Whether a cell counts as missing: empty or NA. */
    public static boolean isMissing(String cell) {
        return cell == null || cell.isEmpty() || cell.equalsIgnoreCase("NA");
    }

    /** The JSON object of one row, typed per the schema. */
    public ObjectNode toJson(CsvTable.Row row) {
        ObjectNode obj = JsonNodeFactory.instance.objectNode();
        for (var e : row.cells().entrySet()) {
            String value = e.getValue();
            if (isMissing(value)) {
                continue;
            }
            String type = items.path("properties").path(e.getKey()).path("type").asText("");
            if (type.equals("number") || type.equals("integer")) {
                BigDecimal num = parseNumber(value);
                if (num != null) {
                    obj.put(e.getKey(), num);
                    continue;
                }
            }
            obj.put(e.getKey(), value);
        }
        return obj;
    }

    private static BigDecimal parseNumber(String s) {
        try {
            BigDecimal d = new BigDecimal(s.trim());
            if (!Double.isFinite(d.doubleValue())) {
                return null; // 1e400 is not a number any later step can hold: left as text, it fails the type check
            }
            return d.scale() > 0 && d.stripTrailingZeros().scale() <= 0 ? d.setScale(0) : d;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Schema problems of one row, at most one per column, naming the column and the line. */
    public List<Problem> validate(CsvTable table, CsvTable.Row row) {
        Set<ValidationMessage> messages = rowSchema.validate(toJson(row));
        Set<String> reported = new LinkedHashSet<>();
        List<Problem> out = new ArrayList<>();
        for (ValidationMessage m : messages) {
            String column = columnOf(m);
            if (!reported.add(column)) {
                continue;
            }
            String value = row.get(column);
            String text;
            if ("required".equals(m.getType())) {
                text = "required value is missing";
            } else {
                String custom = items.path("properties").path(column).path("errorMessage").asText("");
                String detail = custom.isEmpty() ? m.getMessage() : custom;
                text = detail + " (found '" + value + "')";
            }
            out.add(Problem.error(table.displayName(), row.line(), table.columnOf(column), column, text));
        }
        return out;
    }

    /** The property a message is about: the instance location below the row, or the missing one. */
    private static String columnOf(ValidationMessage m) {
        if ("required".equals(m.getType()) && m.getProperty() != null) {
            return m.getProperty();
        }
        var path = m.getInstanceLocation();
        if (path != null && path.getNameCount() > 0) {
            Object first = path.getElement(0);
            return String.valueOf(first);
        }
        return m.getProperty() != null ? m.getProperty() : "";
    }

    @Override
    public String toString() {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Names of the columns of {@code table} that the schema does not declare. */
    public List<String> unknownColumns(CsvTable table) {
        List<String> out = new ArrayList<>();
        List<String> known = properties();
        for (Iterator<String> it = table.header().iterator(); it.hasNext(); ) {
            String h = it.next();
            if (!known.contains(h) && !h.isEmpty()) {
                out.add(h);
            }
        }
        return out;
    }
}
