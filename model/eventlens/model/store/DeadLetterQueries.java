package eventlens.model.store;

import eventlens.model.DeadLetter;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The dead-letter reads that grouping and the dead-letter-only events need: counts, pages and entries
 * under a {@link Criteria}, the failure shapes ({@code GROUP BY fingerprint, handler, queue, event type}
 * over the covering index of schema migration 3) and the messages only a queue holds. The grouping
 * itself is the dead-letter logic's business. Reads go through a connection of their own with a large
 * page cache (256 MB at most); close this when done.
 */
public final class DeadLetterQueries implements AutoCloseable {
    /** The failed event's type as the dead letter embeds it: a virtual column, indexed with the fingerprint. */
    private static final String EVENT_TYPE = "d.event_type";
    private static final String FROM = " FROM dead_letters d LEFT JOIN imports i ON i.id = d.import_id";

    /**
     * Which dead letters; every part is optional (null means "any") and parts combine with AND.
     *
     * @param queue exact queue or topic
     * @param handler exact handler or consumer
     * @param eventType exact type of the failed event, as the dead letter embeds it
     * @param errorText text contained in the error type, message or reason (case-insensitive for ASCII)
     * @param from last failure at or after this moment
     * @param to last failure before this moment
     * @param fingerprint exact fingerprint
     */
    public record Criteria(String queue, String handler, String eventType, String errorText, Instant from, Instant to,
            String fingerprint) {
    }

    /**
     * Dead letters that share a fingerprint, handler, queue and event type.
     *
     * @param fingerprint the fingerprint (null when none was computed)
     * @param handler the handler, or null
     * @param queue the queue, or null
     * @param eventType the failed event's type, or null
     * @param count how many
     * @param firstFailure their earliest failure (null when none is stamped)
     * @param lastFailure their latest failure (null when none is stamped)
     * @param firstKey the smallest store key among them
     */
    public record Shape(String fingerprint, String handler, String queue, String eventType, long count,
            Instant firstFailure, Instant lastFailure, long firstKey) {
    }

    /**
     * The error of one dead letter.
     *
     * @param errorType its error type
     * @param message its message, or its reason when it has no message
     */
    public record Sample(String errorType, String message) {
    }

    private final ProjectStore store;
    /**
     * Opened at first use, on the thread that reads (a worker), not where this is made (the FX thread): a
     * read-only project copies its derived tables into every new connection, 7 s on ten million events.
     */
    private Sql sql;

    /** The dead letters of an open project. */
    public DeadLetterQueries(ProjectStore store) {
        this.store = store;
    }

    private synchronized Sql sql() {
        if (sql == null) {
            sql = open(store);
        }
        return sql;
    }

    private static Sql open(ProjectStore store) {
        Sql sql = null;
        try {
            java.sql.Connection c = Connections.open(store.file(), Connections.Purpose.INDEX, store.isReadOnly());
            sql = new Sql(c, "cannot read the dead letters of " + store.file());
            // The error-text filter seeks the narrow rows of its matches in key order; with the trigram index they
            // take ≈200 MB per million dead letters, and a filter that matches a sixth of a million took 340 ms
            // with a 64 MB cache against 220 ms with this one (decision 0034). Pages are taken as they are read.
            sql.update("PRAGMA cache_size=-262144");
            return sql;
        } catch (SQLException e) {
            throw new StoreException("cannot read the dead letters of " + store.file() + ": " + e.getMessage(), e);
        } catch (StoreException e) {
            closeQuietly(sql);
            throw e;
        }
    }

    /** Number of dead letters matching the criteria. */
    public synchronized long count(Criteria criteria) {
        Optional<java.util.Map<Long, long[]>> counted = hasText(criteria) ? counted(criteria) : Optional.empty();
        if (counted.isPresent()) {
            return shapesOf(criteria, counted.get()).stream().mapToLong(Shape::count).sum();
        }
        List<Object> params = new ArrayList<>();
        return sql().scalar("SELECT count(*) FROM dead_letters d WHERE " + where(criteria, params), params.toArray());
    }

