package eventlens.model.deadletter;

import eventlens.model.store.DeadLetterQueries;
import java.time.Instant;

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

    /** The same filter restricted to one group. */
    public DeadLetterFilter withFingerprint(String value) {
        return new DeadLetterFilter(queue, handler, eventType, errorText, from, to, value);
    }

    /** The store's criteria for the same dead letters. */
    DeadLetterQueries.Criteria criteria() {
        return new DeadLetterQueries.Criteria(queue, handler, eventType, errorText, from, to, fingerprint);
    }
}
