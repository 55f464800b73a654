package eventlens.importers.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.Origin;
import java.time.Instant;

/**
 * One span while a trace reader collects its parts, in the same terms for every trace format; then
 * {@link #event()} builds the event (see {@code docs/formats.md}, "Trace readers"):
 * <ul>
 *   <li>id = {@link TraceIds#eventId traceId:spanId}, correlation = traceId, causation = the parent's
 *       id in the same scheme (its own trace, or {@link #parentTraceId} for a Jaeger reference to a
 *       span of another trace), source = service, type = operation name, time = start;</li>
 *   <li>data = the span's attributes (tags) as one object;</li>
 *   <li>metadata = {@code {"span": {traceId, spanId, parentSpanId, durationMicros, kind, status,
 *       events, links, …}, "resource": {…}, "scope": {…}}}, empty parts left out.</li>
 * </ul>
 */
final class Span {
    String traceId;
    String spanId;
    String parentSpanId;
    /** The parent's trace when it differs from {@link #traceId} (a Jaeger cross-trace reference). */
    String parentTraceId;
    String name;
    String service;
    Instant start;
    Long durationMicros;
    String kind;
    ObjectNode status;
    ObjectNode attributes = JsonNodeFactory.instance.objectNode();
    ArrayNode events = JsonNodeFactory.instance.arrayNode();
    ArrayNode links = JsonNodeFactory.instance.arrayNode();
    ObjectNode resource = JsonNodeFactory.instance.objectNode();
    ObjectNode scope = JsonNodeFactory.instance.objectNode();
    /** Format-specific span facts (Jaeger warnings, Zipkin endpoints, the merged client half). */
    ObjectNode extra = JsonNodeFactory.instance.objectNode();
    String raw;
    Origin origin;

    /** This span's event id; null when it has no trace or span id. */
    String id() {
        return traceId == null || spanId == null ? null : TraceIds.eventId(traceId, spanId);
    }

    /** The event this span is; trace and span ids must be present. */
    Event event() {
        String causation = parentSpanId == null ? null
                : TraceIds.eventId(parentTraceId != null ? parentTraceId : traceId, parentSpanId);
        return new Event(0, id(), name, service, start, null, null, null, traceId, causation,
                attributes.isEmpty() ? null : Json.write(attributes), Json.write(metadata()), raw, origin);
    }

    private ObjectNode metadata() {
        ObjectNode meta = JsonNodeFactory.instance.objectNode();
        ObjectNode span = meta.putObject("span");
        span.put("traceId", traceId);
        span.put("spanId", spanId);
        putIf(span, "parentSpanId", parentSpanId);
        if (parentTraceId != null) {
            span.put("parentTraceId", parentTraceId);
            span.put("crossTraceParent", true);
        }
        if (durationMicros != null) {
            span.put("durationMicros", durationMicros);
        }
        putIf(span, "kind", kind);
        if (status != null && !status.isEmpty()) {
            span.set("status", status);
        }
        putIfAny(span, "events", events);
        putIfAny(span, "links", links);
        span.setAll(extra);
        putIfAny(meta, "resource", resource);
        putIfAny(meta, "scope", scope);
        return meta;
    }

    /** A link (or reference) to another span, with its event id in the same scheme. */
    ObjectNode addLink(String linkTraceId, String linkSpanId, String type) {
        ObjectNode link = links.addObject();
        link.put("traceId", linkTraceId);
        link.put("spanId", linkSpanId);
        if (linkTraceId != null && linkSpanId != null) {
            link.put("eventId", TraceIds.eventId(linkTraceId, linkSpanId));
        }
        putIf(link, "type", type);
        return link;
    }

    private static void putIf(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void putIfAny(ObjectNode node, String field, JsonNode value) {
        if (value != null && !value.isEmpty()) {
            node.set(field, value);
        }
    }
}
