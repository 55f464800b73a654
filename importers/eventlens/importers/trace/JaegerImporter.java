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
import eventlens.model.Origin;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Reads Jaeger traces as events, one per span: the query API's {@code {"data":[trace, …]}}, the
 * Jaeger UI's single trace {@code {"traceID", "spans", "processes"}} and its in-memory
 * {@code {"data": trace, "id", "state"}}, a bare array of traces, or one trace per line.
 *
 * <p>The parent is the first {@code CHILD_OF} reference, else the first {@code FOLLOWS_FROM}
 * (else a {@code parentSpanID} field); every reference is kept as a link. A reference to a span of
 * another trace is still the causation (that trace's id scheme, so it resolves when both traces
 * are imported) and is flagged {@code crossTraceParent} in the metadata. The service is
 * {@code processes[processID].serviceName}, else the span's own {@code process}.
 */
public final class JaegerImporter implements Importer {
    private static final String FORMAT = "jaeger";

    @Override
    public String name() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "Jaeger JSON traces ({\"data\":[…]}, a UI trace, arrays); each span becomes an event";
    }

    @Override
    public List<FieldSource> fields() {
        return List.of(
                new FieldSource("id", "traceID:spanID"),
                new FieldSource("correlationId", "traceID"),
                new FieldSource("causationId", "traceID:spanID of the first CHILD_OF reference, else FOLLOWS_FROM"),
                new FieldSource("source", "processes[processID].serviceName"),
                new FieldSource("type", "operationName"),
                new FieldSource("time", "startTime (epoch microseconds)"),
                new FieldSource("data", "tags as {key: value}"),
                new FieldSource("metadata", "span: duration, span.kind, error status, logs, references; resource: process tags"));
    }

    /** 95 when the head holds Jaeger's capitalised {@code "traceID"} and {@code "spanID"} (or {@code "spans"}). */
    @Override
    public int sniff(byte[] head, String name) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        return text.contains("\"traceID\"") && (text.contains("\"spanID\"") || text.contains("\"spans\"")) ? 95 : 0;
    }

    @Override
    public void read(ImportSource source, ImportOptions options, ImportSink sink) throws ImportException {
        SpanDelivery delivery = new SpanDelivery(sink);
        JsonRecords.read(source, FORMAT, (node, raw, origin, s) -> readRecord(node, new LineCursor(raw, origin), delivery), sink);
    }

    private void readRecord(JsonNode node, LineCursor lines, SpanDelivery delivery) {
        if (node.isArray()) {
            node.forEach(trace -> readRecord(trace, lines, delivery));
        } else if (node.has("data") && (node.get("data").isArray() || node.get("data").isObject())) {
            readRecord(node.get("data"), lines, delivery);
        } else if (node.isObject() && node.path("spans").isArray()) {
            readTrace(node, lines, delivery);
        } else {
            throw new IllegalArgumentException("not a Jaeger trace: no \"spans\" array");
        }
    }

    private void readTrace(JsonNode trace, LineCursor lines, SpanDelivery delivery) {
        JsonNode processes = trace.path("processes");
        String traceId = TraceIds.read(trace.get("traceID"));
        for (JsonNode s : trace.get("spans")) {
            Span span = new Span();
            span.raw = Json.write(s);
            span.origin = lines.next(s.path("spanID").asText(null));
            if (!s.isObject()) {
                delivery.reject(span, "not a Jaeger span: " + s.getNodeType().toString().toLowerCase(Locale.ROOT));
                continue;
            }
            String own = TraceIds.read(s.get("traceID"));
            span.traceId = own != null ? own : traceId;
            span.spanId = TraceIds.read(s.get("spanID"));
            span.name = s.path("operationName").asText(null);
            Long start = SpanTimes.whole(s.get("startTime"));
            span.start = SpanTimes.fromMicros(start);
            span.durationMicros = SpanTimes.whole(s.get("duration"));
            span.attributes = Attributes.jaeger(s.get("tags"));
            process(span, processes.path(s.path("processID").asText("")), s.path("process"));
            references(span, s);
            kindAndStatus(span);
            logs(span, s.path("logs"));
            if (s.path("warnings").isArray() && !s.get("warnings").isEmpty()) {
                span.extra.set("warnings", s.get("warnings"));
            }
            delivery.deliver(span);
        }
    }

    private static void process(Span span, JsonNode listed, JsonNode embedded) {
        JsonNode process = listed.isObject() ? listed : embedded;
        if (!process.isObject()) {
            return;
        }
        span.service = process.path("serviceName").asText(null);
        if (span.service != null) {
            span.resource.put("service.name", span.service);
        }
        span.resource.setAll(Attributes.jaeger(process.get("tags")));
    }

    private static void references(Span span, JsonNode s) {
        String parentTrace = null;
        String parent = null;
        boolean childOf = false;
        for (JsonNode ref : s.path("references")) {
            String type = ref.path("refType").asText("").toUpperCase(Locale.ROOT);
            String refTrace = TraceIds.read(ref.get("traceID"));
            refTrace = refTrace != null ? refTrace : span.traceId;
            String refSpan = TraceIds.read(ref.get("spanID"));
            span.addLink(refTrace, refSpan, type.toLowerCase(Locale.ROOT));
            if (refSpan != null && (parent == null || !childOf && type.equals("CHILD_OF"))) {
                parent = refSpan;
                parentTrace = refTrace;
                childOf = type.equals("CHILD_OF");
            }
        }
        if (parent == null) {
            parent = TraceIds.read(s.get("parentSpanID"));
            parentTrace = span.traceId;
        }
        span.parentSpanId = parent;
        if (parent != null && parentTrace != null && !parentTrace.equals(span.traceId)) {
            span.parentTraceId = parentTrace;
        }
    }

    private static void kindAndStatus(Span span) {
        JsonNode kind = span.attributes.get("span.kind");
        if (kind != null && kind.isTextual()) {
            span.kind = kind.textValue().toUpperCase(Locale.ROOT);
        }
        if (Attributes.isError(span.attributes.get("error"), false)) {
            span.status = Json.mapper().createObjectNode().put("code", "ERROR");
        }
    }

    /** Jaeger logs {@code [{timestamp, fields}]} as span events {@code {time, name, attributes}}. */
    private static void logs(Span span, JsonNode logs) {
        for (JsonNode log : logs) {
            ObjectNode event = span.events.addObject();
            var time = SpanTimes.fromMicros(SpanTimes.whole(log.get("timestamp")));
            if (time != null) {
                event.put("time", time.toString());
            }
            ObjectNode fields = Attributes.jaeger(log.get("fields"));
            if (fields.path("event").isTextual()) {
                event.put("name", fields.get("event").textValue());
            }
            if (!fields.isEmpty()) {
                event.set("attributes", fields);
            }
        }
    }
}
