package eventlens.model.store;

import eventlens.model.Event;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The per-aggregate reads and the snapshot table of a project: one aggregate's events in fold order,
 * the aggregate list, and snapshot rows. Reads share the project's reader connection and its lock, so it
 * is as safe to use from a background thread as {@link ProjectStore} itself; snapshot writes are short
 * transactions through the project's writer of derived rows (a connection of its own; in a read-only
 * project, the in-memory copies of the reader), under the same lock.
 *
 * <p>Fold order is version order, events without a version first, ties broken by position; it is
 * the order of the {@code events(aggregate_id, version)} index, so no query here sorts.
 *
 * <p>Besides the snapshots themselves, the table holds one stamp row per aggregate and reducer
 * ({@code version = Long.MIN_VALUE}, {@code state = "stamp:<logPosition> <events> <lastPosition>"})
 * recording the log the snapshots were built from (see {@link SnapshotStamp}).
 */
public final class AggregateStore {
    private static final long STAMP_VERSION = Long.MIN_VALUE;
    private static final String STAMP_PREFIX = "stamp:";
    private static final String SUMMARY_COLUMNS = "aggregate_id, min(aggregate_type), count(*), min(time_us), "
            + "max(time_us), max(version), (count(version) - count(DISTINCT version))"
            // Events without a version count only beside versioned ones: a stream that has none at all (a
            // table's change events, an outbox) is ordered by log position, which is not an issue.
            + " + CASE WHEN count(version) = 0 THEN 0 ELSE count(*) - count(version) END"
            + " + coalesce(max(version) - min(version) + 1 - count(DISTINCT version), 0)";

    private final ProjectStore store;

    /** Seen once, the aggregate index stays (only a bulk load into an empty project drops the indexes). */
    private volatile boolean aggregateIndexed;

    /** Reads through the project's own connection, writes through its writer of derived rows. */
    public AggregateStore(ProjectStore store) {
        this.store = store;
    }

    /** The project these reads go to. */
    public ProjectStore project() {
        return store;
    }

    /** Up to {@code limit} events of the aggregate after the cursor, in fold order. */
    public List<Event> events(String aggregateId, AggregateCursor after, int limit) {
        synchronized (store) {
            List<Event> out = new ArrayList<>();
            if (after.version() == null) {
                out.addAll(query("SELECT " + Rows.EVENT_COLUMNS + Rows.EVENT_FROM + "WHERE e.aggregate_id = ? "
                        + "AND e.version IS NULL AND e.position > ? ORDER BY e.position LIMIT ?",
                        aggregateId, after.position(), limit));
                if (out.size() < limit) {
                    out.addAll(query("SELECT " + Rows.EVENT_COLUMNS + Rows.EVENT_FROM + "WHERE e.aggregate_id = ? "
                            + "AND e.version IS NOT NULL ORDER BY e.version, e.position LIMIT ?",
                            aggregateId, limit - out.size()));
                }
                return out;
            }
            return query("SELECT " + Rows.EVENT_COLUMNS + Rows.EVENT_FROM + "WHERE e.aggregate_id = ? "
                    + "AND (e.version, e.position) > (?, ?) ORDER BY e.version, e.position LIMIT ?",
                    aggregateId, after.version(), after.position(), limit);
        }
    }

    /** The first event of the aggregate in fold order. */
    public Optional<Event> first(String aggregateId) {
        return events(aggregateId, AggregateCursor.START, 1).stream().findFirst();
    }

    /** The project's highest position (0 when empty): one lookup. */
    public long logPosition() {
        synchronized (store) {
            return scalar(Schema.LAST_POSITION);
        }
    }

    /** The aggregate's event count and highest position, as a stamp of the log at {@code logPosition}. */
    public SnapshotStamp tally(String aggregateId, long logPosition) {
        synchronized (store) {
            return reads().first("SELECT count(*), coalesce(max(position), 0) FROM events WHERE aggregate_id = ?",
                    rs -> new SnapshotStamp(logPosition, rs.getLong(1), rs.getLong(2)), aggregateId).orElseThrow();
        }
    }

    /** The stamp of the aggregate's snapshots for this reducer, when they were built. */
    public Optional<SnapshotStamp> stamp(String aggregateId, String reducer) {
        synchronized (store) {
            try {
                Optional<String> state = reads().first("SELECT state FROM snapshots WHERE aggregate_id = ? "
                        + "AND reducer = ? AND version = ?", rs -> rs.getString(1), aggregateId, reducer, STAMP_VERSION);
                if (state.isEmpty() || !state.get().startsWith(STAMP_PREFIX)) {
                    return Optional.empty();
                }
                String[] parts = state.get().substring(STAMP_PREFIX.length()).split(" ");
                return Optional.of(new SnapshotStamp(Long.parseLong(parts[0]), Long.parseLong(parts[1]),
                        Long.parseLong(parts[2])));
            } catch (RuntimeException unreadable) {
                return Optional.empty(); // an unreadable stamp only means: build again
            }
        }
    }

    /** The latest snapshot (highest version). */
    public Optional<Snapshot> latestSnapshot(String aggregateId, String reducer) {
        return snapshot(aggregateId, reducer, "", null);
    }

    /** The latest snapshot holding no event with a version above {@code version}. */
    public Optional<Snapshot> snapshotAtVersion(String aggregateId, String reducer, long version) {
        return snapshot(aggregateId, reducer, " AND version <= ?", version);
    }

    /** The latest snapshot holding no event later than {@code time}. */
    public Optional<Snapshot> snapshotAtTime(String aggregateId, String reducer, Instant time) {
        return snapshot(aggregateId, reducer, " AND (time_us IS NULL OR time_us <= ?)", Rows.micros(time));
    }

