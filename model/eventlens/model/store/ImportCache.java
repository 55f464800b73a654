package eventlens.model.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How many pages SQLite keeps in memory for an import (decision 0084). A bulk load appends its events and bodies, and
 * an appended page is written once and never read again: it keeps a small cache, which measured a quarter faster than
 * a big one. Entries written at random places of an index (the id index once it is built, trace links, dead letters)
 * want their pages kept: an import that writes many such entries, or any import into a project with events, keeps a
 * big one.
 */
final class ImportCache {
    /** Pages a bulk load keeps while it only appends (8 MB). */
    private static final int APPENDING_PAGES = 2000;
    /** The cache, in KiB, of an import that writes at random places (256 MB). */
    private static final int RANDOM_KIB = 262144;
    /**
     * Entries written at random places of indexes that a small cache still holds: about 10 MB of index pages, at 40–60
     * bytes an entry.
     */
    private static final long FEW_RANDOM_ENTRIES = 200_000;

    private final Connection connection;
    private boolean big;
    private long randomEntries;

    /** The cache of an import on {@code connection}, small when it is a bulk load ({@code appending}). */
    ImportCache(Connection connection, boolean appending) throws SQLException {
        this.connection = connection;
        if (appending) {
            set("PRAGMA cache_size=" + APPENDING_PAGES);
        } else {
            big();
        }
    }

    /** Takes {@code entries} written at random places of indexes; past what 8 MB holds, the big cache. */
    void wroteAtRandom(long entries) throws SQLException {
        randomEntries += entries;
        if (randomEntries > FEW_RANDOM_ENTRIES) {
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
