package eventlens.model.store;

import eventlens.model.DeadLetter;
import eventlens.model.Event;
import eventlens.model.ImportError;
import eventlens.model.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One import into a project, as one transaction: nothing it wrote is visible to readers, or left in
 * the file after a crash or a kill, until {@link #commit()}. Closing without committing rolls it back.
 *
 * <p>Events are unique by id. A record whose id is already present is stored as an extra
 * {@link RecordedDelivery} of that event and counted as a duplicate, unless it is the very same record
 * (same file, same line) imported before, which is skipped. Inserts are batched; when the project was
 * empty, the indexes are dropped for the load, and new ids are told from repeated
 * ones by their fingerprints ({@link IdFingerprints}) instead of the id index, until one repeats (decision
 * 0051). A brand-new project is loaded into a file of its own, without a journal, and put in place at commit
 * ({@link NewProjectFile}). The indexes dropped for the load, the id index included, are built after the commit,
 * while the project already opens (decisions 0067 and 0083).
 */
public final class ImportWriter implements AutoCloseable {
    private static final int BATCH = 2000;
    /**
     * Characters of text a batch holds at most before it is written: with big records a batch of 2,000
     * would hold gigabytes (see docs/decisions/0029-record-size-limit.md).
     */
    private static final long BATCH_CHARS = 16L << 20;
    /** Characters of text a batch holds at most to have its bodies written with the next batch, not at once. */
    private static final long LAGGED_CHARS = 2L << 20;
    private static final String INSERT_NEW_EVENT = "INSERT INTO events(id, type, source, time_us, aggregate_type, "
            + "aggregate_id, version, correlation_id, causation_id, import_id, line, format) "
            + "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String INSERT_EVENT = INSERT_NEW_EVENT + " ON CONFLICT(id) DO NOTHING";
    private static final String INSERT_DEAD_LETTER = "INSERT INTO dead_letters(event_id, event, handler, queue, "
            + "reason, error_type, message, stack, attempts, first_failure_us, last_failure_us, fingerprint, raw, "
            + "import_id, line, format) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    private static final String INSERT_BODY = "INSERT INTO event_bodies(position, raw, data, data_at, data_len, "
            + "metadata, metadata_at, metadata_len) VALUES (?,?,?,?,?,?,?,?)";

    private final Connection connection;
    private final Clock clock;
    /** SQLite's cache for this import: small while a bulk load only appends (decision 0084). */
    private final ImportCache cache;
    /** Inserts an event unless its id is stored; prepared once the id index exists (it needs the index). */
    private PreparedStatement insertEvent;
    /** Inserts an event known to be new, while the id index is dropped for a bulk load. */
    private PreparedStatement insertNewEvent;
    /** The fingerprints of the ids stored while the id index is dropped; null once it is built. */
    private IdFingerprints fresh;
    /** The file of a brand-new project this import creates, or null when it imports into an existing one. */
    private final NewProjectFile newFile;
    private final PreparedStatement insertBody;
    /** Packs each batch's record texts on a thread of its own while the events rows are inserted (decision 0062). */
    private final BatchPacking packing;
    private final PreparedStatement insertDeadLetter;
    private int pendingDeadLetters;
    /** The largest dead-letter key before this import: the error-text index takes those above at commit. */
    private final long deadLettersBefore;
    private long pendingDeadLetterChars;
    private long pendingChars;
    /** Whether an earlier import read the current file: only then can a record be one imported before. */
    private boolean fileSeenBefore;
    /** The position the next new event gets: this import holds the write lock, so positions are ours to count. */
    private long nextPosition;
    /** The position the first new event of this import gets. */
    private final long firstPosition;
    private final List<Event> pending = new ArrayList<>(BATCH);
    /** The characters of each pending event's texts, counted as it is added (for the tap). */
    private final long[] pendingSizes = new long[BATCH];
    /** The batch whose bodies are written with the next one's rows, or null. */
    private Unwritten unwritten;
    private long importId;
    private String file;
    private Counts counts;
    private boolean done;
    /** What learns from each stored event (the schema inference), or null. */
    private Tap tap;
    /** The trace links of the stored events, or null when the table was behind before the import. */
    private final ImportedTraceLinks links;

    /**
     * Something that learns from each event an import stores, and whose rows are stored in the import's
     * transaction at commit: the inferred schemas ({@link SchemasTable}).
     */
    public interface Tap {
        /**
         * Takes a stored event and the position it was stored at (the event's own position is not set), with the
         * characters of its raw text, data and metadata as the writer counted them when it was added: reading the
         * strings again here, a batch later, cost the store's thread a cache miss each (9 % of its samples at 1M).
         */
        void stored(Event event, long position, long chars);

        /** The schemas to store, covering every event stored so far. */
        List<SchemasTable.Row> rows();

        /** The import is over (committed or not): let go of what the tap holds. */
        default void close() {
        }
    }

    /** Starts a {@link Tap} from the rows stored before this import. */
    public interface TapStart {
        Tap start(List<SchemasTable.Row> stored);
    }

    ImportWriter(Connection connection, Clock clock) {
        this(connection, clock, null);
    }

    /** An import that creates a new project: it writes {@code newFile}'s side file and puts it in place at commit. */
    ImportWriter(NewProjectFile newFile, Clock clock) {
        this(newFile.connection(), clock, newFile);
    }

    private ImportWriter(Connection connection, Clock clock, NewProjectFile newFile) {
        this.connection = connection;
        this.clock = clock;
        this.newFile = newFile;
        try {
            connection.setAutoCommit(false);
            Sql starting = new Sql(connection, "cannot start an import");
            boolean bulkLoad = starting.first("SELECT 1 FROM events LIMIT 1", rs -> true).isEmpty();
            this.cache = new ImportCache(connection, bulkLoad);
            if (bulkLoad) {
                try (Statement s = connection.createStatement()) {
                    for (String name : Schema.EVENT_INDEX_NAMES) {
                        s.execute("DROP INDEX IF EXISTS " + name);
                    }
                    s.execute("DROP INDEX IF EXISTS " + Schema.ID_INDEX_NAME);
                }
                this.fresh = new IdFingerprints();
                this.insertNewEvent = connection.prepareStatement(INSERT_NEW_EVENT);
            } else {
                try (Statement s = connection.createStatement()) {
                    // A project whose indexes were not built yet (decision 0067): its ids must be told apart.
                    s.execute(Schema.ID_INDEX);
                }
                this.insertEvent = connection.prepareStatement(INSERT_EVENT);
            }
            this.insertBody = connection.prepareStatement(INSERT_BODY);
            this.packing = new BatchPacking(new Sql(connection, "cannot keep the records' texts"));
            this.insertDeadLetter = connection.prepareStatement(INSERT_DEAD_LETTER);
            this.nextPosition = starting.scalar(Schema.LAST_POSITION) + 1;
            this.firstPosition = nextPosition;
            this.deadLettersBefore = starting.scalar("SELECT coalesce(max(key), 0) FROM dead_letters");
            this.links = ImportedTraceLinks.start(connection, nextPosition - 1);
        } catch (SQLException e) {
            throw new StoreException("cannot start an import: " + e.getMessage(), e);
        }
    }

    /**
     * Brings the stored schemas forward with this import's events: {@code start} is given the stored rows and
     * its tap sees every event this import stores; at commit its rows replace the stored ones in the same
     * transaction. When the stored schemas did not cover the whole project before this import (a project
     * from before schemas were kept, or events added by another writer), nothing is tapped: the schemas stay
     * behind, and their reader catches up ({@link SchemasTable#coveredTo()}). Call before the first event.
     */
    public void tap(TapStart start) {
        if (!pending.isEmpty() || nextPosition > firstPosition) {
            throw new IllegalStateException("tap before the first event");
        }
        Sql creating = new Sql(connection, "cannot start an import");
        for (String create : SchemasTable.CREATE) {
            creating.update(create);
        }
        long covered = creating.first("SELECT value FROM meta WHERE key = ?", rs -> Long.parseLong(rs.getString(1)),
                SchemasTable.STAMP_KEY).orElse(0L);
        if (covered == nextPosition - 1) {
            tap = start.start(SchemasTable.rows(creating));
        }
    }

    /** Starts the next file of this import and returns its import id. Finishes the previous file first. */
    public long startFile(String fileName, String format, String mapping) {
        if (file != null) {
            finishFile();
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO imports(file, format, mapping, started_us) VALUES (?,?,?,?)",
                Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, fileName);
            ps.setString(2, format);
            ps.setString(3, mapping);
            ps.setLong(4, Rows.micros(clock.instant()));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                importId = keys.getLong(1);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        file = fileName;
        counts = new Counts();
        fileSeenBefore = seenBefore(fileName);
        return importId;
    }

    /** Adds an event of the current file (its origin line is kept; its position is assigned here). */
    public void add(Event event) {
        requireFile();
        long chars = length(event.raw()) + length(event.data()) + length(event.metadata());
        pendingSizes[pending.size()] = chars;
        pending.add(event);
        pendingChars += chars;
        if (pending.size() >= BATCH || pendingChars >= BATCH_CHARS) {
            flush();
        }
    }

    /** Adds a dead letter of the current file, unless that same record (file, line) is already stored. */
    public void add(DeadLetter d) {
        requireFile();
        try {
            if (fileSeenBefore && alreadyStored("SELECT 1 FROM dead_letters WHERE line = ? AND import_id IN "
                    + "(SELECT id FROM imports WHERE file = ? AND id <> ?)", d.origin().line())) {
                counts.read++;
                counts.skipped++;
                return;
            }
            PreparedStatement ps = insertDeadLetter;
            ps.setString(1, d.eventId());
            ps.setString(2, d.event());
            ps.setString(3, d.handler());
            ps.setString(4, d.queue());
            ps.setString(5, d.reason());
            ps.setString(6, d.errorType());
            ps.setString(7, d.message());
            ps.setString(8, d.stack());
            Rows.setLong(ps, 9, d.attempts() == null ? null : d.attempts().longValue());
            Rows.setLong(ps, 10, Rows.micros(d.firstFailure()));
            Rows.setLong(ps, 11, Rows.micros(d.lastFailure()));
            ps.setString(12, d.fingerprint());
            ps.setString(13, d.raw());
            ps.setLong(14, importId);
            ps.setLong(15, d.origin().line());
            ps.setString(16, d.origin().format());
            ps.addBatch();
            counts.read++;
            counts.deadLetters++;
            pendingDeadLetterChars += length(d.raw()) + length(d.event()) + length(d.message()) + length(d.stack());
            if (++pendingDeadLetters >= BATCH || pendingDeadLetterChars >= BATCH_CHARS) {
                flushDeadLetters();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private void flushDeadLetters() throws SQLException {
        if (pendingDeadLetters > 0) {
            insertDeadLetter.executeBatch();
            cache.wroteAtRandom(pendingDeadLetters); // their index by event id (the others grow at a few places)
            pendingDeadLetters = 0;
            pendingDeadLetterChars = 0;
        }
    }

    /**
     * A dead letter of this import that names an event id the project does not hold and embeds a message, the first
     * dead letter of the project to name that id.
     *
     * @param key its store key
     * @param eventId the event id it names
     * @param event the message it embeds, as text
     * @param file the file it was imported from
     * @param line its line there
     */
    public record Unlogged(long key, String eventId, String event, String file, long line) {
    }

    /**
     * The dead letters this import added so far that are the first to name an event id the project does not hold,
     * with a message embedded, in key order. Asked before {@link #commit()}, it sees this import's events too; a bulk
     * load answers without the id index, from its fingerprints and one read of a row each (decision 0083).
     */
    public List<Unlogged> unloggedDeadLetters() {
        writePending();
        List<Unlogged> named = sql().list("SELECT d.key, d.event_id, d.event, i.file, d.line FROM dead_letters d "
                + "LEFT JOIN imports i ON i.id = d.import_id WHERE d.key > ? AND d.event_id IS NOT NULL "
                + "AND d.event IS NOT NULL AND d.key = (SELECT min(d2.key) FROM dead_letters d2 "
                + "WHERE d2.event_id = d.event_id) ORDER BY d.key", rs -> new Unlogged(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getLong(5)), deadLettersBefore);
        return named.stream().filter(d -> !holds(d.eventId())).toList();
    }

    /** Whether the project holds an event with this id, this import's stored ones included. */
    private boolean holds(String id) {
        if (fresh == null) {
            return sql().first("SELECT 1 FROM events WHERE id = ?", rs -> true, id).isPresent();
        }
        long at = fresh.position(id);
        return at > 0 && id.equals(sql().first("SELECT id FROM events WHERE position = ?", rs -> rs.getString(1), at)
                .orElse(null));
    }

    /**
     * Records a record that could not be read, or a warning about one that was (counted as a warning,
     * not as a record read or failed); the import goes on.
     */
    public void add(ImportError error) {
        requireFile();
        sql().update("INSERT INTO import_errors(import_id, file, line, col, reason, raw, warning) VALUES (?,?,?,?,?,?,?)",
                importId, error.file().isEmpty() ? file : error.file(), error.line(), error.column(), error.reason(),
                error.raw(), error.warning() ? 1 : 0);
        if (error.warning()) {
            counts.warnings++;
        } else {
            counts.read++;
            counts.failed++;
        }
    }

    /** Counts lines of the current file skipped as comments or header lines: neither records nor errors. */
    public void addComments(long lines) {
        requireFile();
        counts.comments += lines;
    }

    /** Flushes the current file and writes its counts; returns them. */
    public ImportRecord finishFile() {
        requireFile();
        writePending();
        sql().update("UPDATE imports SET finished_us = ?, read = ?, imported = ?, duplicates = ?, skipped = ?, failed = ?, "
                + "dead_letters = ?, comments = ?, warnings = ? WHERE id = ?", Rows.micros(clock.instant()), counts.read,
                counts.imported, counts.duplicates, counts.skipped, counts.failed, counts.deadLetters, counts.comments,
                counts.warnings, importId);
        ImportRecord summary = new ImportRecord(importId, file, "", null, null, clock.instant(), counts.read,
                counts.imported, counts.duplicates, counts.skipped, counts.failed, counts.deadLetters, counts.comments,
                counts.warnings);
        file = null;
        return summary;
    }

    /**
     * Makes the whole import durable and visible. The indexes dropped for a bulk load are not built here: the project
     * opens without them, and {@link ProjectStore#buildIndexes} builds them after, the id index first (decisions 0067
     * and 0083).
     */
    public void commit() {
        if (file != null) {
            finishFile();
        }
        try {
            DeadLetterText.addAfter(sql(), deadLettersBefore);
            DeadLetterShapes.update(sql(), deadLettersBefore);
            DeadLetterWordings.update(sql(), deadLettersBefore);
            if (tap != null) {
                SchemasTable.write(sql(), tap.rows());
                sql().update("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", SchemasTable.STAMP_KEY,
                        Long.toString(nextPosition - 1));
            }
            if (links != null) {
                links.commit(nextPosition - 1);
            }
            connection.commit();
            done = true;
            if (newFile != null) {
                closeStatements();
                newFile.publish();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Undoes everything this import wrote. */
    public void rollback() {
        if (done) {
            return;
        }
        if (newFile != null) {
            done = true; // without a journal there is nothing to roll back: the side file is discarded at close
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            throw new StoreException("cannot roll back the import: " + e.getMessage(), e);
        } finally {
            done = true;
        }
    }

    @Override
    public void close() {
        try {
            if (tap != null) {
                tap.close();
            }
            rollback();
        } finally {
            try {
                packing.close();
                closeStatements();
                connection.close();
            } catch (SQLException e) {
                throw new StoreException("cannot close the import connection: " + e.getMessage(), e);
            } finally {
                if (newFile != null) {
                    newFile.discard();
                }
            }
        }
    }

    private void closeStatements() throws SQLException {
        if (connection.isClosed()) {
            return;
        }
        if (insertEvent != null) {
            insertEvent.close();
        }
        if (insertNewEvent != null) {
            insertNewEvent.close();
        }
        insertBody.close();
        if (links != null) {
            links.close();
        }
        insertDeadLetter.close();
    }

    /**
     * Builds the unique id index dropped for a bulk load and goes on the usual way, when an id seems to repeat (its
     * fingerprint was seen) or the fingerprints are full. A load that never needs it leaves it for after the commit.
     */
    private void buildIdIndex() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(Schema.ID_INDEX);
        }
        cache.big(); // every insert now probes the id index at a random place
        fresh = null;
        insertEvent = connection.prepareStatement(INSERT_EVENT);
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        try {
            if (fresh != null && !fresh.addAllNew(ids(pending), nextPosition)) {
                buildIdIndex();
            }
            java.util.concurrent.Future<BatchPacking.Body[]> packed = packing.start(pending);
            PreparedStatement insert = fresh != null ? insertNewEvent : insertEvent;
            for (Event e : pending) {
                bindEvent(insert, e);
                insert.addBatch();
            }
            int[] changed = insert.executeBatch();
            // The bodies of the batch before, packed while these rows were inserted: written now, so that the
            // packing of a batch never holds up this thread (decision 0072).
            writeBodies();
            List<Event> stored = new ArrayList<>(changed.length);
            List<Event> repeated = new ArrayList<>();
            long first = nextPosition;
            for (int i = 0; i < changed.length; i++) {
                counts.read++;
                if (changed[i] > 0) {
                    counts.imported++;
                    stored.add(pending.get(i));
                    if (tap != null) {
                        tap.stored(pending.get(i), nextPosition, pendingSizes[i]);
                    }
                    nextPosition++;
                    if (links != null) {
                        links.stored(pending.get(i));
                    }
                } else {
                    stored.add(null);
                    repeated.add(pending.get(i));
                }
            }
            unwritten = new Unwritten(first, stored, packed);
            if (nextPosition > first) {
                if (links != null) {
                    cache.wroteAtRandom(2L * links.flush()); // their indexes by event id and by trace id
                }
                // A new project's side file has no other writer; another project's might (a second window, a CLI).
                if (newFile == null && sql().scalar(Schema.LAST_POSITION) != nextPosition - 1) {
                    throw new StoreException("another writer changed the project during the import of " + file);
                }
            }
            if (!repeated.isEmpty() || pendingChars >= LAGGED_CHARS) {
                writeBodies(); // a redelivery compares with the stored body; a big batch is not held twice
            }
            pending.clear();
            pendingChars = 0;
            for (Event e : repeated) {
                redelivered(e);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /**
     * The ids of {@code events}, in order. A loop, not a stream: the stream's steps, compiled for a million calls in the
     * import's first seconds, took C2 0.6 s of a cold import without the AOT cache.
     */
    private static List<String> ids(List<Event> events) {
        String[] ids = new String[events.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = events.get(i).id();
        }
        return java.util.Arrays.asList(ids);
    }

    /** Writes everything added so far: the pending events, their bodies and the pending dead letters. */
    private void writePending() {
        flush();
        try {
            writeBodies();
            flushDeadLetters();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Writes the bodies of the last batch whose rows were inserted, once packed; nothing when written already. */
    private void writeBodies() throws SQLException {
        if (unwritten == null) {
            return;
        }
        Unwritten batch = unwritten;
        unwritten = null;
        BatchPacking.Body[] bodies = BatchPacking.join(batch.packed());
        long position = batch.firstPosition();
        boolean any = false;
        for (int i = 0; i < bodies.length; i++) {
            Event e = batch.events().get(i);
            if (e != null) {
                bindBody(position++, e, bodies[i]);
                insertBody.addBatch();
                any = true;
            }
        }
        if (any) {
            insertBody.executeBatch();
        }
    }

    /**
     * A batch whose events rows are inserted and whose bodies are not written yet: its events in order (null where
     * the id was stored before), the position of its first stored one, and its packing.
     */
    private record Unwritten(long firstPosition, List<Event> events,
                             java.util.concurrent.Future<BatchPacking.Body[]> packed) {
    }

    private void bindEvent(PreparedStatement ps, Event e) throws SQLException {
        ps.setString(1, e.id());
        ps.setString(2, e.type());
        ps.setString(3, e.source());
        Rows.setLong(ps, 4, Rows.micros(e.time()));
        ps.setString(5, e.aggregateType());
        ps.setString(6, e.aggregateId());
        Rows.setLong(ps, 7, e.version());
        ps.setString(8, e.correlationId());
        ps.setString(9, e.causationId());
        ps.setLong(10, importId);
        ps.setLong(11, e.origin().line());
        ps.setString(12, e.origin().format());
    }

    /** Binds an event's body, its text packed and its parts placed by {@link BatchPacking}. */
    private void bindBody(long position, Event e, BatchPacking.Body body) throws SQLException {
        PreparedStatement ps = insertBody;
        ps.setLong(1, position);
        if (body.text() instanceof byte[] packed) {
            ps.setBytes(2, packed);
        } else {
            ps.setString(2, e.raw());
        }
        bindPart(ps, 3, e.data(), body.dataAt());
        bindPart(ps, 6, e.metadata(), body.metadataAt());
    }

    private static void bindPart(PreparedStatement ps, int index, String text, int at) throws SQLException {
        if (at > 0) {
            ps.setNull(index, java.sql.Types.VARCHAR);
            ps.setInt(index + 1, at);
            ps.setInt(index + 2, text.length());
        } else {
            ps.setString(index, text);
            ps.setNull(index + 1, java.sql.Types.INTEGER);
            ps.setNull(index + 2, java.sql.Types.INTEGER);
        }
    }

    private void redelivered(Event e) {
        if (alreadyStored("SELECT 1 FROM events WHERE id = ? AND line = ? AND import_id IN "
                + "(SELECT id FROM imports WHERE file = ? AND id <> ?)", e.id(), e.origin().line())
                || alreadyStored("SELECT 1 FROM deliveries WHERE event_id = ? AND line = ? AND import_id IN "
                + "(SELECT id FROM imports WHERE file = ? AND id <> ?)", e.id(), e.origin().line())) {
            counts.skipped++;
            return;
        }
        // Compared as JSON: a copy kept verbatim and one written out from a tree are the same data (decision 0068).
        boolean same = sql().first("SELECT e.type, " + EventBodies.DATA + " FROM events e "
                + "JOIN event_bodies b ON b.position = e.position WHERE e.id = ?",
                rs -> Objects.equals(rs.getString(1), e.type()) && Json.same(rs.getString(2), e.data()), e.id())
                .orElse(false);
        sql().update("INSERT INTO deliveries(event_id, import_id, line, format, same_content, raw) VALUES (?,?,?,?,?,?)",
                e.id(), importId, e.origin().line(), e.origin().format(), same ? 1 : 0, e.raw());
        sql().update("UPDATE events SET deliveries = deliveries + 1, conflicting = conflicting OR ? WHERE id = ?",
                same ? 0 : 1, e.id());
        counts.duplicates++;
    }

    /** Whether a record of this file with these keys was stored by an earlier import of the same file. */
    private boolean alreadyStored(String sql, Object... keys) {
        Object[] params = java.util.Arrays.copyOf(keys, keys.length + 2);
        params[keys.length] = file;
        params[keys.length + 1] = importId;
        return sql().first(sql, rs -> true, params).isPresent();
    }

    private boolean seenBefore(String fileName) {
        return sql().first("SELECT 1 FROM imports WHERE file = ? AND id <> ? LIMIT 1", rs -> true, fileName, importId)
                .isPresent();
    }

    private void requireFile() {
        if (file == null) {
            throw new IllegalStateException("startFile first");
        }
    }

    private static long length(String text) {
        return text == null ? 0 : text.length();
    }

    /** Statements whose failures name the current file, or the commit once every file is finished. */
    private Sql sql() {
        return new Sql(connection, file == null ? "cannot commit the import" : "cannot write the import of " + file);
    }

    /** A failure while writing the current file, or while committing once every file is finished. */
    private StoreException failure(SQLException e) {
        String what = file == null ? "cannot commit the import: " : "cannot write the import of " + file + ": ";
        return new StoreException(what + e.getMessage(), e);
    }

    private static final class Counts {
        long read;
        long imported;
        long duplicates;
        long skipped;
        long failed;
        long deadLetters;
        long comments;
        long warnings;
    }
}
