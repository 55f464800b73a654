package eventlens.model.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The failure shapes of the dead letters, counted as they are stored (decision 0063): one row per shape
 * ({@link DeadLetterText}'s number: the first dead letter stored with the same fingerprint, handler, queue and
 * event type) with its number of entries, its earliest and latest failure and its smallest key. Grouping every dead letter,
 * or those of a queue, handler, event type or fingerprint (the four values a shape shares), reads these rows
 * instead of a million index entries.
 *
 * <p>The import writer brings the rows up to date in its own transaction, from the narrow rows it has just added
 * ({@link #update}); {@code meta.dead_letter_shapes_upto} says up to which key they count. A dead letter deleted
 * from outside (EventLens never deletes one) sets it to -1, and the groups are read from the index again until
 * the next import counts them anew.
 */
final class DeadLetterShapes {
    static final String UPTO_KEY = "dead_letter_shapes_upto";
    private static final String ADD = """
            INSERT INTO dead_letter_shapes(shape, entries, first_us, last_us, first_key)
            SELECT shape, count(*), min(first_us), max(last_us), min(key) FROM dead_letter_errors WHERE key > ?
            GROUP BY shape
            ON CONFLICT(shape) DO UPDATE SET entries = entries + excluded.entries,
              first_us = coalesce(min(first_us, excluded.first_us), first_us, excluded.first_us),
              last_us = coalesce(max(last_us, excluded.last_us), last_us, excluded.last_us),
              first_key = min(first_key, excluded.first_key)""";
    private static final String STAMP = "INSERT OR REPLACE INTO meta(key, value) VALUES ('" + UPTO_KEY + "', "
            + "(SELECT coalesce(max(key), 0) FROM dead_letters))";

    /** Schema migration 9: the table, counted from what is stored, and the trigger that marks it stale. */
    static final List<String> MIGRATION = List.of(
            """
            CREATE TABLE IF NOT EXISTS dead_letter_shapes (
              shape INTEGER PRIMARY KEY,
              entries INTEGER NOT NULL,
              first_us INTEGER,
              last_us INTEGER,
              first_key INTEGER NOT NULL)""",
            "DELETE FROM dead_letter_shapes",
            ADD.replace("?", "0"),
            STAMP,
            "DROP TRIGGER IF EXISTS dead_letter_shapes_stale",
            """
            CREATE TRIGGER dead_letter_shapes_stale AFTER DELETE ON dead_letters BEGIN
              INSERT OR REPLACE INTO meta(key, value) VALUES ('dead_letter_shapes_upto', '-1');
            END""");

    private DeadLetterShapes() {
    }

    /**
     * Counts the dead letters with a key above {@code afterKey}, whose narrow rows are stored, into the shapes;
     * counts them all again when the shapes did not cover every dead letter up to {@code afterKey}.
     */
    static void update(Sql sql, long afterKey) {
        if (upto(sql) != afterKey) {
            sql.update("DELETE FROM dead_letter_shapes");
            afterKey = 0;
        }
        sql.update(ADD, afterKey);
        sql.update(STAMP);
    }

    /**
     * The shapes of the dead letters of {@code queue}, {@code handler}, {@code eventType} and {@code fingerprint}
     * (each null for any), or empty when the counts do not cover every dead letter.
     */
    static Optional<List<DeadLetterQueries.Shape>> read(Sql sql, String queue, String handler, String eventType,
            String fingerprint) {
        if (upto(sql) != sql.scalar("SELECT coalesce(max(key), 0) FROM dead_letters")) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        condition(parts, params, "d.queue = ?", queue);
        condition(parts, params, "d.handler = ?", handler);
        condition(parts, params, "d.event_type = ?", eventType);
        condition(parts, params, "d.fingerprint = ?", fingerprint);
        return Optional.of(sql.list("SELECT d.fingerprint, d.handler, d.queue, d.event_type, s.entries, s.first_us, "
                + "s.last_us, s.first_key FROM dead_letter_shapes s JOIN dead_letters d ON d.key = s.first_key"
                + (parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts)),
                rs -> new DeadLetterQueries.Shape(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getLong(5), Rows.instant(rs, 6), Rows.instant(rs, 7), rs.getLong(8)), params.toArray()));
    }

    /** The largest dead-letter key the shapes count; -1 when they are stale or absent (an older read-only project). */
    static long upto(Sql sql) {
        return sql.first("SELECT value FROM meta WHERE key = ?", rs -> Long.parseLong(rs.getString(1)), UPTO_KEY)
                .orElse(-1L);
    }

    private static void condition(List<String> parts, List<Object> params, String sql, String value) {
        if (value != null) {
            parts.add(sql);
            params.add(value);
        }
    }
}
