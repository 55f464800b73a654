package eventlens.model.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The values of the digit runs of the dead letters' error wordings, counted per place and shape as they are stored,
 * so that the error-text filter answers a text with one run of digits ("answered 429") without reading the matching
 * dead letters (decision 0064's addendum). A place is a wording, one of its three texts (0 error type, 1 message, 2
 * reason) and the number of a run in that text (0 for the first mark); a place with more than {@value #MOST_VALUES}
 * different values (ids, durations) keeps none, only the mark {@link #WIDE}, and a filter that needs it reads the
 * trigram index as before.
 *
 * <p><b>Why the answer is exact.</b> Write the text as P D S: D its one run of ASCII digits, P and S digit-free and
 * without the mark. Where the text occurs in an error, D lies in one run of digits there; that run's wording has P,
 * one mark and S at that place, verbatim. If P is not empty its last character is no digit, so the run starts with D;
 * if S is not empty, the run ends with D. So the error contains the text exactly when its wording contains P mark S
 * (ASCII case folded, as {@code LIKE} folds) at a run whose value equals D (P and S not empty), starts with it (S
 * empty), ends with it (P empty) or contains it (both empty). When a matching wording has that pattern at more than
 * one place (in two texts, or twice in one), one dead letter could match at both, and counting per place would count
 * it twice: the filter then reads the index. So it does when a place it needs is wide.
 *
 * <p>They are kept with the wordings ({@link DeadLetterWordings#update}): the same transaction, the same staleness,
 * stamped in {@code meta.dead_letter_wording_runs_upto}, which an older project lacks until its next import counts
 * them.
 */
final class DeadLetterWordingRuns {
    /** The most values a place keeps; beyond it the place is {@link #WIDE}. */
    static final int MOST_VALUES = 100;
    /** The value that marks a place with too many values to keep (a run is never empty). */
    static final String WIDE = "";
    static final String UPTO_KEY = "dead_letter_wording_runs_upto";

    /** Schema migration 12: the values, empty until the next import counts them. */
    static final List<String> MIGRATION = List.of("""
            CREATE TABLE IF NOT EXISTS dead_letter_wording_runs (
              wording INTEGER NOT NULL,
              text INTEGER NOT NULL,
              run INTEGER NOT NULL,
              value TEXT NOT NULL,
              shape INTEGER NOT NULL,
              entries INTEGER NOT NULL,
              first_us INTEGER,
              last_us INTEGER,
              first_key INTEGER NOT NULL,
              PRIMARY KEY (wording, text, run, value, shape)) WITHOUT ROWID""");

    private static final String UPSERT = """
            INSERT INTO dead_letter_wording_runs(wording, text, run, value, shape, entries, first_us, last_us, first_key)
            VALUES ((SELECT id FROM dead_letter_wordings WHERE error_type = ? AND message = ? AND reason = ?),
              ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(wording, text, run, value, shape) DO UPDATE SET entries = entries + excluded.entries,
              first_us = coalesce(min(first_us, excluded.first_us), first_us, excluded.first_us),
              last_us = coalesce(max(last_us, excluded.last_us), last_us, excluded.last_us),
              first_key = min(first_key, excluded.first_key)""";

    /** The rows of one place, given its wording's three texts, the text's number and the run's ({@link Tally#at}). */
    private static final String PLACE = "wording = (SELECT id FROM dead_letter_wordings WHERE error_type = ? AND "
            + "message = ? AND reason = ?) AND text = ? AND run = ?";

    /** One place of a wording: its three texts, which of them, which run. */
    record Place(List<String> wording, int text, int run) {
    }

    /** The values counted in one pass over new dead letters, per place, value and shape. */
    static final class Tally {
        private final Map<Place, Map<String, Map<Long, long[]>>> values = new HashMap<>();
        private final Set<Place> wide = new HashSet<>();

        /** Counts the runs of one dead letter's three error texts, whose wording is {@code wording}. */
        void add(List<String> wording, String[] texts, long shape, long key, java.sql.ResultSet rs, int times)
                throws java.sql.SQLException {
            for (int t = 0; t < texts.length; t++) {
                List<String> runs = runs(texts[t]);
                for (int r = 0; r < runs.size(); r++) {
                    Place place = new Place(wording, t, r);
                    if (wide.contains(place)) {
                        continue;
                    }
                    Map<String, Map<Long, long[]>> byValue = values.computeIfAbsent(place, p -> new HashMap<>());
                    Map<Long, long[]> shapes = byValue.get(runs.get(r));
                    if (shapes == null) {
                        if (byValue.size() >= MOST_VALUES) {
                            values.remove(place);
                            wide.add(place);
                            continue;
                        }
                        shapes = new HashMap<>();
                        byValue.put(runs.get(r), shapes);
                    }
                    ShapeCounts.add(shapes.computeIfAbsent(shape, s -> ShapeCounts.none()), key, rs, times);
                }
            }
        }

        /** Adds what was counted to the stored values; a place that now has too many becomes wide. */
        void store(Sql sql) {
            for (Place place : wide) {
                makeWide(sql, at(place));
            }
            for (Map.Entry<Place, Map<String, Map<Long, long[]>>> p : values.entrySet()) {
                Object[] at = at(p.getKey());
                if (isWide(sql, at)) {
                    continue;
                }
                for (Map.Entry<String, Map<Long, long[]>> v : p.getValue().entrySet()) {
                    for (Map.Entry<Long, long[]> s : v.getValue().entrySet()) {
                        long[] c = s.getValue();
                        sql.update(UPSERT, append(at, v.getKey(), s.getKey(), c[ShapeCounts.ENTRIES],
                                c[ShapeCounts.FIRSTS_SEEN] == 0 ? null : c[ShapeCounts.FIRST_US],
                                c[ShapeCounts.LASTS_SEEN] == 0 ? null : c[ShapeCounts.LAST_US], c[ShapeCounts.FIRST_KEY]));
                    }
                }
                if (sql.scalar("SELECT count(DISTINCT value) FROM dead_letter_wording_runs WHERE " + PLACE, at) > MOST_VALUES) {
                    makeWide(sql, at);
                }
            }
        }

        /** The place's values dropped for the mark that says it keeps none. */
        private static void makeWide(Sql sql, Object[] at) {
            sql.update("DELETE FROM dead_letter_wording_runs WHERE " + PLACE, at);
            sql.update(UPSERT, append(at, WIDE, 0L, 0L, null, null, 0L));
        }

        private static boolean isWide(Sql sql, Object[] at) {
            return sql.scalar("SELECT count(*) FROM dead_letter_wording_runs WHERE " + PLACE + " AND value = ''", at) > 0;
        }

        private static Object[] at(Place p) {
            return new Object[] {p.wording().get(0), p.wording().get(1), p.wording().get(2), p.text(), p.run()};
        }

        private static Object[] append(Object[] at, Object... more) {
            Object[] out = java.util.Arrays.copyOf(at, at.length + more.length);
            System.arraycopy(more, 0, out, at.length, more.length);
            return out;
        }
    }

    private DeadLetterWordingRuns() {
    }

    /** The runs of ASCII digits of {@code text}, in order; none for null. */
    static List<String> runs(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int start = -1;
        for (int i = 0; i <= text.length(); i++) {
            boolean digit = i < text.length() && isDigit(text.charAt(i));
            if (digit && start < 0) {
                start = i;
            } else if (!digit && start >= 0) {
                out.add(text.substring(start, i));
                start = -1;
            }
        }
        return out;
    }

    /**
     * A text the values answer: digit-free {@code before} and {@code after} around its one run of digits; null when
     * it has no run, more than one, or the mark.
     */
    record Split(String before, String digits, String after) {
        static Split of(String text) {
            List<String> runs = runs(text);
            if (runs.size() != 1 || text.indexOf(DeadLetterWordings.DIGITS) >= 0) {
                return null;
            }
            int at = text.indexOf(runs.get(0));
            return new Split(text.substring(0, at), runs.get(0), text.substring(at + runs.get(0).length()));
        }

        /** Whether {@code value}, the run at the place found, holds the text's digits where the text needs them. */
        boolean fits(String value) {
            if (!before.isEmpty() && !after.isEmpty()) {
                return value.equals(digits);
            }
            if (!before.isEmpty()) {
                return value.startsWith(digits);
            }
            return after.isEmpty() ? value.contains(digits) : value.endsWith(digits);
        }
    }

    /**
     * The matching dead letters' counts per shape, as {@link DeadLetterWordings#read} gives them, for a text with
     * one run of digits; empty when the values cannot answer it (see the class comment) or do not count every dead
     * letter.
     */
    static Optional<Map<Long, long[]>> read(Sql sql, String text) {
        Split split = Split.of(text);
        long last = sql.scalar("SELECT coalesce(max(key), 0) FROM dead_letters");
        if (split == null || DeadLetterWordings.upto(sql) != last || upto(sql) != last) {
            return Optional.empty();
        }
        String pattern = split.before() + DeadLetterWordings.DIGITS + split.after();
        String like = DeadLetterText.like(pattern);
        List<Object[]> places = new ArrayList<>();
        boolean[] ambiguous = {false};
        sql.forEach("SELECT id, error_type, message, reason FROM dead_letter_wordings WHERE error_type LIKE ?1 "
                + "ESCAPE '\\' OR message LIKE ?1 ESCAPE '\\' OR reason LIKE ?1 ESCAPE '\\'", rs -> {
                    List<int[]> found = new ArrayList<>();
                    for (int t = 0; t < 3; t++) {
                        for (int run : marksAt(rs.getString(2 + t), pattern)) {
                            found.add(new int[] {t, run});
                        }
                    }
                    if (found.size() != 1) {
                        ambiguous[0] = true; // two places could both match one dead letter
                    } else {
                        places.add(new Object[] {rs.getLong(1), found.get(0)[0], found.get(0)[1]});
                    }
                }, like);
        if (ambiguous[0]) {
            return Optional.empty();
        }
        Map<Long, long[]> out = new HashMap<>();
        for (Object[] place : places) {
            boolean[] wide = {false};
            sql.forEach("SELECT value, shape, entries, first_us, last_us, first_key FROM dead_letter_wording_runs "
                    + "WHERE wording = ? AND text = ? AND run = ?", rs -> {
                        String value = rs.getString(1);
                        if (value.equals(WIDE)) {
                            wide[0] = true;
                        } else if (split.fits(value)) {
                            merge(out.computeIfAbsent(rs.getLong(2), s -> ShapeCounts.none()), ShapeCounts.summed(rs, 3));
                        }
                    }, place);
            if (wide[0]) {
                return Optional.empty();
            }
        }
        return Optional.of(out);
    }

    /** The numbers of the marks of {@code wording} that {@code pattern}'s one mark falls on, ASCII case folded. */
    static List<Integer> marksAt(String wording, String pattern) {
        List<Integer> out = new ArrayList<>();
        int mark = pattern.indexOf(DeadLetterWordings.DIGITS);
        for (int at = 0; at + pattern.length() <= wording.length(); at++) {
            if (wording.regionMatches(at, pattern, 0, pattern.length()) || asciiFoldedMatch(wording, at, pattern)) {
                int run = 0;
                for (int i = 0; i < at + mark; i++) {
                    if (wording.charAt(i) == DeadLetterWordings.DIGITS) {
                        run++;
                    }
                }
                out.add(run);
            }
        }
        return out;
    }

    private static boolean asciiFoldedMatch(String wording, int at, String pattern) {
        for (int i = 0; i < pattern.length(); i++) {
            if (fold(wording.charAt(at + i)) != fold(pattern.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static char fold(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
    }

    private static void merge(long[] into, long[] c) {
        into[ShapeCounts.ENTRIES] += c[ShapeCounts.ENTRIES];
        into[ShapeCounts.FIRST_US] = Math.min(into[ShapeCounts.FIRST_US], c[ShapeCounts.FIRST_US]);
        into[ShapeCounts.LAST_US] = Math.max(into[ShapeCounts.LAST_US], c[ShapeCounts.LAST_US]);
        into[ShapeCounts.FIRST_KEY] = Math.min(into[ShapeCounts.FIRST_KEY], c[ShapeCounts.FIRST_KEY]);
        into[ShapeCounts.FIRSTS_SEEN] += c[ShapeCounts.FIRSTS_SEEN];
        into[ShapeCounts.LASTS_SEEN] += c[ShapeCounts.LASTS_SEEN];
    }

    /** The largest dead-letter key the values count; -1 when absent (an older project, until its next import). */
    static long upto(Sql sql) {
        return sql.first("SELECT value FROM meta WHERE key = ?", rs -> Long.parseLong(rs.getString(1)), UPTO_KEY)
                .orElse(-1L);
    }

    static void clear(Sql sql) {
        sql.update("DELETE FROM dead_letter_wording_runs");
    }

    static void stamp(Sql sql, String value) {
        sql.update("INSERT OR REPLACE INTO meta(key, value) VALUES ('" + UPTO_KEY + "', " + value + ")");
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
