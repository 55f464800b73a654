package eventlens.importers.cdc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.importers.DerivedId;
import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.Origin;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Maps one Debezium change event (the envelope's {@code payload}, or the bare event) to an
 * {@link Event}. See {@link DebeziumImporter} for the field table. A created or snapshot-read row of
 * an outbox table is handed to {@link OutboxEvents} instead: it stands for the event it carries.
 */
final class ChangeEvents {
    private final DerivedId ids;

    ChangeEvents(DerivedId ids) {
        this.ids = ids;
    }

    /**
     * A change event with its Connect schema (missing when schemaless), key (null when not given)
     * and Kafka coordinates (null unless it came from a Kafka record dump).
     */
    record Change(JsonNode payload, JsonNode schema, JsonNode key, ObjectNode kafka, String raw, Origin origin) {
    }

    /** Whether a record is a change event: an {@code op} text beside {@code before}, {@code after} or {@code source}. */
    static boolean isChange(JsonNode node) {
        return node.isObject() && node.path("op").isTextual()
                && (node.has("before") || node.has("after") || node.has("source"));
    }

    /** The verb an {@code op} code stands for; the type is {@code <table>.<verb>}. */
    static String verb(String op) {
        return switch (op) {
            case "c" -> "created";
            case "u" -> "updated";
            case "d" -> "deleted";
            case "r" -> "read";
            case "t" -> "truncated";
            case "m" -> "message";
            default -> throw new IllegalArgumentException("unknown Debezium op \"" + op + "\" (expected c, u, d, r, t or m)");
        };
    }

    Event map(Change c) {
        JsonNode p = c.payload();
        String op = p.path("op").asText();
        String verb = verb(op);
        JsonNode source = p.path("source");
        JsonNode before = image(p.get("before"), ConnectValues.fieldSchema(c.schema(), "before"));
        JsonNode after = image(p.get("after"), ConnectValues.fieldSchema(c.schema(), "after"));
        JsonNode patch = image(p.get("patch"), MissingNode.getInstance());
        String table = table(source, c.schema());
        Instant databaseTime = Rows.epoch(source);
        Instant time = databaseTime != null ? databaseTime : Rows.epoch(p);
        String sourceName = sourceName(source, table);
        String correlation = "r".equals(op) ? null : transaction(p, source);
        String id = ids.of(Json.write(p));
        if (("c".equals(op) || "r".equals(op)) && OutboxEvents.isOutboxRow(after)) {
            ObjectNode context = context(op, table, source, c, p);
            return OutboxEvents.map(after, context, c.raw(), c.origin(), id, time, sourceName, correlation);
        }
        JsonNode row = "d".equals(op) ? before : firstPresent(after, patch, before);
        String aggregateId = aggregateId(c, table, row, row == after ? before : after);
        ObjectNode data = row != null && row.isObject() ? ((ObjectNode) row).deepCopy() : Json.mapper().createObjectNode();
        if ("m".equals(op) && p.has("message")) {
            data.set("message", p.get("message"));
        }
        data.put("__op", op);
        ObjectNode metadata = context(op, table, source, c, p);
        metadata.set("before", before == null ? Json.mapper().nullNode() : before);
        metadata.set("after", after == null ? Json.mapper().nullNode() : after);
        if (patch != null) {
            metadata.set("patch", patch);
        }
        if ("u".equals(op) && before != null && after != null) {
            metadata.set("changed", changed(before, after));
        }
        String type = table == null ? verb : table + "." + verb;
        return new Event(0, id, type, sourceName, time, table, aggregateId, null, correlation, null,
                Json.write(data), Json.write(metadata), c.raw(), c.origin());
    }

    /**
     * {@code <table>/<row id>}: the row id from the key, else the row's id-like column (in the image
     * shown, then in the other: an update's partial before image may lack it), else a message's prefix.
     * The table is part of it because the store knows an aggregate by its id alone: row 7 of orders
     * and row 7 of customers must not become one history.
     */
    private static String aggregateId(Change c, String table, JsonNode row, JsonNode otherImage) {
        String id = Rows.keyId(c.key());
        if (id == null) {
            id = Rows.rowId(row, table);
        }
        if (id == null) {
            id = Rows.rowId(otherImage, table);
        }
        if (id == null) {
            id = Rows.plain(c.payload().path("message"), "prefix");
        }
        return id == null || table == null ? id : table + "/" + id;
    }

    /** A row image: Extended JSON text decoded (MongoDB), Connect logical types shown readably. */
    private static JsonNode image(JsonNode value, JsonNode schema) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        JsonNode row = value.isTextual() ? ExtendedJson.decodeText(value.textValue()) : value;
        return ConnectValues.convert(row, schema);
    }

    private static JsonNode firstPresent(JsonNode... nodes) {
        for (JsonNode n : nodes) {
            if (n != null) {
                return n;
            }
        }
        return null;
    }

    /** source.table, source.collection (MongoDB), else the table part of the schema name {@code server.db.table.Envelope}. */
    static String table(JsonNode source, JsonNode schema) {
        String table = Rows.plain(source, "table");
        if (table == null) {
            table = Rows.plain(source, "collection");
        }
        String name = schema.path("name").asText("");
        if (table == null && name.endsWith(".Envelope")) {
            String[] parts = name.split("\\.");
            table = parts.length >= 2 ? parts[parts.length - 2] : null;
        }
        return table;
    }

    /** {@code connector/db.schema.table}, leaving out the parts the source block lacks; null without any. */
    static String sourceName(JsonNode source, String table) {
        List<String> path = new ArrayList<>();
        for (String part : new String[] {Rows.plain(source, "db"), Rows.plain(source, "schema"), table}) {
            if (part != null) {
                path.add(part);
            }
        }
        String connector = Rows.plain(source, "connector");
        if (connector == null) {
            connector = Rows.plain(source, "name");
        }
        String where = String.join(".", path);
        if (connector == null) {
            return where.isEmpty() ? null : where;
        }
        return where.isEmpty() ? connector : connector + "/" + where;
    }

    /**
     * The database transaction, as the flow the change belongs to: {@code transaction.id} when the
     * connector adds transaction metadata, else PostgreSQL's {@code txId} or MySQL's {@code gtid},
     * prefixed with the server name so that two databases' numbers do not meet.
     */
    private static String transaction(JsonNode p, JsonNode source) {
        String tx = Rows.plain(p.path("transaction"), "id");
        if (tx != null) {
            return tx;
        }
        String local = Rows.plain(source, "txId");
        if (local == null) {
            local = Rows.plain(source, "gtid");
        }
        if (local == null) {
            return null;
        }
        String server = Rows.plain(source, "name");
        return server == null ? local : server + ":" + local;
    }

    /** What the change was and where it came from, kept for every mapped event. */
    private static ObjectNode context(String op, String table, JsonNode source, Change c, JsonNode payload) {
        ObjectNode m = Json.mapper().createObjectNode();
        m.put("op", op);
        if (table != null) {
            m.put("table", table);
        }
        if (!source.isMissingNode()) {
            m.set("source", source);
        }
        if (c.key() != null) {
            m.set("key", c.key());
        }
        if (c.kafka() != null) {
            m.set("kafka", c.kafka());
        }
        JsonNode tx = payload.get("transaction");
        if (tx != null && !tx.isNull()) {
            m.set("transaction", tx);
        }
        for (String ts : new String[] {"ts_ms", "ts_us", "ts_ns"}) {
            if (payload.has(ts)) {
                m.set(ts, payload.get(ts));
            }
        }
        return m;
    }

    /** The columns whose values differ between the two images (of those the before image holds). */
    private static ArrayNode changed(JsonNode before, JsonNode after) {
        ArrayNode names = Json.mapper().createArrayNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = after.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            JsonNode old = before.get(f.getKey());
            if (old != null && !old.equals(f.getValue())) {
                names.add(f.getKey());
            }
        }
        return names;
    }
}
