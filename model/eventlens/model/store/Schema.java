package eventlens.model.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The project file's schema and its forward migrations. Migration {@code n} (1-based) takes a
 * project from schema version {@code n-1} to {@code n}; each runs in its own transaction, so a kill
 * in the middle leaves the previous version intact.
 */
final class Schema {
    /**
     * The last event's position, 0 for none: also the number of events, positions being dense from 1
     * (decision 0066). The key's last entry, read without a scan.
     */
    static final String LAST_POSITION = "SELECT coalesce(max(position), 0) FROM events";
    /** Secondary indexes on events: dropped before a bulk load into an empty project, rebuilt after. */
    static final List<String> EVENT_INDEXES = List.of(
            "CREATE INDEX IF NOT EXISTS events_correlation ON events(correlation_id)",
            "CREATE INDEX IF NOT EXISTS events_causation ON events(causation_id)",
            "CREATE INDEX IF NOT EXISTS events_aggregate ON events(aggregate_id, version)",
            "CREATE INDEX IF NOT EXISTS events_type ON events(type)",
            "CREATE INDEX IF NOT EXISTS events_time ON events(time_us)");
    static final List<String> EVENT_INDEX_NAMES = List.of(
            "events_correlation", "events_causation", "events_aggregate", "events_type", "events_time");
    /** Indexes of the flow list: dropped while it is rebuilt whole, built again after (FlowsTable). */
    static final List<String> FLOW_INDEXES = List.of(
            "CREATE INDEX IF NOT EXISTS flows_start ON flows(start_us, correlation_id)",
            "CREATE INDEX IF NOT EXISTS flows_start_nulls_last ON flows(start_us IS NULL, start_us, correlation_id)",
            "CREATE INDEX IF NOT EXISTS flows_events ON flows(events, correlation_id)",
            "CREATE INDEX IF NOT EXISTS flows_duration ON flows(duration_us, correlation_id)",
            "CREATE INDEX IF NOT EXISTS flows_anomalies ON flows(anomalies, correlation_id)",
            "CREATE INDEX IF NOT EXISTS flows_failures ON flows(failures, correlation_id)");
    static final List<String> FLOW_INDEX_NAMES = List.of(
            "flows_start", "flows_start_nulls_last", "flows_events", "flows_duration", "flows_anomalies", "flows_failures");
    /** The unique index on event ids (of the first migration): dropped for a bulk load too (ImportWriter). */
    static final String ID_INDEX = "CREATE UNIQUE INDEX IF NOT EXISTS events_id ON events(id)";
    static final String ID_INDEX_NAME = "events_id";

