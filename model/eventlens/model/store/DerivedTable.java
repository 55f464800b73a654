package eventlens.model.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * What a table derived from the events (the flow list, the trace links) needs beside the store's own
 * reader: a connection of its own ({@link Connections.Purpose#INDEX}), and a stamp in {@code meta}
 * saying what the table was last built from, written in the same transaction as the rows it stamps.
 * Its user brings the table up to date under its own lock and closes this when done.
 */
final class DerivedTable implements AutoCloseable {
    private final ProjectStore store;
    private final String stampKey;
    private final String[] written;
    private final Connection connection;
    private final Sql sql;

    /**
     * Opens the side connection to {@code store}'s project for the table stamped under {@code stampKey};
     * {@code table} names what {@link #update} writes, shadowed in memory first in a read-only project
     * (empty when nothing here is written there).
     */
    DerivedTable(ProjectStore store, String stampKey, String table) {
        this.store = store;
        this.stampKey = stampKey;
        this.written = table.isEmpty() ? new String[0] : new String[] {table, "meta"};
        try {
            this.connection = Connections.open(store.file(), Connections.Purpose.INDEX, store.isReadOnly());
        } catch (SQLException e) {
            throw new StoreException("cannot open project " + store.file() + ": " + e.getMessage(), e);
        }
        this.sql = new Sql(connection, "cannot read project " + store.file());
    }

    /** True when the project is read-only: the derived tables are copies in the connection's temporary storage. */
    boolean readOnly() {
        return store.isReadOnly();
    }

    /** Statements on the side connection; failures read "cannot read project …". */
    Sql sql() {
        return sql;
    }

    /** Statements on the side connection whose failures read "cannot {@code verb} project …". */
    Sql sql(String verb) {
        return sql.failingAs("cannot " + verb + " project " + store.file());
    }

    /** What the table was last built from; empty when it never was. */
    String stamp() {
        return sql.first("SELECT value FROM meta WHERE key = ?", rs -> rs.getString(1), stampKey).orElse("");
    }

    /**
     * Runs {@code work} and records {@code newStamp} in one transaction; failures read "cannot
     * {@code verb} project …" and leave the table and its stamp as they were.
     */
    <T> T update(String verb, String newStamp, Sql.Work<T> work) {
        Sql writing = sql(verb);
        if (readOnly()) {
            ReadOnlyProject.shadow(connection, written);
        }
        return writing.transaction(() -> {
            T result = work.run();
            writing.update("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", stampKey, newStamp);
            return result;
        });
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close project " + store.file() + ": " + e.getMessage(), e);
        }
    }
}
