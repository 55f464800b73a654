package eventlens.model.store;

import eventlens.model.Event;
import eventlens.model.TraceContext;
import eventlens.model.query.EventQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
    private static final String STAMP_KEY = "trace_links_stamp";
    private static final EventQuery CANDIDATES = new EventQuery(List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), null, null, List.of("raceparent"), List.of());
    private static final int PAGE = 2_000;
    /** Events whose trace context is in the metadata only (decoded by the reader), between two positions. */
    private static final String DECODED = "SELECT e.position FROM events e JOIN event_bodies b ON b.position = e.position "
            + "WHERE e.position > ? AND e.position <= ? AND instr(b.raw, 'raceparent') = 0 "
            + "AND instr(" + EventBodies.METADATA + ", 'raceparent') > 0 ORDER BY e.position";

    private final ProjectStore store;
    private final Connection connection;

    /** The trace links of an open project. */
    public TraceLinks(ProjectStore store) {
        this.store = store;
        try {
            this.connection = store.openSideConnection();
        } catch (SQLException e) {
            throw failure("open", e);
        }
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
        try {
            long built = built();
            long now = maxPosition();
            if (now == built) {
                return 0;
            }
            if (now < built) {
                clear();
                built = 0;
            }
            int found = 0;
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT OR IGNORE INTO trace_links(event_id, correlation_id, trace_id, span_id, flags) VALUES (?, ?, ?, ?, ?)")) {
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
                for (long position : decodedCandidates(built, now)) {
                    Optional<Event> e = store.eventAt(position);
                    if (e.isPresent()) {
                        found += add(insert, e.get());
                    }
                }
                insert.executeBatch();
                try (PreparedStatement ps = connection.prepareStatement(
                        "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")) {
                    ps.setString(1, STAMP_KEY);
                    ps.setString(2, Long.toString(now));
                    ps.executeUpdate();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            return found;
        } catch (SQLException e) {
            throw failure("index the trace context of", e);
        }
    }

    /** Adds the event's trace link to the batch; 1 when it has trace context, else 0. */
    private static int add(PreparedStatement insert, Event e) throws SQLException {
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

    private List<Long> decodedCandidates(long after, long upTo) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(DECODED)) {
            ps.setLong(1, after);
            ps.setLong(2, upTo);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    /**
     * The events whose trace context names a span of one of these traces (refreshing first), in
     * event-id order, at most {@code limit} of them.
     */
    public synchronized List<TraceLink> into(Collection<String> traceIds, int limit) {
        refresh();
        List<TraceLink> out = new ArrayList<>();
        if (traceIds.isEmpty()) {
            return out;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(traceIds.size(), "?"));
        try (PreparedStatement ps = connection.prepareStatement("SELECT event_id, correlation_id, trace_id, span_id, flags "
                + "FROM trace_links WHERE trace_id IN (" + marks + ") ORDER BY event_id LIMIT ?")) {
            int i = 1;
            for (String t : traceIds) {
                ps.setString(i++, t);
            }
            ps.setInt(i, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TraceLink(rs.getString(1), rs.getString(2),
                            new TraceContext(rs.getString(3), rs.getString(4), rs.getString(5))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }

    private long built() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            ps.setString(1, STAMP_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Long.parseLong(rs.getString(1)) : 0;
            }
        }
    }

    private long maxPosition() throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(max(position), 0) FROM events")) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private void clear() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("DELETE FROM trace_links");
        }
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException("cannot " + what + " project " + store.file() + ": " + e.getMessage(), e);
    }
}