    private static final List<List<String>> MIGRATIONS = List.of(List.of(
            """
            CREATE TABLE imports (
              id INTEGER PRIMARY KEY,
              file TEXT NOT NULL,
              format TEXT NOT NULL,
              mapping TEXT,
              started_us INTEGER,
              finished_us INTEGER,
              read INTEGER NOT NULL DEFAULT 0,
              imported INTEGER NOT NULL DEFAULT 0,
              duplicates INTEGER NOT NULL DEFAULT 0,
              skipped INTEGER NOT NULL DEFAULT 0,
              failed INTEGER NOT NULL DEFAULT 0,
              dead_letters INTEGER NOT NULL DEFAULT 0)""",
            "CREATE INDEX imports_file ON imports(file)",
            """
            CREATE TABLE events (
              position INTEGER PRIMARY KEY,
              id TEXT NOT NULL,
              type TEXT,
              source TEXT,
              time_us INTEGER,
              aggregate_type TEXT,
              aggregate_id TEXT,
              version INTEGER,
              correlation_id TEXT,
              causation_id TEXT,
              import_id INTEGER,
              line INTEGER,
              format TEXT,
              deliveries INTEGER NOT NULL DEFAULT 1,
              conflicting INTEGER NOT NULL DEFAULT 0)""",
            "CREATE UNIQUE INDEX events_id ON events(id)",
            // The bulky texts live apart from the indexed columns: scans, index builds and table pages
            // read slim rows. data/metadata are NULL when they stand verbatim inside raw, at the
            // 1-based character offset *_at with length *_len (see EventBodies).
            """
            CREATE TABLE event_bodies (
              position INTEGER PRIMARY KEY,
              raw TEXT NOT NULL,
              data TEXT,
              data_at INTEGER,
              data_len INTEGER,
              metadata TEXT,
              metadata_at INTEGER,
              metadata_len INTEGER)""",
            """
            CREATE TABLE deliveries (
              id INTEGER PRIMARY KEY,
              event_id TEXT NOT NULL,
              import_id INTEGER,
              line INTEGER,
              format TEXT,
              same_content INTEGER NOT NULL,
              raw TEXT NOT NULL)""",
            "CREATE INDEX deliveries_event ON deliveries(event_id)",
            """
            CREATE TABLE dead_letters (
              key INTEGER PRIMARY KEY,
              event_id TEXT,
              event TEXT,
              handler TEXT,
              queue TEXT,
              reason TEXT,
              error_type TEXT,
              message TEXT,
              stack TEXT,
              attempts INTEGER,
              first_failure_us INTEGER,
              last_failure_us INTEGER,
              fingerprint TEXT,
              raw TEXT NOT NULL,
              import_id INTEGER,
              line INTEGER,
              format TEXT)""",
            "CREATE INDEX dead_letters_event ON dead_letters(event_id)",
            "CREATE INDEX dead_letters_fingerprint ON dead_letters(fingerprint)",
            "CREATE INDEX dead_letters_origin ON dead_letters(import_id, line)",
            """
            CREATE TABLE import_errors (
              id INTEGER PRIMARY KEY,
              import_id INTEGER NOT NULL,
              file TEXT NOT NULL,
              line INTEGER,
              col INTEGER,
              reason TEXT NOT NULL,
              raw TEXT)""",
            "CREATE INDEX import_errors_import ON import_errors(import_id)",
            """
            CREATE TABLE snapshots (
              aggregate_id TEXT NOT NULL,
              version INTEGER NOT NULL,
              position INTEGER NOT NULL,
              time_us INTEGER,
              reducer TEXT NOT NULL,
              state TEXT NOT NULL,
              PRIMARY KEY (aggregate_id, reducer, version))""",
            """
            CREATE TABLE replay_runs (
              id INTEGER PRIMARY KEY,
              started_us INTEGER,
              script_name TEXT,
              script TEXT,
              query TEXT,
              mode TEXT,
              summary TEXT)""",
            """
            CREATE TABLE replay_outputs (
              run_id INTEGER NOT NULL,
              seq INTEGER NOT NULL,
              kind TEXT NOT NULL,
              body TEXT NOT NULL,
              PRIMARY KEY (run_id, seq))""",
            "CREATE TABLE saved_queries (name TEXT PRIMARY KEY, query TEXT NOT NULL)",
            "CREATE TABLE scripts (name TEXT PRIMARY KEY, body TEXT NOT NULL, updated_us INTEGER)"),
        // 2: the flow list, one row per correlation, derived from the events and rebuilt when they
        // change (eventlens.model.flow.FlowList, docs/decisions/0006-flow-list.md).
        List.of(
            """
            CREATE TABLE flows (
              correlation_id TEXT PRIMARY KEY,
              root_type TEXT,
              events INTEGER NOT NULL,
              start_us INTEGER,
              duration_us INTEGER NOT NULL,
              depth INTEGER NOT NULL,
              anomalies INTEGER NOT NULL,
              failures INTEGER NOT NULL)""",
            "CREATE INDEX flows_start ON flows(start_us)",
            "CREATE INDEX flows_duration ON flows(duration_us)",
            "CREATE INDEX flows_events ON flows(events)",
            "CREATE INDEX flows_anomalies ON flows(anomalies)",
            "CREATE INDEX flows_failures ON flows(failures)"),
        // 3: dead-letter groups (eventlens.model.deadletter.DeadLetterGroups) read one covering index
        // instead of the wide rows; the failed event's type is a virtual column over the embedded event.
        List.of(
            "ALTER TABLE dead_letters ADD COLUMN event_type TEXT GENERATED ALWAYS AS (iif(json_valid(event), "
                + "coalesce(json_extract(event, '$.type'), json_extract(event, '$.eventType')), NULL)) VIRTUAL",
            "CREATE INDEX dead_letters_groups ON dead_letters(fingerprint, handler, queue, event_type, "
                + "first_failure_us, last_failure_us)"),
        // 4: which events carry a W3C traceparent, and into which trace; derived from the events like
        // the flow list (TraceLinks, docs/decisions/0021-traceparent-joins-flows.md).
        List.of(
            """
            CREATE TABLE trace_links (
              event_id TEXT PRIMARY KEY,
              correlation_id TEXT,
              trace_id TEXT NOT NULL,
              span_id TEXT NOT NULL,
              flags TEXT NOT NULL)""",
            "CREATE INDEX trace_links_trace ON trace_links(trace_id)"),
        // 5: lines skipped as comments and records imported with a warning (a trailing comma), counted
        // per file; a warning is an import_errors row marked as such, not a failure
        // (docs/decisions/0025-comments-counted-trailing-commas-warned.md).
        List.of(
            "ALTER TABLE imports ADD COLUMN comments INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE imports ADD COLUMN warnings INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE import_errors ADD COLUMN warning INTEGER NOT NULL DEFAULT 0"),
        // 6: the error-text filter of the dead letters reads a trigram index and narrow rows instead of
        // scanning the wide ones (DeadLetterText, docs/decisions/0034-dead-letter-error-text-index.md).
        DeadLetterText.MIGRATION,
        // 7: every order of the flow list is read from an index, ties by correlation id included, so that a page
        // in the middle of 834,021 flows is an index walk instead of a sort (docs/decisions/0057-flow-list-orders-from-indexes.md).
        flowOrderIndexes(),
        // 8: records' texts may be packed with a dictionary per import; a text stored before stays text and reads
        // as it did (PackedText, docs/decisions/0062-record-text-compressed.md).
        List.of(PackedText.DICTIONARIES),
        // 9: the dead letters' failure shapes counted as they are stored, so that grouping reads a row per shape
        // (DeadLetterShapes, docs/decisions/0063-dead-letter-shapes-counted.md).
        DeadLetterShapes.MIGRATION,
        // 10: the dead letters' error wordings (digits marked) counted per shape, so that the error-text filter reads
        // them for a text without digits (DeadLetterWordings, docs/decisions/0064-dead-letter-error-wordings.md).
        DeadLetterWordings.MIGRATION,
        // 11: the events' short columns kept again in blocks, which a replay of the whole log reads instead of rows
        // (EventBlocks, docs/decisions/0071-events-kept-in-blocks-for-replay.md).
        List.of(EventBlocks.CREATE),
        // 12: the values of the wordings' digit runs counted per place and shape, so that the error-text filter reads
        // them for a text with one run of digits (DeadLetterWordingRuns, decision 0064's addendum); counted at the
        // next import.
        DeadLetterWordingRuns.MIGRATION);

