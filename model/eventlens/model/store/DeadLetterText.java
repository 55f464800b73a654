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
 * The import writer adds the rows and index entries of the dead letters it stored in its own transaction, in
 * two set-wise statements before it commits ({@link #addAfter}; a trigger per row made storing a million dead
 * letters seven times slower); a trigger drops them with their dead letter (dead letters are never updated);
 * migration 6 builds both for an older project.
 */
final class DeadLetterText {
    /**
     * The narrow rows of the dead letters with a key above {@code ?}, in one pass over them. A shape is
     * numbered by a stored dead letter with the same four values when there is one (one seek in
     * {@code dead_letters_groups} per distinct shape among the new rows, made before any of them has a narrow
     * row), else by the smallest new key among those sharing them: every dead letter of a shape carries the
     * same number. The wide rows are read once, in key order. (Looking the number up per row instead walked
     * the new rows of the shape each time: 13 s for 200,000 dead letters; carrying the texts through the
     * window read the wide rows in shape order: minutes for a million. This takes ≈6 s per million.)
     */
    private static final String ADD_ROWS = """
            WITH new AS MATERIALIZED (
              SELECT d.key, d.fingerprint, d.handler, d.queue, d.event_type,
                min(d.key) OVER (PARTITION BY d.fingerprint, d.handler, d.queue, d.event_type) AS first
              FROM dead_letters d WHERE d.key > ?1),
            shapes AS MATERIALIZED (
              SELECT n.first, coalesce((SELECT e.shape FROM dead_letters s JOIN dead_letter_errors e ON e.key = s.key
                  WHERE s.fingerprint IS n.fingerprint AND s.handler IS n.handler AND s.queue IS n.queue
                    AND s.event_type IS n.event_type LIMIT 1), n.first) AS shape
              FROM new n WHERE n.key = n.first)
            INSERT INTO dead_letter_errors(key, shape, first_us, last_us, error_type, message, reason)
            SELECT d.key, shapes.shape, coalesce(d.first_failure_us, d.last_failure_us),
              coalesce(d.last_failure_us, d.first_failure_us), d.error_type, d.message, d.reason
            FROM dead_letters d CROSS JOIN new n ON n.key = d.key CROSS JOIN shapes ON shapes.first = n.first
            WHERE d.key > ?1""";
    private static final String ADD_TEXT = "INSERT INTO dead_letter_errors_text(rowid, error_type, message, reason) "
            + "SELECT key, error_type, message, reason FROM dead_letter_errors WHERE key > ?";

    /** Schema migration 6: the narrow rows, the index, the trigger, and both filled from what is stored. */
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
            """
            CREATE TRIGGER dead_letter_errors_remove AFTER DELETE ON dead_letters BEGIN
              INSERT INTO dead_letter_errors_text(dead_letter_errors_text, rowid, error_type, message, reason)
              VALUES ('delete', old.key, old.error_type, old.message, old.reason);
              DELETE FROM dead_letter_errors WHERE key = old.key;
            END""",
            ADD_ROWS.replace("?1", "0"),
            ADD_TEXT.replace("?", "0"));

    /** The trigram tokenizer indexes runs of three characters (code points); a shorter text has none. */
    static final int TRIGRAM = 3;

    private DeadLetterText() {
    }

    /** Adds the narrow rows and index entries of the dead letters with a key above {@code afterKey}. */
    static void addAfter(Sql sql, long afterKey) {
        sql.update(ADD_ROWS, afterKey);
        sql.update(ADD_TEXT, afterKey);
    }

    /**
     * The condition over {@code dead_letter_errors e} that keeps the rows whose error type, message or
     * reason contains {@code text} (not empty), its parameters added to {@code params}; the source to read
     * them from is {@link #source(String)}.
     */
    static String contains(String text, List<Object> params) {
        String like = like(text);
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

    /** The {@code LIKE} pattern (escaped with {@code \}) that holds {@code text} anywhere, taken literally. */
    static String like(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
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