    /** Up to {@code limit} dead letters matching the criteria with a key above {@code afterKey}, in key order. */
    public synchronized List<DeadLetter> entries(Criteria criteria, long afterKey, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(criteria, params);
        params.add(afterKey);
        params.add(limit);
        return sql().list("SELECT " + Rows.DEAD_LETTER_COLUMNS + FROM + " WHERE " + where
                + " AND d.key > ? ORDER BY d.key LIMIT ?", Rows::deadLetter, params.toArray());
    }

    /** The dead letter with this store key. */
    public synchronized Optional<DeadLetter> entry(long key) {
        return sql().first("SELECT " + Rows.DEAD_LETTER_COLUMNS + FROM + " WHERE d.key = ?", Rows::deadLetter, key);
    }

    /**
     * The failure shapes of the dead letters matching the criteria, in no particular order: read from their counts
     * ({@link DeadLetterShapes}) when the criteria name only what a shape shares and the counts are up to date.
     */
    public synchronized List<Shape> shapes(Criteria criteria) {
        if (hasText(criteria)) {
            return shapesContaining(criteria);
        }
        if (criteria.from() == null && criteria.to() == null) {
            Optional<List<Shape>> counted = DeadLetterShapes.read(sql(), criteria.queue(), criteria.handler(),
                    criteria.eventType(), criteria.fingerprint());
            if (counted.isPresent()) {
                return counted.get();
            }
        }
        List<Object> params = new ArrayList<>();
        String where = where(criteria, params);
        return sql().list("SELECT d.fingerprint, d.handler, d.queue, " + EVENT_TYPE + ", count(*), "
                + "min(coalesce(d.first_failure_us, d.last_failure_us)), max(coalesce(d.last_failure_us, d.first_failure_us)), "
                + "min(d.key) FROM dead_letters d WHERE " + where + " GROUP BY 1, 2, 3, 4", DeadLetterQueries::shape,
                params.toArray());
    }

    /**
     * The shapes under an error text: for a text without digits and no time range, the counts of the error
     * wordings that contain it ({@link DeadLetterWordings}, a row per wording and shape); for a text with one run of
     * digits, the counts of the values of the wordings' runs where they answer it ({@link DeadLetterWordingRuns});
     * otherwise the matching
     * narrow rows ({@link DeadLetterText}) folded by their shape number in one pass here (SQLite's {@code GROUP BY}
     * sorted the matches first: a third of the filter's time when a sixth of a million dead letters match). Then
     * each group's four values are read from its first dead letter — the same figures as grouping the wide rows,
     * without reading them.
     */
    private List<Shape> shapesContaining(Criteria c) {
        return shapesOf(c, counted(c).orElseGet(() -> matchesFolded(c)));
    }

    /**
     * The counts per shape of the dead letters whose error contains the criteria's text, as the wordings or the values
     * of their runs keep them; empty when neither answers it, or under a time range.
     */
    private Optional<java.util.Map<Long, long[]>> counted(Criteria c) {
        if (c.from() != null || c.to() != null) {
            return Optional.empty();
        }
        Optional<java.util.Map<Long, long[]>> worded = DeadLetterWordings.read(sql(), c.errorText());
        return worded.isPresent() ? worded : DeadLetterWordingRuns.read(sql(), c.errorText());
    }

    /** The shapes of {@code groups} that the criteria's other parts keep, each with its four values. */
    private List<Shape> shapesOf(Criteria c, java.util.Map<Long, long[]> groups) {
        List<Shape> out = new ArrayList<>();
        List<Object> outerParams = new ArrayList<>();
        List<String> outer = new ArrayList<>(List.of("d.key = ?"));
        add(outer, outerParams, "d.queue = ?", c.queue());
        add(outer, outerParams, "d.handler = ?", c.handler());
        add(outer, outerParams, EVENT_TYPE + " = ?", c.eventType());
        add(outer, outerParams, "d.fingerprint = ?", c.fingerprint());
        String first = "SELECT d.fingerprint, d.handler, d.queue, " + EVENT_TYPE + " FROM dead_letters d WHERE "
                + String.join(" AND ", outer);
        for (long[] g : groups.values()) {
            List<Object> p = new ArrayList<>();
            p.add(g[ShapeCounts.FIRST_KEY]);
            p.addAll(outerParams);
            sql().first(first, rs -> new Shape(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    g[ShapeCounts.ENTRIES], g[ShapeCounts.FIRSTS_SEEN] == 0 ? null : micros(g[ShapeCounts.FIRST_US]),
                    g[ShapeCounts.LASTS_SEEN] == 0 ? null : micros(g[ShapeCounts.LAST_US]), g[ShapeCounts.FIRST_KEY]),
                    p.toArray())
                    .ifPresent(out::add);
        }
        return out;
    }

