package eventlens.importers.cdc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.importers.Timestamps;
import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.Origin;
import java.util.Iterator;
import java.util.Map;

/**
 * Kafka records dumped by kcat {@code -J} ({@code topic, partition, offset, ts, headers:["k","v",…],
 * key, payload}) or rpk ({@code …, timestamp, headers:[{key,value}], value}) from a Debezium topic.
 * The key and value are texts there, often JSON in the Connect envelope: they are decoded, and the
 * value is read as a change event when it is one. A record with an {@code id} header or on an
 * {@code outbox.event.*} topic is taken as the output of Debezium's outbox event router: id = header {@code id}, type = header {@code eventType} (or
 * {@code type}), aggregate type = header {@code aggregatetype} else the topic without the router's
 * {@code outbox.event.} prefix, aggregate id = the key, data = the value (the payload, JSON in a
 * string parsed), time = the record's timestamp. Any other record is an error row.
 */
final class KafkaDumps {
    private static final String ROUTER_PREFIX = "outbox.event.";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private KafkaDumps() {
    }

    /** Whether a record is a kcat or rpk dump of a Kafka record. */
    static boolean isKafkaRecord(JsonNode node) {
        return node.isObject() && node.path("topic").isTextual() && node.has("offset")
                && (node.has("payload") || node.has("value"));
    }

    /** Whether a record came out of the outbox event router: an {@code id} header, or an {@code outbox.event.*} topic. */
    static boolean isRouted(JsonNode record) {
        return record.path("topic").asText().startsWith(ROUTER_PREFIX) || headers(record.get("headers")).has("id");
    }

    /** The record's value, decoded (null for a tombstone). */
    static JsonNode value(JsonNode record) {
        return decode(record.has("payload") ? record.get("payload") : record.get("value"));
    }

    /** The record's key, decoded and taken out of a Connect envelope (null when absent). */
    static JsonNode key(JsonNode record) {
        JsonNode key = decode(record.get("key"));
        return key != null && key.isObject() && key.has("schema") && key.has("payload") ? key.get("payload") : key;
    }

    /** Where the record sat in Kafka, kept in the metadata of what it maps to. */
    static ObjectNode coordinates(JsonNode record) {
        ObjectNode kafka = NODES.objectNode();
        for (String name : new String[] {"topic", "partition", "offset", "ts", "timestamp", "key"}) {
            if (record.has(name)) {
                kafka.set(name, record.get(name));
            }
        }
        kafka.set("headers", headers(record.get("headers")));
        return kafka;
    }

    /** The outbox event a routed record carries. */
    static Event routedOutboxEvent(JsonNode record, JsonNode value, String raw, Origin origin, String derivedId) {
        ObjectNode kafka = coordinates(record);
        JsonNode headers = kafka.get("headers");
        String topic = record.get("topic").asText();
        String aggregateType = Rows.text(headers, "aggregatetype", "aggregate_type");
        if (aggregateType == null) {
            aggregateType = topic.startsWith(ROUTER_PREFIX) ? topic.substring(ROUTER_PREFIX.length()) : topic;
        }
        String type = Rows.text(headers, "eventType", "event_type", "type");
        String id = Rows.text(headers, "id");
        JsonNode data = value;
        if (data != null && data.isObject() && data.has("schema") && data.has("payload")) {
            data = data.get("payload"); // the router's value in the Connect envelope
        }
        data = OutboxEvents.payload(data);
        ObjectNode metadata = NODES.objectNode();
        metadata.set("kafka", kafka);
        return new Event(0, id != null ? id : derivedId, type != null ? type : aggregateType + ".event", topic,
                Timestamps.parse(record.has("ts") ? record.get("ts") : record.get("timestamp")), aggregateType,
                Rows.keyId(key(record)), null, Rows.text(headers, "correlationId", "correlation_id"), null,
                Json.write(data), Json.write(metadata), raw, origin);
    }

    /** A dumped key or value: JSON in a text parsed, other text kept; null for an absent or null one. */
    private static JsonNode decode(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return null;
        }
        if (v.isTextual()) {
            String t = v.textValue().strip();
            JsonNode parsed = t.isEmpty() ? null : Json.parseOrMissing(t);
            return parsed == null || parsed.isMissingNode() ? v : parsed;
        }
        return v;
    }

    /** kcat {@code ["k","v",…]}, rpk {@code [{key,value}]} or an object, as name → value. */
    private static ObjectNode headers(JsonNode headers) {
        ObjectNode out = NODES.objectNode();
        if (headers == null || headers.isNull()) {
            return out;
        }
        if (headers.isObject()) {
            out.setAll((ObjectNode) headers);
        } else if (headers.isArray()) {
            for (int i = 0; i < headers.size(); i++) {
                JsonNode h = headers.get(i);
                if (h.isObject() && h.has("key")) {
                    out.set(h.get("key").asText(), h.path("value"));
                } else if (h.isObject()) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = h.fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> e = it.next();
                        out.set(e.getKey(), e.getValue());
                    }
                } else if (i + 1 < headers.size()) {
                    out.set(h.asText(), headers.get(++i));
                }
            }
        }
        return out;
    }
}
