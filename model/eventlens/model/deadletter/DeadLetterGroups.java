package eventlens.model.deadletter;

import eventlens.model.Exemption;
import eventlens.model.DeadLetter;
import eventlens.model.Origin;
import eventlens.model.store.ProjectStore;
import eventlens.model.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dead letters of a project grouped by fingerprint, and the entries of a group, a page at a time.
 *
 * <p>Grouping is one SQL pass, {@code GROUP BY fingerprint, handler, queue, event type}, over a
 * covering index of exactly those columns and the failure times (schema migration 3), whose few rows (one per failure shape and place) are folded here into groups; the samples of a page's groups
 * are then read by key. Groups come largest first (then by fingerprint). Reads go through a
 * connection of its own; close this when done.
 */
@Exemption(rule = Exemption.SQL_OUTSIDE_THE_STORE, why = "the dead-letter groups' queries, not yet moved into model.store (issue 11, structure 1)")
public final class DeadLetterGroups implements AutoCloseable {
    private static final String COLUMNS = "d.key, d.event_id, d.event, d.handler, d.queue, d.reason, d.error_type, "
            + "d.message, d.stack, d.attempts, d.first_failure_us, d.last_failure_us, d.fingerprint, d.raw, "
            + "i.file, d.line, d.format";

    private final ProjectStore store;
    private final Connection connection;

    /** Groups of an open project. */
    public DeadLetterGroups(ProjectStore store) {
        this.store = store;
        try {
            this.connection = store.openSideConnection();
            try (Statement s = connection.createStatement()) {
                s.execute("PRAGMA cache_size=-65536");
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Every group matching the filter, largest first. */
    public synchronized List<DeadLetterGroup> all(DeadLetterFilter filter) {
        return page(filter, 0, Integer.MAX_VALUE);
    }

    /** Up to {@code limit} groups matching the filter from {@code offset}, largest first. */
    public synchronized List<DeadLetterGroup> page(DeadLetterFilter filter, long offset, int limit) {
        List<Accumulated> groups = accumulate(filter);
        List<DeadLetterGroup> out = new ArrayList<>();
        for (long i = offset; i < groups.size() && out.size() < limit; i++) {
            out.add(groups.get((int) i).finish(sample(groups.get((int) i).sampleKey)));
        }
        return out;
    }

    /** Number of groups matching the filter. */
    public synchronized long count(DeadLetterFilter filter) {
        return accumulate(filter).size();
    }

    /** Number of dead letters matching the filter. */
    public synchronized long entryCount(DeadLetterFilter filter) {
        DeadLetterFilter.Where where = filter.where();
        String sql = "SELECT count(*) FROM dead_letters d" + " WHERE " + where.sql();
        try (PreparedStatement ps = prepare(sql, where.params()); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Up to {@code limit} dead letters matching the filter with a key above {@code afterKey}, in key order. */
    public synchronized List<DeadLetter> entries(DeadLetterFilter filter, long afterKey, int limit) {
        DeadLetterFilter.Where where = filter.where();
        List<Object> params = new ArrayList<>(where.params());
        params.add(afterKey);
        params.add(limit);
        String sql = "SELECT " + COLUMNS + " FROM dead_letters d LEFT JOIN imports i ON i.id = d.import_id"
                + " WHERE " + where.sql() + " AND d.key > ? ORDER BY d.key LIMIT ?";
        List<DeadLetter> out = new ArrayList<>();
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(deadLetter(rs));
            }
            return out;
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The dead letter with this store key. */
    public synchronized Optional<DeadLetter> entry(long key) {
        String sql = "SELECT " + COLUMNS + " FROM dead_letters d LEFT JOIN imports i ON i.id = d.import_id WHERE d.key = ?";
        try (PreparedStatement ps = prepare(sql, List.of(key)); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(deadLetter(rs)) : Optional.empty();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private List<Accumulated> accumulate(DeadLetterFilter filter) {
        DeadLetterFilter.Where where = filter.where();
        String sql = "SELECT d.fingerprint, d.handler, d.queue, " + DeadLetterFilter.EVENT_TYPE + ", count(*), "
                + "min(coalesce(d.first_failure_us, d.last_failure_us)), max(coalesce(d.last_failure_us, d.first_failure_us)), "
                + "min(d.key) FROM dead_letters d WHERE " + where.sql()
                + " GROUP BY 1, 2, 3, 4";
        Map<String, Accumulated> byFingerprint = new LinkedHashMap<>();
        try (PreparedStatement ps = prepare(sql, where.params()); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String fingerprint = rs.getString(1);
                byFingerprint.computeIfAbsent(fingerprint == null ? "" : fingerprint, Accumulated::new)
                        .add(rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), micros(rs, 6),
                                micros(rs, 7), rs.getLong(8));
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        List<Accumulated> groups = new ArrayList<>(byFingerprint.values());
        groups.sort(Comparator.comparingLong((Accumulated a) -> -a.count).thenComparing(a -> a.fingerprint));
        return groups;
    }

    private String[] sample(long key) {
        try (PreparedStatement ps = prepare("SELECT error_type, coalesce(message, reason) FROM dead_letters WHERE key = ?",
                List.of(key)); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : new String[2];
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private PreparedStatement prepare(String sql, List<Object> params) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        for (int i = 0; i < params.size(); i++) {
            ps.setObject(i + 1, params.get(i));
        }
        return ps;
    }

    private static Long micros(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Instant instant(Long micros) {
        return micros == null ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    private static DeadLetter deadLetter(ResultSet rs) throws SQLException {
        Long attempts = micros(rs, 10);
        return new DeadLetter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                attempts == null ? null : attempts.intValue(), instant(micros(rs, 11)), instant(micros(rs, 12)),
                rs.getString(13), rs.getString(14), new Origin(rs.getString(15), rs.getLong(16), rs.getString(17)));
    }

    private StoreException failure(SQLException e) {
        return new StoreException("cannot read the dead letters of " + store.file() + ": " + e.getMessage(), e);
    }

    /** One group while its rows are folded in. */
    private static final class Accumulated {
        final String fingerprint;
        long count;
        Long first;
        Long last;
        long sampleKey = Long.MAX_VALUE;
        final Map<String, Long> handlers = new HashMap<>();
        final Map<String, Long> types = new HashMap<>();
        final Map<String, Long> queues = new HashMap<>();

        Accumulated(String fingerprint) {
            this.fingerprint = fingerprint;
        }

        void add(String handler, String queue, String type, long n, Long firstUs, Long lastUs, long minKey) {
            count += n;
            if (firstUs != null && (first == null || firstUs < first)) {
                first = firstUs;
            }
            if (lastUs != null && (last == null || lastUs > last)) {
                last = lastUs;
            }
            sampleKey = Math.min(sampleKey, minKey);
            tally(handlers, handler, n);
            tally(types, type, n);
            tally(queues, queue, n);
        }

        DeadLetterGroup finish(String[] sample) {
            return new DeadLetterGroup(fingerprint, count, instant(first), instant(last), sample[0], sample[1],
                    sampleKey, ranked(handlers), ranked(types), ranked(queues));
        }

        private static void tally(Map<String, Long> counts, String value, long n) {
            if (value != null) {
                counts.merge(value, n, Long::sum);
            }
        }

        private static List<String> ranked(Map<String, Long> counts) {
            return counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey).toList();
        }
    }
}