    private static List<String> flowOrderIndexes() {
        List<String> out = new java.util.ArrayList<>();
        for (String old : List.of("flows_start", "flows_duration", "flows_events", "flows_anomalies", "flows_failures")) {
            out.add("DROP INDEX IF EXISTS " + old);
        }
        out.addAll(FLOW_INDEXES);
        return out;
    }

    private Schema() {
    }

    /** The schema version this code writes. */
    static int current() {
        return MIGRATIONS.size();
    }

    /** Brings the file to the current version; refuses a file written by a newer EventLens. */
    static void migrate(Connection c, String file) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
        }
        int version = version(c);
        if (version > current()) {
            throw new StoreException(file + " was written by a newer EventLens (schema " + version
                    + ", this one reads up to " + current() + "); upgrade EventLens to open it");
        }
        for (int v = version; v < current(); v++) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String sql : MIGRATIONS.get(v)) {
                    s.execute(sql);
                }
                s.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', '" + (v + 1) + "')");
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
        // An empty project gets its indexes at once (nothing to sort); one loaded without them is indexed by
        // ProjectStore.buildIndexes while it is already open, not here (decision 0067).
        boolean empty;
        try (Statement s = c.createStatement(); ResultSet any = s.executeQuery("SELECT 1 FROM events LIMIT 1")) {
            empty = !any.next();
        }
        if (empty) {
            try (Statement s = c.createStatement()) {
                for (String sql : EVENT_INDEXES) {
                    s.execute(sql);
                }
            }
        }
    }

    static int version(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT value FROM meta WHERE key = 'schema_version'")) {
            return rs.next() ? Integer.parseInt(rs.getString(1)) : 0;
        }
    }
}
