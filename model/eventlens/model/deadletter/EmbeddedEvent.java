package eventlens.model.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.Origin;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The event a dead letter embeds, read back from its JSON text with the common member names (id /
 * eventId, type / eventType, time / timestamp, aggregateId, aggregateType, version, correlationId and
 * causationId at the top or in metadata, data, metadata). Readers in {@code importers} map the
 * message into this shape when they store a dead letter, so the few names here suffice.
 */
final class EmbeddedEvent {
    /** The metadata member that flags an event seen only in a dead-letter queue. */
    static final String SEEN_ONLY_IN_DLQ = "eventlens.seenOnlyInDeadLetterQueue";

    private EmbeddedEvent() {
    }

    /** The embedded event of {@code text}, when it is a JSON object with an id. */
    static Optional<Event> read(String text, String fallbackId, Origin origin) {
        if (text == null) {
            return Optional.empty();
        }
        JsonNode node = Json.parseOrMissing(text);
        if (!node.isObject()) {
            return Optional.empty();
        }
        JsonNode meta = node.has("metadata") ? node.get("metadata") : node.path("meta");
        String id = first(node, meta, "id", "eventId");
        if (id == null) {
            id = fallbackId;
        }
        if (id == null) {
            return Optional.empty();
        }
        String version = first(node, meta, "version");
        return Optional.of(new Event(0, id, first(node, null, "type", "eventType"), first(node, meta, "source"),
                time(first(node, meta, "time", "timestamp", "occurredAt")), first(node, meta, "aggregateType"),
                first(node, meta, "aggregateId"),
                version != null && version.matches("-?\\d{1,18}") ? Long.valueOf(version) : null,
                first(node, meta, "correlationId"), first(node, meta, "causationId"),
                node.has("data") ? Json.write(node.get("data")) : null,
                meta.isMissingNode() ? null : Json.write(meta), text, origin));
    }

    private static String first(JsonNode node, JsonNode meta, String... names) {
        for (JsonNode in : new JsonNode[] {node, meta}) {
            if (in == null) {
                continue;
            }
            for (String n : names) {
                JsonNode v = in.get(n);
                if (v != null && v.isValueNode() && !v.isNull()) {
                    return v.asText();
                }
            }
        }
        return null;
    }

    private static Instant time(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
