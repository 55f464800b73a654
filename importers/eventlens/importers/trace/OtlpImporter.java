package eventlens.importers.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.importers.ImportException;
import eventlens.importers.ImportOptions;
import eventlens.importers.ImportSink;
import eventlens.importers.ImportSource;
import eventlens.importers.Importer;
import eventlens.importers.json.JsonRecords;
import eventlens.model.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Reads OpenTelemetry OTLP/JSON as events: traces ({@code {"resourceSpans":[{resource,
 * scopeSpans:[{scope, spans}]}]}}, the legacy {@code instrumentationLibrarySpans} too), one event per
 * span, and logs ({@code {"resourceLogs":…}}, see {@link OtlpLogs}), one event per log record; one
 * document, or one per line as the collector's file exporter writes them, both signals mixed, or
 * Jaeger v2's {@code {"result": document}}.
 *
 * <p>Ids are hex (any case, lowercased) or, as the generic protobuf JSON mapping writes them,
 * base64; an empty or all-zero {@code parentSpanId} means a root. Times are nanoseconds as strings
 * or numbers. The service is the resource attribute {@code service.name}.
 */
public final class OtlpImporter implements Importer {
    private static final String FORMAT = "otlp";
    private static final String[] KINDS = {"UNSPECIFIED", "INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"};
    private static final String[] STATUS_CODES = {"UNSET", "OK", "ERROR"};

