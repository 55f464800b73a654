package eventlens.importers.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.importers.ImportException;
import eventlens.importers.ImportOptions;
import eventlens.importers.ImportSink;
import eventlens.importers.ImportSource;
import eventlens.importers.Importer;
import eventlens.importers.Timestamps;
import eventlens.importers.json.JsonRecords;
import eventlens.model.ImportError;
import eventlens.model.Json;
import eventlens.model.Origin;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads RabbitMQ messages: the management API's "get messages" JSON ({@code payload},
 * {@code payload_encoding}, {@code properties.headers}, {@code routing_key}, {@code exchange}), the
 * Amazon MQ Lambda event ({@code rmqMessagesByQueue}, {@code basicProperties}, base64 {@code data},
 * header values as {@code {"bytes":[…]}}) and plain {@code {properties, body}} messages.
 *
 * <p>A message with an {@code x-death} header becomes a dead letter. {@code x-death} lists one entry
 * per (queue, reason), most recent first, each with a {@code count}: the reason and queue are the
 * first-death ones ({@code x-first-death-reason} / {@code -queue}, else the oldest entry);
 * <b>attempts = the sum of the counts of the {@code rejected} entries</b> (each a consumer failure),
 * or the largest count when no entry is {@code rejected} (expiry-only deaths); first and last failure
 * are the earliest and latest entry {@code time}. Spring AMQP's {@code x-exception-message} and
 * {@code x-exception-stacktrace} give the error when present (its type from the stack's first line).
 * Without {@code x-death} the message is an event.
 */
public final class RabbitMqImporter implements Importer {
    private static final String FORMAT = "rabbitmq";

    @Override
    public String name() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "RabbitMQ messages (management API, Amazon MQ); x-death messages become dead letters";
    }

    @Override
    public List<FieldSource> fields() {
        return List.of(
                new FieldSource("id", "body's id when the body is an event, else properties message_id / messageId"),
                new FieldSource("time", "properties timestamp"),
                new FieldSource("type", "body's type, else properties type"),
                new FieldSource("correlationId", "properties correlation_id / correlationId"),
                new FieldSource("causationId", "header causation_id / causationId / CausationId / x-causation-id"),
                new FieldSource("source", "properties app_id, else the queue"),
                new FieldSource("data", "payload (base64 when payload_encoding is base64), data (base64), body"),
                new FieldSource("metadata", "headers: every header ({\"bytes\":[…]} decoded as text)"),
                new FieldSource("dead letter", "an x-death header"),
                new FieldSource("attempts", "sum of x-death counts with reason rejected, else the largest count"),
                new FieldSource("queue / reason", "x-first-death-queue / -reason, else the oldest x-death entry"),
                new FieldSource("first/last failure", "earliest / latest x-death time"),
                new FieldSource("error", "x-exception-message, x-exception-stacktrace (Spring AMQP)"));
    }

    /** 95 when the head mentions {@code x-death} or {@code rmqMessagesByQueue}. */
    @Override
    public int sniff(byte[] head, String name) {
        String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        return text.contains("\"x-death\"") || text.contains("\"rmqMessagesByQueue\"") ? 95 : 0;
    }

    @Override
    public void read(ImportSource source, ImportOptions options, ImportSink sink) throws ImportException {
        JsonRecords.read(source, FORMAT, this::readRecord, sink);
    }

    private void readRecord(JsonNode node, String raw, Origin origin, ImportSink sink) {
        JsonNode byQueue = node.get("rmqMessagesByQueue");
        if (byQueue == null) {
            readOne(node, raw, origin, null, sink);
            return;
        }
        int index = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = byQueue.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> queue = it.next();
            String name = queue.getKey().contains("::") ? queue.getKey().substring(0, queue.getKey().indexOf("::")) : queue.getKey();
            for (JsonNode m : queue.getValue()) {
                String text = Json.write(m);
                try {
                    readOne(m, text, origin, name, sink);
                } catch (IllegalArgumentException e) {
                    sink.reject(new ImportError(origin.file(), origin.line(), 0, "message " + index + ": " + e.getMessage(), text));
                }
                index++;
            }
        }
    }

    private void readOne(JsonNode m, String raw, Origin origin, String queue, ImportSink sink) {
        JsonNode properties = m.has("basicProperties") ? m.get("basicProperties") : m.path("properties");
        ObjectNode headers = headers(properties.path("headers"));
        BrokerMessage b = new BrokerMessage();
        b.raw = raw;
        b.origin = origin;
        b.headers = headers;
        b.messageId = text(properties, "message_id", "messageId");
        b.correlationId = text(properties, "correlation_id", "correlationId");
        // RabbitMQ has no causation property: applications put it in a header (MassTransit, NServiceBus and
        // hand-written publishers use these names); the publishing application is app_id.
        b.causationId = text(headers, "causation_id", "causationId", "CausationId", "x-causation-id");
        b.source = text(properties, "app_id", "appId");
        b.type = text(properties, "type");
        b.time = Timestamps.parse(properties.get("timestamp"));
        b.queue = queue != null ? queue : text(m, "routing_key", "routingKey");
        b.body = body(m);
        JsonNode deaths = headers.get("x-death");
        if (deaths == null) {
            sink.accept(b.event());
            return;
        }
        if (!deaths.isArray() || deaths.isEmpty()) {
            throw new IllegalArgumentException("malformed header x-death: expected a list of death entries");
        }
        deaths(deaths, headers, b);
        b.message = text(headers, "x-exception-message");
        b.stack = text(headers, "x-exception-stacktrace");
        if (b.stack != null) {
            String first = b.stack.lines().findFirst().orElse("");
            int colon = first.indexOf(':');
            b.errorType = colon > 0 && !first.substring(0, colon).contains(" ") ? first.substring(0, colon) : null;
        }
        sink.accept(b.deadLetter());
    }

    private static void deaths(JsonNode deaths, ObjectNode headers, BrokerMessage b) {
        long rejected = 0;
        long largest = 0;
        boolean anyRejected = false;
        for (JsonNode d : deaths) {
            if (!d.isObject() || !d.path("count").canConvertToLong()) {
                throw new IllegalArgumentException("malformed header x-death: an entry has no count");
            }
            long count = d.path("count").asLong();
            largest = Math.max(largest, count);
            if ("rejected".equals(d.path("reason").asText())) {
                anyRejected = true;
                rejected += count;
            }
            Instant time = Timestamps.parse(d.get("time"));
            if (time != null) {
                b.firstFailure = b.firstFailure == null || time.isBefore(b.firstFailure) ? time : b.firstFailure;
                b.lastFailure = b.lastFailure == null || time.isAfter(b.lastFailure) ? time : b.lastFailure;
            }
        }
        JsonNode oldest = deaths.get(deaths.size() - 1);
        b.attempts = (int) Math.min(anyRejected ? rejected : largest, Integer.MAX_VALUE);
        String firstQueue = text(headers, "x-first-death-queue");
        String firstReason = text(headers, "x-first-death-reason");
        b.queue = firstQueue != null ? firstQueue : oldest.path("queue").asText(b.queue);
        b.reason = firstReason != null ? firstReason : oldest.path("reason").asText(null);
    }

    private static JsonNode body(JsonNode m) {
        if (m.has("data")) {
            return Bodies.fromBase64(m.get("data").asText());
        }
        JsonNode payload = m.has("payload") ? m.get("payload") : m.get("body");
        if (payload == null || payload.isNull()) {
            return null;
        }
        if (!payload.isTextual()) {
            return payload;
        }
        return "base64".equals(m.path("payload_encoding").asText()) ? Bodies.fromBase64(payload.textValue())
                : Bodies.fromText(payload.textValue());
    }

    /** Headers with {@code {"bytes":[…]}} values decoded to text. */
    private static ObjectNode headers(JsonNode headers) {
        ObjectNode out = Json.mapper().createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = headers.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> h = it.next();
            JsonNode v = h.getValue();
            if (v.isObject() && v.size() == 1 && v.path("bytes").isArray()) {
                String text = Bodies.utf8(Bodies.byteList(v.get("bytes"), h.getKey()));
                out.put(h.getKey(), text);
            } else {
                out.set(h.getKey(), v);
            }
        }
        return out;
    }

    private static String text(JsonNode node, String... names) {
        for (String n : names) {
            JsonNode v = node.get(n);
            if (v != null && v.isValueNode() && !v.isNull()) {
                return v.asText();
            }
        }
        return null;
    }
}
