package eventlens.model.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dead letters' error wordings, counted as they are stored (decision 0064): an error's type, message and
 * reason with every run of ASCII digits replaced by one {@link #DIGITS} mark. A million dead letters of a few dozen
 * failures have a million different messages ("pool exhausted after 25512 ms, 691104 waiting") but a few dozen
 * wordings ("pool exhausted after \uE000 ms, \uE000 waiting").
 *
 * <p>A text without a digit and without the mark is contained in a message exactly when it is contained in the
 * message's wording: such a text cannot overlap a run of digits, so it lies in the digit-free stretches, which the
 * wording keeps as they are, and it cannot overlap a mark either. SQL {@code LIKE} folds ASCII case only, which
 * leaves digits alone. So the error-text filter, for such a text and without a time range, reads the wordings and
 * the counts of each wording's shapes ({@code dead_letter_wording_shapes}) instead of the matching dead letters.
 * A text with one run of digits reads the values of the wordings' runs ({@link DeadLetterWordingRuns}) where they
 * answer it; any other text with a digit, or a time range, reads the trigram index as before (decision 0034).
 *
 * <p>The import writer counts the wordings of the dead letters it has just stored, in its own transaction
 * ({@link #update}); {@code meta.dead_letter_wordings_upto} says up to which key they count, -1 when a dead
 * letter was deleted from outside (the next import counts them all again), and {@value #TOO_VARIED} when the
 * project's errors have more than {@value #MOST} wordings (ids with letters in them, say): then they are not kept
 * and the filter reads the trigram index.
 */
final class DeadLetterWordings {
    /** What a run of ASCII digits becomes in a wording: a character of the private use area. */
    static final char DIGITS = '\uE000';
    /** The most wordings a project keeps; beyond it the filter reads the trigram index. */
    static final int MOST = 20_000;
    /** Dead letters read at a time while counting. */
    private static final int CHUNK = 10_000;
    static final long TOO_VARIED = -2;
    static final String UPTO_KEY = "dead_letter_wordings_upto";

    private static final String UPSERT_COUNT = """
            INSERT INTO dead_letter_wording_shapes(wording, shape, entries, first_us, last_us, first_key)
            VALUES ((SELECT id FROM dead_letter_wordings WHERE error_type = ? AND message = ? AND reason = ?), ?, ?, ?, ?, ?)
            ON CONFLICT(wording, shape) DO UPDATE SET entries = entries + excluded.entries,
              first_us = coalesce(min(first_us, excluded.first_us), first_us, excluded.first_us),
              last_us = coalesce(max(last_us, excluded.last_us), last_us, excluded.last_us),
              first_key = min(first_key, excluded.first_key)""";

    /** Schema migration 10: the tables and the trigger that marks them stale; the next import counts them. */
    static final List<String> MIGRATION = List.of(
            """
            CREATE TABLE IF NOT EXISTS dead_letter_wordings (
              id INTEGER PRIMARY KEY,
              error_type TEXT NOT NULL,
              message TEXT NOT NULL,
              reason TEXT NOT NULL,
              UNIQUE (error_type, message, reason))""",
            """
            CREATE TABLE IF NOT EXISTS dead_letter_wording_shapes (
              wording INTEGER NOT NULL,
              shape INTEGER NOT NULL,
              entries INTEGER NOT NULL,
              first_us INTEGER,
              last_us INTEGER,
              first_key INTEGER NOT NULL,
              PRIMARY KEY (wording, shape)) WITHOUT ROWID""",
            "DROP TRIGGER IF EXISTS dead_letter_wordings_stale",
            """
            CREATE TRIGGER dead_letter_wordings_stale AFTER DELETE ON dead_letters BEGIN
              INSERT OR REPLACE INTO meta(key, value) VALUES ('dead_letter_wordings_upto', '-1');
            END""");

    private DeadLetterWordings() {
    }

    /** The wording of one error text: each run of ASCII digits as one mark; null reads as empty. */
    static String wording(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean digit = isDigit(c);
            if (digit && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null && !(digit && i > 0 && isDigit(text.charAt(i - 1)))) {
                out.append(digit ? DIGITS : c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** True when the filter may read the wordings for this text: it has no ASCII digit and no mark. */
    static boolean answers(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isDigit(c) || c == DIGITS) {
                return false;
            }
        }
        return true;
    }

    /**
     * Counts the wordings of the dead letters with a key above {@code afterKey}, whose narrow rows are stored;
     * counts every dead letter again when the wordings did not cover them all up to {@code afterKey}, and stops
     * keeping them once there are more than {@value #MOST}.
     */
    static void update(Sql sql, long afterKey) {
        long upto = upto(sql);
        if (upto == TOO_VARIED) {
            return;
        }
        if (upto != afterKey || DeadLetterWordingRuns.upto(sql) != upto) {
            clear(sql); // stale, or the runs' values not counted yet (a project older than them): count all again
            afterKey = 0;
        }
        long known = sql.scalar("SELECT count(*) FROM dead_letter_wordings");
        Map<List<String>, Map<Long, long[]>> counted = new HashMap<>();
        DeadLetterWordingRuns.Tally runs = new DeadLetterWordingRuns.Tally();
        boolean[] tooVaried = {false};
        // A chunk at a time, so that the reading stops as soon as there are too many wordings to keep.
        long[] after = {afterKey};
        int[] read = {CHUNK};
        while (read[0] == CHUNK && !tooVaried[0]) {
            read[0] = 0;
            sql.forEach("SELECT key, shape, first_us, last_us, error_type, message, reason FROM dead_letter_errors "
                    + "WHERE key > ? ORDER BY key LIMIT ?", rs -> {
                        read[0]++;
                        after[0] = rs.getLong(1);
                        if (!tooVaried[0]) {
                            tooVaried[0] = !count(rs, counted, runs, known);
                        }
                    }, after[0], CHUNK);
        }
        if (tooVaried[0]) {
            clear(sql);
            stamp(sql, Long.toString(TOO_VARIED));
            return;
        }
        for (Map.Entry<List<String>, Map<Long, long[]>> w : counted.entrySet()) {
            List<String> t = w.getKey();
            sql.update("INSERT OR IGNORE INTO dead_letter_wordings(error_type, message, reason) VALUES (?, ?, ?)",
                    t.get(0), t.get(1), t.get(2));
            for (Map.Entry<Long, long[]> s : w.getValue().entrySet()) {
                long[] c = s.getValue();
                sql.update(UPSERT_COUNT, t.get(0), t.get(1), t.get(2), s.getKey(), c[ShapeCounts.ENTRIES],
                        c[ShapeCounts.FIRSTS_SEEN] == 0 ? null : c[ShapeCounts.FIRST_US],
                        c[ShapeCounts.LASTS_SEEN] == 0 ? null : c[ShapeCounts.LAST_US], c[ShapeCounts.FIRST_KEY]);
            }
        }
        runs.store(sql);
        stamp(sql, "(SELECT coalesce(max(key), 0) FROM dead_letters)");
    }

    /** Counts one narrow row; false when its wording would be one more than {@value #MOST}. */
    private static boolean count(java.sql.ResultSet rs, Map<List<String>, Map<Long, long[]>> counted,
            DeadLetterWordingRuns.Tally runs, long known) throws java.sql.SQLException {
        String[] texts = {rs.getString(5), rs.getString(6), rs.getString(7)};
        List<String> wording = List.of(wording(texts[0]), wording(texts[1]), wording(texts[2]));
        Map<Long, long[]> shapes = counted.get(wording);
        if (shapes == null) {
            if (known + counted.size() >= MOST) {
                return false;
            }
            shapes = new HashMap<>();
            counted.put(wording, shapes);
        }
        ShapeCounts.add(shapes.computeIfAbsent(rs.getLong(2), s -> ShapeCounts.none()), rs.getLong(1), rs, 3);
        runs.add(wording, texts, rs.getLong(2), rs.getLong(1), rs, 3);
        return true;
    }

    /**
     * The matching dead letters' counts per shape, as {@code {entries, first_us, last_us, first_key, firsts
     * seen, lasts seen}}, for an error text the wordings answer; empty when they cannot ({@link #answers}) or
     * do not cover every dead letter.
     */
    static Optional<Map<Long, long[]>> read(Sql sql, String text) {
        if (!canAnswer(sql, text)) {
            return Optional.empty();
        }
        String like = DeadLetterText.like(text);
        Map<Long, long[]> out = new HashMap<>();
        sql.forEach("SELECT s.shape, sum(s.entries), min(s.first_us), max(s.last_us), min(s.first_key) "
                + "FROM dead_letter_wordings w JOIN dead_letter_wording_shapes s ON s.wording = w.id "
                + "WHERE w.error_type LIKE ?1 ESCAPE '\\' OR w.message LIKE ?1 ESCAPE '\\' OR w.reason LIKE ?1 ESCAPE '\\' "
                + "GROUP BY s.shape", rs -> out.put(rs.getLong(1), ShapeCounts.summed(rs, 2)), like);
        return Optional.of(out);
    }

    /** True when {@link #read} answers for {@code text}: it has no digit and the wordings count every dead letter. */
    static boolean canAnswer(Sql sql, String text) {
        return answers(text) && upto(sql) == sql.scalar("SELECT coalesce(max(key), 0) FROM dead_letters");
    }

    /** The largest dead-letter key the wordings count; -1 when stale or absent, {@value #TOO_VARIED} when not kept. */
    static long upto(Sql sql) {
        return sql.first("SELECT value FROM meta WHERE key = ?", rs -> Long.parseLong(rs.getString(1)), UPTO_KEY)
                .orElse(-1L);
    }

    private static void clear(Sql sql) {
        DeadLetterWordingRuns.clear(sql);
        sql.update("DELETE FROM dead_letter_wording_shapes");
        sql.update("DELETE FROM dead_letter_wordings");
    }

    private static void stamp(Sql sql, String value) {
        DeadLetterWordingRuns.stamp(sql, value);
        sql.update("INSERT OR REPLACE INTO meta(key, value) VALUES ('" + UPTO_KEY + "', " + value + ")");
    }
}
