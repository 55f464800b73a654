package eventlens.importers.trace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.model.Json;
import eventlens.model.Origin;
import java.time.Instant;
import java.util.Locale;

/** One Zipkin v2 span as a {@link Span}, and the merge of the two halves of a shared RPC span. */
final class ZipkinSpans {
    private ZipkinSpans() {
    }

    /** The span a Zipkin v2 JSON span describes (ids null when it has none, so it is reported). */
    static Span of(JsonNode s, String raw, Origin origin) {
        Span span = new Span();
        span.raw = raw;
        span.origin = origin;
        if (!s.isObject()) {
            return span;
        }
        span.traceId = TraceIds.read(s.get("traceId"));
        span.spanId = TraceIds.read(s.get("id"));
        span.parentSpanId = TraceIds.read(s.get("parentId"));
        span.name = s.path("name").asText(null);
        span.service = s.path("localEndpoint").path("serviceName").asText(null);
        span.start = SpanTimes.fromMicros(SpanTimes.whole(s.get("timestamp")));
        span.durationMicros = SpanTimes.whole(s.get("duration"));
        span.kind = s.path("kind").isTextual() ? s.get("kind").textValue().toUpperCase(Locale.ROOT) : null;
        if (s.path("tags").isObject()) {
            span.attributes = ((ObjectNode) s.get("tags")).deepCopy();
        }
        JsonNode error = span.attributes.get("error");
        if (Attributes.isError(error, true)) {
            span.status = Json.mapper().createObjectNode().put("code", "ERROR");
            String message = error.asText("");
            if (!message.isEmpty() && !message.equalsIgnoreCase("true")) {
                span.status.put("message", message);
            }
        }
        for (JsonNode a : s.path("annotations")) {
            ObjectNode event = span.events.addObject();
            Instant time = SpanTimes.fromMicros(SpanTimes.whole(a.get("timestamp")));
            if (time != null) {
                event.put("time", time.toString());
            }
            event.put("name", a.path("value").asText(""));
        }
        for (String endpoint : new String[] {"localEndpoint", "remoteEndpoint"}) {
            if (s.path(endpoint).isObject()) {
                span.extra.set(endpoint, s.get(endpoint));
            }
        }
        if (s.path("shared").asBoolean(false)) {
            span.extra.put("shared", true);
        }
        if (s.path("debug").asBoolean(false)) {
            span.extra.put("debug", true);
        }
        return span;
    }

    /** Whether the span is the server half of a shared RPC span ({@code "shared": true}). */
    static boolean isShared(Span span) {
        return span.extra.path("shared").asBoolean(false);
    }

    /**
     * The one event of an RPC whose client and server halves share a span id. It runs from the
     * client's start for the client's duration (the whole call, so the parent still precedes it),
     * with the server's name, service, endpoint and kind (the work is done there, and the children
     * are the server's); tags of both (the server's win); both halves' annotations. The client's
     * own name, service, kind, endpoints and timing are kept under {@code span.client}, the
     * server's timing under {@code span.server}; raw is {@code [client, server]}.
     */
    static Span merge(Span client, Span server) {
        Span m = new Span();
        m.traceId = server.traceId;
        m.spanId = server.spanId;
        m.parentSpanId = client.parentSpanId != null ? client.parentSpanId : server.parentSpanId;
        m.name = server.name != null && !server.name.isEmpty() ? server.name : client.name;
        m.service = server.service != null ? server.service : client.service;
        m.start = client.start != null ? client.start : server.start;
        m.durationMicros = client.durationMicros != null ? client.durationMicros : server.durationMicros;
        m.kind = server.kind;
        m.status = server.status != null ? server.status : client.status;
        m.attributes.setAll(client.attributes);
        m.attributes.setAll(server.attributes);
        m.events.addAll(client.events);
        m.events.addAll(server.events);
        m.extra.setAll(server.extra);
        ObjectNode c = m.extra.putObject("client");
        put(c, "service", client.service);
        put(c, "name", client.name);
        put(c, "kind", client.kind);
        put(c, "start", client.start == null ? null : client.start.toString());
        if (client.durationMicros != null) {
            c.put("durationMicros", client.durationMicros);
        }
        c.setAll(client.extra);
        ObjectNode s = m.extra.putObject("server");
        put(s, "start", server.start == null ? null : server.start.toString());
        if (server.durationMicros != null) {
            s.put("durationMicros", server.durationMicros);
        }
        m.raw = "[" + client.raw + "," + server.raw + "]";
        m.origin = client.origin.line() <= server.origin.line() ? client.origin : server.origin;
        return m;
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
