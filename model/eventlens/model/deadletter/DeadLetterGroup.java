package eventlens.model.deadletter;

import java.time.Instant;
import java.util.List;

/**
 * Dead letters that failed the same way (same {@link eventlens.model.Fingerprint}).
 *
 * @param fingerprint the shared fingerprint
 * @param count how many dead letters
 * @param firstFailure earliest failure (null when none is stamped)
 * @param lastFailure latest failure (null when none is stamped)
 * @param errorType the error type of the earliest entry
 * @param sampleMessage the error message of the earliest entry (or its reason when it has no message)
 * @param sampleKey the store key of the earliest entry
 * @param handlers the distinct handlers, most frequent first
 * @param eventTypes the distinct failed-event types, most frequent first
 * @param queues the distinct queues, most frequent first
 */
public record DeadLetterGroup(String fingerprint, long count, Instant firstFailure, Instant lastFailure,
                              String errorType, String sampleMessage, long sampleKey, List<String> handlers,
                              List<String> eventTypes, List<String> queues) {
    public DeadLetterGroup {
        handlers = List.copyOf(handlers);
        eventTypes = List.copyOf(eventTypes);
        queues = List.copyOf(queues);
    }
}
