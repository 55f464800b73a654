package eventlens.model.store;

import eventlens.model.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code flows} table (schema migration 2): one row of figures per correlation, derived from the
 * events and brought up to date when the project has changed since it was last built (new events,
 * deliveries or dead letters): only the touched correlations after a small import, one full pass after
 * a big one (docs/decisions/0006-flow-list.md). A page is then an indexed query.
 *
 * <p>This class holds the SQL only; what a correlation's figures are is the flow logic's business,
 * handed in as a {@link Summariser} (so the store never sees the flow package). Reads and the rebuild
 * go through a connection of their own ({@link DerivedTable}); close this when done.
 */
public final class FlowsTable implements AutoCloseable {
    private static final String STAMP_KEY = "flows_stamp";
    private static final String COLUMNS = "correlation_id, root_type, events, start_us, duration_us, depth, "
            + "anomalies, failures";
    private static final String COLUMNS_READ = "SELECT e.position, e.id, e.type, e.source, e.time_us, e.correlation_id, "
            + "e.causation_id, e.deliveries, e.conflicting, ";
    private static final String DEAD_LETTERED = "EXISTS (SELECT 1 FROM dead_letters d WHERE d.event_id = e.id)";
    /**
     * Every correlated event, ordered by correlation: one pass over the table in its own order, sorted in runs
     * merged from temporary files, instead of a visit of the table per event in the index's order; whether a
     * dead letter names the event is looked up in memory ({@link #deadLettered}) rather than probed per row.
     * 9,953,673 events in the sqlite3 shell: 21.6 s, against 43 s with the probe and 61 s through the index.
     */
    private static final String READ_ALL = COLUMNS_READ + "%s FROM events e NOT INDEXED WHERE e.correlation_id IS NOT "
            + "NULL ORDER BY e.correlation_id, e.position";
    /** Dead-lettered event ids held in memory at most for a full rebuild; above, each row probes the table. */
    private static final int DEAD_LETTERED_IN_MEMORY = 500_000;
    /** How long a whole build's rows wait to be copied in while another writer (an import) holds the lock. */
    private static final long COPY_WAIT_MILLIS = 600_000;
    /** How long bringing the list up to date waits for another writer before it serves the list as built. */
    private static final long UPDATE_WAIT_MILLIS = 1_000;
    /** Above this many touched correlations, one full pass is cheaper than one query each. */
    private static final int INCREMENTAL_LIMIT = 20_000;

    /**
     * One row of the table.
     *
     * @param correlationId the correlation id
     * @param rootType type of the earliest root (null when it has none)
     * @param events distinct events
     * @param start earliest event time (null when unknown)
     * @param duration latest minus earliest event time
     * @param depth the deepest chain (root = 0)
     * @param anomalies number of anomalies
     * @param failures number of failed events
     */
    public record Figures(String correlationId, String rootType, long events, Instant start, Duration duration,
            int depth, int anomalies, int failures) {
    }

    /**
     * Works out one correlation's figures from its events (with only position, id, type, source, time,
     * correlation and causation read) and the facts the store keeps beside them.
     */
    public interface Summariser {
        /**
         * @param correlationId the correlation
         * @param events its events in position order
         * @param deliveries delivery counts of the events delivered more than once
         * @param conflicting ids of the events whose copies differ
         * @param deadLettered ids of the events a dead letter names
         */
        Figures summarise(String correlationId, List<Event> events, Map<String, Integer> deliveries,
                Set<String> conflicting, Set<String> deadLettered);
    }

    /**
     * Which rows to select; every given condition must hold.
     *
     * @param correlation correlation id, {@code *} and {@code ?} wildcards allowed (null or empty: any)
     * @param rootType root type, wildcards allowed (null or empty: any)
     * @param withAnomalies only rows with at least one anomaly
     * @param withFailures only rows with at least one failure
     * @param fromMicros with {@code toMicros}: only flows whose span meets {@code [fromMicros, toMicros)} (null: any time)
     * @param toMicros the end of that range, excluded
     */
    public record Selection(String correlation, String rootType, boolean withAnomalies, boolean withFailures,
            Long fromMicros, Long toMicros) {
        public Selection(String correlation, String rootType, boolean withAnomalies, boolean withFailures) {
            this(correlation, rootType, withAnomalies, withFailures, null, null);
        }

        /** This selection at any time. */
        public Selection withoutWindow() {
            return new Selection(correlation, rootType, withAnomalies, withFailures);
        }
    }

