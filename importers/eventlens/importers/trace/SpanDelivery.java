package eventlens.importers.trace;

import eventlens.importers.ImportSink;
import eventlens.model.ImportError;
import java.util.HashMap;
import java.util.Map;

/**
 * Hands the spans of one import to the sink, reporting what cannot become an event: a span without
 * a trace or span id, and a span whose id was already read in this source (the same span id twice
 * in one trace). The first copy is imported; later copies become import-error rows naming the line
 * of the first, and the import goes on. Keeps one entry per span read (an id and a line) to see
 * duplicates.
 */
final class SpanDelivery {
    private final ImportSink sink;
    private final Map<String, Long> lines = new HashMap<>();

    SpanDelivery(ImportSink sink) {
        this.sink = sink;
    }

    /** Imports the span, or reports why not. */
    void deliver(Span span) {
        String problem = problem(span);
        if (problem != null) {
            reject(span, problem);
            return;
        }
        sink.accept(span.event());
    }

    /** Why this span cannot be imported (recording its id when it can), or null. */
    String problem(Span span) {
        if (span.traceId == null) {
            return "span without a trace id";
        }
        if (span.spanId == null) {
            return "span without a span id";
        }
        Long first = lines.putIfAbsent(span.id(), span.origin.line());
        if (first != null) {
            return "duplicate span id " + span.spanId + " in trace " + span.traceId
                    + " (first read at line " + first + "); this copy is not imported";
        }
        return null;
    }

    /** Reports a span that cannot be imported. */
    void reject(Span span, String reason) {
        sink.reject(new ImportError(span.origin.file(), span.origin.line(), 0, reason, span.raw));
    }
}
