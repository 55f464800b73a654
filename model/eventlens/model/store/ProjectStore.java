package eventlens.model.store;

import eventlens.model.DeadLetter;
import eventlens.model.Event;
import eventlens.model.ImportError;
import eventlens.model.query.EventQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A project: one SQLite file (WAL) holding imported events, dead letters, imports and their errors.
 *
 * <p>Reads go through one connection and are serialised; each import writes through a connection of
 * its own in one transaction ({@link #beginImport()}), so readers keep seeing the project as it was
 * until the import commits, and a killed import leaves the file as it was. Nothing here loads a whole
 * log into memory: every list is a page.
 */
public final class ProjectStore implements AutoCloseable {
    static {
        NativeSqlite.prepare();
        // Before any zstd class is used: each loads zstd-jni's library itself, from a fresh copy in the temporary
        // folder, unless NativeZstd has loaded it from the cache first.
        NativeZstd.load();
    }

    /**
     * Loads SQLite's native library now, with sqlite-jdbc's platform checks, and zstd's, which unpacks record
     * texts (with this class): what opening the first project and reading its first page otherwise pay (about 0.3 s
     * of the 10M benchmark's 1.0–1.5 s to the first page). For a warm-up thread at start; a failure here is reported
     * again where a project is opened.
     */
    public static void loadNativeLibraries() {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:sqlite::memory:")) {
            c.isValid(0);
        } catch (SQLException e) {
            throw new StoreException("cannot load SQLite: " + e.getMessage(), e);
        }
    }

    private final Path file;
    private final Clock clock;
    private final Connection connection;
    private final Sql reads;
    /** The blocks a replay of the whole log reads its rows from (decision 0071); used under this store's monitor. */
    private final EventBlocks blocks = new EventBlocks();
    private final boolean readOnly;
    private final StoreFacts facts;
    /** The writer of derived rows (state snapshots), opened at first use; guarded by this store's monitor. */
    private Connection derivedWriter;

    private ProjectStore(Path file, Clock clock, Connection connection, boolean readOnly) {
        this.file = file;
        this.clock = clock;
        this.connection = connection;
        this.reads = new Sql(connection, "cannot read project " + file);
        this.readOnly = readOnly;
        this.facts = new StoreFacts(reads);
        try {
            QueryFunctions.register(connection);
        } catch (SQLException e) {
            try {
                connection.close();
            } catch (SQLException closing) {
                e.addSuppressed(closing);
            }
            throw new StoreException("cannot open project " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * True when the project could not be written and was opened read-only ({@link ReadOnlyProject}): it
     * reads as usual, and imports and saved replay runs are refused.
     */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** Opens the project at {@code file}, creating it (and its folder) when absent and migrating it when old. */
    public static ProjectStore open(Path file) {
        return open(file, Clock.systemUTC());
    }

    /** As {@link #open(Path)}, with the clock that stamps imports. */
    public static ProjectStore open(Path file, Clock clock) {
        Path absolute = file.toAbsolutePath();
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            if (Files.exists(absolute) && !looksLikeSqlite(absolute)) {
                throw new StoreException(file + " is not an EventLens project (not a SQLite file)");
            }
            if (Files.exists(absolute) && Files.size(absolute) > 0) {
                refuseForeign(absolute, file);
            }
            if (ReadOnlyProject.needed(absolute)) {
                return openReadOnly(absolute, file, clock, false);
            }
            Connection c = Connections.open(absolute, Connections.Purpose.READ, false);
            try {
                quickCheck(c, absolute, file);
                shrinkLeftoverWal(c, absolute);
                Schema.migrate(c, file.toString());
            } catch (SQLException | java.io.IOException | RuntimeException refused) {
                c.close(); // a damaged, newer or unreadable project is not left open
                throw refused;
            }
            return new ProjectStore(absolute, clock, c, false);
        } catch (SQLException | java.io.IOException e) {
            throw new StoreException("cannot open project " + file + ": " + e.getMessage(), e);
        }
    }

    /** Opens a project read-only even where it could be written (what a read-only file or folder gets). */
    public static ProjectStore openReadOnly(Path file) {
        return openReadOnly(file, false);
    }

    /**
     * As {@link #openReadOnly(Path)}; with {@code olderSchema}, also a project written by an older EventLens,
     * which is read as it is (what later versions added, such as the dead letters' error-text index, is
     * missing and fails when used): for measuring on a big project that must stay untouched.
     */
    public static ProjectStore openReadOnly(Path file, boolean olderSchema) {
        Path absolute = file.toAbsolutePath();
        if (!Files.isRegularFile(absolute)) {
            throw new StoreException("cannot open project " + file + " read-only: no such file");
        }
        try {
            refuseForeign(absolute, file);
            return openReadOnly(absolute, file, Clock.systemUTC(), olderSchema);
        } catch (SQLException e) {
            throw new StoreException("cannot open project " + file + ": " + e.getMessage(), e);
        }
    }

    private static ProjectStore openReadOnly(Path absolute, Path file, Clock clock, boolean olderSchema)
            throws SQLException {
        ThreadGuard.checkOpen(absolute);
        Connection c = ReadOnlyProject.connect(absolute);
        int version = Schema.version(c);
        if (version > Schema.current() || version < Schema.current() && !olderSchema) {
            c.close();
            throw new StoreException(file + " is read-only and was written by " + (version > Schema.current()
                    ? "a newer EventLens" : "an older EventLens (schema " + version + ")") + "; it can only be read "
                    + "where it can be written once, or by the EventLens that wrote it");
        }
        return new ProjectStore(absolute, clock, c, true);
    }

    /**
     * A SQLite file with tables of its own (an application's database) is never made into a project:
     * opening it would add tables and switch it to WAL mode. It is looked at read-only and left unchanged.
     * A project is a file with EventLens's {@code meta} table holding a schema version (or only that
     * table, when its first migration was cut short).
     */
    private static void refuseForeign(Path absolute, Path file) throws SQLException {
        List<String> tables = new java.util.ArrayList<>();
        boolean versioned = false;
        try (Connection c = ReadOnlyProject.immutable(absolute); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            if (tables.contains("meta")) {
                try (ResultSet rs = s.executeQuery("SELECT 1 FROM meta WHERE key = 'schema_version'")) {
                    versioned = rs.next();
                } catch (SQLException notOurs) {
                    versioned = false;
                }
            }
        }
        if (!tables.isEmpty() && !versioned && !tables.equals(List.of("meta"))) {
            String names = String.join(", ", tables.subList(0, Math.min(5, tables.size())))
                    + (tables.size() > 5 ? ", …" : "");
            throw new StoreException(file + " is a SQLite database of something else, not an EventLens project (its "
                    + "tables: " + names + "); it was left unchanged. Give a new file name (e.g. "
                    + "project.eventlens) to create a project, or import this database's table with --table");
        }
    }

    /**
     * Files up to this size are checked on every open: about 0.1 s when cached. A 195 MB project took
     * 0.36 s cached and 7.8 s from a busy disk, too slow for every command; bigger projects report damage
     * when a read meets it (docs/reliability.md).
     */
    static final long QUICK_CHECK_UP_TO = 64L * 1024 * 1024;

    /**
     * SQLite's quick structural check (every page and index entry is where it should be) on a project
     * small enough to read through at open; bigger projects report damage when a read meets it.
     */
    private static void quickCheck(Connection c, Path absolute, Path file) throws SQLException, java.io.IOException {
        if (Files.size(absolute) == 0 || Files.size(absolute) > QUICK_CHECK_UP_TO) {
            return;
        }
        String result;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA quick_check(1)")) {
            result = rs.next() ? rs.getString(1) : "ok";
        }
        if (!"ok".equals(result)) {
            throw new StoreException(StoreException.damaged(file + ": " + result.replaceAll("\\s+", " ").strip()));
        }
    }

    /** A write-ahead log bigger than this at open is checkpointed and truncated. */
    static final long WAL_LEFT_OVER = 16L * 1024 * 1024;

    /**
     * A killed import leaves its uncommitted pages in the write-ahead log (760 MB seen), which SQLite
     * ignores but keeps on disk until a later write checkpoints it. Opening the project checkpoints and
     * truncates a big one; another reader holding it open only makes this a no-op.
     */
    private static void shrinkLeftoverWal(Connection c, Path absolute) throws java.io.IOException {
        Path wal = Path.of(absolute + "-wal");
        if (!Files.isRegularFile(wal) || Files.size(wal) <= WAL_LEFT_OVER) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (SQLException busy) {
            // Another process is reading or writing: it will be done at a later open.
        }
    }

    /** True when {@code p} is empty or starts as an SQLite file does: what a project file may be. */
    public static boolean looksLikeSqlite(Path p) throws java.io.IOException {
        if (Files.size(p) == 0) {
            return true;
        }
        try (var in = Files.newInputStream(p)) {
            byte[] head = in.readNBytes(16);
            return new String(head, java.nio.charset.StandardCharsets.ISO_8859_1).startsWith("SQLite format 3");
        }
    }

    /**
     * Statements on the reader connection, for the other read paths of this package ({@link AggregateStore},
     * {@link ReplayRunStore}); callers hold this store's monitor while they use it, as every method here does.
     */
    Sql reads() {
        return reads;
    }

    /**
     * Statements on the connection that writes the rows derived from the events as they are read (state
     * snapshots), failing with "cannot {@code verb} project …". In a project that can be written it is a
     * writer of its own ({@link Connections.Purpose#WRITE}), opened at first use and closed with the store,
     * so that the reader connection only reads. In a read-only project it is the reader itself: the derived
     * tables are shadowed in memory per connection ({@link ReadOnlyProject}), so only the reader's copies are
     * the ones its reads see. Callers hold this store's monitor.
     */
    Sql derivedWrites(String verb) {
        String failing = "cannot " + verb + " project " + file;
        if (readOnly) {
            return reads.failingAs(failing);
        }
        if (derivedWriter == null) {
            try {
                derivedWriter = Connections.open(file, Connections.Purpose.WRITE, false);
            } catch (SQLException e) {
                throw new StoreException(failing + ": " + e.getMessage(), e);
            }
        }
        return new Sql(derivedWriter, failing);
    }

    /** The files a project consists of on disk: the database, its write-ahead log and its shared-memory index. */
    public static List<Path> files(Path project) {
        return List.of(project, Path.of(project + "-wal"), Path.of(project + "-shm"));
    }

    /** Deletes a (closed) project with its write-ahead log and shared-memory files; absent ones are fine. */
    public static void delete(Path project) throws java.io.IOException {
        for (Path f : files(project)) {
            Files.deleteIfExists(f);
        }
    }

    /**
     * Writes a copy of this project, as committed now, to {@code target} (a project there is replaced): what is still
     * being built beside it (indexes, the flow list) is built again when the copy is opened.
     */
    public void copyTo(Path target) {
        ProjectCopy.write(file, readOnly, target);
    }

    /** The project file. */
    public Path file() {
        return file;
    }

    /** Starts an import: one transaction over a connection of its own. Close it to roll back. */
    public ImportWriter beginImport() {
        if (readOnly) {
            throw new StoreException("cannot import into " + file + ": the project is read-only (the file or its "
                    + "folder cannot be written)");
        }
        try {
            return new ImportWriter(Connections.open(file, Connections.Purpose.WRITE, false), clock);
        } catch (SQLException e) {
            throw new StoreException("cannot start an import into " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Starts an import that creates the project at {@code file}, which must not exist: it is written to a side
     * file and appears at {@code file}, whole, when the import commits; closing the writer without a commit
     * leaves no project ({@link NewProjectFile}, decision 0051). Open the project once committed.
     */
    public static ImportWriter createByImport(Path file, Clock clock) {
        NewProjectFile side = NewProjectFile.create(file);
        try {
            return new ImportWriter(side, clock);
        } catch (RuntimeException e) {
            side.discard();
            throw e;
        }
    }

    /**
     * Builds or completes the free-text index (decision 0038) on a connection of its own, a chunk per
     * transaction: the store keeps answering meanwhile (queries scan until it is complete). Not synchronised
     * on the store; stops between chunks when {@code cancelled} says so. Returns true when complete; a
     * read-only project is never indexed.
     */
    public boolean indexText(java.util.function.BooleanSupplier cancelled) {
        return EventText.build(this, cancelled);
    }

    /**
     * Builds the events' indexes the project lacks (after a bulk load, decision 0067) on a connection of its own,
     * one per transaction: the store keeps answering meanwhile (queries that want a missing index scan). Not
     * synchronised on the store; stops between two indexes when {@code cancelled} says so. Returns true when none
     * is missing; a read-only project is never indexed.
     */
    public boolean buildIndexes(EventIndexes.Progress progress, java.util.function.BooleanSupplier cancelled) {
        return EventIndexes.build(this, progress, cancelled);
    }

    /** Builds every index the project lacks, to the end, telling nobody: what a command that then queries needs. */
    public boolean buildIndexes() {
        return buildIndexes((built, total, next) -> { }, () -> false);
    }

    /** The events' indexes the project lacks, by name, in the order {@link #buildIndexes} builds them. */
    public synchronized List<String> missingIndexes() {
        return EventIndexes.missing(reads);
    }

    /** True when the free-text index covers every event, so that a word of three characters or more is fast. */
    public synchronized boolean textIndexed() {
        return facts.textIndexed();
    }

    /** The clock that stamps imports (and the query history). */
    Clock clock() {
        return clock;
    }

    /**
     * Up to {@code limit} distinct values of one field, sorted (what the filter bar completes {@code type:},
     * {@code source:} and {@code aggtype:} with). The type reads its index; the others scan the slim rows once.
     */
    public synchronized List<String> knownValues(eventlens.model.query.QueryExpr.Field field, int limit) {
        String column = field.column(); // one of a fixed enum's names, never user text
        return reads.list("SELECT DISTINCT " + column + " FROM events WHERE " + column + " IS NOT NULL AND "
                + column + " <> '' ORDER BY 1 LIMIT ?", rs -> rs.getString(1), limit);
    }

    /** Number of distinct events. */
    public synchronized long eventCount() {
        return count(EventQuery.ALL);
    }

    /**
     * Number of distinct events the query selects. All of them is the last position: positions run from 1
     * without gaps (SQLite gives a new row the highest position plus one, a repeated id inserts nothing, a
     * failed import rolls back, and no event is ever deleted), as {@link #page} relies on too. Counting the
     * rows read a whole index: 0.3–2 s on a 10M project, before the first page could show.
     */
    public synchronized long count(EventQuery query) {
        if (query.isAll()) {
            return scalar(Schema.LAST_POSITION);
        }
        SqlFilter f = filter(query);
        return scalar("SELECT count(*) FROM events e" + (f.needsBody() ? " JOIN event_bodies b ON b.position = e.position" : "")
                + " WHERE " + f.where(), f.parameters().toArray());
    }

    /**
     * The first and last log position, {@code [0, 0]} when empty. Positions run from 1 without gaps (see
     * {@link #count}), so every position between them is an event: two index lookups, where counting the rows
     * read a whole index (2.3 s of a replay's Load on a 10M project).
     */
    public synchronized long[] positionSpan() {
        // One aggregate a subquery: SQLite answers min() or max() from the key only when it is alone.
        return reads.first("SELECT coalesce((SELECT min(position) FROM events), 0), "
                        + "coalesce((SELECT max(position) FROM events), 0)",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}).orElseThrow();
    }

    /**
     * The log positions of the events the query selects, in order: what a replay's scrubber needs of a
     * slice, without reading the events (ten million positions are 80 MB; their rows would be gigabytes).
     */
    public synchronized long[] positions(EventQuery query) {
        SqlFilter f = filter(query);
        String sql = "SELECT e.position FROM events e" + (f.needsBody() ? " JOIN event_bodies b ON b.position = e.position" : "")
                + " WHERE " + f.where() + " ORDER BY e.position";
        try (PreparedStatement ps = reads.connection().prepareStatement(sql)) {
            Sql.bind(ps, f.parameters().toArray());
            java.util.stream.LongStream.Builder out = java.util.stream.LongStream.builder();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
            return out.build().toArray();
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    /**
     * Up to {@code limit} events the query selects with a position greater than {@code afterPosition},
     * in position order: keyset paging that costs the same on page 1 and page 10,000. Their texts are read with the
     * page, unpacked here in Java from the rows' short columns (as {@link #eventsTextsLater}, then asked for at once):
     * reading a 100,000-event flow took 0.69–0.92 s with the texts unpacked in SQL, 0.37–0.49 s so (2026-12-03).
     */
    public synchronized List<Event> events(EventQuery query, long afterPosition, int limit) {
        List<Event> rows = eventsTextsLater(query, afterPosition, limit, null);
        List<Event> out = new ArrayList<>(rows.size());
        for (Event e : rows) {
            out.add(e.withPosition(e.position())); // its texts read now, on this thread: the event keeps no row
        }
        return out;
    }

    private static String pageAfter(String columns, SqlFilter f) {
        return "SELECT " + columns + Rows.EVENT_FROM + "WHERE " + f.where() + " AND e.position > ? ORDER BY e.position LIMIT ?";
    }

    private static Object[] pageAfterParameters(SqlFilter f, long afterPosition, int limit) {
        List<Object> params = new ArrayList<>(f.parameters());
        params.add(afterPosition);
        params.add(limit);
        return params.toArray();
    }

    /**
     * As {@link #events(EventQuery, long, int)}, each event leaving its data, metadata and record text in the row's
     * form until one is first asked for (decision 0070): a replay whose handlers never read them does not unpack
     * them. The rows are made into events when the list's items are first got, on the getting thread. A text found
     * damaged then fails that call with a {@link StoreException}.
     */
    public synchronized List<Event> eventsTextsLater(EventQuery query, long afterPosition, int limit) {
        return eventsTextsLater(query, afterPosition, limit, null);
    }

    /**
     * As {@link #eventsTextsLater(EventQuery, long, int)}, the record texts of the events that blocks hold not read
     * with the page (decision 0078): when an event's texts are first asked for, the whole page's are read through this
     * store, on the asking thread, after {@code asked} is run. A replay whose handlers never read an event's data
     * reads the blocks alone.
     */
    public synchronized List<Event> eventsTextsWhenAsked(EventQuery query, long afterPosition, int limit,
                                                         Runnable asked) {
        return eventsTextsLater(query, afterPosition, limit, new EventBlocks.Later(this::storedTexts, asked));
    }

    private List<Event> eventsTextsLater(EventQuery query, long afterPosition, int limit, EventBlocks.Later later) {
        ShortColumns columns = new ShortColumns();
        List<ShortColumns.Row> rows = new ArrayList<>();
        if (query.isAll()) {
            rows.addAll(blocks.rows(reads, columns, afterPosition, limit, later));
        }
        if (rows.size() < limit) {
            // What no block holds (a filter, a project imported before blocks were kept) is read as rows.
            long after = rows.isEmpty() ? afterPosition : rows.get(rows.size() - 1).position();
            SqlFilter f = filter(query);
            rows.addAll(reads.list(pageAfter(ShortColumns.COLUMNS, f), columns::read,
                    pageAfterParameters(f, after, limit - rows.size())));
        }
        return new RowsLater(columns, rows);
    }

    /** The record texts of positions {@code (after, upto]} as stored, each checked against its position. */
    private synchronized PageBodies.Stored storedTexts(long after, long upto) {
        PackedText.Dictionaries[] dictionaries = {null};
        long[] expected = {after};
        List<byte[]> texts = reads.list("SELECT position, raw FROM event_bodies WHERE position > ? AND position <= ? "
                + "ORDER BY position", rs -> {
                    if (rs.getLong(1) != ++expected[0]) {
                        throw new java.sql.SQLException("the record text of event " + expected[0] + " is missing",
                                null, 11);
                    }
                    if (dictionaries[0] == null) {
                        dictionaries[0] = PackedText.dictionaries(rs);
                    }
                    byte[] text = rs.getBytes(2);
                    return text == null ? new byte[0] : text;
                }, after, upto);
        return new PageBodies.Stored(texts, dictionaries[0]);
    }

    /**
     * The events the query selects at row indexes {@code [offset, offset+limit)} in position order.
     * For the whole log this is a position range (positions are dense); for a filter it skips rows.
     */
    public synchronized List<Event> page(EventQuery query, long offset, int limit) {
        if (query.isAll()) {
            return eventList("SELECT " + Rows.EVENT_COLUMNS + Rows.EVENT_FROM
                    + "WHERE e.position > ? ORDER BY e.position LIMIT ?", offset, limit);
        }
        SqlFilter f = filter(query);
        List<Object> params = new ArrayList<>(f.parameters());
        params.add(limit);
        params.add(offset);
        return eventList("SELECT " + Rows.EVENT_COLUMNS + Rows.EVENT_FROM + "WHERE " + f.where()
                + " ORDER BY e.position LIMIT ? OFFSET ?", params.toArray());
    }

    /** The event with this id. */
    public synchronized Optional<Event> event(String id) {
        return eventList("SELECT " + Rows.EVENT_COLUMNS + Rows.EVENT_FROM + "WHERE e.id = ?", id).stream().findFirst();
    }

    /** The event at this position. */
    public synchronized Optional<Event> eventAt(long position) {
        return eventList("SELECT " + Rows.EVENT_COLUMNS + Rows.EVENT_FROM + "WHERE e.position = ?", position)
                .stream().findFirst();
    }

    /** How many times the event was delivered (1 when seen once), and whether the copies differ. */
    public synchronized DeliveryCount deliveryCount(String eventId) {
        return reads.first("SELECT deliveries, conflicting FROM events WHERE id = ?",
                rs -> new DeliveryCount(rs.getInt(1), rs.getBoolean(2)), eventId).orElse(new DeliveryCount(0, false));
    }

    /** The extra deliveries of an event, in import order. */
    public synchronized List<RecordedDelivery> deliveries(String eventId) {
        return reads.list("SELECT d.event_id, i.file, d.line, d.format, d.same_content, d.raw FROM deliveries d "
                + "LEFT JOIN imports i ON i.id = d.import_id WHERE d.event_id = ? ORDER BY d.id",
                rs -> new RecordedDelivery(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getBoolean(5), rs.getString(6)), eventId);
    }

    /**
     * RecordedDelivery counts of those of {@code eventIds} that were delivered more than once (ids delivered
     * once, or absent, are left out). Asks in batches, so any number of ids is fine.
     */
    public synchronized java.util.Map<String, DeliveryCount> deliveryCounts(java.util.Collection<String> eventIds) {
        java.util.Map<String, DeliveryCount> out = new java.util.HashMap<>();
        forBatches(eventIds, "SELECT id, deliveries, conflicting FROM events WHERE deliveries > 1 AND id IN ",
                rs -> out.put(rs.getString(1), new DeliveryCount(rs.getInt(2), rs.getBoolean(3))));
        return out;
    }

    /** Those of {@code eventIds} that a dead letter refers to. Asks in batches. */
    public synchronized java.util.Set<String> deadLettered(java.util.Collection<String> eventIds) {
        java.util.Set<String> out = new java.util.HashSet<>();
        forBatches(eventIds, "SELECT DISTINCT event_id FROM dead_letters WHERE event_id IN ", rs -> out.add(rs.getString(1)));
        return out;
    }

    private interface RowReader {
        void read(ResultSet rs) throws SQLException;
    }

    private void forBatches(java.util.Collection<String> ids, String sqlBeforeList, RowReader reader) {
        List<String> all = new ArrayList<>(ids);
        int batch = 500;
        for (int from = 0; from < all.size(); from += batch) {
            List<String> part = all.subList(from, Math.min(all.size(), from + batch));
            String marks = String.join(",", java.util.Collections.nCopies(part.size(), "?"));
            reads.list(sqlBeforeList + "(" + marks + ")", rs -> {
                reader.read(rs);
                return Boolean.TRUE;
            }, part.toArray());
        }
    }

    /** Number of extra deliveries across the project. */
    public synchronized long duplicateCount() {
        return scalar("SELECT count(*) FROM deliveries");
    }

    /** Number of dead letters. */
    public synchronized long deadLetterCount() {
        return scalar("SELECT count(*) FROM dead_letters");
    }

    /**
     * The dead letters of one event, in import order, at most {@code limit} (through the index on the event id):
     * the detail panes link to each.
     */
    public synchronized List<DeadLetter> deadLettersOf(String eventId, int limit) {
        return reads.list("SELECT " + Rows.DEAD_LETTER_COLUMNS + " FROM dead_letters d LEFT JOIN imports i "
                + "ON i.id = d.import_id WHERE d.event_id = ? ORDER BY d.key LIMIT ?", Rows::deadLetter, eventId, (long) limit);
    }

    /** Dead letters in import order, a page at a time. */
    public synchronized List<DeadLetter> deadLetters(long offset, int limit) {
        return reads.list("SELECT " + Rows.DEAD_LETTER_COLUMNS + " FROM dead_letters d LEFT JOIN imports i "
                + "ON i.id = d.import_id ORDER BY d.key LIMIT ? OFFSET ?", Rows::deadLetter, (long) limit, offset);
    }

    /** Every import, oldest first. */
    public synchronized List<ImportRecord> imports() {
        return reads.list("SELECT id, file, format, mapping, started_us, finished_us, read, imported, duplicates, "
                + "skipped, failed, dead_letters, comments, warnings FROM imports ORDER BY id",
                rs -> new ImportRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        Rows.instant(rs, 5), Rows.instant(rs, 6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                        rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14)));
    }

    /** Errors and warnings of one import, in file order, a page at a time (warnings marked as such). */
    public synchronized List<ImportError> importErrors(long importId, long offset, int limit) {
        return reads.list("SELECT file, line, col, reason, raw, warning FROM import_errors WHERE import_id = ? "
                + "ORDER BY id LIMIT ? OFFSET ?", rs -> new ImportError(rs.getString(1), rs.getLong(2), rs.getLong(3),
                        rs.getString(4), rs.getString(5), rs.getBoolean(6)), importId, (long) limit, offset);
    }

    /** Number of import errors across the project (warnings not counted). */
    public synchronized long importErrorCount() {
        return scalar("SELECT count(*) FROM import_errors WHERE warning = 0");
    }

    /** The schema version of the file. */
    public synchronized int schemaVersion() {
        try {
            return Schema.version(connection);
        } catch (SQLException e) {
            throw readFailure(e);
        }
    }

    @Override
    public synchronized void close() {
        Connection writer = derivedWriter;
        derivedWriter = null;
        try {
            try {
                if (writer != null) {
                    writer.close();
                }
            } finally {
                connection.close();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot close project " + file + ": " + e.getMessage(), e);
        }
    }

    /** The query compiled with this project's facts (for {@link TimeScan.Scope#of}). */
    synchronized SqlFilter filter(EventQuery query) {
        return SqlFilter.of(query, EventBodies.DATA, facts);
    }

    private List<Event> eventList(String sql, Object... params) {
        return reads.list(sql, Rows::event, params);
    }

    private long scalar(String sql, Object... params) {
        return reads.scalar(sql, params);
    }

    private StoreException readFailure(SQLException e) {
        return reads.failure(e);
    }

    /** Deliveries of one event id: how many, and whether their type or data differ. */
    public record DeliveryCount(int deliveries, boolean conflicting) {
    }
}
