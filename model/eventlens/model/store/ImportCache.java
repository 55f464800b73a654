package eventlens.model.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How many pages SQLite keeps in memory for an import (decision 0084). A bulk load appends its events and bodies, and
 * an appended page is written once and never read again: it keeps a small cache, which measured a quarter faster than
 * a big one. Rows written at random places of an index (the id index once it is built, trace links, dead letters) want
 * their pages kept: an import that writes many such rows, or any import into a project with events, keeps a big one.
 */
final class ImportCache {
    /** Pages a bulk load keeps while it only appends (8 MB). */
    private static final int APPENDING_PAGES = 2000;
    /** The cache, in KiB, of an import that writes at random places (256 MB). */
    private static final int RANDOM_KIB = 262144;
    /** Rows written at random places of indexes that a small cache still holds (their pages fit in 8 MB). */
    private static final long FEW_RANDOM_ROWS = 20_000;

    private final Connection connection;
    private boolean big;
    private long randomRows;

    /** The cache of an import on {@code connection}, small when it is a bulk load ({@code appending}). */
    ImportCache(Connection connection, boolean appending) throws SQLException {
        this.connection = connection;
        if (appending) {
            set("PRAGMA cache_size=" + APPENDING_PAGES);
        } else {
            big();
        }
    }

    /** Takes {@code rows} written at random places of an index; past a few thousand, the big cache. */
    void wroteAtRandom(long rows) throws SQLException {
        randomRows += rows;
        if (randomRows > FEW_RANDOM_ROWS) {
            big();
        }
    }

    /** From now on, the big cache. */
    void big() throws SQLException {
        if (!big) {
            set("PRAGMA cache_size=-" + RANDOM_KIB);
            big = true;
        }
    }

    private void set(String pragma) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(pragma);
        }
    }
}
