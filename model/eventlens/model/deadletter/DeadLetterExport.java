package eventlens.model.deadletter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.model.DeadLetter;
import eventlens.model.Json;
import eventlens.model.ReplayMark;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.util.List;

/**
 * Writes dead letters as JSON lines ready for re-delivery by the user's own tooling; EventLens never
 * sends anything anywhere.
 *
 * <p>Each line is the original message, unchanged — the embedded {@code event} of a record shaped
 * {@code {event, handler, error, …}}, otherwise the whole dead-letter record as read (an SQS record,
 * a Kafka record with its headers, a RabbitMQ or Service Bus message), so ids, headers and
 * correlation are preserved — plus one member {@code "eventlens-redelivery": {"deadLetterKey",
 * "fingerprint", "queue", "handler", "attempts", "exportedAt"}}; {@code exportedAt} comes from the
 * injected clock.
 */
public final class DeadLetterExport {
    /** The member added to every exported message. */
    public static final String REDELIVERY = ReplayMark.REDELIVERY;
    private static final int PAGE = 1000;

    private final Clock clock;

    /** An export stamping {@code exportedAt} with this clock. */
    public DeadLetterExport(Clock clock) {
        this.clock = clock;
    }

    /** Writes every dead letter matching the filter, in key order; returns how many. */
    public long write(DeadLetterPages source, DeadLetterFilter filter, Writer out) throws IOException {
        long written = 0;
        long after = 0;
        while (true) {
            List<DeadLetter> page = source.entries(filter, after, PAGE);
            for (DeadLetter d : page) {
                out.write(line(d));
                out.write('\n');
                written++;
            }
            if (page.size() < PAGE) {
                out.flush();
                return written;
            }
            after = page.get(page.size() - 1).key();
        }
    }

    /** The export line of one dead letter (without the line break). */
    public String line(DeadLetter d) {
        ObjectNode message = originalMessage(d);
        ObjectNode redelivery = message.putObject(REDELIVERY);
        redelivery.put("deadLetterKey", d.key());
        redelivery.put("fingerprint", d.fingerprint());
        redelivery.put("queue", d.queue());
        redelivery.put("handler", d.handler());
        if (d.attempts() == null) {
            redelivery.putNull("attempts");
        } else {
            redelivery.put("attempts", d.attempts());
        }
        redelivery.put("exportedAt", clock.instant().toString());
        return Json.write(message);
    }

    private static ObjectNode originalMessage(DeadLetter d) {
        JsonNode raw = Json.parseOrMissing(d.raw());
        if (raw.isObject()) {
            JsonNode event = raw.get("event");
            if (event != null && event.isTextual()) {
                event = Json.parseOrMissing(event.textValue());
            }
            if (event != null && event.isObject() && d.event() != null) {
                return (ObjectNode) event.deepCopy();
            }
            return (ObjectNode) raw.deepCopy();
        }
        ObjectNode wrapped = Json.mapper().createObjectNode();
        JsonNode embedded = d.event() == null ? null : Json.parseOrMissing(d.event());
        if (embedded != null && embedded.isObject()) {
            return (ObjectNode) embedded.deepCopy();
        }
        wrapped.put("raw", d.raw());
        return wrapped;
    }
}
