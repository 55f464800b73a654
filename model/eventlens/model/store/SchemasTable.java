package eventlens.model.store;

import java.util.List;

/**
 * The stored schemas of a project (decision 0039): tables derived from the events, created when first
 * needed (no migration), on a connection of their own ({@link DerivedTable}).
 *
 * <ul>
 *   <li>{@code event_schemas}: one row per event type and declared version ("" for none) holding its
 *       inferred schema as JSON text (what the text means is the schema package's business); the stamp
 *       {@code schemas_stamp} in {@code meta} is the last log position the rows cover. An import brings them
 *       forward in its own transaction when they covered the whole project before it
 *       ({@link ImportWriter#tap}); otherwise whoever reads them catches up on the events after the stamp.</li>
 *   <li>{@code schema_failures}: the failures of the last validation against JSON Schema files, one row per
 *       failed rule of an event, indexed by position (what a query such as {@code is:invalid} needs).</li>
 * </ul>
 * Close this when done.
 */
public final class SchemasTable implements AutoCloseable {
    static final String STAMP_KEY = "schemas_stamp";
    private static final String VALIDATED_KEY = "schema_failures_source";
    static final List<String> CREATE = List.of(
            "CREATE TABLE IF NOT EXISTS event_schemas (type TEXT NOT NULL, version TEXT NOT NULL, body TEXT NOT NULL, "
                    + "PRIMARY KEY (type, version))",
            "CREATE TABLE IF NOT EXISTS schema_failures (position INTEGER NOT NULL, event_id TEXT NOT NULL, type TEXT, "
                    + "version TEXT, schema_file TEXT NOT NULL, rule TEXT NOT NULL, path TEXT, message TEXT NOT NULL)",
            "CREATE INDEX IF NOT EXISTS schema_failures_position ON schema_failures(position)");

    /**
     * One stored schema.
     *
     * @param type the event type ("" for none)
     * @param version the declared version, null for none
     * @param body the schema as JSON text
     */
    public record Row(String type, String version, String body) {
    }

    /**
     * One failed rule of one event.
     *
     * @param position the event's log position
     * @param eventId its id
     * @param type its type
     * @param version its declared version, or null
     * @param schemaFile the schema file it was checked against (its name)
     * @param rule the JSON Schema keyword that failed ({@code required}, {@code type}, …)
     * @param path where in the data (a JSON path), or ""
     * @param message the validator's message
     */
    public record Failure(long position, String eventId, String type, String version, String schemaFile, String rule,
            String path, String message) {
    }

    private final DerivedTable table;
    private final boolean readOnly;

    /** The schema tables of an open project; they are created here when missing and the project is writable. */
    public SchemasTable(ProjectStore store) {
        this.table = new DerivedTable(store, STAMP_KEY, "");
        this.readOnly = store.isReadOnly();
        if (!readOnly) {
            Sql creating = table.sql("create the schema tables of");
            creating.transaction(() -> {
                for (String sql : CREATE) {
                    creating.update(sql);
                }
                return null;
            });
        }
    }

    /** Whether rows can be written (false for a read-only project: schemas are then worked out and not kept). */
    public boolean writable() {
        return !readOnly;
    }

    /** The last log position the stored schemas cover: 0 when there are none. */
    public synchronized long coveredTo() {
        String stamp = table.stamp();
        return stamp.isEmpty() ? 0 : Long.parseLong(stamp);
    }

    /** The last position of the log (0 when empty). */
    public synchronized long lastPosition() {
        return table.sql().scalar(Schema.LAST_POSITION);
    }

    /** The stored schemas (none when the table is missing). */
    public synchronized List<Row> rows() {
        return rows(table.sql());
    }

    /** Replaces the stored schemas with {@code rows}, which cover the log up to {@code coveredTo}. */
    public synchronized void save(List<Row> rows, long coveredTo) {
        table.update("store the schemas of", Long.toString(coveredTo), () -> {
            write(table.sql("store the schemas of"), rows);
            return null;
        });
    }

    /** Drops the failures of an earlier validation (a new one is starting). */
    public synchronized void clearFailures() {
        Sql writing = table.sql("store the validation of");
        writing.update("DELETE FROM schema_failures");
        writing.update("DELETE FROM meta WHERE key = ?", VALIDATED_KEY);
    }

