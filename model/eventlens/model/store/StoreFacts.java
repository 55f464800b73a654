package eventlens.model.store;

import eventlens.model.FailureNames;
import java.util.List;

/**
 * The {@link QueryFacts} of an open project, read through the store's reader. What depends on the whole
 * log (the failure types, the trace imports) is kept until the log's last position moves: imports only
 * append, so while it stands still nothing changed.
 */
final class StoreFacts implements QueryFacts {
    private static final List<String> TRACE_FORMATS = List.of("otlp", "jaeger", "zipkin");
    private final Sql reads;
    private long knownLast = -1;
    private List<String> failureTypes;
    private Boolean hasSpans;

    StoreFacts(Sql reads) {
        this.reads = reads;
    }

    private long lastPosition() {
        long last = reads.scalar(Schema.LAST_POSITION);
        if (last != knownLast) {
            knownLast = last;
            failureTypes = null;
            hasSpans = null;
        }
        return last;
    }

    @Override
    public Long lastEventMicros() {
        return reads.first("SELECT max(time_us) FROM events", rs -> {
            long v = rs.getLong(1);
            return rs.wasNull() ? null : v;
        }).orElse(null);
    }

    @Override
    public List<String> failureTypes() {
        lastPosition();
        if (failureTypes == null) {
            failureTypes = reads.list("SELECT DISTINCT type FROM events WHERE type IS NOT NULL", rs -> rs.getString(1))
                    .stream().filter(FailureNames::isFailure).toList();
        }
        return failureTypes;
    }

    @Override
    public boolean hasSpans() {
        lastPosition();
        if (hasSpans == null) {
            hasSpans = reads.first("SELECT 1 FROM imports WHERE format IN (SELECT value FROM json_each(?)) LIMIT 1",
                    rs -> true, QueryFunctions.jsonArray(TRACE_FORMATS)).isPresent();
        }
        return hasSpans;
    }

    @Override
    public boolean validated() {
        return !SchemasTable.validatedAgainst(reads).isEmpty();
    }

    @Override
    public boolean textIndexed() {
        long last = lastPosition();
        return last > 0 && EventText.upto(reads) >= last;
    }
}
