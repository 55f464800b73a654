package eventlens.model;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A message that a consumer gave up on.
 *
 * <p>{@code eventId} links to the failed event when the log holds it; {@code event} is the failed
 * message as embedded in the dead-letter record (JSON text, null when the record only references
 * it). {@code attempts} counts deliveries including the first. {@code fingerprint} groups failures of
 * the same shape (see {@link Fingerprint}). {@code key} is the store's row number (0 until stored).
 */
public record DeadLetter(
        long key,
        String eventId,
        String event,
        String handler,
        String queue,
        String reason,
        String errorType,
        String message,
        String stack,
        Integer attempts,
        Instant firstFailure,
        Instant lastFailure,
        String fingerprint,
        String raw,
        Origin origin) {

    public DeadLetter {
        Objects.requireNonNull(raw, "raw");
        firstFailure = firstFailure == null ? null : firstFailure.truncatedTo(ChronoUnit.MICROS);
        lastFailure = lastFailure == null ? null : lastFailure.truncatedTo(ChronoUnit.MICROS);
        origin = origin == null ? new Origin("", 0, "") : origin;
        if (fingerprint == null) {
            fingerprint = Fingerprint.of(errorType, message, stack);
        }
    }

    /** The same dead letter with the key the store gave it. */
    public DeadLetter withKey(long newKey) {
        return new DeadLetter(newKey, eventId, event, handler, queue, reason, errorType, message, stack,
                attempts, firstFailure, lastFailure, fingerprint, raw, origin);
    }
}
