package eventlens.model.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

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
        return sql.scalar("SELECT coalesce(max(position), 0) FROM events");
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
        boolean all = fromMicros == null || toMicros == null;
        String query = all ? "SELECT time_us, type, source FROM events WHERE time_us IS NOT NULL"
                : "SELECT time_us, type, source FROM events WHERE time_us >= ? AND time_us < ?";
        try (PreparedStatement s = sql.connection().prepareStatement(query)) {
            if (!all) {
                s.setLong(1, fromMicros);
                s.setLong(2, toMicros);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
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
