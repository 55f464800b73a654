package eventlens.importers.broker;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads Kafka records dumped as JSON: kcat {@code -J} lines ({@code topic, partition, offset, ts,
 * headers:["k","v",…], key, payload}), rpk-style records ({@code topic, partition, offset, timestamp,
 * headers:[{key,value}], key, value}) and the Lambda MSK event ({@code {"records":{"topic-0":[…]}}}
 * with base64 keys and values and headers as byte lists).
 *
 * <p>A record with dead-letter headers becomes a dead letter:
 * <ul>
 *   <li>Spring ({@code kafka_dlt-*}): error type {@code exception-fqcn}, message
 *       {@code exception-message}, stack {@code exception-stacktrace}, queue {@code original-topic},
 *       handler {@code original-consumer-group}; {@code original-partition}, {@code -offset} and
 *       {@code -timestamp} are big-endian binary numbers (byte lists, or base64 text in a dump);</li>
 *   <li>SmallRye ({@code dead-letter-*}): error type {@code exception-class-name}, message
 *       {@code reason}, reason {@code cause} (with {@code cause-class-name}), queue {@code topic};</li>
 *   <li>Kafka Connect ({@code __connect.errors.*}): error type {@code exception.class.name}, message
 *       {@code exception.message}, stack {@code exception.stacktrace}, queue {@code topic}, handler
 *       {@code connector.name}/{@code task.id}, reason {@code stage} and {@code class.name}.</li>
 * </ul>
 * The dead letter's event id is the body's id when the body is an event, else
 * {@code originalTopic/partition/offset} (else the record's own). First and last failure are the
 * record's timestamp (when it was written to the dead-letter topic); attempts come from Spring's
 * {@code retry_topic-attempts} when present. A record without such headers becomes an event (id:
 * the body's, else {@code topic/partition/offset}). Unreadable headers make an import-error row.
 */
public final class KafkaImporter implements Importer {
    private static final String FORMAT = "kafka";

    @Override
    public String name() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "Kafka records from kcat -J, rpk or Lambda MSK dumps; Spring, SmallRye and Connect dead letters";
    }

    @Override
    public List<FieldSource> fields() {
        return List.of(
                new FieldSource("id", "body's id when the body is an event, else topic/partition/offset"),
                new FieldSource("time", "ts (kcat), timestamp (rpk, MSK)"),
                new FieldSource("type", "body's type, else header type / eventType / ce_type"),
                new FieldSource("correlationId", "header correlationId / correlation_id / ce_correlationid"),
                new FieldSource("data", "payload (kcat), value (rpk; base64 in MSK); JSON in text decoded"),
                new FieldSource("metadata", "headers: every header, binary numbers decoded"),
                new FieldSource("dead letter", "any kafka_dlt-*, dead-letter-* or __connect.errors.* header"),
                new FieldSource("error type / message / stack", "kafka_dlt-exception-fqcn / -message / -stacktrace; "
                        + "dead-letter-exception-class-name / -reason; __connect.errors.exception.class.name / .message / .stacktrace"),
                new FieldSource("queue", "kafka_dlt-original-topic, dead-letter-topic, __connect.errors.topic"),
                new FieldSource("handler", "kafka_dlt-original-consumer-group, __connect.errors.connector.name/task.id"));
    }

    /** 95 for a Lambda MSK event, or records with topic, partition and offset members. */
    @Override
    public int sniff(byte[] head, String name) {
        String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1);
        if (text.contains("\"aws:kafka\"")) {
            return 95;
        }
        boolean coordinates = text.contains("\"topic\"") && text.contains("\"partition\"") && text.contains("\"offset\"");
        return coordinates && (text.contains("\"payload\"") || text.contains("\"value\"")) ? 95 : 0;
    }

    @Override
    public void read(ImportSource source, ImportOptions options, ImportSink sink) throws ImportException {
        JsonRecords.read(source, FORMAT, this::readRecord, sink);
    }

    private void readRecord(JsonNode node, String raw, Origin origin, ImportSink sink) {
        JsonNode batches = node.get("records");
        if (batches != null && batches.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = batches.fields(); it.hasNext(); ) {
                for (JsonNode r : it.next().getValue()) {
                    String text = Json.write(r);
                    Origin at = Lines.at(raw, origin, "\"offset\":" + r.path("offset").asText());
                    try {
                        readOne(r, text, at, true, sink);
                    } catch (IllegalArgumentException e) {
                        sink.reject(new eventlens.model.ImportError(origin.file(), at.line(), 0, e.getMessage(), text));
                    }
                }
            }
        } else {
            readOne(node, raw, origin, false, sink);
        }
    }

    private void readOne(JsonNode r, String raw, Origin origin, boolean base64, ImportSink sink) {
        if (!r.isObject() || !r.has("topic")) {
            throw new IllegalArgumentException("not a Kafka record: no topic");
        }
        KafkaHeaders headers = KafkaHeaders.of(r.get("headers"));
        String topic = r.get("topic").asText();
        String coordinates = topic + "/" + r.path("partition").asText("?") + "/" + r.path("offset").asText("?");
        BrokerMessage m = new BrokerMessage();
        m.raw = raw;
        m.origin = origin;
        JsonNode value = r.has("payload") ? r.get("payload") : r.get("value");
        m.body = value == null || value.isNull() ? null
                : base64 ? Bodies.fromBase64(value.asText()) : value.isTextual() ? Bodies.fromText(value.textValue()) : value;
        m.headers = headers.toJson();
        m.type = headers.firstText("type", "eventType", "ce_type");
        m.correlationId = headers.firstText("correlationId", "correlation_id", "ce_correlationid");
        Instant recordTime = Timestamps.parse(r.has("ts") ? r.get("ts") : r.get("timestamp"));
        m.time = recordTime;
        m.queue = topic;
        m.messageId = coordinates;
        if (!headers.isDeadLetter()) {
            sink.accept(m.event());
            return;
        }
        m.firstFailure = recordTime;
        m.lastFailure = recordTime;
        if (headers.text("kafka_dlt-original-topic") != null || headers.text("kafka_dlt-exception-fqcn") != null) {
            spring(headers, m);
        } else if (headers.firstText("dead-letter-reason", "dead-letter-topic", "dead-letter-exception-class-name") != null) {
            smallRye(headers, m);
        } else {
            connect(headers, m);
        }
        sink.accept(m.deadLetter());
    }

    private static void spring(KafkaHeaders h, BrokerMessage m) {
        m.errorType = h.firstText("kafka_dlt-exception-cause-fqcn", "kafka_dlt-exception-fqcn");
        m.message = h.text("kafka_dlt-exception-message");
        m.stack = h.text("kafka_dlt-exception-stacktrace");
        m.handler = h.text("kafka_dlt-original-consumer-group");
        original(m, h.text("kafka_dlt-original-topic"), h.number("kafka_dlt-original-partition"),
                h.number("kafka_dlt-original-offset"));
        Long originalTime = h.number("kafka_dlt-original-timestamp");
        if (originalTime != null) {
            m.time = Instant.ofEpochMilli(originalTime);
        }
        Long attempts = h.number("retry_topic-attempts");
        m.attempts = attempts == null ? null : (int) Math.min(attempts, Integer.MAX_VALUE);
    }

    private static void smallRye(KafkaHeaders h, BrokerMessage m) {
        m.errorType = h.firstText("dead-letter-exception-class-name", "dead-letter-cause-class-name");
        m.message = h.text("dead-letter-reason");
        String cause = h.text("dead-letter-cause");
        String causeClass = h.text("dead-letter-cause-class-name");
        m.reason = cause == null ? null : causeClass == null ? cause : causeClass + ": " + cause;
        original(m, h.text("dead-letter-topic"), h.number("dead-letter-partition"), h.number("dead-letter-offset"));
    }

    private static void connect(KafkaHeaders h, BrokerMessage m) {
        m.errorType = h.text("__connect.errors.exception.class.name");
        m.message = h.text("__connect.errors.exception.message");
        m.stack = h.text("__connect.errors.exception.stacktrace");
        String connector = h.text("__connect.errors.connector.name");
        String task = h.text("__connect.errors.task.id");
        m.handler = connector == null ? null : task == null ? connector : connector + "/" + task;
        String stage = h.text("__connect.errors.stage");
        String className = h.text("__connect.errors.class.name");
        m.reason = stage == null ? null : className == null ? stage : stage + " in " + className;
        original(m, h.text("__connect.errors.topic"), h.number("__connect.errors.partition"),
                h.number("__connect.errors.offset"));
    }

    /** The original record's coordinates become the queue and the message id when known. */
    private static void original(BrokerMessage m, String topic, Long partition, Long offset) {
        if (topic == null) {
            return;
        }
        m.queue = topic;
        if (partition != null && offset != null) {
            m.messageId = topic + "/" + partition + "/" + offset;
        }
    }
}
