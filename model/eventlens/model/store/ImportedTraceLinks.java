package eventlens.model.store;

import eventlens.model.Event;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The trace links ({@link TraceLinks}) of the events an import stores, written in the import's transaction
 * as it stores them, with the stamp that says the table covers them: the first flow opened after a big
 * import then finds the table up to date instead of reading every event's body (28 s on ten million
 * events). The same events are looked at as {@link TraceLinks#refresh()} would, so the rows are the same.
 * Only when the table covered every event before the import: otherwise it stays behind, and its next
 * refresh catches up from its stamp, as before.
 */
final class ImportedTraceLinks implements AutoCloseable {
    private final Connection connection;
    private final PreparedStatement insert;
    private int batched;

    private ImportedTraceLinks(Connection connection) throws SQLException {
        this.connection = connection;
        this.insert = connection.prepareStatement(TraceLinks.INSERT);
    }

    /** The links of an import whose last stored position before it is {@code lastPosition}; null when behind. */
    static ImportedTraceLinks start(Connection connection, long lastPosition) throws SQLException {
        long covered = new Sql(connection, "cannot start an import").first("SELECT value FROM meta WHERE key = ?",
                rs -> Long.parseLong(rs.getString(1)), TraceLinks.STAMP_KEY).orElse(0L);
        return covered == lastPosition ? new ImportedTraceLinks(connection) : null;
    }

    /** Takes an event as stored. */
    void stored(Event e) throws SQLException {
        if (TraceLinks.mayLink(e.raw(), e.metadata())) {
            batched += TraceLinks.add(insert, e);
        }
    }

    /** Writes the links taken since the last call; returns how many. */
    int flush() throws SQLException {
        int written = batched;
        if (batched > 0) {
            insert.executeBatch();
            batched = 0;
        }
        return written;
    }

    /** Writes what is left and stamps the table as covering the events up to {@code lastPosition}. */
    void commit(long lastPosition) throws SQLException {
        flush();
        new Sql(connection, "cannot finish an import").update("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                TraceLinks.STAMP_KEY, Long.toString(lastPosition));
    }

    @Override
    public void close() throws SQLException {
        insert.close();
    }
}
