package eventlens.model.deadletter;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Which dead letters to look at. Every part is optional (null means "any"); parts combine with AND.
 *
 * @param queue exact queue or topic
 * @param handler exact handler or consumer
 * @param eventType exact type of the failed event, as the dead letter embeds it
 * @param errorText text contained in the error type, message or reason (case-insensitive for ASCII)
 * @param from last failure at or after this moment
 * @param to last failure before this moment
 * @param fingerprint exact fingerprint (one group)
 */
public record DeadLetterFilter(String queue, String handler, String eventType, String errorText, Instant from,
                               Instant to, String fingerprint) {
    /** Every dead letter. */
    public static final DeadLetterFilter ALL = new DeadLetterFilter(null, null, null, null, null, null, null);

    /**
     * The failed event's type as the dead letter embeds it ({@code type}, then {@code eventType}; a
     * virtual column of the store, indexed with the fingerprint).
     */
    static final String EVENT_TYPE = "d.event_type";

    /** The same filter restricted to one group. */
    public DeadLetterFilter withFingerprint(String value) {
        return new DeadLetterFilter(queue, handler, eventType, errorText, from, to, value);
    }

    /** The SQL condition over {@code dead_letters d} (and {@code events e}), and its parameters. */
    Where where() {
        List<String> parts = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        add(parts, params, "d.queue = ?", queue);
        add(parts, params, "d.handler = ?", handler);
        add(parts, params, EVENT_TYPE + " = ?", eventType);
        add(parts, params, "d.fingerprint = ?", fingerprint);
        if (errorText != null && !errorText.isEmpty()) {
            String like = "%" + errorText.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            parts.add("(d.error_type LIKE ? ESCAPE '\\' OR d.message LIKE ? ESCAPE '\\' OR d.reason LIKE ? ESCAPE '\\')");
            params.add(like);
            params.add(like);
            params.add(like);
        }
        if (from != null) {
            parts.add("coalesce(d.last_failure_us, d.first_failure_us) >= ?");
            params.add(ChronoUnit.MICROS.between(Instant.EPOCH, from));
        }
        if (to != null) {
            parts.add("coalesce(d.last_failure_us, d.first_failure_us) < ?");
            params.add(ChronoUnit.MICROS.between(Instant.EPOCH, to));
        }
        return new Where(parts.isEmpty() ? "1" : String.join(" AND ", parts), List.copyOf(params));
    }

    private static void add(List<String> parts, List<Object> params, String sql, String value) {
        if (value != null) {
            parts.add(sql);
            params.add(value);
        }
    }

    /** A SQL condition and its parameters in order. */
    record Where(String sql, List<Object> params) {
    }
}
