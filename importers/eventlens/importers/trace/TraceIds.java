package eventlens.importers.trace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The event-id scheme of the trace readers, and the reading of trace and span ids.
 *
 * <p>An event id is {@code traceId + ":" + spanId}. Span ids alone are only unique inside a trace:
 * the real test traces reuse {@code 0000000000000004} in two traces, and events are unique by id in
 * a project, so a bare span id would fold spans of different traces into one event. Causation ids
 * and link ids use the same scheme, so parents resolve. Hex ids are lowercased (W3C form; OTLP
 * examples use uppercase), so the same trace read from two formats gets the same ids.
 */
final class TraceIds {
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]+");
    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]+={0,2}");

    private TraceIds() {
    }

    /** The event id of span {@code spanId} of trace {@code traceId}. */
    static String eventId(String traceId, String spanId) {
        return traceId + ":" + spanId;
    }

    /** An id as found (hex lowercased); null when absent, not text or a number, or empty. */
    static String read(JsonNode node) {
        if (node == null || !(node.isTextual() || node.isIntegralNumber())) {
            return null;
        }
        String id = node.asText().strip();
        if (id.isEmpty()) {
            return null;
        }
        return HEX.matcher(id).matches() ? id.toLowerCase(Locale.ROOT) : id;
    }

    /**
     * An OTLP id: hex as the OTLP/JSON spec says, or base64 of 16 (trace) or 8 (span) bytes as the
     * generic protobuf JSON mapping writes it, turned into hex. All-zero ids mean "none" in OTLP.
     */
    static String readOtlp(JsonNode node) {
        String id = read(node);
        if (id == null) {
            return null;
        }
        if (!HEX.matcher(id).matches() && (id.length() == 24 || id.length() == 12) && BASE64.matcher(id).matches()) {
            try {
                byte[] bytes = Base64.getDecoder().decode(id);
                if (bytes.length == 16 || bytes.length == 8) {
                    id = HexFormat.of().formatHex(bytes);
                }
            } catch (IllegalArgumentException e) {
                return id; // not base64 after all: keep it as found
            }
        }
        return id.chars().allMatch(c -> c == '0') ? null : id;
    }
}
