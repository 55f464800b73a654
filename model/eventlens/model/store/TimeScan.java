package eventlens.model.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Reads events' times, types and sources for counting them over time, on a connection of its own so that
 * a long count never holds up the store's reader (the event table keeps paging meanwhile). Close it when
 * done.
 */
public final class TimeScan implements AutoCloseable {
    private final java.sql.Connection connection;
    private final Sql sql;

    /** What one event contributes to a count over time. */
    @FunctionalInterface
    public interface Sink {
        void accept(long timeMicros, String type, String source);
    }

    /**
     * Which events a count covers: all of them, those a query selects, or those of the flows a flow-list
     * selection lists. A condition over {@code events e} (and {@code event_bodies b} when it reads the
     * bodies), every value a parameter; two scopes with the same condition and values are equal.
     */
    public record Scope(String where, List<Object> parameters, boolean needsBody) {
        /** Every event. */
        public static final Scope ALL = new Scope("1=1", List.of(), false);

        public Scope {
            parameters = List.copyOf(parameters);
        }

        /** The events {@code query} selects in {@code store} (compiled with the project's facts). */
        public static Scope of(ProjectStore store, eventlens.model.query.EventQuery query) {
            if (query.isAll()) {
                return ALL;
            }
            SqlFilter f = store.filter(query);
            return new Scope(f.where(), f.parameters(), f.needsBody());
        }

        /**
         * The events of the flows {@code selection} lists, read from the {@code flows} table as last built
         * (every event when it selects every flow, so that the whole log's count serves).
         */
        public static Scope ofFlows(FlowsTable.Selection selection) {
            List<Object> params = new ArrayList<>();
            String where = FlowsTable.where(selection.withoutWindow(), params);
            return where.equals("1=1") ? ALL
                    : new Scope("e.correlation_id IN (SELECT correlation_id FROM flows WHERE " + where + ")", params, false);
        }

        public boolean isAll() {
            return equals(ALL);
        }
    }

    public TimeScan(ProjectStore store) {
        try {
            this.connection = Connections.open(store.file(), Connections.Purpose.INDEX, store.isReadOnly());
        } catch (SQLException e) {
            throw new StoreException("cannot open project " + store.file() + ": " + e.getMessage(), e);
        }
        this.sql = new Sql(connection, "cannot read project " + store.file());
    }

    /** The earliest and latest event time in microseconds since the epoch; empty when no event has a time. */
    public Optional<long[]> span() {
        return sql.first("SELECT min(time_us), max(time_us) FROM events WHERE time_us IS NOT NULL",
                rs -> rs.getObject(1) == null ? new long[0] : new long[] {rs.getLong(1), rs.getLong(2)})
                .filter(span -> span.length == 2);
    }

    /** The highest log position (0 when empty): imports only append, so it changes with every import. */
    public long lastPosition() {
        return sql.scalar(Schema.LAST_POSITION);
    }

    /** The number of events timed in {@code [fromMicros, toMicros)}, counted over the time index. */
    public long count(long fromMicros, long toMicros) {
        return sql.scalar("SELECT count(*) FROM events WHERE time_us >= ? AND time_us < ?", fromMicros, toMicros);
    }

    /**
     * Hands every event timed in {@code [fromMicros, toMicros)} to {@code sink}, in no particular order;
     * null bounds mean the whole log (one pass over the table rather than over the time index).
     */
    public void scan(Long fromMicros, Long toMicros, Sink sink) {
        scan(fromMicros, toMicros, Scope.ALL, () -> false, sink);
    }

    /**
     * As {@link #scan(Long, Long, Sink)}, for the events of {@code scope} only; stops early (having handed
     * over part of them) once {@code cancelled} turns true.
     */
    public void scan(Long fromMicros, Long toMicros, Scope scope, BooleanSupplier cancelled, Sink sink) {
        boolean all = fromMicros == null || toMicros == null;
        List<Object> params = new ArrayList<>();
        StringBuilder query = new StringBuilder("SELECT e.time_us, e.type, e.source FROM events e");
        if (scope.needsBody()) {
            query.append(" JOIN event_bodies b ON b.position = e.position");
        }
        if (all) {
            query.append(" WHERE e.time_us IS NOT NULL");
        } else {
            query.append(" WHERE e.time_us >= ? AND e.time_us < ?");
            params.add(fromMicros);
            params.add(toMicros);
        }
        if (!scope.isAll()) {
            query.append(" AND (").append(scope.where()).append(')');
            params.addAll(scope.parameters());
        }
        try (PreparedStatement s = sql.connection().prepareStatement(query.toString())) {
            Sql.bind(s, params.toArray());
            try (ResultSet rs = s.executeQuery()) {
                int n = 0;
                while (rs.next()) {
                    if ((++n & 0xFFF) == 0 && cancelled.getAsBoolean()) {
                        return;
                    }
                    sink.accept(rs.getLong(1), rs.getString(2), rs.getString(3));
                }
            }
        } catch (SQLException e) {
            throw sql.failure(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw sql.failure(e);
        }
    }
}
