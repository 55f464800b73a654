package eventlens.importers.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.importers.FieldMapper;
import eventlens.importers.MappedRecord;
import eventlens.model.DeadLetter;
import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.Origin;
import java.time.Instant;
import java.util.Map;

/**
 * One message read from a broker (an SQS record, a Kafka record, a RabbitMQ or Service Bus message)
 * while its reader collects its parts; then {@link #event} or {@link #deadLetter} builds the model
 * value.
 *
 * <p>The message as an event: when the decoded body is itself an event (an object with an id and a
 * type, e.g. {@code {"id":…,"type":"order.created",…}}) that body is the event; otherwise the event is
 * {@code {"id": messageId (else "msg-" + 16 hex digits of the SHA-256 of the raw message), "type": type, "time": time, "correlationId": …, "causationId": …, "source": sender else queue,
 * "data": body, "metadata": {"headers": {…}}}}. A dead letter embeds that event as its {@code event}
 * and links to its id; its {@code raw} is the whole broker message, every header included.
 */
final class BrokerMessage {
    String messageId;
    String correlationId;
    /** The message this one was sent in reaction to, when the broker's headers say so. */
    String causationId;
    /** Who sent it, when the headers say so; else the event's source is the queue. */
    String source;
    String type;
    JsonNode body;
    ObjectNode headers = JsonNodeFactory.instance.objectNode();
    String queue;
    String handler;
    String reason;
    String errorType;
    String message;
    String stack;
    Integer attempts;
    Instant time;
    Instant firstFailure;
    Instant lastFailure;
    String raw;
    Origin origin;

    /** The message as the event it carries (see the class comment). */
    Event event() {
        ObjectNode event = eventJson();
        MappedRecord mapped = new FieldMapper(Map.of()).map(event, raw, origin);
        if (mapped instanceof MappedRecord.EventRecord r) {
            return r.event();
        }
        throw new IllegalArgumentException("message has no id, type or time");
    }

    /** The message as a dead letter, embedding {@link #eventJson()}. */
    DeadLetter deadLetter() {
        ObjectNode event = eventJson();
        String eventId = textOf(event.get("id"));
        if (eventId == null) {
            eventId = textOf(event.get("eventId"));
        }
        return new DeadLetter(0, eventId, Json.write(event), handler, queue, reason, errorType, message, stack,
                attempts, firstFailure, lastFailure, null, raw, origin);
    }

    /** The event this message carries, as JSON. */
    ObjectNode eventJson() {
        if (body instanceof ObjectNode object && looksLikeEvent(object)) {
            return object;
        }
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        put(event, "id", messageId != null ? messageId : contentId());
        put(event, "type", type);
        put(event, "time", time == null ? null : time.toString());
        put(event, "correlationId", correlationId);
        put(event, "causationId", causationId);
        put(event, "source", source != null ? source : queue);
        if (body != null) {
            event.set("data", body);
        }
        if (!headers.isEmpty()) {
            event.putObject("metadata").set("headers", headers);
        }
        return event;
    }

    /** For a message without an id: "msg-" and the first 16 hex digits of the SHA-256 of its raw text. */
    private String contentId() {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "msg-" + java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static boolean looksLikeEvent(ObjectNode body) {
        boolean id = body.hasNonNull("id") || body.hasNonNull("eventId");
        boolean type = body.hasNonNull("type") || body.hasNonNull("eventType");
        return id && type;
    }

    private static void put(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    private static String textOf(JsonNode node) {
        return node == null || !node.isValueNode() || node.isNull() ? null : node.asText();
    }
}
