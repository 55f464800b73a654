package eventlens.model.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The events' secondary indexes after a bulk load (decision 0067): an import into an empty project loads the rows
 * without them (and builds only the unique one on ids at commit), so that the project opens as soon as its rows are
 * in; they are built after, one index per transaction on a connection of their own, while the store keeps answering
 * (a query that wants a missing index scans, with the same answer). {@code eventlens import} builds them before it
 * ends; the window builds them when it opens a project that lacks some, and after its own imports. The events a
 * project imported before blocks were kept lacks in blocks (decision 0071) are made the same way, last.
 */
public final class EventIndexes {
    /** How the building is going: {@code built} of {@code total} done, {@code next} the one being built (null: none). */
    public interface Progress {
        void building(int built, int total, String next);
    }

    /** The index of events by correlation (the flows read through it). */
    static final String CORRELATION = "events_correlation";
    /** The index of events by aggregate and version (the aggregate list and state read through it). */
    static final String AGGREGATE = "events_aggregate";

    /** What each index serves, in the order they are built: what the user reaches first comes first. */
    private static final List<Index> ORDER = List.of(
            new Index(Schema.ID_INDEX_NAME, "events by id"),
            new Index(CORRELATION, "events by correlation"),
            new Index("events_type", "events by type"),
            new Index("events_time", "events by time"),
            new Index(AGGREGATE, "events by aggregate"),
            new Index("events_causation", "events by causation"));

    private record Index(String name, String label) {
        /** Its statement, as the schema has it. */
        String create() {
            return name.equals(Schema.ID_INDEX_NAME) ? Schema.ID_INDEX
                    : Schema.EVENT_INDEXES.get(Schema.EVENT_INDEX_NAMES.indexOf(name));
        }
    }

    /**
     * Not an index: the events kept in blocks for replay (decision 0071), which a project imported before they were
     * kept lacks, and which are made from its rows as its indexes are.
     */
    public static final String BLOCKS = "event_blocks";
    /** What {@link Progress} is told while the blocks are made. */
    public static final String BLOCKS_LABEL = "the replay's blocks";

    private EventIndexes() {
    }

    /** The names of the events' indexes the project at this connection lacks, in building order. */
    static List<String> missing(Sql sql) {
        Set<String> present = Set.copyOf(sql.list("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = "
                + "'events'", rs -> rs.getString(1)));
        List<String> missing = new ArrayList<>();
        for (Index index : ORDER) {
            if (!present.contains(index.name())) {
                missing.add(index.name());
            }
        }
        if (EventBlocks.uncovered(sql) > 0) {
            missing.add(BLOCKS);
        }
        return missing;
    }

    /** {@code INDEXED BY name} when the index is there, else nothing (SQLite then plans without it). */
    static String indexedBy(Connection connection, String name) {
        Sql sql = new Sql(connection, "cannot read the project's indexes");
        return sql.first("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?", rs -> true, name).isPresent()
                ? " INDEXED BY " + name + " " : " ";
    }

    /**
     * Builds every missing index of {@code store}'s project, one per transaction, telling {@code progress} before
     * each and once all are done, and stopping between two when {@code cancelled} says so. A writer holding the lock
     * (an import, the flow list's copy) is waited for, however long. Returns true when none is missing; a read-only
     * project is left as it is.
     */
    static boolean build(ProjectStore store, Progress progress, BooleanSupplier cancelled) {
        if (store.isReadOnly()) {
            return false;
        }
        try (DerivedTable side = new DerivedTable(store, "", "")) {
            Sql sql = side.sql("index");
            List<String> missing = missing(sql);
            // SQLite sorts an index's keys fastest in runs of a few MB merged from files, two threads sorting
            // (decision 0051 and its addendum): the connection's temporary store is already files.
            try (Statement s = sql.connection().createStatement()) {
                s.execute("PRAGMA cache_size=2000");
                s.execute("PRAGMA threads=2");
            } catch (SQLException e) {
                throw sql.failure(e);
            }
            int built = 0;
            for (Index index : ORDER) {
                if (!missing.contains(index.name())) {
                    continue;
                }
                if (cancelled.getAsBoolean()) {
                    return false;
                }
                progress.building(built, missing.size(), index.label());
                waiting(() -> sql.update(index.create()), cancelled);
                built++;
            }
            if (missing.contains(BLOCKS) && !cancelled.getAsBoolean()) {
                progress.building(built, missing.size(), BLOCKS_LABEL);
                waiting(() -> EventBlocks.fill(sql, cancelled), cancelled);
                built++;
            }
            progress.building(built, missing.size(), null);
            return !cancelled.getAsBoolean() || missing(sql).isEmpty();
        }
    }

    /** Runs {@code work}, trying again while another connection holds the write lock (each try waits 10 s). */
    private static void waiting(Runnable work, BooleanSupplier cancelled) {
        while (true) {
            try {
                work.run();
                return;
            } catch (StoreException e) {
                if (!Sql.busy(e) || cancelled.getAsBoolean()) {
                    throw e;
                }
            }
        }
    }
}
