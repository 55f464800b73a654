package eventlens.importers.cdc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.model.Json;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

/**
 * MongoDB Extended JSON, as the Debezium MongoDB connector writes {@code after}, {@code before},
 * {@code patch} and key ids: a JSON document inside a string, with typed wrappers. Decoding parses
 * the string and replaces the wrappers by plain values so that the data reads like any other row:
 * {@code {"$oid":"5d…"}} → {@code "5d…"}; {@code $numberLong}, {@code $numberInt},
 * {@code $numberDouble}, {@code $numberDecimal} → numbers; {@code {"$date":ms}} (also with a
 * {@code $numberLong} inside, or an ISO text) → an ISO-8601 instant. Other wrappers
 * ({@code $binary}, {@code $timestamp}, …) are kept as they are.
 */
final class ExtendedJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ExtendedJson() {
    }

    /** The document a text holds, wrappers simplified; the text itself when it is not a JSON object or array. */
    static JsonNode decodeText(String text) {
        String t = text.strip();
        if (!t.startsWith("{") && !t.startsWith("[")) {
            return NODES.textNode(text);
        }
        JsonNode parsed = Json.parseOrMissing(t);
        return parsed.isMissingNode() ? NODES.textNode(text) : simplify(parsed);
    }

    /** A tree with every Extended JSON wrapper replaced by its plain value. */
    static JsonNode simplify(JsonNode node) {
        if (node.isArray()) {
            ArrayNode copy = NODES.arrayNode();
            node.forEach(e -> copy.add(simplify(e)));
            return copy;
        }
        if (!node.isObject()) {
            return node;
        }
        if (node.size() == 1) {
            JsonNode plain = unwrap(node.fieldNames().next(), node.elements().next());
            if (plain != null) {
                return plain;
            }
        }
        ObjectNode copy = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            copy.set(f.getKey(), simplify(f.getValue()));
        }
        return copy;
    }

    /** The plain value of one wrapper, or null when it is not one we simplify. */
    private static JsonNode unwrap(String name, JsonNode v) {
        try {
            return switch (name) {
                case "$oid", "$uuid", "$symbol" -> v.isTextual() ? v : null;
                case "$numberLong", "$numberInt" -> v.isIntegralNumber() ? v : NODES.numberNode(Long.parseLong(v.asText()));
                case "$numberDecimal" -> NODES.numberNode(new BigDecimal(v.asText()));
                case "$numberDouble" -> number(v.asText());
                case "$date" -> date(v);
                default -> null;
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static JsonNode number(String text) {
        double d = Double.parseDouble(text);
        // NaN and the infinities have no JSON number: keep their names as text
        return Double.isFinite(d) ? NODES.numberNode(d) : NODES.textNode(text);
    }

    private static JsonNode date(JsonNode v) {
        if (v.isTextual()) {
            return v; // already ISO-8601 (relaxed mode)
        }
        JsonNode millis = v.isObject() ? v.get("$numberLong") : v;
        if (millis == null) {
            return null;
        }
        long ms = millis.isNumber() ? millis.asLong() : Long.parseLong(millis.asText());
        return NODES.textNode(Instant.ofEpochMilli(ms).toString());
    }
}
