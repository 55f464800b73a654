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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads AWS SQS records: a Lambda event {@code {"Records":[…]}}, a JSON array of records, or one
 * record per line. A record read from a dead-letter queue becomes a dead letter, any other record an
 * event.
 *
 * <p>A record is from a DLQ when {@code attributes.DeadLetterQueueSourceArn} is present, or when the
 * name of its queue (last part of {@code eventSourceARN}) ends in {@code dlq}, {@code -dlq},
 * {@code _dlq}, {@code -dead-letter} or {@code deadletter} (case ignored). The body is decoded: JSON
 * in a string is parsed, and an SNS envelope ({@code {"Type":"Notification","Message":"…"}}) is
 * replaced by its inner message. attempts = {@code ApproximateReceiveCount} (a string in SQS);
 * first and last failure = {@code ApproximateFirstReceiveTimestamp} (SQS keeps no time of the last
 * failed receive); the queue is the source queue's name when known, else the record's queue. The
 * error comes from the {@code ErrorCode} and {@code ErrorMessage} message attributes that Lambda adds
 * to asynchronous-invocation dead letters; without them the reason says the receive count ran out.
 * Each record keeps its own JSON text, every attribute included, as {@code raw}.
 */
public final class SqsImporter implements Importer {
    private static final String FORMAT = "sqs";
    private static final Pattern DLQ_NAME = Pattern.compile("(?i).*(dlq|dead-letter|deadletter|dead_letter)$");

    @Override
    public String name() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "AWS SQS records ({\"Records\":[…]}, arrays or lines); records from a DLQ become dead letters";
    }

    @Override
    public List<FieldSource> fields() {
        return List.of(
                new FieldSource("id", "body's id when the body is an event, else messageId"),
                new FieldSource("time", "attributes.SentTimestamp (epoch ms as a string)"),
                new FieldSource("correlationId", "messageAttributes correlationId / CorrelationId"),
                new FieldSource("type", "body's type, else messageAttributes type / eventType"),
                new FieldSource("data", "body (JSON in a string decoded, SNS envelope unwrapped)"),
                new FieldSource("metadata", "headers: every message attribute"),
                new FieldSource("dead letter", "attributes.DeadLetterQueueSourceArn, or a queue named *dlq / *-dead-letter"),
                new FieldSource("attempts", "attributes.ApproximateReceiveCount"),
                new FieldSource("first/last failure", "attributes.ApproximateFirstReceiveTimestamp"),
                new FieldSource("queue", "source queue of DeadLetterQueueSourceArn, else eventSourceARN's queue"),
                new FieldSource("error", "messageAttributes ErrorCode (type) and ErrorMessage"));
    }

    /** 95 when the head holds SQS record members ({@code receiptHandle} or {@code aws:sqs} with {@code messageId}). */
    @Override
    public int sniff(byte[] head, String name) {
        String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        boolean sqs = text.contains("\"aws:sqs\"") || text.contains("\"receiptHandle\"")
                || text.contains("\"ApproximateReceiveCount\"");
        return sqs && text.contains("\"messageId\"") ? 95 : 0;
    }

    @Override
    public void read(ImportSource source, ImportOptions options, ImportSink sink) throws ImportException {
        JsonRecords.read(source, FORMAT, this::readRecord, sink);
    }

    private void readRecord(JsonNode node, String raw, Origin origin, ImportSink sink) {
        JsonNode records = node.get("Records");
        if (records != null) {
            if (!records.isArray()) {
                throw new IllegalArgumentException("Records is not an array");
            }
            for (JsonNode r : records) {
                String text = Json.write(r);
                Origin at = Lines.at(raw, origin, r.path("messageId").asText(""));
                try {
                    readOne(r, text, at, sink);
                } catch (IllegalArgumentException e) {
                    sink.reject(new ImportError(origin.file(), at.line(), 0, e.getMessage(), text));
                }
            }
        } else {
            readOne(node, raw, origin, sink);
        }
    }

    private void readOne(JsonNode record, String raw, Origin origin, ImportSink sink) {
        if (!record.isObject() || !record.hasNonNull("messageId")) {
            throw new IllegalArgumentException("not an SQS record: no messageId");
        }
        JsonNode attributes = record.path("attributes");
        BrokerMessage m = new BrokerMessage();
        m.raw = raw;
        m.origin = origin;
        m.messageId = record.get("messageId").asText();
        m.body = Bodies.unwrapSns(Bodies.fromText(record.path("body").asText(null)));
        m.headers = messageAttributes(record.path("messageAttributes"));
        m.correlationId = attribute(m.headers, "correlationId", "CorrelationId", "correlation_id");
        m.type = attribute(m.headers, "type", "eventType", "EventType");
        m.time = Timestamps.parse(attributes.path("SentTimestamp"));
        String queue = queueName(record.path("eventSourceARN").asText(null));
        String sourceQueue = queueName(attributes.path("DeadLetterQueueSourceArn").asText(null));
        m.queue = sourceQueue != null ? sourceQueue : queue;
        boolean dead = sourceQueue != null || queue != null && DLQ_NAME.matcher(queue).matches();
        if (!dead) {
            sink.accept(m.event());
            return;
        }
        String count = attributes.path("ApproximateReceiveCount").asText("");
        m.attempts = count.matches("\\d{1,9}") ? Integer.valueOf(count) : null;
        m.firstFailure = Timestamps.parse(attributes.path("ApproximateFirstReceiveTimestamp"));
        m.lastFailure = m.firstFailure;
        m.errorType = attribute(m.headers, "ErrorCode");
        m.message = attribute(m.headers, "ErrorMessage");
        m.reason = m.errorType == null && m.message == null
                ? "moved to the dead-letter queue after " + (m.attempts == null ? "too many" : m.attempts) + " receives"
                : null;
        sink.accept(m.deadLetter());
    }

    /** {name: {stringValue, binaryValue, dataType}} → {name: stringValue (or binaryValue)}. */
    private static ObjectNode messageAttributes(JsonNode attributes) {
        ObjectNode out = Json.mapper().createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> a = it.next();
            JsonNode v = a.getValue();
            JsonNode value = v.has("stringValue") || v.has("StringValue")
                    ? v.has("stringValue") ? v.get("stringValue") : v.get("StringValue")
                    : v.has("binaryValue") ? v.get("binaryValue") : v.get("Value");
            out.set(a.getKey(), value == null ? v : value);
        }
        return out;
    }

    private static String attribute(ObjectNode headers, String... names) {
        for (String n : names) {
            JsonNode v = headers.get(n);
            if (v != null && v.isValueNode() && !v.isNull()) {
                return v.asText();
            }
        }
        return null;
    }

    /** The queue name at the end of an SQS ARN ({@code arn:aws:sqs:region:account:name}); null for null. */
    static String queueName(String arn) {
        if (arn == null || arn.isBlank()) {
            return null;
        }
        return arn.substring(arn.lastIndexOf(':') + 1);
    }
}
