package eventlens.model.store;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The counts of one dead-letter shape under a filter, folded from its entries one row at a time, as
 * {@code {entries, first_us, last_us, first_key, firsts seen, lasts seen}}: the earliest first failure and the
 * latest last failure, each of the entries that have one (a time is null when a dead letter has none).
 */
final class ShapeCounts {
    static final int ENTRIES = 0;
    static final int FIRST_US = 1;
    static final int LAST_US = 2;
    static final int FIRST_KEY = 3;
    static final int FIRSTS_SEEN = 4;
    static final int LASTS_SEEN = 5;

    private ShapeCounts() {
    }

    /** The counts of no entry yet. */
    static long[] none() {
        return new long[] {0, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE, 0, 0};
    }

    /**
     * Counts SQL has summed already: the entries, the earliest first and latest last failure times (null for
     * none) and the first key, in {@code rs}' columns {@code entries} and the three after it.
     */
    static long[] summed(ResultSet rs, int entries) throws SQLException {
        long[] c = none();
        c[ENTRIES] = rs.getLong(entries);
        long first = rs.getLong(entries + 1);
        if (!rs.wasNull()) {
            c[FIRST_US] = first;
            c[FIRSTS_SEEN] = 1;
        }
        long last = rs.getLong(entries + 2);
        if (!rs.wasNull()) {
            c[LAST_US] = last;
            c[LASTS_SEEN] = 1;
        }
        c[FIRST_KEY] = rs.getLong(entries + 3);
        return c;
    }

    /** Counts one entry: its key, and its first and last failure times in {@code rs}' columns {@code times} and the next. */
    static void add(long[] c, long key, ResultSet rs, int times) throws SQLException {
        c[ENTRIES]++;
        c[FIRST_KEY] = Math.min(c[FIRST_KEY], key);
        long first = rs.getLong(times);
        if (!rs.wasNull()) {
            c[FIRST_US] = Math.min(c[FIRST_US], first);
            c[FIRSTS_SEEN]++;
        }
        long last = rs.getLong(times + 1);
        if (!rs.wasNull()) {
            c[LAST_US] = Math.max(c[LAST_US], last);
            c[LASTS_SEEN]++;
        }
    }
}
