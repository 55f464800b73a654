package eventlens.model.store;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the dead letters' error-text filter reads instead of the wide {@code dead_letters} rows
 * (decision 0034). The filter means what it always did: the error type, message or reason contains the
 * typed text, case-insensitive for ASCII only — SQL {@code LIKE '%text%'} with the text taken literally.
 *
 * <ul>
 *   <li>{@code dead_letter_errors}: one narrow row per dead letter (its key, its failure times, its three
 *       error texts and its <em>shape</em>: the key of the first dead letter stored with the same
 *       fingerprint, handler, queue and event type), so grouping the matches reads small rows and groups by
 *       a number;</li>
 *   <li>{@code dead_letter_errors_text}: an FTS5 {@code trigram} index over those three texts (external
 *       content, no positions: {@code detail=none}). A text of three characters or more asks it for the rows
 *       holding every trigram of the text — a superset of the answer, folded as the tokenizer folds, which
 *       contains every ASCII-case-insensitive match — and {@code LIKE} on the narrow rows then keeps exactly
 *       the rows the scan kept. A shorter text has no trigram: the narrow rows are scanned.</li>
 * </ul>
 * Triggers on {@code dead_letters} keep both in the writer's transaction (dead letters are inserted, and
 * deleted only with their project, never updated); migration 6 builds them for an older project.
 */
final class DeadLetterText {
    /** Schema migration 6: the narrow rows, the index, the triggers, and both filled from what is stored. */
    static final List<String> MIGRATION = List.of(
            """
            CREATE TABLE dead_letter_errors (
              key INTEGER PRIMARY KEY,
              shape INTEGER NOT NULL,
              first_us INTEGER,
              last_us INTEGER,
              error_type TEXT,
              message TEXT,
              reason TEXT)""",
            "CREATE VIRTUAL TABLE dead_letter_errors_text USING fts5(error_type, message, reason, "
                + "content='dead_letter_errors', content_rowid='key', tokenize='trigram', detail=none, columnsize=0)",
            // The shape of a new dead letter is that of any stored one with the same four values (one seek in
            // dead_letters_groups), else its own key: every dead letter of a shape then carries the same number.
            """
            CREATE TRIGGER dead_letter_errors_add AFTER INSERT ON dead_letters BEGIN
              INSERT INTO dead_letter_errors(key, shape, first_us, last_us, error_type, message, reason)
              VALUES (new.key,
                coalesce((SELECT e.shape FROM dead_letters s JOIN dead_letter_errors e ON e.key = s.key
                          WHERE s.fingerprint IS new.fingerprint AND s.handler IS new.handler
                            AND s.queue IS new.queue AND s.event_type IS new.event_type LIMIT 1), new.key),
                coalesce(new.first_failure_us, new.last_failure_us), coalesce(new.last_failure_us, new.first_failure_us),
                new.error_type, new.message, new.reason);
              INSERT INTO dead_letter_errors_text(rowid, error_type, message, reason)
              VALUES (new.key, new.error_type, new.message, new.reason);
            END""",
            """
            CREATE TRIGGER dead_letter_errors_remove AFTER DELETE ON dead_letters BEGIN
              INSERT INTO dead_letter_errors_text(dead_letter_errors_text, rowid, error_type, message, reason)
              VALUES ('delete', old.key, old.error_type, old.message, old.reason);
              DELETE FROM dead_letter_errors WHERE key = old.key;
            END""",
            """
            INSERT INTO dead_letter_errors(key, shape, first_us, last_us, error_type, message, reason)
            SELECT key, min(key) OVER (PARTITION BY fingerprint, handler, queue, event_type),
              coalesce(first_failure_us, last_failure_us), coalesce(last_failure_us, first_failure_us),
              error_type, message, reason
            FROM dead_letters""",
            "INSERT INTO dead_letter_errors_text(dead_letter_errors_text) VALUES ('rebuild')");

    /** The trigram tokenizer indexes runs of three characters (code points); a shorter text has none. */
    static final int TRIGRAM = 3;

    private DeadLetterText() {
    }

    /**
     * The condition over {@code dead_letter_errors e} that keeps the rows whose error type, message or
     * reason contains {@code text} (not empty), its parameters added to {@code params}; the source to read
     * them from is {@link #source(String)}.
     */
    static String contains(String text, List<Object> params) {
        String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        StringBuilder sql = new StringBuilder();
        String match = match(text);
        if (match != null) {
            sql.append("dead_letter_errors_text MATCH ? AND ");
            params.add(match);
        }
        sql.append("(e.error_type LIKE ? ESCAPE '\\' OR e.message LIKE ? ESCAPE '\\' OR e.reason LIKE ? ESCAPE '\\')");
        params.add(like);
        params.add(like);
        params.add(like);
        return sql.toString();
    }

    /**
     * Where the rows of {@link #contains} come from: the index's candidates, each looked up by key, or the
     * narrow rows in key order when the text is too short for the index.
     */
    static String source(String text) {
        return match(text) == null ? " FROM dead_letter_errors e"
                : " FROM dead_letter_errors_text CROSS JOIN dead_letter_errors e ON e.key = dead_letter_errors_text.rowid";
    }

    /**
     * The FTS5 query of a text: the trigrams that cover it without overlapping, and the last one, each a
     * quoted string, joined by AND; null when the text has fewer than three code points. Every row holding
     * the text holds these; the {@code LIKE} after them does the rest, so asking for the overlapping ones too
     * would only merge more lists (measured: 12 trigrams 19 ms, these 5 in 5 ms on 200,000 dead letters).
     * Quoted strings take everything literally but the quote, doubled.
     */
    static String match(String text) {
        int[] points = text.codePoints().toArray();
        if (points.length < TRIGRAM) {
            return null;
        }
        Set<String> trigrams = new LinkedHashSet<>();
        for (int i = 0; i + TRIGRAM <= points.length; i += TRIGRAM) {
            trigrams.add(quoted(points, i));
        }
        trigrams.add(quoted(points, points.length - TRIGRAM));
        return String.join(" AND ", trigrams);
    }

    private static String quoted(int[] points, int at) {
        return "\"" + new String(points, at, TRIGRAM).replace("\"", "\"\"") + "\"";
    }
}
