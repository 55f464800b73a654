package eventlens.importers.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Locale;

/** Key-value lists of the trace formats turned into plain JSON objects ({@code {key: value}}). */
final class Attributes {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Attributes() {
    }

    /**
     * OTLP attributes {@code [{"key": k, "value": AnyValue}]} as {@code {k: value}}: stringValue,
     * boolValue, doubleValue as they are, intValue (a string in OTLP/JSON) as a number, bytesValue as
     * its base64 text, arrayValue as an array, kvlistValue as an object. Entries without a key are
     * skipped; an unknown value shape is kept as found.
     */
    static ObjectNode otlp(JsonNode list) {
        ObjectNode out = NODES.objectNode();
        if (list != null && list.isArray()) {
            for (JsonNode kv : list) {
                String key = kv.path("key").asText(null);
                if (key != null) {
                    out.set(key, anyValue(kv.get("value")));
                }
            }
        }
        return out;
    }

    static JsonNode anyValue(JsonNode value) {
        if (value == null || !value.isObject() || value.isEmpty()) {
            return NODES.nullNode();
        }
        if (value.has("intValue")) {
            return number(value.get("intValue"));
        }
        if (value.has("arrayValue")) {
            ArrayNode array = NODES.arrayNode();
            value.get("arrayValue").path("values").forEach(v -> array.add(anyValue(v)));
            return array;
        }
        if (value.has("kvlistValue")) {
            return otlp(value.get("kvlistValue").path("values"));
        }
        for (String field : new String[] {"stringValue", "boolValue", "doubleValue", "bytesValue"}) {
            if (value.has(field)) {
                return value.get(field);
            }
        }
        return value;
    }

    /**
     * Jaeger tags {@code [{"key": k, "type": t, "value": v}]} as {@code {k: v}}; values written as
     * text for type bool, int64 or float64 (the Jaeger UI fixtures have {@code "value": "true"})
     * are turned into booleans and numbers.
     */
    static ObjectNode jaeger(JsonNode tags) {
        ObjectNode out = NODES.objectNode();
        if (tags != null && tags.isArray()) {
            for (JsonNode tag : tags) {
                String key = tag.path("key").asText(null);
                if (key != null) {
                    out.set(key, typed(tag.path("type").asText("").toLowerCase(Locale.ROOT), tag.get("value")));
                }
            }
        }
        return out;
    }

    private static JsonNode typed(String type, JsonNode value) {
        if (value == null) {
            return NODES.nullNode();
        }
        if (!value.isTextual()) {
            return value;
        }
        String text = value.textValue();
        if (type.equals("bool") && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return NODES.booleanNode(Boolean.parseBoolean(text));
        }
        if (type.equals("int64") || type.equals("float64")) {
            return number(value);
        }
        return value;
    }

    /** A number from a JSON number or numeric text; anything else as found. */
    private static JsonNode number(JsonNode value) {
        if (value != null && value.isTextual()) {
            try {
                return NODES.numberNode(new BigDecimal(value.textValue().strip()));
            } catch (NumberFormatException e) {
                return value;
            }
        }
        return value == null ? NODES.nullNode() : value;
    }

    /** Whether an {@code error} tag marks the span failed (Jaeger {@code error=true}; in Zipkin any value). */
    static boolean isError(JsonNode errorTag, boolean anyValue) {
        if (errorTag == null || errorTag.isNull()) {
            return false;
        }
        if (errorTag.isBoolean()) {
            return errorTag.booleanValue();
        }
        return anyValue ? !errorTag.asText().equalsIgnoreCase("false") : errorTag.asText().equalsIgnoreCase("true");
    }
}