    /**
     * The columns rows can be ordered by; each order breaks ties by correlation id, in the same direction, and puts
     * flows without a value last, so that the orders with an index (all but root type and depth) are one walk of it
     * (decision 0057).
     */
    public enum Column {
        START("start_us", true), CORRELATION("correlation_id", false), ROOT_TYPE("root_type", true),
        EVENTS("events", false), DURATION("duration_us", false), DEPTH("depth", false), ANOMALIES("anomalies", false),
        FAILURES("failures", false);

        private final String name;
        private final boolean nullable;

        Column(String name, boolean nullable) {
            this.name = name;
            this.nullable = nullable;
        }
    }

    /** Receives the flows of a root type one at a time, each whole ({@link #forEachFlowOf}). */
    public interface FlowVisitor {
        /**
         * @param correlationId the correlation
         * @param events its events in position order, with only position, id, type, time, correlation and
         *     causation read; the list is reused for the next flow, so copy what you keep
         */
        void visit(String correlationId, List<Event> events);

        /** Forget every flow visited so far: the scan starts over another way and visits them again. */
        default void restart() {
        }
    }

    private final DerivedTable table;
    private final Summariser summariser;

    /** The flows table of an open project, its rows worked out by {@code summariser}. Close it when done. */
    public FlowsTable(ProjectStore store, Summariser summariser) {
        this.table = new DerivedTable(store, STAMP_KEY, "flows");
        this.summariser = summariser;
    }

    /**
     * Rebuilds the table when the project changed since it was built; a no-op (one small query) otherwise.
     * Returns true when it rebuilt.
     */
    public synchronized boolean refresh() {
        String stamp = currentStamp();
        String built = table.stamp();
        if (stamp.equals(built)) {
            return false;
        }
        // Without the correlation index (not built yet, decision 0067) one query per correlation would scan each time.
        boolean correlationIndexed = !EventIndexes.indexedBy(table.sql().connection(), EventIndexes.CORRELATION)
                .isBlank();
        List<String> touched = correlationIndexed ? touchedSince(built, stamp) : null;
        if (touched == null && !table.readOnly()) {
            buildApart();
            return true;
        }
        // An import in the window holds the write lock for as long as it runs: rather than wait the usual
        // 10 s at every count and page and then fail, the list stays as last built until the lock is free.
        Connection c = table.sql().connection();
        setBusyTimeout(c, UPDATE_WAIT_MILLIS);
        try {
            table.update("build the flow list of", stamp, () -> {
                rebuild(touched);
                return null;
            });
        } catch (StoreException e) {
            if (Sql.busy(e)) {
                return false;
            }
            throw e;
        } finally {
            setBusyTimeout(c, Connections.BUSY_TIMEOUT_MILLIS);
        }
        return true;
    }

    /** Builds the whole table again, changed or not: what `eventlens benchmark flow` times. */
    public synchronized void rebuildAll() {
        if (table.readOnly()) {
            table.update("build the flow list of", currentStamp(), () -> {
                rebuild(null);
                return null;
            });
        } else {
            buildApart();
        }
    }

    /** What the project's events, deliveries and dead letters are up to, as the table's stamp says it. */
    private String currentStamp() {
        return table.sql("build the flow list of").first("SELECT (SELECT coalesce(max(position), 0) FROM events), "
                + "(SELECT coalesce(max(id), 0) FROM deliveries), (SELECT coalesce(max(key), 0) FROM dead_letters)",
                rs -> rs.getLong(1) + "/" + rs.getLong(2) + "/" + rs.getLong(3)).orElseThrow();
    }

