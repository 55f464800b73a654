package eventlens.importers.trace;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.importers.ImportException;
import eventlens.importers.ImportOptions;
import eventlens.importers.ImportSink;
import eventlens.importers.ImportSource;
import eventlens.importers.Importer;
import eventlens.importers.json.JsonRecords;
import eventlens.model.Json;
import eventlens.model.Origin;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Zipkin v2 JSON spans as events: an array of spans (one trace, as {@code /api/v2/trace/{id}}
 * returns it), an array of such arrays ({@code /api/v2/traces}), or one span per line.
 *
 * <p>Zipkin reports an RPC as two spans with one id: the client's and the server's, which is marked
 * {@code "shared": true}. They are one operation, so they become one event (see
 * {@link ZipkinSpans#merge}), never a duplicate. Any other repeat of an id in a trace is delivered
 * flagged as a duplicate (see {@link SpanDelivery}). Because the two halves can be anywhere in the
 * file, spans are collected and the events delivered once the whole source is read (in the order
 * each id first appears): a Zipkin trace file is held in memory.
 */
public final class ZipkinImporter implements Importer {
    private static final String FORMAT = "zipkin";

    @Override
    public String name() {
        return FORMAT;
    }

    @Override
    public String description() {
        return "Zipkin v2 JSON spans (arrays of spans); each span becomes an event, shared RPC halves one event";
    }

    @Override
    public List<FieldSource> fields() {
        return List.of(
                new FieldSource("id", "traceId:id"),
                new FieldSource("correlationId", "traceId"),
                new FieldSource("causationId", "traceId:parentId"),
                new FieldSource("source", "localEndpoint.serviceName (the server's for a shared RPC span)"),
                new FieldSource("type", "name"),
                new FieldSource("time", "timestamp (epoch microseconds)"),
                new FieldSource("data", "tags"),
                new FieldSource("metadata", "span: duration, kind, error status, annotations, endpoints, client half"));
    }

    /** 95 when the head holds {@code "traceId"} with {@code "localEndpoint"} or {@code "remoteEndpoint"}. */
    @Override
    public int sniff(byte[] head, String name) {
        String text = new String(head, StandardCharsets.ISO_8859_1);
        boolean endpoint = text.contains("\"localEndpoint\"") || text.contains("\"remoteEndpoint\"");
        return text.contains("\"traceId\"") && endpoint && !text.contains("\"resourceSpans\"") ? 95 : 0;
    }

    @Override
    public void read(ImportSource source, ImportOptions options, ImportSink sink) throws ImportException {
        List<Span> spans = new ArrayList<>();
        JsonRecords.read(source, FORMAT, (node, raw, origin, s) -> collect(node, raw, origin, spans), sink);
        deliver(spans, new SpanDelivery(sink));
    }

    private static void collect(JsonNode node, String raw, Origin origin, List<Span> spans) {
        if (!node.isArray()) {
            spans.add(ZipkinSpans.of(node, raw, origin));
            return;
        }
        LineCursor lines = new LineCursor(raw, origin);
        for (JsonNode s : node) {
            spans.add(ZipkinSpans.of(s, Json.write(s), lines.next(s.path("id").asText(null))));
        }
    }

    /** Delivers the spans grouped by id, merging each client half with its shared server half. */
    private static void deliver(List<Span> spans, SpanDelivery delivery) {
        Map<String, List<Span>> byId = new LinkedHashMap<>();
        for (int i = 0; i < spans.size(); i++) {
            Span span = spans.get(i);
            String id = span.id();
            byId.computeIfAbsent(id != null ? id : "\0" + i, k -> new ArrayList<>(2)).add(span);
        }
        for (List<Span> group : byId.values()) {
            if (group.get(0).id() == null) {
                delivery.reject(group.get(0), "not a Zipkin span: no traceId or id");
                continue;
            }
            Span client = group.stream().filter(s -> !ZipkinSpans.isShared(s)).findFirst().orElse(null);
            Span server = group.stream().filter(ZipkinSpans::isShared).findFirst().orElse(null);
            if (client == null || server == null) {
                group.forEach(delivery::deliver); // repeats are flagged as duplicates
                continue;
            }
            delivery.deliver(ZipkinSpans.merge(client, server));
            group.stream().filter(s -> s != client && s != server).forEach(delivery::deliver);
        }
    }
}
