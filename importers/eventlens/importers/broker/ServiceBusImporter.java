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
import eventlens.model.Json;
import eventlens.model.Origin;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads .NET service-bus dead letters: Azure Service Bus dead-lettered messages and NServiceBus
 * failed messages, one JSON object per message (lines, an array, or pretty-printed objects).
 *
 * <p><b>Azure Service Bus</b>: {@code MessageId}, {@code CorrelationId}, {@code Subject}/{@code Label}
 * (type), {@code EnqueuedTimeUtc}, {@code DeliveryCount} (attempts), {@code Body}, and the dead-letter
 * properties {@code DeadLetterReason} (error type and reason), {@code DeadLetterErrorDescription}
 * (message), {@code DeadLetterSource} (queue) — read at the top level or among
 * {@code ApplicationProperties} / {@code UserProperties} / {@code Properties}. The failure time is
 * {@code DeadLetteredTimeUtc} when present, else {@code EnqueuedTimeUtc}.
 *
 * <p><b>NServiceBus</b>: headers (in {@code Headers}, or the record itself)
 * {@code NServiceBus.ExceptionInfo.ExceptionType}, {@code .Message}, {@code .StackTrace},
 * {@code NServiceBus.FailedQ} (queue), {@code NServiceBus.ProcessingEndpoint} (handler),
 * {@code NServiceBus.TimeOfFailure} (first and last failure; format
 * {@code 2024-01-15 10:30:00:123456 Z}), {@code NServiceBus.MessageId},
 * {@code NServiceBus.EnclosedMessageTypes} (type: the first type's name without its assembly),
 * {@code NServiceBus.TimeSent}; correlation = {@code NServiceBus.ConversationId} (the conversation: every
 * message sent while handling another carries it), else {@code NServiceBus.CorrelationId}; causation =
 * {@code NServiceBus.RelatedTo} (the message being handled when this one was sent); source =
 * {@code NServiceBus.OriginatingEndpoint}; the intent ({@code NServiceBus.MessageIntent}: Send, Publish,
 * Reply) stays among the headers; attempts = {@code NServiceBus.Retries} + 1 when present (delayed
 * retries; NServiceBus does not record immediate retries in the headers).
 */
public final class ServiceBusImporter implements Importer {
    private static final String FORMAT = "servicebus";
    private static final String NSB = "NServiceBus.";
    private static final DateTimeFormatter NSB_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss:SSSSSS");

    @Override
    public String name() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "Azure Service Bus dead-lettered messages and NServiceBus failed messages";
    }

    @Override
    public List<FieldSource> fields() {
        return List.of(
                new FieldSource("id", "body's id when the body is an event, else MessageId / NServiceBus.MessageId"),
                new FieldSource("correlationId", "CorrelationId / NServiceBus.ConversationId, else NServiceBus.CorrelationId"),
                new FieldSource("causationId", "NServiceBus.RelatedTo"),
                new FieldSource("source", "queue / NServiceBus.OriginatingEndpoint"),
                new FieldSource("type", "Subject, Label / NServiceBus.EnclosedMessageTypes (first, without assembly)"),
                new FieldSource("time", "EnqueuedTimeUtc / NServiceBus.TimeSent"),
                new FieldSource("data", "Body / body (JSON in text decoded)"),
                new FieldSource("metadata", "headers: application properties / NServiceBus headers"),
                new FieldSource("error type / message", "DeadLetterReason / DeadLetterErrorDescription; "
                        + "NServiceBus.ExceptionInfo.ExceptionType / .Message / .StackTrace"),
                new FieldSource("attempts", "DeliveryCount / NServiceBus.Retries + 1"),
                new FieldSource("queue / handler", "DeadLetterSource / NServiceBus.FailedQ, NServiceBus.ProcessingEndpoint"),
                new FieldSource("failure time", "DeadLetteredTimeUtc, else EnqueuedTimeUtc / NServiceBus.TimeOfFailure"));
    }

    /** 95 when the head holds {@code DeadLetterReason} or {@code NServiceBus.} headers. */
    @Override
    public int sniff(byte[] head, String name) {
        String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        return text.contains("\"DeadLetterReason\"") || text.contains("\"NServiceBus.") ? 95 : 0;
    }

    @Override
    public void read(ImportSource source, ImportOptions options, ImportSink sink) throws ImportException {
        JsonRecords.read(source, FORMAT, this::readRecord, sink);
    }

    private void readRecord(JsonNode node, String raw, Origin origin, ImportSink sink) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("not a message object");
        }
        JsonNode headers = node.has("Headers") ? node.get("Headers") : node;
        BrokerMessage m = new BrokerMessage();
        m.raw = raw;
        m.origin = origin;
        m.body = body(node);
        if (headers.has(NSB + "MessageId") || headers.has(NSB + "ExceptionInfo.ExceptionType")) {
            nServiceBus(headers, m);
        } else {
            azure(node, m);
        }
        if (m.errorType == null && m.message == null && m.reason == null) {
            sink.accept(m.event());
        } else {
            sink.accept(m.deadLetter());
        }
    }

    private static void nServiceBus(JsonNode h, BrokerMessage m) {
        m.headers = headersOf(h, true);
        m.messageId = text(h, NSB + "MessageId");
        // A conversation is NServiceBus's flow: every message sent while handling one carries its
        // ConversationId; CorrelationId only names the message a reply answers.
        m.correlationId = text(h, NSB + "ConversationId", NSB + "CorrelationId");
        m.causationId = text(h, NSB + "RelatedTo");
        m.source = text(h, NSB + "OriginatingEndpoint");
        String types = text(h, NSB + "EnclosedMessageTypes");
        m.type = types == null ? null : types.split(";")[0].split(",")[0].strip();
        m.time = nsbTime(text(h, NSB + "TimeSent"));
        m.errorType = text(h, NSB + "ExceptionInfo.ExceptionType");
        m.message = text(h, NSB + "ExceptionInfo.Message");
        m.stack = text(h, NSB + "ExceptionInfo.StackTrace");
        m.queue = text(h, NSB + "FailedQ");
        m.handler = text(h, NSB + "ProcessingEndpoint");
        m.firstFailure = nsbTime(text(h, NSB + "TimeOfFailure"));
        m.lastFailure = m.firstFailure;
        String retries = text(h, NSB + "Retries");
        m.attempts = retries != null && retries.matches("\\d{1,9}") ? Integer.parseInt(retries) + 1 : null;
    }

    private static void azure(JsonNode node, BrokerMessage m) {
        JsonNode props = node.has("ApplicationProperties") ? node.get("ApplicationProperties")
                : node.has("UserProperties") ? node.get("UserProperties") : node.path("Properties");
        m.headers = headersOf(props, false);
        m.messageId = text(node, "MessageId");
        m.correlationId = text(node, "CorrelationId");
        m.type = text(node, "Subject", "Label");
        m.time = Timestamps.parse(node.get("EnqueuedTimeUtc"));
        m.reason = either(node, props, "DeadLetterReason");
        m.errorType = m.reason;
        m.message = either(node, props, "DeadLetterErrorDescription");
        m.queue = either(node, props, "DeadLetterSource");
        if (m.queue == null) {
            m.queue = text(node, "EntityPath", "Queue", "queue");
        }
        String count = text(node, "DeliveryCount");
        m.attempts = count != null && count.matches("\\d{1,9}") ? Integer.valueOf(count) : null;
        Instant failed = Timestamps.parse(node.get("DeadLetteredTimeUtc"));
        m.firstFailure = failed != null ? failed : m.time;
        m.lastFailure = m.firstFailure;
    }

    /** NServiceBus's own time format, {@code 2024-01-15 10:30:00:123456 Z} (UTC); ISO-8601 also accepted. */
    static Instant nsbTime(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.endsWith(" Z")) {
            try {
                return LocalDateTime.parse(t.substring(0, t.length() - 2), NSB_TIME).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("malformed NServiceBus time '" + t + "'");
            }
        }
        return Timestamps.parse(t);
    }

    private static JsonNode body(JsonNode node) {
        JsonNode body = node.has("Body") ? node.get("Body") : node.get("body");
        if (body == null || body.isNull()) {
            return null;
        }
        return body.isTextual() ? Bodies.fromText(body.textValue()) : body;
    }

    private static ObjectNode headersOf(JsonNode h, boolean nsbOnlyWhenFlat) {
        ObjectNode out = Json.mapper().createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = h.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!nsbOnlyWhenFlat || !e.getKey().equalsIgnoreCase("body")) {
                out.set(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    private static String either(JsonNode node, JsonNode props, String name) {
        String top = text(node, name);
        return top != null ? top : text(props, name);
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