    @Override
    public String name() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "OpenTelemetry OTLP/JSON traces and logs (resourceSpans, resourceLogs); each span and log record becomes an event";
    }

    @Override
    public List<FieldSource> fields() {
        return List.of(
                new FieldSource("id", "traceId:spanId (hex, lowercased)"),
                new FieldSource("correlationId", "traceId"),
                new FieldSource("causationId", "traceId:parentSpanId"),
                new FieldSource("source", "resource attribute service.name"),
                new FieldSource("type", "name"),
                new FieldSource("time", "startTimeUnixNano"),
                new FieldSource("data", "attributes as {key: value}"),
                new FieldSource("metadata", "span: duration, kind, status, events, links; resource; scope"),
                new FieldSource("log record", "id sha- of its text; correlation traceId; causation traceId:spanId; "
                        + "type eventName, else log.SEVERITY; time timeUnixNano; data {body, attributes}"));
    }

    /** 95 when the head holds {@code "resourceSpans"} or {@code "resourceLogs"}. */
    @Override
    public int sniff(byte[] head, String name) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        return text.contains("\"resourceSpans\"") || text.contains("\"resourceLogs\"") ? 95 : 0;
    }

    @Override
    public void read(ImportSource source, ImportOptions options, ImportSink sink) throws ImportException {
        SpanDelivery delivery = new SpanDelivery(sink);
        OtlpLogs logs = new OtlpLogs(sink);
        JsonRecords.read(source, FORMAT, (record, raw, origin, s) -> {
            LineCursor lines = new LineCursor(raw, origin);
            // Jaeger v2's /api/v3 answers wrap each OTLP document as {"result": {…}}
            JsonNode node = record.path("result").isObject() ? record.get("result") : record;
            JsonNode resourceSpans = node.get("resourceSpans");
            JsonNode resourceLogs = node.get("resourceLogs");
            if (resourceSpans != null && resourceSpans.isArray()) {
                readSpans(resourceSpans, lines, delivery);
            } else if (resourceLogs != null && resourceLogs.isArray()) {
                logs.read(resourceLogs, lines);
            } else {
                throw new IllegalArgumentException("not an OTLP document: no \"resourceSpans\" or \"resourceLogs\" array");
            }
        }, sink);
    }

    private void readSpans(JsonNode resourceSpans, LineCursor lines, SpanDelivery delivery) {
        for (JsonNode rs : resourceSpans) {
            ObjectNode resource = Attributes.otlp(rs.path("resource").path("attributes"));
            JsonNode scopes = rs.has("scopeSpans") ? rs.get("scopeSpans") : rs.path("instrumentationLibrarySpans");
            for (JsonNode ss : scopes) {
                ObjectNode scope = scope(ss.has("scope") ? ss.get("scope") : ss.path("instrumentationLibrary"));
                for (JsonNode s : ss.path("spans")) {
                    delivery.deliver(span(s, resource, scope, lines));
                }
            }
        }
    }

    private static Span span(JsonNode s, ObjectNode resource, ObjectNode scope, LineCursor lines) {
        Span span = new Span();
        span.raw = Json.write(s);
        span.origin = lines.next(s.path("spanId").asText(null));
        span.traceId = TraceIds.readOtlp(s.get("traceId"));
        span.spanId = TraceIds.readOtlp(s.get("spanId"));
        span.parentSpanId = TraceIds.readOtlp(s.get("parentSpanId"));
        span.name = s.path("name").asText(null);
        span.service = resource.path("service.name").asText(null);
        Long start = SpanTimes.whole(s.get("startTimeUnixNano"));
        Long end = SpanTimes.whole(s.get("endTimeUnixNano"));
        span.start = SpanTimes.fromNanos(start);
        span.durationMicros = start != null && end != null ? Math.floorDiv(end - start, 1_000L) : null;
        span.kind = named(s.get("kind"), KINDS, "SPAN_KIND_");
        span.status = status(s.path("status"));
        span.attributes = Attributes.otlp(s.get("attributes"));
        span.resource = resource;
        span.scope = scope;
        for (JsonNode e : s.path("events")) {
            ObjectNode event = span.events.addObject();
            Instant time = SpanTimes.fromNanos(SpanTimes.whole(e.get("timeUnixNano")));
            if (time != null) {
                event.put("time", time.toString());
            }
            if (e.path("name").isTextual()) {
                event.put("name", e.get("name").textValue());
            }
            ObjectNode attributes = Attributes.otlp(e.get("attributes"));
            if (!attributes.isEmpty()) {
                event.set("attributes", attributes);
            }
        }
        for (JsonNode l : s.path("links")) {
            ObjectNode attributes = Attributes.otlp(l.get("attributes"));
            JsonNode refType = attributes.get("opentracing.ref_type");
            ObjectNode link = span.addLink(TraceIds.readOtlp(l.get("traceId")), TraceIds.readOtlp(l.get("spanId")),
                    refType != null && refType.isTextual() ? refType.textValue() : "link");
            if (!attributes.isEmpty()) {
                link.set("attributes", attributes);
            }
        }
        if (s.path("traceState").isTextual() && !s.get("traceState").textValue().isEmpty()) {
            span.extra.put("traceState", s.get("traceState").textValue());
        }
        return span;
    }

    /** An OTLP scope (or legacy instrumentation library) with its attributes as {@code {key: value}}. */
    static ObjectNode scope(JsonNode scope) {
        ObjectNode out = Json.mapper().createObjectNode();
        if (scope.isObject()) {
            scope.fields().forEachRemaining(f -> out.set(f.getKey(),
                    f.getKey().equals("attributes") ? Attributes.otlp(f.getValue()) : f.getValue()));
        }
        return out;
    }

    /** {@code {code, message}} with the code by name (UNSET, OK, ERROR); null when empty. */
    private static ObjectNode status(JsonNode status) {
        if (!status.isObject() || status.isEmpty()) {
            return null;
        }
        ObjectNode out = Json.mapper().createObjectNode();
        String code = named(status.get("code"), STATUS_CODES, "STATUS_CODE_");
        out.put("code", code == null ? "UNSET" : code);
        if (status.path("message").isTextual() && !status.get("message").textValue().isEmpty()) {
            out.put("message", status.get("message").textValue());
        }
        return out;
    }

    /** An enum given as its number or its protobuf name ({@code SPAN_KIND_SERVER}) as a short name. */
    private static String named(JsonNode value, String[] names, String prefix) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isIntegralNumber() || value.isTextual() && value.textValue().matches("\\d{1,2}")) {
            int i = value.asInt();
            return i >= 0 && i < names.length ? names[i] : String.valueOf(i);
        }
        String text = value.asText().toUpperCase(Locale.ROOT);
        return text.startsWith(prefix) ? text.substring(prefix.length()) : text;
    }
}
