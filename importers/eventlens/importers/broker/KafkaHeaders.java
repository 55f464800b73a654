package eventlens.importers.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.model.Json;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The headers of one Kafka record as name → value, from any of the JSON dump styles:
 * kcat {@code -J} ({@code ["k1","v1","k2","v2"]}), rpk ({@code [{"key":…,"value":…}]}), Lambda MSK
 * ({@code [{"name":[byte, …]}]}) or a plain object. A value is text, or bytes when the dump gives a
 * list of byte numbers. Dead-letter headers are then read by name (Spring, SmallRye, Kafka Connect).
 */
final class KafkaHeaders {
    /** Spring's headers that hold big-endian binary numbers rather than text. */
    private static final Set<String> BINARY_NUMBERS = Set.of("kafka_dlt-original-partition",
            "kafka_dlt-original-offset", "kafka_dlt-original-timestamp", "retry_topic-attempts");

    private final Map<String, Object> values;

    private KafkaHeaders(Map<String, Object> values) {
        this.values = values;
    }

    /**
     * Reads a headers member ({@code null} or missing gives no headers).
     *
     * @throws IllegalArgumentException for a shape that is none of the known ones
     */
    static KafkaHeaders of(JsonNode headers) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (headers == null || headers.isNull() || headers.isMissingNode()) {
            return new KafkaHeaders(out);
        }
        if (headers.isObject()) {
            headers.fields().forEachRemaining(e -> out.put(e.getKey(), value(e.getKey(), e.getValue())));
        } else if (headers.isArray() && (headers.isEmpty() || headers.get(0).isTextual() || headers.get(0).isNull())) {
            if (headers.size() % 2 != 0) {
                throw new IllegalArgumentException("malformed headers: a kcat header list needs name/value pairs, got "
                        + headers.size() + " items");
            }
            for (int i = 0; i < headers.size(); i += 2) {
                out.put(headers.get(i).asText(), value(headers.get(i).asText(), headers.get(i + 1)));
            }
        } else if (headers.isArray()) {
            for (JsonNode h : headers) {
                if (!h.isObject()) {
                    throw new IllegalArgumentException("malformed headers: expected objects, got " + h.getNodeType());
                }
                if (h.has("key")) {
                    out.put(h.get("key").asText(), value(h.get("key").asText(), h.get("value")));
                } else {
                    for (Iterator<Map.Entry<String, JsonNode>> it = h.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        out.put(e.getKey(), value(e.getKey(), e.getValue()));
                    }
                }
            }
        } else {
            throw new IllegalArgumentException("malformed headers: " + headers.getNodeType() + " is not a header list");
        }
        return new KafkaHeaders(out);
    }

    private static Object value(String name, JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isArray()) {
            return Bodies.byteList(v, name);
        }
        if (v.isValueNode()) {
            return v.asText();
        }
        throw new IllegalArgumentException("malformed header " + name + ": a " + v.getNodeType() + " is not a header value");
    }

    /** Whether any header marks the record as a dead letter. */
    boolean isDeadLetter() {
        return values.keySet().stream().anyMatch(n -> n.startsWith("kafka_dlt-") || n.startsWith("dead-letter-")
                || n.startsWith("__connect.errors."));
    }

    /** A header as text (bytes read as UTF-8); null when absent. */
    String text(String name) {
        Object v = values.get(name);
        if (v instanceof byte[] bytes) {
            String text = Bodies.utf8(bytes);
            return text == null ? java.util.HexFormat.of().formatHex(bytes) : text;
        }
        return (String) v;
    }

    /**
     * A numeric header: Spring's binary big-endian values (bytes, or base64 text in a dump), or a
     * decimal text; null when absent.
     *
     * @throws IllegalArgumentException when present but unreadable
     */
    Long number(String name) {
        Object v = values.get(name);
        if (v == null) {
            return null;
        }
        if (v instanceof byte[] bytes) {
            return BINARY_NUMBERS.contains(name) ? Bodies.bigEndian(bytes, name) : parseDecimal(name, Bodies.utf8(bytes));
        }
        String text = ((String) v).strip();
        if (text.matches("-?\\d{1,19}")) {
            return Long.parseLong(text);
        }
        byte[] decoded = Bodies.base64(text);
        if (BINARY_NUMBERS.contains(name) && decoded != null && (decoded.length == 4 || decoded.length == 8)) {
            return Bodies.bigEndian(decoded, name);
        }
        throw new IllegalArgumentException("malformed header " + name + ": '" + text
                + "' is neither a number nor a base64 big-endian value");
    }

    private static Long parseDecimal(String name, String text) {
        if (text != null && text.strip().matches("-?\\d{1,19}")) {
            return Long.parseLong(text.strip());
        }
        throw new IllegalArgumentException("malformed header " + name + ": not a number");
    }

    /** The first of the named headers present, as text. */
    String firstText(String... names) {
        for (String n : names) {
            String t = text(n);
            if (t != null) {
                return t;
            }
        }
        return null;
    }

    /** Every header as JSON (numbers for Spring's binary numbers, text for the rest). */
    ObjectNode toJson() {
        ObjectNode out = Json.mapper().createObjectNode();
        for (String name : values.keySet()) {
            if (BINARY_NUMBERS.contains(name)) {
                Long n = number(name);
                if (name.endsWith("timestamp") && n != null) {
                    out.put(name, Instant.ofEpochMilli(n).toString());
                } else {
                    out.put(name, n);
                }
            } else {
                out.put(name, text(name));
            }
        }
        return out;
    }
}