    /** Adds failures of the validation under way, in one transaction. */
    public synchronized void addFailures(List<Failure> failures) {
        Sql writing = table.sql("store the validation of");
        writing.transaction(() -> {
            try (var ps = writing.connection().prepareStatement("INSERT INTO schema_failures(position, event_id, type, "
                    + "version, schema_file, rule, path, message) VALUES (?,?,?,?,?,?,?,?)")) {
                for (Failure f : failures) {
                    Sql.bind(ps, f.position(), f.eventId(), f.type(), f.version(), f.schemaFile(), f.rule(), f.path(),
                            f.message());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    /** Records that the failures stored are those of a finished validation against {@code source} (a folder). */
    public synchronized void finishFailures(String source) {
        table.sql("store the validation of").update("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)",
                VALIDATED_KEY, source);
    }

    /** Number of failures stored. */
    public synchronized long failureCount() {
        return exists("schema_failures") ? table.sql().scalar("SELECT count(*) FROM schema_failures") : 0;
    }

    /** The folder of the last validation, or "" when the project was never validated. */
    public synchronized String validatedAgainst() {
        return validatedAgainst(table.sql());
    }

    /** As {@link #validatedAgainst()}, read through {@code sql}. */
    static String validatedAgainst(Sql sql) {
        return sql.first("SELECT value FROM meta WHERE key = ?", rs -> rs.getString(1), VALIDATED_KEY).orElse("");
    }

    /**
     * One stored group: a type and the version its events declare (null: none), as the Schemas view lists it
     * and {@code schema:TYPE@VERSION} selects it.
     */
    public record Group(String type, String version) {
        /** {@code TYPE}, or {@code TYPE@VERSION}: the Schemas view's label. */
        public String label() {
            return version == null ? type : type + "@" + version;
        }
    }

    /** The stored schemas' groups, by type then version (what the filter bar completes {@code schema:} with). */
    public synchronized List<Group> groups() {
        Sql sql = table.sql();
        if (sql.first("SELECT 1 FROM sqlite_master WHERE name = 'event_schemas'", rs -> true).isEmpty()) {
            return List.of();
        }
        return sql.list("SELECT type, version FROM event_schemas ORDER BY type, version",
                rs -> new Group(rs.getString(1), rs.getString(2).isEmpty() ? null : rs.getString(2)));
    }

    /** The failures of the last validation at rows {@code [offset, offset+limit)}, by position then rule. */
    public synchronized List<Failure> failures(long offset, int limit) {
        if (!exists("schema_failures")) {
            return List.of();
        }
        return table.sql().list("SELECT position, event_id, type, version, schema_file, rule, path, message FROM "
                + "schema_failures ORDER BY position, rowid LIMIT ? OFFSET ?", rs -> new Failure(rs.getLong(1),
                        rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8)), limit, offset);
    }

    /** The log positions of the events the last validation found invalid, in order (for {@code is:invalid}). */
    public synchronized long[] invalidPositions() {
        if (!exists("schema_failures")) {
            return new long[0];
        }
        return table.sql().list("SELECT DISTINCT position FROM schema_failures ORDER BY position",
                rs -> rs.getLong(1)).stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    public synchronized void close() {
        table.close();
    }

    private boolean exists(String name) {
        return table.sql().first("SELECT 1 FROM sqlite_master WHERE name = ?", rs -> true, name).isPresent();
    }

    /** The stored schemas, read through {@code sql} (none when the table is missing). */
    static List<Row> rows(Sql sql) {
        if (sql.first("SELECT 1 FROM sqlite_master WHERE name = 'event_schemas'", rs -> true).isEmpty()) {
            return List.of();
        }
        return sql.list("SELECT type, version, body FROM event_schemas ORDER BY type, version",
                rs -> new Row(rs.getString(1), rs.getString(2).isEmpty() ? null : rs.getString(2), rs.getString(3)));
    }

    /** Replaces the rows of {@code event_schemas} through {@code sql}, inside the caller's transaction. */
    static void write(Sql sql, List<Row> rows) {
        sql.update("DELETE FROM event_schemas");
        for (Row r : rows) {
            sql.update("INSERT INTO event_schemas(type, version, body) VALUES (?,?,?)", r.type(),
                    r.version() == null ? "" : r.version(), r.body());
        }
    }
}
