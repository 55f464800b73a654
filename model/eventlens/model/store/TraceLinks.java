package eventlens.model.store;

import eventlens.model.Event;
import eventlens.model.TraceContext;
import eventlens.model.query.EventQuery;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which events of a project carry a W3C {@code traceparent} ({@link TraceContext}), and into which
 * trace: the reverse index that lets a trace's flow find the messages sent inside it.
 *
 * <p>The {@code trace_links} table (schema migration 4) is derived from the events, like the flow
 * list: a stamp in {@code meta} (the highest event position read) says how far it is built, and every
 * read first indexes the events added since — imports only append. Only events whose raw text holds
 * {@code raceparent} (so {@code traceparent} and {@code Traceparent}) are parsed, and those whose
 * metadata alone holds it: a reader that decoded it from an encoded part of the raw text (a Temporal
 * header payload, base64 in the raw). Reads and the refresh go through a connection of their own;
 * close it when done.
 */
public final class TraceLinks implements AutoCloseable {
    static final String STAMP_KEY = "trace_links_stamp";
    static final String INSERT = "INSERT OR IGNORE INTO trace_links(event_id, correlation_id, trace_id, span_id, flags) "
            + "VALUES (?, ?, ?, ?, ?)";
    /** The word every candidate's raw text or metadata holds: {@code traceparent} or {@code Traceparent}. */
    private static final String WORD = "raceparent";
    private static final EventQuery CANDIDATES = new EventQuery(List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), null, null, List.of(WORD), List.of());
    private static final int PAGE = 2_000;
    /** Events whose trace context is in the metadata only (decoded by the reader), between two positions. */
    private static final String DECODED = "SELECT e.position FROM events e JOIN event_bodies b ON b.position = e.position "
            + "WHERE e.position > ? AND e.position <= ? AND instr(" + PackedText.RAW + ", 'raceparent') = 0 "
            + "AND instr(" + EventBodies.METADATA + ", 'raceparent') > 0 ORDER BY e.position";

    private final ProjectStore store;
    private final DerivedTable table;

    /** The trace links of an open project. */
    public TraceLinks(ProjectStore store) {
        this.store = store;
        this.table = new DerivedTable(store, STAMP_KEY, "trace_links");
    }

    /**
     * An event that carries trace context.
     *
     * @param eventId the event's id
     * @param correlationId its correlation id, or null
     * @param context the span it names
     */
    public record TraceLink(String eventId, String correlationId, TraceContext context) {
    }

    /** Indexes the events added since the last refresh; returns how many links it found. */
    public synchronized int refresh() {
        String stamp = table.stamp();
        long built = stamp.isEmpty() ? 0 : Long.parseLong(stamp);
        long now = table.sql().scalar("SELECT coalesce(max(position), 0) FROM events");
        if (now == built) {
            return 0;
        }
        return table.update("index the trace context of", Long.toString(now), () -> {
            long from = built;
            if (now < from) {
                table.sql().update("DELETE FROM trace_links");
                from = 0;
            }
            return index(from, now);
        });
    }

    /** Adds the links of the events after position {@code built} up to {@code now}; how many it added. */
    private int index(long built, long now) throws SQLException {
        int found = 0;
        try (PreparedStatement insert = table.sql().connection().prepareStatement(INSERT)) {
            long after = built;
            while (true) {
                List<Event> page = store.events(CANDIDATES, after, PAGE);
                for (Event e : page) {
                    found += add(insert, e);
                }
                insert.executeBatch();
                if (page.size() < PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).position();
            }
            for (long position : table.sql().list(DECODED, rs -> rs.getLong(1), built, now)) {
                Optional<Event> e = store.eventAt(position);
                if (e.isPresent()) {
                    found += add(insert, e.get());
                }
            }
            insert.executeBatch();
        }
        return found;
    }

    /**
     * Whether an event with this raw text and metadata is one {@link #refresh()} looks at: the raw text holds
     * the word, or the metadata alone does (the two queries of {@link #index}).
     */
    static boolean mayLink(String raw, String metadata) {
        return raw != null && raw.contains(WORD) || metadata != null && metadata.contains(WORD);
    }

    /** Adds the event's trace link to the batch; 1 when it has trace context, else 0. */
    static int add(PreparedStatement insert, Event e) throws SQLException {
        Optional<TraceContext> t = TraceContext.of(e);
        if (t.isEmpty()) {
            return 0;
        }
        insert.setString(1, e.id());
        insert.setString(2, e.correlationId());
        insert.setString(3, t.get().traceId());
        insert.setString(4, t.get().spanId());
        insert.setString(5, t.get().flags());
        insert.addBatch();
        return 1;
    }

    /**
     * The events whose trace context names a span of one of these traces (refreshing first), in
     * event-id order, at most {@code limit} of them.
     */
    public synchronized List<TraceLink> into(Collection<String> traceIds, int limit) {
        refresh();
        if (traceIds.isEmpty()) {
            return new ArrayList<>();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(traceIds.size(), "?"));
        List<Object> params = new ArrayList<>(traceIds);
        params.add(limit);
        return table.sql().list("SELECT event_id, correlation_id, trace_id, span_id, flags FROM trace_links "
                + "WHERE trace_id IN (" + marks + ") ORDER BY event_id LIMIT ?", rs -> new TraceLink(rs.getString(1),
                        rs.getString(2), new TraceContext(rs.getString(3), rs.getString(4), rs.getString(5))),
                params.toArray());
    }

    @Override
    public synchronized void close() {
        table.close();
    }
}
