package eventlens.importers.trace;

import eventlens.importers.ImportSink;
import eventlens.model.ImportError;
import java.util.HashMap;
import java.util.Map;

/**
 * Hands the spans of one import to the sink. A span without a trace or span id cannot become an
 * event: it is an import-error row, and the import goes on. A span whose id was already read in
 * this source (the same span id twice in one trace) is delivered all the same, flagged in its
 * metadata ({@code span.duplicateSpanId: true}, {@code span.firstReadAtLine}): as for any repeated
 * event id (decision 0003), the store keeps it as a second delivery of the first copy, counts it as a
 * duplicate and marks it conflicting when it differs, and the flow shows the duplicate, which an
 * error row alone would hide. Keeps one entry per span read (an id and a line) to see repeats.
 */
final class SpanDelivery {
    private final ImportSink sink;
    private final Map<String, Long> lines = new HashMap<>();

    SpanDelivery(ImportSink sink) {
        this.sink = sink;
    }

    /** Imports the span (flagged when its id was read before), or reports why it cannot be. */
    void deliver(Span span) {
        if (span.traceId == null || span.spanId == null) {
            reject(span, span.traceId == null ? "span without a trace id" : "span without a span id");
            return;
        }
        Long first = lines.putIfAbsent(span.id(), span.origin.line());
        if (first != null) {
            span.extra.put("duplicateSpanId", true);
            span.extra.put("firstReadAtLine", first);
        }
        sink.accept(span.event());
    }

    /** Reports a span that cannot be imported. */
    void reject(Span span, String reason) {
        sink.reject(new ImportError(span.origin.file(), span.origin.line(), 0, reason, span.raw));
    }
}
