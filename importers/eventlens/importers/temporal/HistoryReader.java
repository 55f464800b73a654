package eventlens.importers.temporal;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.importers.ImportSink;
import eventlens.importers.Timestamps;
import eventlens.importers.json.JsonRecords;
import eventlens.model.Event;
import eventlens.model.ImportError;
import eventlens.model.Json;
import eventlens.model.Origin;
import java.math.BigInteger;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the records of one source into events: a history document ({@code {"events":[…]}} or
 * {@code {"history":{"events":[…]}}}) or single history events (the elements of a bare array, or one
 * per line). Holds the current {@link Run}, which every WorkflowExecutionStarted event replaces, so
 * one instance reads one source. A bad event becomes an error row with its own line and text; the
 * other events of its history still import.
 */
final class HistoryReader implements JsonRecords.RecordReader {
    static final String AGGREGATE_TYPE = "WorkflowExecution";
    static final String DEFAULT_SOURCE = "temporal";
    private static final String STARTED = "WorkflowExecutionStarted";
    private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);

    private final String fileKey;
    private final Map<Long, String> sources = new HashMap<>();
    private Run run;

    HistoryReader(String sourceName) {
        this.fileKey = Run.fileKey(sourceName);
    }

    @Override
    public void read(JsonNode record, String raw, Origin origin, ImportSink sink) {
        JsonNode events = record.isObject()
                ? record.has("events") ? record.get("events") : record.path("history").get("events")
                : null;
        if (events == null) {
            if (!record.isObject() || !record.has("eventId") && !record.has("eventType")) {
                throw new IllegalArgumentException("not a Temporal history: no events array and no eventId");
            }
            sink.accept(event(record, raw, origin));
            return;
        }
        if (!events.isArray()) {
            throw new IllegalArgumentException("events is not an array");
        }
        run = null;
        EventLines lines = new EventLines(raw, origin);
        for (JsonNode e : events) {
            String text = Json.write(e);
            Origin at = lines.next(e);
            try {
                sink.accept(event(e, text, at));
            } catch (IllegalArgumentException ex) {
                sink.reject(new ImportError(at.file(), at.line(), 0, ex.getMessage(), text));
            }
        }
    }

    /** One history event as an EventLens event; IllegalArgumentException when it is unreadable. */
    private Event event(JsonNode e, String raw, Origin origin) {
        if (!e.isObject()) {
            throw new IllegalArgumentException("history event is not an object");
        }
        String type = EventTypes.of(e);
        if (type == null) {
            throw new IllegalArgumentException("history event has no eventType and no …EventAttributes");
        }
        JsonNode attributes = EventTypes.attributes(e);
        if (type.equals(STARTED) || run == null) {
            run = type.equals(STARTED) ? Run.started(attributes, fileKey) : Run.ofFile(fileKey);
            sources.clear();
        }
        long eventId = Causes.id(e.get("eventId"));
        if (eventId <= 0) {
            throw new IllegalArgumentException(e.has("eventId")
                    ? "eventId is not a positive whole number: " + Json.write(e.get("eventId"))
                    : "history event has no eventId");
        }
        long cause = Causes.of(attributes);
        String source = source(attributes, cause);
        sources.put(eventId, source);
        return new Event(0, run.key() + "/" + eventId, type, source, time(e),
                AGGREGATE_TYPE, run.key(), eventId, run.key(), cause > 0 ? run.key() + "/" + cause : null,
                attributes.isObject() ? Json.write(Payloads.decode(attributes)) : null,
                Json.write(EventMetadata.of(e, attributes, type, eventId, run)), raw, origin);
    }

    /**
     * Who the event is from: the worker or client {@code identity}; else the task queue it was put on
     * (a sticky queue by its normal name, as one worker's private queue says little); else the source
     * of its cause, so that a command is from the worker whose workflow task issued it; else the
     * run's task queue; else "temporal".
     */
    private String source(JsonNode attributes, long cause) {
        String identity = Run.text(attributes.get("identity"));
        if (identity != null) {
            return identity;
        }
        JsonNode queue = attributes.path("taskQueue");
        String normal = Run.text(queue.get("normalName"));
        String name = Run.text(queue.get("name"));
        boolean sticky = queue.path("kind").asText("").toLowerCase(Locale.ROOT).endsWith("sticky");
        if (normal != null || name != null && !sticky) {
            return normal != null ? normal : name;
        }
        String inherited = cause > 0 ? sources.get(cause) : null;
        if (inherited != null) {
            return inherited;
        }
        return run.taskQueue() != null ? run.taskQueue() : DEFAULT_SOURCE;
    }

    /**
     * {@code eventTime}: RFC 3339 text, or {@code {"seconds":…,"nanos":…}} as some Go tools write a
     * protobuf Timestamp; else the legacy {@code timestamp}, epoch nanoseconds as a number or string.
     */
    private static Instant time(JsonNode e) {
        JsonNode eventTime = e.get("eventTime");
        if (eventTime != null && eventTime.isObject()) {
            long seconds = Causes.id(eventTime.get("seconds"));
            long nanos = Math.max(0, Causes.id(eventTime.get("nanos")));
            return seconds >= 0 ? Instant.ofEpochSecond(seconds, nanos) : null;
        }
        Instant time = Timestamps.parse(eventTime);
        if (time != null) {
            return time;
        }
        JsonNode legacy = e.get("timestamp");
        if (legacy == null || !(legacy.isIntegralNumber() || legacy.isTextual())) {
            return null;
        }
        String digits = legacy.asText().strip();
        if (digits.isEmpty() || digits.length() > 19 || !digits.chars().allMatch(Character::isDigit)) {
            return Timestamps.parse(legacy);
        }
        BigInteger nanos = new BigInteger(digits);
        return nanos.compareTo(MAX_NANOS) > 0 ? null : Instant.EPOCH.plusNanos(nanos.longValue());
    }
}
