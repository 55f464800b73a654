package eventlens.model.store;

import eventlens.model.DeadLetter;
import eventlens.model.Event;
import eventlens.model.Origin;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Mapping between the store's rows and the model's values. */
final class Rows {
    static final String EVENT_COLUMNS = "e.position, e.id, e.type, e.source, e.time_us, e.aggregate_type, "
            + "e.aggregate_id, e.version, e.correlation_id, e.causation_id, b.data, b.metadata, b.raw, "
            + "i.file, e.line, e.format, b.data_at, b.data_len, b.metadata_at, b.metadata_len";
    static final String EVENT_FROM = " FROM events e JOIN event_bodies b ON b.position = e.position "
            + "LEFT JOIN imports i ON i.id = e.import_id ";
    static final String DEAD_LETTER_COLUMNS = "d.key, d.event_id, d.event, d.handler, d.queue, d.reason, d.error_type, "
            + "d.message, d.stack, d.attempts, d.first_failure_us, d.last_failure_us, d.fingerprint, d.raw, "
            + "i.file, d.line, d.format";

    private Rows() {
    }

    static Event event(ResultSet rs) throws SQLException {
        String raw = PackedText.text(rs, 13);
        String data = EventBodies.text(rs.getString(11), raw, rs.getLong(17), rs.getLong(18));
        String metadata = EventBodies.text(rs.getString(12), raw, rs.getLong(19), rs.getLong(20));
        return new Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), instant(rs, 5),
                rs.getString(6), rs.getString(7), longOrNull(rs, 8), rs.getString(9), rs.getString(10),
                data, metadata, raw, new Origin(rs.getString(14), rs.getLong(15), rs.getString(16)));
    }

    static DeadLetter deadLetter(ResultSet rs) throws SQLException {
        Long attempts = longOrNull(rs, 10);
        return new DeadLetter(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                attempts == null ? null : attempts.intValue(), instant(rs, 11), instant(rs, 12), rs.getString(13),
                rs.getString(14), new Origin(rs.getString(15), rs.getLong(16), rs.getString(17)));
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        Long us = longOrNull(rs, column);
        return us == null ? null : Instant.EPOCH.plus(us, ChronoUnit.MICROS);
    }

    static Long longOrNull(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    /**
     * A time as microseconds since 1970; null for none, and for a time too far off to count in a
     * {@code long} (about 292,000 years either way), which readers already report as no time: one such
     * value must never fail a whole import.
     */
    static Long micros(Instant t) {
        if (t == null) {
            return null;
        }
        try {
            return ChronoUnit.MICROS.between(Instant.EPOCH, t);
        } catch (ArithmeticException tooFar) {
            return null;
        }
    }

    static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setLong(index, value);
        }
    }
}
