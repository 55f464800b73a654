package eventlens.model.flow;

import eventlens.model.Exemption;
import eventlens.model.Event;
import eventlens.model.store.ProjectStore;
import eventlens.model.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flow list of a project: every correlation with its root type, event count, start, duration,
 * depth, anomaly count and failure count — filtered, sorted and paged by SQL.
 *
 * <p>The figures live in the {@code flows} table (schema migration 2), derived from the events and
 * brought up to date when the project has changed since it was last built (new events, deliveries or
 * dead letters): only the touched correlations after a small import, one full pass after a big one
 * (see docs/decisions/0006-flow-list.md). A page is then an indexed query. Events
 * without a correlation id are not listed here; their flows are reached through an event
 * ({@link FlowLoader#byEvent(String)}). Reads and the rebuild go through a connection of their own.
 */
@Exemption(rule = Exemption.SQL_OUTSIDE_THE_STORE, why = "the flow list's derived table, not yet moved into model.store (issue 11, structure 1)")
public final class FlowList implements AutoCloseable {
    private static final String STAMP_KEY = "flows_stamp";
    private static final String COLUMNS = "correlation_id, root_type, events, start_us, duration_us, depth, "
            + "anomalies, failures";

    private final ProjectStore store;
    private final Connection connection;

    /** The flow list of an open project. Close it when done. */
    public FlowList(ProjectStore store) {
        this.store = store;
        try {
            this.connection = store.openSideConnection();
        } catch (SQLException e) {
            throw failure("open", e);
        }
    }

    /**
     * Rebuilds the {@code flows} table when the project changed since it was built; a no-op (one small
     * query) otherwise. Returns true when it rebuilt.
     */
    public synchronized boolean refresh() {
        try {
            String stamp = currentStamp();
            if (stamp.equals(builtStamp())) {
                return false;
            }
            rebuild(stamp);
            return true;
        } catch (SQLException e) {
            throw failure("build the flow list of", e);
        }
    }

    /** Number of flows the filter selects (refreshing first when stale). */
    public synchronized long count(FlowFilter filter) {
        refresh();
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*) FROM flows WHERE " + where)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /**
     * The flows the filter selects at row indexes {@code [offset, offset+limit)} in the given order
     * (ties broken by correlation id), refreshing first when stale.
     */
    public synchronized List<FlowSummary> page(FlowFilter filter, FlowSort sort, boolean descending, long offset,
            int limit) {
        refresh();
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        String order = order(sort, descending);
        params.add(limit);
        params.add(offset);
        List<FlowSummary> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + COLUMNS + " FROM flows WHERE " + where
                + " ORDER BY " + order + " LIMIT ? OFFSET ?")) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long startUs = rs.getLong(4);
                    Instant start = rs.wasNull() ? null : Instant.EPOCH.plus(startUs, ChronoUnit.MICROS);
                    out.add(new FlowSummary(rs.getString(1), rs.getString(2), rs.getLong(3), start,
                            Duration.of(rs.getLong(5), ChronoUnit.MICROS), rs.getInt(6), rs.getInt(7), rs.getInt(8)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /**
     * The row index of a flow in {@link #page}'s order for this filter and sort, or -1 when the filter does
     * not select it (so that a flow shown from another view can be selected in the list).
     */
    public synchronized long indexOf(FlowFilter filter, FlowSort sort, boolean descending, String correlationId) {
        refresh();
        List<Object> params = new ArrayList<>();
        String where = where(filter, params);
        params.add(correlationId);
        try (PreparedStatement ps = connection.prepareStatement("SELECT n FROM (SELECT correlation_id, "
                + "row_number() OVER (ORDER BY " + order(sort, descending) + ") - 1 AS n FROM flows WHERE " + where
                + ") WHERE correlation_id = ?")) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    private static String order(FlowSort sort, boolean descending) {
        String direction = descending ? " DESC" : " ASC";
        return sort == FlowSort.CORRELATION ? "correlation_id" + direction
                : sort.column() + " IS NULL, " + sort.column() + direction + ", correlation_id";
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure("close", e);
        }
    }

    private static String where(FlowFilter f, List<Object> params) {
        List<String> parts = new ArrayList<>();
        if (f.correlation() != null && !f.correlation().isEmpty()) {
            parts.add("correlation_id GLOB ?");
            params.add(f.correlation());
        }
        if (f.rootType() != null && !f.rootType().isEmpty()) {
            parts.add("root_type GLOB ?");
            params.add(f.rootType());
        }
        if (f.withAnomalies()) {
            parts.add("anomalies > 0");
        }
        if (f.withFailures()) {
            parts.add("failures > 0");
        }
        return parts.isEmpty() ? "1=1" : String.join(" AND ", parts);
    }

    /** What the table was derived from: changes whenever events, deliveries or dead letters are added. */
    private String currentStamp() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT (SELECT coalesce(max(position), 0) FROM events), (SELECT coalesce(max(id), 0) FROM deliveries), "
                        + "(SELECT coalesce(max(key), 0) FROM dead_letters)")) {
            rs.next();
            return rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3);
        }
    }

    private String builtStamp() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            ps.setString(1, STAMP_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "";
            }
        }
    }

    /**
     * Brings the table up to date: only the correlations touched since the last build (new events, new
     * deliveries, new dead letters — imports only ever add) when there are few of them, else everything
     * in one pass over the correlated events in correlation order.
     */
    private void rebuild(String stamp) throws SQLException {
        List<String> touched = touchedSince(builtStamp(), stamp);
        connection.setAutoCommit(false);
        try (PreparedStatement insert = connection.prepareStatement("INSERT OR REPLACE INTO flows(" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            Group group = new Group(insert);
            if (touched == null) {
                try (Statement s = connection.createStatement();
                     PreparedStatement read = connection.prepareStatement(READ + "WHERE e.correlation_id IS NOT NULL "
                             + "ORDER BY e.correlation_id")) {
                    s.execute("DELETE FROM flows");
                    summarise(read, group);
                }
            } else {
                try (PreparedStatement read = connection.prepareStatement(READ + "WHERE e.correlation_id = ?")) {
                    for (String correlation : touched) {
                        read.setString(1, correlation);
                        summarise(read, group);
                    }
                }
            }
            insert.executeBatch();
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")) {
                ps.setString(1, STAMP_KEY);
                ps.setString(2, stamp);
                ps.executeUpdate();
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static final String READ = "SELECT e.position, e.id, e.type, e.source, e.time_us, e.correlation_id, "
            + "e.causation_id, e.deliveries, e.conflicting, "
            + "EXISTS (SELECT 1 FROM dead_letters d WHERE d.event_id = e.id) FROM events e INDEXED BY events_correlation ";

    /** Above this many touched correlations, one full pass is cheaper than one query each. */
    private static final int INCREMENTAL_LIMIT = 20_000;

    /** The correlations touched between two stamps, or null when everything must be rebuilt. */
    private List<String> touchedSince(String built, String now) throws SQLException {
        if (built.isEmpty()) {
            return null;
        }
        String[] before = built.split("/");
        String[] after = now.split("/");
        long[] from = new long[3];
        for (int i = 0; i < 3; i++) {
            from[i] = Long.parseLong(before[i]);
            if (Long.parseLong(after[i]) < from[i]) {
                return null; // the project shrank: not an append, start over
            }
        }
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT correlation_id FROM events WHERE position > ? AND correlation_id IS NOT NULL "
                        + "UNION SELECT e.correlation_id FROM deliveries d JOIN events e ON e.id = d.event_id "
                        + "WHERE d.id > ? AND e.correlation_id IS NOT NULL "
                        + "UNION SELECT e.correlation_id FROM dead_letters d JOIN events e ON e.id = d.event_id "
                        + "WHERE d.key > ? AND e.correlation_id IS NOT NULL LIMIT ?")) {
            ps.setLong(1, from[0]);
            ps.setLong(2, from[1]);
            ps.setLong(3, from[2]);
            ps.setInt(4, INCREMENTAL_LIMIT + 1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out.size() > INCREMENTAL_LIMIT ? null : out;
    }

    /** Reads rows ordered by correlation and writes one summary per correlation. */
    private static void summarise(PreparedStatement read, Group group) throws SQLException {
        try (ResultSet rs = read.executeQuery()) {
            while (rs.next()) {
                String correlation = rs.getString(6);
                if (!correlation.equals(group.correlation)) {
                    group.flush();
                    group.correlation = correlation;
                }
                long us = rs.getLong(5);
                Instant time = rs.wasNull() ? null : Instant.EPOCH.plus(us, ChronoUnit.MICROS);
                Event e = new Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), time,
                        null, null, null, correlation, rs.getString(7), null, null, "", null);
                group.add(e, rs.getInt(8), rs.getBoolean(9), rs.getBoolean(10));
            }
        }
        group.flush();
    }

    /** The events of the correlation being read, summarised into one row when the next one starts. */
    private static final class Group {
        private final PreparedStatement insert;
        private final List<Event> events = new ArrayList<>();
        private final Map<String, Integer> deliveries = new java.util.HashMap<>();
        private final Set<String> conflicting = new java.util.HashSet<>();
        private final Set<String> dead = new java.util.HashSet<>();
        private String correlation;
        private int batched;

        Group(PreparedStatement insert) {
            this.insert = insert;
        }

        void add(Event e, int deliveryCount, boolean conflict, boolean deadLettered) {
            events.add(e);
            if (deliveryCount > 1) {
                deliveries.put(e.id(), deliveryCount);
            }
            if (conflict) {
                conflicting.add(e.id());
            }
            if (deadLettered) {
                dead.add(e.id());
            }
        }

        void flush() throws SQLException {
            if (correlation == null || events.isEmpty()) {
                return;
            }
            CausalGraph g = CausalGraph.build(events, new FlowFacts(deliveries, conflicting, dead, false));
            FlowStats st = g.stats();
            insert.setString(1, correlation);
            insert.setString(2, g.roots().isEmpty() ? null : g.node(g.roots().get(0)).type());
            insert.setLong(3, st.events());
            if (st.start() == null) {
                insert.setNull(4, java.sql.Types.INTEGER);
            } else {
                insert.setLong(4, ChronoUnit.MICROS.between(Instant.EPOCH, st.start()));
            }
            insert.setLong(5, st.duration().toNanos() / 1000);
            insert.setInt(6, st.maxDepth());
            insert.setInt(7, st.anomalies());
            insert.setInt(8, st.failures());
            insert.addBatch();
            if (++batched % 1000 == 0) {
                insert.executeBatch();
            }
            correlation = null;
            events.clear();
            deliveries.clear();
            conflicting.clear();
            dead.clear();
        }
    }

    private static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException("cannot " + what + " project " + store.file() + ": " + e.getMessage(), e);
    }
}
