package eventlens.importers.cdc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import eventlens.importers.DerivedId;
import eventlens.importers.ImportSink;
import eventlens.importers.json.JsonRecords;
import eventlens.model.Event;
import eventlens.model.ImportError;
import eventlens.model.Json;
import eventlens.model.Origin;
import java.util.List;

/**
 * Reads the records of one CDC source in order. Besides change events and outbox rows it pairs a
 * key record with the value record that follows it (kcat prints a key line, then a value line, when
 * asked to separate them with a newline), and it recognises tombstones: a key followed by a
 * {@code null} value, or a key right after the delete of the same row (kcat prints the tombstone's
 * null value as an empty line), is skipped without an error, as it only tells Kafka to compact the
 * row away. Any other key with no change event after it becomes an error row. A kcat or rpk dump
 * of a Kafka record carries its own key (see {@link KafkaDumps}); {@code # Kafka Message key: …},
 * {@code Headers} and {@code Timestamp} comment lines above a value, as the Debezium docs print
 * them, give its key and {@code metadata.kafka}. One instance per import.
 */
final class ChangeRecords implements JsonRecords.RecordReader {
    private final CommentLines comments;
    private final DerivedId ids = new DerivedId();
    private final ChangeEvents changes = new ChangeEvents(ids);
    private Pending pending;
    private JsonNode lastDeleted; // the key of the change just read when it was a delete

    /** Records read from {@code comments}, whose {@code # Kafka Message …} notes describe the record below them. */
    ChangeRecords(CommentLines comments) {
        this.comments = comments;
    }

    /** A key record waiting for its value. */
    private record Pending(JsonNode key, String raw, Origin origin) {
    }

    @Override
    public void read(JsonNode node, String raw, Origin origin, ImportSink sink) {
        if (KafkaDumps.isKafkaRecord(node)) {
            readKafka(node, raw, origin, sink);
            return;
        }
        JsonNode schema = MissingNode.getInstance();
        JsonNode body = node;
        if (isEnvelope(node)) {
            schema = node.path("schema");
            body = node.get("payload");
        }
        if (body == null || body.isNull()) {
            if (pending == null) {
                throw new IllegalArgumentException("empty record (a tombstone's null value) without a key before it");
            }
            pending = null; // key + null value: a tombstone, nothing changed
            return;
        }
        refuseTransactionMarker(body);
        ObjectNode noted = noted(origin);
        if (ChangeEvents.isChange(body)) {
            accept(new ChangeEvents.Change(body, schema, takeKey(noted), noted, raw, origin), sink);
        } else if (OutboxEvents.isOutboxRow(body)) {
            JsonNode key = takeKey(noted);
            var context = Json.mapper().createObjectNode();
            if (key != null) {
                context.set("key", key);
            }
            if (noted != null) {
                context.set("kafka", noted);
            }
            sink.accept(OutboxEvents.map(body, context, raw, origin, ids.of(raw), null, null, null));
        } else if (isKey(body, schema)) {
            dangling(sink);
            pending = new Pending(body, raw, origin);
        } else {
            throw new IllegalArgumentException("not a Debezium change event (op with before/after/source) "
                    + "nor an outbox row (aggregatetype, aggregateid, payload)");
        }
    }

    /** A kcat or rpk record: a change event in its value, else a routed outbox event; a null value is a tombstone. */
    private void readKafka(JsonNode record, String raw, Origin origin, ImportSink sink) {
        dangling(sink);
        JsonNode value = KafkaDumps.value(record);
        if (value == null) {
            return; // a tombstone: it only tells Kafka to compact the key away
        }
        JsonNode schema = MissingNode.getInstance();
        JsonNode body = value;
        if (isEnvelope(value)) {
            schema = value.path("schema");
            body = value.get("payload");
        }
        if (body != null) {
            refuseTransactionMarker(body);
        }
        if (body != null && ChangeEvents.isChange(body)) {
            accept(new ChangeEvents.Change(body, schema, KafkaDumps.key(record), KafkaDumps.coordinates(record), raw, origin), sink);
        } else if (KafkaDumps.isRouted(record)) {
            sink.accept(KafkaDumps.routedOutboxEvent(record, value, raw, origin, ids.of(raw)));
        } else {
            throw new IllegalArgumentException("Kafka record whose value is neither a Debezium change event nor "
                    + "outbox router output (no id header, topic not outbox.event.*)");
        }
    }

    private void accept(ChangeEvents.Change change, ImportSink sink) {
        Event e = changes.map(change);
        lastDeleted = "d".equals(change.payload().path("op").asText()) ? change.key() : null;
        sink.accept(e);
    }

    /** Reports a key still waiting at the end of the source. */
    void finish(ImportSink sink) {
        dangling(sink);
    }

    /** The key line waiting for this value, else the key a {@code # Kafka Message key:} note gave. */
    private JsonNode takeKey(ObjectNode noted) {
        JsonNode key = pending == null ? null : pending.key();
        pending = null;
        return key != null || noted == null ? key : noted.get("key");
    }

    /** The {@code # Kafka Message …} notes above a record as {@code {key, headers, timestamp}}; null without any. */
    private ObjectNode noted(Origin origin) {
        List<CommentLines.Note> notes = comments.notesBefore(origin.line());
        if (notes.isEmpty()) {
            return null;
        }
        ObjectNode kafka = Json.mapper().createObjectNode();
        for (CommentLines.Note n : notes) {
            JsonNode value = Json.parseOrMissing(n.value());
            kafka.set(n.name(), value.isMissingNode() ? TextNode.valueOf(n.value()) : value);
        }
        return kafka;
    }

    /** A waiting key that gets no value: silent after a delete of its row (a tombstone), else an error row. */
    private void dangling(ImportSink sink) {
        if (pending == null) {
            return;
        }
        Pending p = pending;
        pending = null;
        if (p.key().equals(lastDeleted)) {
            return;
        }
        sink.reject(new ImportError(p.origin().file(), p.origin().line(), 0,
                "key record with no change event after it (a tombstone whose delete is missing, or a stray line)", p.raw()));
    }

    /** The JSON converter's {@code {schema, payload}} envelope (also a bare {@code {payload: change}}). */
    private static boolean isEnvelope(JsonNode node) {
        if (!node.isObject() || !node.has("payload")) {
            return false;
        }
        return node.has("schema") && node.size() == 2 || ChangeEvents.isChange(node.get("payload"));
    }

    /**
     * Refuses Debezium's transaction metadata record ({@code status} BEGIN or END with the
     * transaction {@code id}), which is no change and, being flat, must not be taken for a key.
     */
    private static void refuseTransactionMarker(JsonNode body) {
        String status = body.path("status").asText("");
        if (body.isObject() && body.has("id") && ("BEGIN".equals(status) || "END".equals(status))) {
            throw new IllegalArgumentException("transaction " + status
                    + " marker, not a change: skipped (its id is the correlationId of the changes it frames)");
        }
    }

    /** A record that can be a Debezium key: a scalar, a flat object of scalars, or one whose schema is a {@code .Key}. */
    private static boolean isKey(JsonNode body, JsonNode schema) {
        if (schema.path("name").asText("").endsWith(".Key")) {
            return true;
        }
        if (body.isValueNode()) {
            return true;
        }
        if (!body.isObject() || body.isEmpty()) {
            return false;
        }
        for (JsonNode v : body) {
            if (v.isContainerNode()) {
                return false;
            }
        }
        return true;
    }
}