    /**
     * Builds the whole list without holding the project's write lock: the rows are worked out from one
     * snapshot of the events into a temporary table (33 s on ten million events), then copied in a short
     * write (a few seconds), so that a query saved meanwhile is not refused as "database is locked" after
     * waiting 10 s. The stamp is the snapshot's: what was added meanwhile is taken at the next refresh.
     */
    private void buildApart() {
        Sql sql = table.sql("build the flow list of");
        var c = sql.connection();
        sql.update("DROP TABLE IF EXISTS temp.flows_building");
        sql.update("CREATE TEMP TABLE flows_building AS SELECT * FROM main.flows WHERE 0");
        try {
            String seen = sql.transaction(() -> { // a read of one snapshot; only the temporary table is written
                String snapshot = currentStamp();
                try (PreparedStatement insert = c.prepareStatement("INSERT INTO temp.flows_building(" + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    Group group = new Group(insert, summariser);
                    sortedRead(c, group);
                    insert.executeBatch();
                }
                return snapshot;
            });
            // An import in the window holds the write lock for as long as it runs (minutes on millions of lines):
            // the rows worked out wait for it rather than fail after the usual 10 s (seen in benchmark all).
            setBusyTimeout(c, COPY_WAIT_MILLIS);
            table.update("build the flow list of", seen, () -> {
                sql.update("DELETE FROM main.flows");
                for (String index : Schema.FLOW_INDEX_NAMES) {
                    sql.update("DROP INDEX IF EXISTS main." + index); // rows come in key order, indexes built after
                }
                sql.update("INSERT INTO main.flows SELECT * FROM temp.flows_building");
                for (String index : Schema.FLOW_INDEXES) {
                    sql.update(index);
                }
                return null;
            });
        } finally {
            setBusyTimeout(c, Connections.BUSY_TIMEOUT_MILLIS);
            sql.update("DROP TABLE IF EXISTS temp.flows_building");
        }
    }

    private static void setBusyTimeout(Connection c, long millis) {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=" + millis);
        } catch (SQLException e) {
            throw new StoreException("cannot set how long the flow list waits for a writer: " + e.getMessage(), e);
        }
    }

    /** Number of rows the selection selects (refreshing first when stale). */
    public synchronized long count(Selection selection) {
        refresh();
        List<Object> params = new ArrayList<>();
        String where = where(selection, params);
        return table.sql().scalar("SELECT count(*) FROM flows WHERE " + where, params.toArray());
    }

    /**
     * The rows the selection selects at row indexes {@code [offset, offset+limit)} in the given order (ties
     * broken by correlation id), refreshing first when stale.
     */
    public synchronized List<Figures> page(Selection selection, Column order, boolean descending, long offset,
            int limit) {
        refresh();
        List<Object> params = new ArrayList<>();
        String where = where(selection, params);
        params.add(limit);
        params.add(offset);
        // The offset is walked in the index alone; only the page's rows are read (a "deferred join").
        String sorted = order(order, descending);
        return table.sql().list("SELECT " + COLUMNS + " FROM flows WHERE rowid IN (SELECT rowid FROM flows WHERE " + where
                + " ORDER BY " + sorted + " LIMIT ? OFFSET ?) ORDER BY " + sorted, rs -> new Figures(rs.getString(1), rs.getString(2),
                        rs.getLong(3), Rows.instant(rs, 4), Duration.of(rs.getLong(5), ChronoUnit.MICROS), rs.getInt(6),
                        rs.getInt(7), rs.getInt(8)), params.toArray());
    }

    /**
     * The row index of a correlation in {@link #page}'s order for this selection, or -1 when the selection
     * does not select it.
     */
    public synchronized long indexOf(Selection selection, Column order, boolean descending, String correlationId) {
        refresh();
        List<Object> params = new ArrayList<>();
        String where = where(selection, params);
        params.add(correlationId);
        return table.sql().first("SELECT n FROM (SELECT correlation_id, row_number() OVER (ORDER BY "
                + order(order, descending) + ") - 1 AS n FROM flows WHERE " + where + ") WHERE correlation_id = ?",
                rs -> rs.getLong(1), params.toArray()).orElse(-1L);
    }

