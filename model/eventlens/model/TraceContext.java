package eventlens.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The W3C trace context an event carries: the span that was current when it was sent, from a
 * {@code traceparent} value {@code 00-<32 hex trace id>-<16 hex span id>-<2 hex flags>}.
 *
 * <p>Where it is looked for, first found wins: a member named {@code traceparent} (any case, as HTTP
 * header names are) in the event's metadata, at most {@link #MAX_DEPTH} objects deep — so
 * {@code metadata.traceparent}, {@code metadata.headers.traceparent}, Kafka headers as imported
 * ({@code metadata.headers}) and a Temporal header payload as the reader decodes it
 * ({@code metadata.header.traceparent}) all count; then at the record's top level (the CloudEvents
 * distributed-tracing extension attribute, which the JSON reader keeps only in the raw text when the
 * record has a {@code data} member), or in a header list at its top level (a Kafka record dumped by
 * kcat {@code "headers": ["traceparent", "00-…"]} or rpk {@code [{"key", "value"}]}, or the Lambda
 * MSK event's {@code [{"traceparent": [bytes]}]}: when the record's value is an event of its own, the
 * broker readers import that event as it is and the headers stay in the raw record only); then at
 * the top level of the data (a payload that carries it).
 *
 * <p>Ids are lowercased, like the trace readers' (docs/formats.md), so {@link #spanEventId()} is the
 * id of the span's event when its trace is imported. Values that break the format — wrong lengths,
 * non-hex digits, version {@code ff}, an all-zero trace or span id — are no trace context.
 *
 * <p>A 64-bit trace id (16 hex digits: Zipkin's B3, older Jaeger) travels in a {@code traceparent}
 * left-padded with zeros to 32 digits; {@link #traceIdForms(String)} gives both spellings, so such a
 * context still finds its span.
 *
 * @param traceId the trace id, 32 lowercase hex digits
 * @param spanId the parent span id, 16 lowercase hex digits
 * @param flags the trace flags, 2 lowercase hex digits
 */
public record TraceContext(String traceId, String spanId, String flags) {
    /** The member name of the W3C header and of the CloudEvents extension attribute. */
    public static final String TRACEPARENT = "traceparent";
    /** How many objects deep the metadata is searched; headers sit at depth 2. */
    public static final int MAX_DEPTH = 4;

    /** The id of the span's event: {@code traceId:spanId}, the trace readers' scheme. */
    public String spanEventId() {
        return traceId + ":" + spanId;
    }

    /**
     * The ids a trace may be stored under: the id itself, and its other spelling when it is a 64-bit id
     * — 16 hex digits, or 32 whose first 16 are zeros. Other ids have one form.
     */
    public static List<String> traceIdForms(String traceId) {
        if (traceId.length() == 16 && hex(traceId)) {
            return List.of(traceId, "0".repeat(16) + traceId);
        }
        if (traceId.length() == 32 && traceId.startsWith("0".repeat(16)) && hex(traceId)) {
            return List.of(traceId, traceId.substring(16));
        }
        return List.of(traceId);
    }

    /** The ids the span's event may have, {@code traceId:spanId} for each of {@link #traceIdForms}. */
    public List<String> spanEventIds() {
        return traceIdForms(traceId).stream().map(t -> t + ":" + spanId).toList();
    }

    /** The trace context of a {@code traceparent} value, or empty when it is not a valid one. */
    public static Optional<TraceContext> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        // version-traceid-spanid-flags; a future version may append "-…" fields (W3C §3.2.4).
        if (v.length() < 55 || v.charAt(2) != '-' || v.charAt(35) != '-' || v.charAt(52) != '-'
                || (v.length() > 55 && (v.startsWith("00") || v.charAt(55) != '-'))) {
            return Optional.empty();
        }
        String version = v.substring(0, 2);
        String trace = v.substring(3, 35);
        String span = v.substring(36, 52);
        String flags = v.substring(53, 55);
        if (!hex(version) || version.equals("ff") || !hex(trace) || !hex(span) || !hex(flags)
                || zero(trace) || zero(span)) {
            return Optional.empty();
        }
        return Optional.of(new TraceContext(trace, span, flags));
    }

    /** The trace context an event carries, looked for as the class comment says. */
    public static Optional<TraceContext> of(Event event) {
        Optional<TraceContext> found = inText(event.metadata(), MAX_DEPTH);
        if (found.isEmpty() && event.raw() != null && mayHold(event.raw())) {
            JsonNode raw = Json.parseOrMissing(event.raw());
            found = in(raw, 1);
            if (found.isEmpty()) {
                found = inHeaderList(raw.path("headers"));
            }
        }
        if (found.isEmpty()) {
            found = inText(event.data(), 1);
        }
        return found;
    }

    /** Cheap test first: most events carry no trace context and are never parsed. */
    private static Optional<TraceContext> inText(String json, int depth) {
        if (json == null || !mayHold(json)) {
            return Optional.empty();
        }
        return in(Json.parseOrMissing(json), depth);
    }

    /** True when the text holds "traceparent" in any case. */
    static boolean mayHold(String text) {
        int n = TRACEPARENT.length();
        for (int i = text.indexOf("arent"); i >= 0; i = text.indexOf("arent", i + 1)) {
            int start = i - (n - 5);
            if (start >= 0 && text.regionMatches(true, start, TRACEPARENT, 0, n)) {
                return true;
            }
        }
        return false;
    }

    /** A broker header list: name/value pairs, {key, value} objects, or {name: text or bytes} objects. */
    private static Optional<TraceContext> inHeaderList(JsonNode headers) {
        if (!headers.isArray()) {
            return Optional.empty();
        }
        for (int i = 0; i < headers.size(); i++) {
            JsonNode h = headers.get(i);
            JsonNode value = null;
            if (h.isTextual() && h.textValue().equalsIgnoreCase(TRACEPARENT)) {
                value = headers.get(i + 1);
            } else if (h.isObject() && h.path("key").asText("").equalsIgnoreCase(TRACEPARENT)) {
                value = h.get("value");
            } else if (h.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = h.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> member = it.next();
                    if (member.getKey().equalsIgnoreCase(TRACEPARENT)) {
                        value = member.getValue();
                    }
                }
            }
            Optional<TraceContext> parsed = value == null ? Optional.empty() : parse(headerText(value));
            if (parsed.isPresent()) {
                return parsed;
            }
        }
        return Optional.empty();
    }

    /** A header value as text: text as it is, a list of byte numbers as ASCII, else null. */
    private static String headerText(JsonNode value) {
        if (value.isTextual()) {
            return value.textValue();
        }
        if (!value.isArray() || value.size() > 64) {
            return null;
        }
        StringBuilder b = new StringBuilder(value.size());
        for (JsonNode n : value) {
            if (!n.canConvertToInt() || n.intValue() < 0 || n.intValue() > 127) {
                return null;
            }
            b.append((char) n.intValue());
        }
        return b.toString();
    }

    private static Optional<TraceContext> in(JsonNode node, int depth) {
        if (depth <= 0 || !node.isObject()) {
            return Optional.empty();
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            if (member.getKey().equalsIgnoreCase(TRACEPARENT) && member.getValue().isTextual()) {
                Optional<TraceContext> parsed = parse(member.getValue().textValue());
                if (parsed.isPresent()) {
                    return parsed;
                }
            }
        }
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
            Optional<TraceContext> nested = in(it.next(), depth - 1);
            if (nested.isPresent()) {
                return nested;
            }
        }
        return Optional.empty();
    }

    private static boolean hex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    private static boolean zero(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}
