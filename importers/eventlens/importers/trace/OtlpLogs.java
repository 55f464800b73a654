package eventlens.importers.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.importers.DerivedId;
import eventlens.importers.ImportSink;
import eventlens.model.Event;
import eventlens.model.ImportError;
import eventlens.model.Json;
import eventlens.model.Origin;
import java.time.Instant;

/**
 * OTLP/JSON log records ({@code {"resourceLogs":[{resource, scopeLogs:[{scope, logRecords}]}]}},
 * legacy {@code instrumentationLibraryLogs} too) as events that join their trace's flow: correlation
 * = the trace id, causation = the event of the span they were logged in ({@code traceId:spanId}).
 *
 * <p>A log record has no id of its own: the event id is derived from its text ({@link DerivedId},
 * {@code sha-…}), so importing it again finds the same event. type = {@code eventName}, else
 * {@code log.} + the severity ({@code log.INFO}, {@code log.ERROR} from {@code severityNumber}, else
 * {@code severityText}), else {@code log}; time = {@code timeUnixNano}, else
 * {@code observedTimeUnixNano} (the spec's rule when the source gave no time); data =
 * {@code {"body": …, "attributes": {…}}}; metadata = {@code {"log": {…}, "resource", "scope"}}.
 */
final class OtlpLogs {
    private static final String[] SEVERITIES = {"TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL"};

    private final ImportSink sink;
    private final DerivedId derivedId = new DerivedId();

    OtlpLogs(ImportSink sink) {
        this.sink = sink;
    }

    /** Delivers every log record of one {@code resourceLogs} document. */
    void read(JsonNode resourceLogs, LineCursor lines) {
        for (JsonNode rl : resourceLogs) {
            ObjectNode resource = Attributes.otlp(rl.path("resource").path("attributes"));
            JsonNode scopes = rl.has("scopeLogs") ? rl.get("scopeLogs") : rl.path("instrumentationLibraryLogs");
            for (JsonNode sl : scopes) {
                ObjectNode scope = OtlpImporter.scope(sl.has("scope") ? sl.get("scope") : sl.path("instrumentationLibrary"));
                for (JsonNode r : sl.path("logRecords")) {
                    String raw = Json.write(r);
                    Origin origin = lines.next(r.path("timeUnixNano").asText(null));
                    if (!r.isObject()) {
                        sink.reject(new ImportError(origin.file(), origin.line(), 0, "not an OTLP log record", raw));
                        continue;
                    }
                    sink.accept(event(r, raw, origin, resource, scope));
                }
            }
        }
    }

    private Event event(JsonNode r, String raw, Origin origin, ObjectNode resource, ObjectNode scope) {
        String traceId = TraceIds.readOtlp(r.get("traceId"));
        String spanId = TraceIds.readOtlp(r.get("spanId"));
        Long nanos = SpanTimes.whole(r.get("timeUnixNano"));
        if (nanos == null || nanos == 0) {
            nanos = SpanTimes.whole(r.get("observedTimeUnixNano"));
        }
        Instant time = nanos == null || nanos == 0 ? null : SpanTimes.fromNanos(nanos);
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        if (r.has("body")) {
            data.set("body", Attributes.anyValue(r.get("body")));
        }
        ObjectNode attributes = Attributes.otlp(r.get("attributes"));
        if (!attributes.isEmpty()) {
            data.set("attributes", attributes);
        }
        ObjectNode meta = JsonNodeFactory.instance.objectNode();
        ObjectNode log = meta.putObject("log");
        for (String field : new String[] {"eventName", "severityNumber", "severityText", "observedTimeUnixNano", "flags"}) {
            if (r.hasNonNull(field)) {
                log.set(field, r.get(field));
            }
        }
        if (traceId != null) {
            log.put("traceId", traceId);
        }
        if (spanId != null) {
            log.put("spanId", spanId);
        }
        if (!resource.isEmpty()) {
            meta.set("resource", resource);
        }
        if (!scope.isEmpty()) {
            meta.set("scope", scope);
        }
        String causation = traceId != null && spanId != null ? TraceIds.eventId(traceId, spanId) : null;
        return new Event(0, derivedId.of(raw), type(r), resource.path("service.name").asText(null), time, null, null,
                null, traceId, causation, data.isEmpty() ? null : Json.write(data), Json.write(meta), raw, origin);
    }

    private static String type(JsonNode r) {
        String eventName = r.path("eventName").asText("");
        if (!eventName.isEmpty()) {
            return eventName;
        }
        int number = r.path("severityNumber").asInt(0);
        if (number >= 1 && number <= 24) {
            return "log." + SEVERITIES[(number - 1) / 4];
        }
        String text = r.path("severityText").asText("");
        return text.isEmpty() ? "log" : "log." + text;
    }
}
