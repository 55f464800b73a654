package eventlens.importers.cdc;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small readings of rows, keys and source blocks shared by the change and outbox mappings. */
final class Rows {
    private Rows() {
    }

    /** The first present, non-null member among {@code names} (case ignored), or null. */
    static JsonNode member(JsonNode object, String... names) {
        if (object == null || !object.isObject()) {
            return null;
        }
        for (String name : names) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                if (f.getKey().equalsIgnoreCase(name) && !f.getValue().isNull()) {
                    return f.getValue();
                }
            }
        }
        return null;
    }

    /** {@link #member} as text (a container as compact JSON), or null. */
    static String text(JsonNode object, String... names) {
        JsonNode v = member(object, names);
        return v == null ? null : v.isValueNode() ? v.asText() : Json.write(v);
    }

    /** Member {@code name} as non-blank text, or null. */
    static String plain(JsonNode object, String name) {
        JsonNode v = object == null ? null : object.get(name);
        return v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank() ? null : v.asText();
    }

    /**
     * A row's identity from a Debezium key: one field → its value; several → the values joined by
     * {@code /} in key order; a scalar key → itself. Null when the key holds nothing usable.
     */
    static String keyId(JsonNode key) {
        if (key == null || key.isNull() || key.isMissingNode()) {
            return null;
        }
        if (key.isValueNode()) {
            return idText(key);
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode v : key) {
            String part = idText(v);
            if (part == null) {
                return null;
            }
            parts.add(part);
        }
        return parts.isEmpty() ? null : String.join("/", parts);
    }

    /**
     * The value of a row's id-like column: {@code id} or {@code _id}, else {@code <table>_id} or
     * {@code <table>id} (also with the table's trailing {@code s} dropped). Null when there is none.
     */
    static String rowId(JsonNode row, String table) {
        if (row == null || !row.isObject()) {
            return null;
        }
        List<String> names = new ArrayList<>(List.of("id", "_id"));
        if (table != null) {
            String t = table.toLowerCase(Locale.ROOT);
            String singular = t.endsWith("s") ? t.substring(0, t.length() - 1) : t;
            names.addAll(List.of(t + "_id", t + "id", singular + "_id", singular + "id"));
        }
        JsonNode v = member(row, names.toArray(String[]::new));
        return v == null ? null : idText(v);
    }

    /** A scalar id as text; a MongoDB id (an Extended JSON text or {@code {$oid}}) as its plain value. */
    private static String idText(JsonNode v) {
        JsonNode plain = v.isTextual() ? ExtendedJson.decodeText(v.textValue()) : ExtendedJson.simplify(v);
        return plain.isValueNode() && !plain.isNull() && !plain.asText().isBlank() ? plain.asText() : null;
    }

    /**
     * The first positive epoch value among the members named by unit: {@code ts_ns}, {@code ts_us}
     * (also {@code ts_usec}, older PostgreSQL connectors), {@code ts_ms}. Null when none is set.
     */
    static Instant epoch(JsonNode object) {
        long ns = positive(object, "ts_ns");
        if (ns > 0) {
            return Instant.ofEpochSecond(0, ns);
        }
        long us = Math.max(positive(object, "ts_us"), positive(object, "ts_usec"));
        if (us > 0) {
            return Instant.ofEpochSecond(Math.floorDiv(us, 1_000_000L), Math.floorMod(us, 1_000_000L) * 1_000L);
        }
        long ms = positive(object, "ts_ms");
        return ms > 0 ? Instant.ofEpochMilli(ms) : null;
    }

    private static long positive(JsonNode object, String name) {
        JsonNode v = object == null ? null : object.get(name);
        if (v == null) {
            return 0;
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return Math.max(v.asLong(), 0);
        }
        return v.isTextual() && v.textValue().matches("\\d{1,18}") ? Long.parseLong(v.textValue()) : 0;
    }
}
