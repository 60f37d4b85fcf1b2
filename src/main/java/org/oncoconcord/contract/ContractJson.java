package org.oncoconcord.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The one writer and the one strict reader of the JSON contracts between steps (records in this
 * package). A key is required unless its record component is marked {@code @JsonInclude(NON_NULL)};
 * keys a record does not know are ignored, so that a newer writer's extra sections do not break an
 * older reader.
 */
public final class ContractJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final PropertyNamingStrategies.NamingBase SNAKE =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private ContractJson() {
    }

    /** Writes {@code value} as indented JSON (keys in record component order) to {@code file}. */
    public static void write(Path file, Object value) throws IOException {
        JSON.writeValue(file.toFile(), value);
    }

    /** The indented JSON text of {@code value} (as {@link #write} writes it), newline-terminated. */
    public static String text(Object value) {
        try {
            return JSON.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Reads {@code file} as a {@code type}, checking every required key first. */
    public static <T extends Record> T read(Path file, Class<T> type) throws ContractException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ContractException(file + ": not valid JSON at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ContractException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new ContractException(file + ": not a JSON object", null);
        }
        String missing = firstMissing(root, type, Where.ROOT);
        if (missing != null) {
            throw new ContractException(file + ": " + missing, null);
        }
        try {
            return JSON.treeToValue(root, type);
        } catch (JsonMappingException e) {
            throw new ContractException(file + ": key '" + path(e) + "' invalid: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new ContractException(file + ": " + e.getOriginalMessage(), e);
        }
    }

    /** The JSON key of a record component. */
    public static String key(RecordComponent c) {
        return SNAKE.translate(c.getName());
    }

    /** Whether a component is an optional key (marked {@code @JsonInclude(NON_NULL)}: left out when null). */
    public static boolean optional(RecordComponent c) {
        JsonInclude in = c.getAccessor().getAnnotation(JsonInclude.class);
        return in != null && in.value() == JsonInclude.Include.NON_NULL;
    }

    /** Whether a required key may hold null (marked {@code @JsonInclude(ALWAYS)}: always written, null when absent, e.g. "landmark": null). */
    public static boolean nullable(RecordComponent c) {
        JsonInclude in = c.getAccessor().getAnnotation(JsonInclude.class);
        return in != null && in.value() == JsonInclude.Include.ALWAYS;
    }

    /** One record component as the key check needs it, worked out once per record type (not per JSON object). */
    private record Field(String key, boolean optional, boolean nullable, Type type, boolean nested) {
    }

    private static final ClassValue<Field[]> FIELDS = new ClassValue<>() {
        @Override
        protected Field[] computeValue(Class<?> type) {
            RecordComponent[] cs = type.getRecordComponents();
            Field[] fs = new Field[cs.length];
            for (int i = 0; i < cs.length; i++) {
                Type t = cs[i].getGenericType();
                fs[i] = new Field(key(cs[i]), optional(cs[i]), nullable(cs[i]), t, needsCheck(t));
            }
            return fs;
        }
    };

    /** Whether values of {@code t} hold keys to check (records, lists and maps of them); scalars do not. */
    private static boolean needsCheck(Type t) {
        if (t instanceof Class<?> k) {
            return k.isRecord();
        }
        if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            if (List.class.isAssignableFrom(raw)) {
                return true;
            }
            if (Map.class.isAssignableFrom(raw)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where a value sits ({@code a.b[2].c}), built as text only when a message needs it: the check
     * walks every element of every list, and most of them are fine.
     */
    private record Where(Where parent, String key, int index) {
        static final Where ROOT = new Where(null, null, -1);

        Where child(String k) {
            return new Where(this, k, -1);
        }

        Where element(int i) {
            return new Where(this, null, i);
        }

        String text() {
            if (parent == null) {
                return "";
            }
            String before = parent.text();
            if (key == null) {
                return before + "[" + index + "]";
            }
            return before.isEmpty() ? key : before + "." + key;
        }
    }

    /** "key 'x' missing" for the first required key absent (or null where a section is needed), else null. */
    private static String firstMissing(JsonNode node, Class<?> type, Where where) {
        if (!node.isObject()) {
            return "key '" + where.text() + "' is not an object";
        }
        for (Field f : FIELDS.get(type)) {
            JsonNode v = node.get(f.key());
            if (v == null) {
                if (f.optional()) {
                    continue;
                }
                return "key '" + where.child(f.key()).text() + "' missing";
            }
            if (!f.nested()) {
                continue;
            }
            String inner = nested(v, f.type(), where.child(f.key()), f.optional() || f.nullable());
            if (inner != null) {
                return inner;
            }
        }
        return null;
    }

    private static String nested(JsonNode v, Type t, Where at, boolean optional) {
        if (v.isNull() && optional) {
            return null;
        }
        if (t instanceof Class<?> k && k.isRecord()) {
            if (v.isNull()) {
                return optional ? null : "key '" + at.text() + "' is null";
            }
            return firstMissing(v, k, at);
        }
        if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (List.class.isAssignableFrom(raw)) {
                if (!v.isArray()) {
                    return "key '" + at.text() + "' is not an array";
                }
                if (!needsCheck(args[0])) {
                    return null;
                }
                for (int i = 0; i < v.size(); i++) {
                    String inner = nested(v.get(i), args[0], at.element(i), false);
                    if (inner != null) {
                        return inner;
                    }
                }
            } else if (Map.class.isAssignableFrom(raw)) {
                if (!v.isObject()) {
                    return "key '" + at.text() + "' is not an object";
                }
                if (!needsCheck(args[1])) {
                    return null;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    String inner = nested(e.getValue(), args[1], at.child(e.getKey()), false);
                    if (inner != null) {
                        return inner;
                    }
                }
            }
        }
        return null;
    }

    private static String path(JsonMappingException e) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                parts.add((parts.isEmpty() ? "" : ".") + r.getFieldName());
            } else if (r.getIndex() >= 0) {
                parts.add("[" + r.getIndex() + "]");
            }
        }
        return String.join("", parts);
    }
}