    private Optional<Snapshot> snapshot(String aggregateId, String reducer, String condition, Long bound) {
        Object[] params = bound == null ? new Object[] {aggregateId, reducer, STAMP_VERSION}
                : new Object[] {aggregateId, reducer, STAMP_VERSION, bound};
        synchronized (store) {
            return reads().first("SELECT version, position, time_us, state FROM snapshots WHERE aggregate_id = ? "
                    + "AND reducer = ? AND version > ?" + condition + " ORDER BY version DESC LIMIT 1",
                    rs -> new Snapshot(aggregateId, reducer, rs.getLong(1), rs.getLong(2), Rows.instant(rs, 3),
                            rs.getString(4)), params);
        }
    }

    /** Removes every snapshot and stamp of the aggregate, whatever the reducer. */
    public void clearSnapshots(String aggregateId) {
        write(w -> w.update("DELETE FROM snapshots WHERE aggregate_id = ?", aggregateId));
    }

    /** Stores snapshots (replacing any with the same aggregate, reducer and version), in one transaction. */
    public void writeSnapshots(List<Snapshot> snapshots) {
        if (snapshots.isEmpty()) {
            return;
        }
        write(w -> {
            try (PreparedStatement ps = w.connection().prepareStatement("INSERT OR REPLACE INTO snapshots(aggregate_id, "
                    + "version, position, time_us, reducer, state) VALUES (?,?,?,?,?,?)")) {
                for (Snapshot s : snapshots) {
                    ps.setString(1, s.aggregateId());
                    ps.setLong(2, s.version());
                    ps.setLong(3, s.position());
                    Rows.setLong(ps, 4, Rows.micros(s.maxTime()));
                    ps.setString(5, s.reducer());
                    ps.setString(6, s.state());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    /** Records the log the aggregate's snapshots for this reducer were built from (written last). */
    public void writeStamp(String aggregateId, String reducer, SnapshotStamp stamp) {
        write(w -> w.update("INSERT OR REPLACE INTO snapshots(aggregate_id, version, position, time_us, reducer, state) "
                + "VALUES (?,?,0,NULL,?,?)", aggregateId, STAMP_VERSION, reducer,
                STAMP_PREFIX + stamp.logPosition() + " " + stamp.events() + " " + stamp.lastPosition()));
    }

    /** Number of snapshot rows of the aggregate (stamps excluded), for tests and diagnostics. */
    public long snapshotCount(String aggregateId) {
        synchronized (store) {
            return scalar("SELECT count(*) FROM snapshots WHERE aggregate_id = ? AND version > ?", aggregateId,
                    STAMP_VERSION);
        }
    }

    /**
     * Up to {@code limit} aggregates with an id greater than {@code afterId} (null: from the start), in id
     * order, optionally of one type and with an id containing {@code idContains}.
     */
    public List<AggregateSummary> summaries(String type, String idContains, String afterId, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder("aggregate_id IS NOT NULL");
        if (afterId != null) {
            where.append(" AND aggregate_id > ?");
            params.add(afterId);
        }
        if (idContains != null && !idContains.isEmpty()) {
            where.append(" AND instr(aggregate_id, ?) > 0");
            params.add(idContains);
        }
        String having = "";
        if (type != null) {
            having = " HAVING min(aggregate_type) = ?";
            params.add(type);
        }
        params.add(limit);
        return summaryList("SELECT " + SUMMARY_COLUMNS + " FROM events WHERE " + where + " GROUP BY aggregate_id"
                + having + " ORDER BY aggregate_id LIMIT ?", params.toArray());
    }

    /** The summary of one aggregate. */
    public Optional<AggregateSummary> summary(String aggregateId) {
        return summaryList("SELECT " + SUMMARY_COLUMNS + " FROM events WHERE aggregate_id = ? GROUP BY aggregate_id",
                aggregateId).stream().findFirst();
    }

    private List<AggregateSummary> summaryList(String sql, Object... params) {
        Sql.Row<AggregateSummary> row = rs -> new AggregateSummary(rs.getString(1), rs.getString(2), rs.getLong(3),
                Rows.instant(rs, 4), Rows.instant(rs, 5), Rows.longOrNull(rs, 6), rs.getLong(7));
        if (!aggregateIndexed) {
            // Before its index is built (decision 0067) the grouping sorts every event, for seconds on millions: on a
            // connection of its own, so that pages and the other reads of the store's do not wait behind it.
            try (DerivedTable side = new DerivedTable(store, "", "")) {
                if (EventIndexes.indexedBy(side.sql().connection(), EventIndexes.AGGREGATE).isBlank()) {
                    return side.sql().list(sql, row, params);
                }
                aggregateIndexed = true;
            }
        }
        synchronized (store) {
            return reads().list(sql, row, params);
        }
    }

    private List<Event> query(String sql, Object... params) {
        return reads().list(sql, Rows::event, params);
    }

    private long scalar(String sql, Object... params) {
        return reads().scalar(sql, params);
    }

    private interface Write {
        void run(Sql writer) throws SQLException;
    }

    /** One transaction through the project's writer of derived rows, under the project's lock. */
    private void write(Write work) {
        synchronized (store) {
            Sql writer = store.derivedWrites("write snapshots to");
            if (store.isReadOnly()) {
                ReadOnlyProject.shadow(writer.connection(), "snapshots");
            }
            writer.transaction(() -> {
                work.run(writer);
                return null;
            });
        }
    }

    private Sql reads() {
        return store.reads();
    }
}