    /** The root types of the flows with how many flows each has, most flows first (ties by type). */
    public synchronized Map<String, Long> rootTypes() {
        refresh();
        Map<String, Long> out = new java.util.LinkedHashMap<>();
        table.sql().list("SELECT root_type, count(*) AS n FROM flows WHERE root_type IS NOT NULL GROUP BY root_type "
                + "ORDER BY n DESC, root_type", rs -> out.put(rs.getString(1), rs.getLong(2)));
        return out;
    }

    /**
     * Hands every flow whose root type is {@code rootType} to {@code visitor}, refreshing the table first
     * when stale; only whole flows are handed over. Returns the number of flows visited. See
     * {@link FlowScan} for the two ways it reads: one pass over the events in position order while at most
     * {@code maxBuffered} events of unfinished flows are held, else one ordered scan through the correlation
     * index, one flow in memory at a time.
     */
    public synchronized long forEachFlowOf(String rootType, int maxBuffered, FlowVisitor visitor) {
        refresh();
        return new FlowScan(table.sql(), rootType, visitor).run(maxBuffered);
    }

    @Override
    public synchronized void close() {
        table.close();
    }

    /**
     * The ORDER BY of a column: ascending, flows without a value come after the others through an index on
     * {@code column IS NULL} first; descending, they come last anyway (SQLite sorts NULL lowest).
     */
    static String order(Column column, boolean descending) {
        String direction = descending ? " DESC" : "";
        if (column == Column.CORRELATION) {
            return "correlation_id" + direction;
        }
        String nullsLast = column.nullable && !descending ? column.name + " IS NULL, " : "";
        return nullsLast + column.name + direction + ", correlation_id" + direction;
    }

    /** The condition of a selection over the table's columns, its values appended to {@code params}. */
    static String where(Selection s, List<Object> params) {
        List<String> parts = new ArrayList<>();
        if (s.correlation() != null && !s.correlation().isEmpty()) {
            parts.add("correlation_id GLOB ?");
            params.add(s.correlation());
        }
        if (s.rootType() != null && !s.rootType().isEmpty()) {
            parts.add("root_type GLOB ?");
            params.add(s.rootType());
        }
        if (s.withAnomalies()) {
            parts.add("anomalies > 0");
        }
        if (s.withFailures()) {
            parts.add("failures > 0");
        }
        if (s.fromMicros() != null && s.toMicros() != null) {
            parts.add("start_us < ? AND start_us + duration_us >= ?");
            params.add(s.toMicros());
            params.add(s.fromMicros());
        }
        return parts.isEmpty() ? "1=1" : String.join(" AND ", parts);
    }

