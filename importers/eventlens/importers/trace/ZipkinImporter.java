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
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Reads Zipkin v2 JSON spans as events: an array of spans (one trace, as {@code /api/v2/trace/{id}}
 * returns it), an array of such arrays ({@code /api/v2/traces}), or one span per line.
 *
 * <p>Zipkin reports an RPC as two spans with one id: the client's and the server's, which is marked
 * {@code "shared": true}. They are one operation, so they become one event (see
 * {@link ZipkinSpans#merge}), never a duplicate. Any other repeat of an id in a trace is delivered
 * flagged as a duplicate (see {@link SpanDelivery}). A span that may still meet its other half — a
 * CLIENT span, or a shared server half — waits until it does (then the merged event is delivered) or
 * until the end of the file; every other span is delivered as it is read. At most {@link #WAITING}
 * spans wait: beyond that the one waiting longest is delivered alone (the halves of one RPC are written
 * close together), so memory stays flat however long the file (1M spans held whole needed 3 GB).
 */
public final class ZipkinImporter implements Importer {
    private static final String FORMAT = "zipkin";
    /** Spans kept waiting for their other half at most. */
    static final int WAITING = 100_000;

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
        Pairing pairing = new Pairing(new SpanDelivery(sink), WAITING);
        JsonRecords.read(source, FORMAT, (node, raw, origin, s) -> collect(node, raw, origin, pairing), sink);
        pairing.finish();
    }

    private static void collect(JsonNode node, String raw, Origin origin, Pairing pairing) {
        if (!node.isArray()) {
            pairing.add(ZipkinSpans.of(node, raw, origin));
            return;
        }
        LineCursor lines = new LineCursor(raw, origin);
        for (JsonNode s : node) {
            pairing.add(ZipkinSpans.of(s, Json.write(s), lines.next(s.path("id").asText(null))));
        }
    }

    /** Pairs the client and server halves of shared RPC spans as they are read; delivers the rest at once. */
    static final class Pairing {
        private final SpanDelivery delivery;
        private final int limit;
        private final LinkedHashMap<String, Span> waiting = new LinkedHashMap<>();

        Pairing(SpanDelivery delivery, int limit) {
            this.delivery = delivery;
            this.limit = limit;
        }

        void add(Span span) {
            String id = span.id();
            if (id == null) {
                delivery.reject(span, "not a Zipkin span: no traceId or id");
                return;
            }
            Span other = waiting.remove(id);
            if (other != null) {
                if (ZipkinSpans.isShared(other) != ZipkinSpans.isShared(span)) {
                    Span client = ZipkinSpans.isShared(span) ? other : span;
                    Span server = ZipkinSpans.isShared(span) ? span : other;
                    delivery.deliver(ZipkinSpans.merge(client, server));
                    return;
                }
                delivery.deliver(other); // the same half twice: delivered in order, the repeat flagged
            }
            if (ZipkinSpans.isShared(span) || "CLIENT".equals(span.kind)) {
                waiting.put(id, span);
                if (waiting.size() > limit) {
                    var eldest = waiting.entrySet().iterator();
                    delivery.deliver(eldest.next().getValue());
                    eldest.remove();
                }
            } else {
                delivery.deliver(span);
            }
        }

        /** Delivers the spans still waiting, alone, in the order they were read. */
        void finish() {
            waiting.values().forEach(delivery::deliver);
            waiting.clear();
        }
    }
}
