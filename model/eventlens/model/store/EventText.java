package eventlens.model.store;

/**
 * The free-text index of the events (decision 0038): an FTS5 {@code trigram} index over each event's
 * raw text, case-sensitive, without positions ({@code detail=none}) and without a copy of the text (its
 * content is {@code event_bodies.raw}, its rowid the event's position).
 *
 * <p>A bare word of a query means what it always did: the raw text contains it, case-sensitive
 * ({@code instr}). A word of three characters or more first asks the index for the events holding
 * every trigram of it ({@link DeadLetterText#match}) — a superset of the answer — and {@code instr} on
 * those keeps exactly the events the scan kept. A shorter word has no trigram and scans, as before.
 *
 * <p>Imports only append events, so the index is complete when it holds every position up to the log's
 * last; {@code meta.event_text_upto} says up to where it is. It is built on first use, not at import
 * (decision 0038: it would more than double the import's time and add 40 % to the file, for projects that
 * may never be searched): {@link #build} adds the missing positions in chunks of {@value #CHUNK}, each its
 * own transaction on a side connection, so that the store keeps answering and an import waiting for the
 * write lock waits seconds, not minutes. Until it is complete, queries scan.
 */
final class EventText {
    /** The index's table. */
    static final String TABLE = "event_text";
    static final String UPTO_KEY = "event_text_upto";
    private static final String CREATE = "CREATE VIRTUAL TABLE IF NOT EXISTS " + TABLE + " USING fts5(raw, "
            + "content='event_bodies', content_rowid='position', tokenize='trigram case_sensitive 1', detail=none, "
            + "columnsize=0)";

    /** Positions indexed per transaction. */
    static final int CHUNK = 250_000;

    private EventText() {
    }

    /**
     * Brings the index of {@code store}'s project up to its last event, a chunk per transaction, stopping
     * between chunks when {@code cancelled} says so. Returns true when the index is complete. A read-only
     * project is left as it is (its queries scan).
     */
    static boolean build(ProjectStore store, java.util.function.BooleanSupplier cancelled) {
        if (store.isReadOnly()) {
            return false;
        }
        try (DerivedTable table = new DerivedTable(store, UPTO_KEY, "")) {
            Sql sql = table.sql("index the text of");
            // As the import writer: a large cache for a bulk write (FTS5 flushes its segments at each commit).
            sql.update("PRAGMA cache_size=-262144");
            sql.update(CREATE);
            while (!cancelled.getAsBoolean()) {
                boolean done = sql.transaction(() -> {
                    long from = Math.max(0, upto(sql));
                    long last = sql.scalar(Schema.LAST_POSITION);
                    long to = Math.min(last, from + CHUNK);
                    if (to > from) {
                        sql.update("INSERT INTO " + TABLE + "(rowid, raw) SELECT b.position, " + PackedText.RAW
                                + " FROM event_bodies b WHERE b.position > ? AND b.position <= ?", from, to);
                    }
                    sql.update("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", UPTO_KEY, Long.toString(to));
                    return to >= last;
                });
                if (done) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The FTS5 query for a text, or null when the text is too short for the index. */
    static String match(String text) {
        return DeadLetterText.match(text);
    }

    /** The last position the index covers; -1 when there is no index. */
    static long upto(Sql sql) {
        return sql.first("SELECT value FROM meta WHERE key = ?", rs -> Long.parseLong(rs.getString(1)), UPTO_KEY)
                .orElse(-1L);
    }
}