    /**
     * Brings the rows up to date inside the caller's transaction: only the correlations touched since the
     * last build (imports only ever add) when {@code touched} is given, else everything in one pass over
     * the correlated events in correlation order.
     */
    private void rebuild(List<String> touched) throws SQLException {
        var c = table.sql().connection();
        try (PreparedStatement insert = c.prepareStatement("INSERT OR REPLACE INTO flows(" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            Group group = new Group(insert, summariser);
            if (touched == null) {
                table.sql().update("DELETE FROM flows");
                // Only a read-only project gets here (others build apart): its connection keeps temporary
                // storage in memory, its derived tables being copies there, so read in the index's order
                // rather than sort gigabytes in memory.
                try (PreparedStatement read = c.prepareStatement(read(c) + "WHERE e.correlation_id IS NOT NULL "
                        + "ORDER BY e.correlation_id")) {
                    summarise(read, group);
                }
            } else {
                try (PreparedStatement read = c.prepareStatement(read(c) + "WHERE e.correlation_id = ?")) {
                    for (String correlation : touched) {
                        read.setString(1, correlation);
                        summarise(read, group);
                    }
                }
            }
            insert.executeBatch();
        }
    }

    /** The events of given correlations, through the correlation index where it is built. */
    private static String read(Connection c) {
        return COLUMNS_READ + DEAD_LETTERED + " FROM events e" + EventIndexes.indexedBy(c, EventIndexes.CORRELATION);
    }

    /** The correlations touched between two stamps, or null when everything must be rebuilt. */
    private List<String> touchedSince(String built, String now) {
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
        List<String> out = table.sql("build the flow list of").list(
                "SELECT correlation_id FROM events WHERE position > ? AND correlation_id IS NOT NULL "
                        + "UNION SELECT e.correlation_id FROM deliveries d JOIN events e ON e.id = d.event_id "
                        + "WHERE d.id > ? AND e.correlation_id IS NOT NULL "
                        + "UNION SELECT e.correlation_id FROM dead_letters d JOIN events e ON e.id = d.event_id "
                        + "WHERE d.key > ? AND e.correlation_id IS NOT NULL LIMIT ?",
                rs -> rs.getString(1), from[0], from[1], from[2], INCREMENTAL_LIMIT + 1);
        return out.size() > INCREMENTAL_LIMIT ? null : out;
    }

    /**
     * Reads every correlated event in one sorted pass into {@code group} (the connection spills sorts to
     * files: decision 0052), two threads sorting, with a small cache so that the sort merges runs of a few MB.
     */
    private void sortedRead(Connection c, Group group) throws SQLException {
        long cache = table.sql().scalar("PRAGMA cache_size");
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA cache_size=2000");
            s.execute("PRAGMA threads=2");
            Set<String> dead = deadLettered();
            try (PreparedStatement read = c.prepareStatement(READ_ALL.formatted(dead == null ? DEAD_LETTERED : "0"))) {
                group.deadLettered = dead == null ? Set.of() : dead;
                summarise(read, group);
            } finally {
                s.execute("PRAGMA threads=0");
                s.execute("PRAGMA cache_size=" + cache);
            }
        }
    }

    /** The ids of the events dead letters name, or null when there are too many to hold. */
    private Set<String> deadLettered() {
        Sql sql = table.sql("build the flow list of");
        if (sql.scalar("SELECT count(*) FROM dead_letters") > DEAD_LETTERED_IN_MEMORY) {
            return null;
        }
        return new HashSet<>(sql.list("SELECT DISTINCT event_id FROM dead_letters WHERE event_id IS NOT NULL",
                rs -> rs.getString(1)));
    }

    /** Reads rows ordered by correlation and writes one row of figures per correlation. */
    private static void summarise(PreparedStatement read, Group group) throws SQLException {
        try (ResultSet rs = read.executeQuery()) {
            while (rs.next()) {
                String correlation = rs.getString(6);
                if (!correlation.equals(group.correlation)) {
                    group.flush();
                    group.correlation = correlation;
                }
                Event e = new Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Rows.instant(rs, 5), null, null, null, correlation, rs.getString(7), null, null, "", null);
                group.add(e, rs.getInt(8), rs.getBoolean(9), rs.getBoolean(10) || group.deadLettered.contains(e.id()));
            }
        }
        group.flush();
    }

    /** The events of the correlation being read, summarised into one row when the next one starts. */
    private static final class Group {
        private final PreparedStatement insert;
        private final Summariser summariser;
        private final List<Event> events = new ArrayList<>();
        private final Map<String, Integer> deliveries = new HashMap<>();
        private final Set<String> conflicting = new HashSet<>();
        private final Set<String> dead = new HashSet<>();
        private String correlation;
        private int batched;
        /** Dead-lettered ids known beforehand (a full rebuild), beside the flag each row brings. */
        private Set<String> deadLettered = Set.of();

        Group(PreparedStatement insert, Summariser summariser) {
            this.insert = insert;
            this.summariser = summariser;
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
            Figures f = summariser.summarise(correlation, events, deliveries, conflicting, dead);
            insert.setString(1, correlation);
            insert.setString(2, f.rootType());
            insert.setLong(3, f.events());
            if (f.start() == null) {
                insert.setNull(4, Types.INTEGER);
            } else {
                insert.setLong(4, ChronoUnit.MICROS.between(Instant.EPOCH, f.start()));
            }
            insert.setLong(5, f.duration().toNanos() / 1000);
            insert.setInt(6, f.depth());
            insert.setInt(7, f.anomalies());
            insert.setInt(8, f.failures());
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
}
