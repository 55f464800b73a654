package eventlens.model.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The one place where connections to a project are opened, with one set of pragmas per purpose (issue
 * 11). Every connection waits up to 10 s for a writer (an import two minutes) and keeps temporary tables in memory
 * (but for the derived tables' builds, whose sorts spill to files) and reads packed record texts
 * ({@link PackedText}); a project that cannot be written gets immutable connections whatever the purpose
 * ({@link ReadOnlyProject}).
 */
final class Connections {
    /** How long a statement waits for another connection's write lock before failing with "database is locked". */
    static final long BUSY_TIMEOUT_MILLIS = 10_000;
    /**
     * How long an import waits for another writer: an index built after a bulk load holds the lock for up to a
     * quarter of a minute on ten million events (decision 0067), and an import has nothing better to do than wait.
     */
    static final long IMPORT_BUSY_TIMEOUT_MILLIS = 120_000;

    /** What a connection is for. */
    enum Purpose {
        /** The store's own serialised reader: a large page cache, the file kept in WAL mode. */
        READ,
        /** One import's writer: takes the write lock at its first statement (positions are counted by it). */
        WRITE,
        /** A reader beside the store's that also keeps a derived table (flow list, trace links, dead-letter groups). */
        INDEX
    }

    private Connections() {
    }

    /** A connection to the project at {@code file} for {@code purpose}. */
    static Connection open(Path file, Purpose purpose, boolean readOnly) throws SQLException {
        ThreadGuard.checkOpen(file);
        if (readOnly) {
            return ReadOnlyProject.connect(file);
        }
        Properties properties = new Properties();
        if (purpose == Purpose.WRITE) {
            // Take the write lock when the import starts, not at its first insert: positions are
            // counted by the import itself (ImportWriter) and no other writer may interleave.
            properties.setProperty("transaction_mode", "IMMEDIATE");
        }
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, properties);
        try (Statement s = c.createStatement()) {
            long busyTimeout = purpose == Purpose.WRITE ? IMPORT_BUSY_TIMEOUT_MILLIS : BUSY_TIMEOUT_MILLIS;
            s.execute("PRAGMA busy_timeout=" + busyTimeout);
            // A derived table's build sorts every event (the flow list): its sorts spill to files, in runs of
            // a few MB, instead of holding gigabytes in memory (decision 0052).
            s.execute(purpose == Purpose.INDEX ? "PRAGMA temp_store=FILE" : "PRAGMA temp_store=MEMORY");
            // NORMAL in WAL mode: a crash or power cut can lose the last commit, never corrupt the file.
            s.execute("PRAGMA synchronous=NORMAL");
            if (purpose != Purpose.INDEX) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA cache_size=-65536");
                // After a checkpoint the log is cut back to 64 MB instead of keeping its biggest size.
                s.execute("PRAGMA journal_size_limit=67108864");
            }
            PackedText.register(c);
        } catch (SQLException e) {
            c.close();
            throw e;
        }
        return c;
    }
}