    /** The narrow rows matching the criteria's text and times, folded by shape as {@link DeadLetterWordings#read} counts. */
    private java.util.Map<Long, long[]> matchesFolded(Criteria c) {
        List<Object> params = new ArrayList<>();
        StringBuilder matches = new StringBuilder("SELECT e.shape, e.first_us, e.last_us, e.key"
                + DeadLetterText.source(c.errorText()) + " WHERE " + DeadLetterText.contains(c.errorText(), params));
        if (c.from() != null) {
            matches.append(" AND e.last_us >= ?");
            params.add(ChronoUnit.MICROS.between(Instant.EPOCH, c.from()));
        }
        if (c.to() != null) {
            matches.append(" AND e.last_us < ?");
            params.add(ChronoUnit.MICROS.between(Instant.EPOCH, c.to()));
        }
        java.util.Map<Long, long[]> groups = new java.util.HashMap<>();
        sql().forEach(matches.toString(), rs -> {
            ShapeCounts.add(groups.computeIfAbsent(rs.getLong(1), k -> ShapeCounts.none()), rs.getLong(4), rs, 2);
        }, params.toArray());
        return groups;
    }

    private static Instant micros(long us) {
        return Instant.EPOCH.plus(us, ChronoUnit.MICROS);
    }

    private static Shape shape(java.sql.ResultSet rs) throws SQLException {
        return new Shape(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                Rows.instant(rs, 6), Rows.instant(rs, 7), rs.getLong(8));
    }

    private static boolean hasText(Criteria c) {
        return c.errorText() != null && !c.errorText().isEmpty();
    }

    /** The error type and message of the dead letter with this key (both null when there is none). */
    public synchronized Sample sample(long key) {
        return sql().first("SELECT error_type, coalesce(message, reason) FROM dead_letters WHERE key = ?",
                rs -> new Sample(rs.getString(1), rs.getString(2)), key).orElse(new Sample(null, null));
    }

    @Override
    public synchronized void close() {
        if (sql == null) {
            return;
        }
        try {
            sql.connection().close();
        } catch (SQLException e) {
            throw sql.failure(e);
        }
    }

    /** The SQL condition over {@code dead_letters d}, its parameters added to {@code params} in order. */
    private static String where(Criteria c, List<Object> params) {
        List<String> parts = new ArrayList<>();
        add(parts, params, "d.queue = ?", c.queue());
        add(parts, params, "d.handler = ?", c.handler());
        add(parts, params, EVENT_TYPE + " = ?", c.eventType());
        add(parts, params, "d.fingerprint = ?", c.fingerprint());
        if (hasText(c)) {
            parts.add("d.key IN (SELECT e.key" + DeadLetterText.source(c.errorText()) + " WHERE "
                    + DeadLetterText.contains(c.errorText(), params) + ")");
        }
        if (c.from() != null) {
            parts.add("coalesce(d.last_failure_us, d.first_failure_us) >= ?");
            params.add(ChronoUnit.MICROS.between(Instant.EPOCH, c.from()));
        }
        if (c.to() != null) {
            parts.add("coalesce(d.last_failure_us, d.first_failure_us) < ?");
            params.add(ChronoUnit.MICROS.between(Instant.EPOCH, c.to()));
        }
        return parts.isEmpty() ? "1" : String.join(" AND ", parts);
    }

    private static void add(List<String> parts, List<Object> params, String sql, String value) {
        if (value != null) {
            parts.add(sql);
            params.add(value);
        }
    }

    private static void closeQuietly(Sql sql) {
        if (sql != null) {
            try {
                sql.connection().close();
            } catch (SQLException ignored) {
                // the open already failed; that is what is reported
            }
        }
    }
}
