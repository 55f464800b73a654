package eventlens.importers.cdc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.model.Json;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Base64;

/**
 * Shows Kafka Connect logical types readably, where the record's {@code schema} names them. The
 * JSON converter writes a date as a day count, a time as micro- or nanoseconds and a decimal as
 * base64 bytes; the row data is more useful as text a person reads:
 * <ul>
 *   <li>{@code io.debezium.time.Date}, {@code org.apache.kafka.connect.data.Date} (epoch day) → {@code 2019-01-31};</li>
 *   <li>{@code io.debezium.time.Time} (ms), {@code MicroTime} (µs), {@code NanoTime} (ns of the day),
 *       {@code org.apache.kafka.connect.data.Time} (ms) → {@code 12:13:01.500};</li>
 *   <li>{@code io.debezium.time.Timestamp} (ms), {@code MicroTimestamp} (µs), {@code NanoTimestamp}
 *       (ns) → a local date-time {@code 2019-01-31T12:13:01} (Debezium's own types carry no zone);
 *       {@code org.apache.kafka.connect.data.Timestamp} (ms) → an instant {@code …Z};</li>
 *   <li>{@code org.apache.kafka.connect.data.Decimal} as base64 bytes with {@code parameters.scale},
 *       and {@code io.debezium.data.VariableScaleDecimal} ({@code {scale, value}}) → a number;</li>
 *   <li>{@code io.debezium.data.Json} (JSON in a string) → the JSON itself.</li>
 * </ul>
 * Values already in a readable form (a decimal sent as a number, say) and values that do not fit
 * their type are left as they are: a conversion never loses what the record holds.
 */
final class ConnectValues {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ConnectValues() {
    }

    /** The schema of the struct field {@code name} of an envelope schema, or a missing node. */
    static JsonNode fieldSchema(JsonNode structSchema, String name) {
        for (JsonNode f : structSchema.path("fields")) {
            if (name.equals(f.path("field").asText())) {
                return f;
            }
        }
        return MissingNode.getInstance();
    }

    /** A copy of the struct {@code row} with each field converted by its schema; {@code row} itself without one. */
    static JsonNode convert(JsonNode row, JsonNode schema) {
        if (!row.isObject() || !schema.path("fields").isArray()) {
            return row;
        }
        ObjectNode copy = ((ObjectNode) row).deepCopy();
        for (JsonNode f : schema.path("fields")) {
            String field = f.path("field").asText();
            JsonNode value = copy.get(field);
            if (value != null && !value.isNull()) {
                copy.set(field, value(value, f));
            }
        }
        return copy;
    }

    /** One value converted by its field schema. */
    static JsonNode value(JsonNode value, JsonNode schema) {
        if ("struct".equals(schema.path("type").asText()) && !schema.has("name")) {
            return convert(value, schema);
        }
        try {
            JsonNode converted = logical(schema.path("name").asText(""), value, schema);
            return converted == null ? value : converted;
        } catch (RuntimeException e) { // a value that does not fit its declared type stays as recorded
            return value;
        }
    }

    private static JsonNode logical(String name, JsonNode v, JsonNode schema) {
        return switch (name) {
            case "io.debezium.time.Date", "org.apache.kafka.connect.data.Date" ->
                    v.canConvertToLong() ? text(LocalDate.ofEpochDay(v.asLong())) : null;
            case "io.debezium.time.Time", "org.apache.kafka.connect.data.Time" -> timeOfDay(v, 1_000_000L);
            case "io.debezium.time.MicroTime" -> timeOfDay(v, 1_000L);
            case "io.debezium.time.NanoTime" -> timeOfDay(v, 1L);
            case "io.debezium.time.Timestamp" -> local(v, 1_000_000L);
            case "io.debezium.time.MicroTimestamp" -> local(v, 1_000L);
            case "io.debezium.time.NanoTimestamp" -> local(v, 1L);
            case "org.apache.kafka.connect.data.Timestamp" ->
                    v.canConvertToLong() ? text(Instant.ofEpochMilli(v.asLong())) : null;
            case "org.apache.kafka.connect.data.Decimal" -> v.isTextual()
                    ? NODES.numberNode(decimal(v.textValue(), schema.path("parameters").path("scale").asInt(0))) : null;
            case "io.debezium.data.VariableScaleDecimal" -> v.isObject() && v.path("value").isTextual()
                    ? NODES.numberNode(decimal(v.path("value").textValue(), v.path("scale").asInt(0))) : null;
            case "io.debezium.data.Json" -> v.isTextual() ? json(v.textValue()) : null;
            default -> null;
        };
    }

    private static JsonNode timeOfDay(JsonNode v, long nanosPerUnit) {
        return v.canConvertToLong() ? text(LocalTime.ofNanoOfDay(v.asLong() * nanosPerUnit)) : null;
    }

    private static JsonNode local(JsonNode v, long nanosPerUnit) {
        if (!v.canConvertToLong()) {
            return null;
        }
        long units = v.asLong();
        long perSecond = 1_000_000_000L / nanosPerUnit;
        long seconds = Math.floorDiv(units, perSecond);
        int nanos = (int) (Math.floorMod(units, perSecond) * nanosPerUnit);
        return text(LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC));
    }

    /** Connect's decimal: the unscaled value as big-endian two's-complement bytes, base64. */
    private static BigDecimal decimal(String base64, int scale) {
        return new BigDecimal(new BigInteger(Base64.getDecoder().decode(base64)), scale);
    }

    private static JsonNode json(String text) {
        JsonNode parsed = Json.parseOrMissing(text);
        return parsed.isMissingNode() ? null : parsed;
    }

    private static JsonNode text(Object value) {
        return NODES.textNode(value.toString());
    }
}
