package eventlens.model.flow;

/**
 * One anomaly found in a flow.
 *
 * @param kind what is wrong
 * @param eventId the event it is attached to
 * @param relatedId the other event involved, or null: the missing cause of an orphan, the cause of a
 *     skewed effect, the event whose link closes a cycle
 * @param detail a short human-readable explanation, e.g. {@code "effect stamped 40 ms before its cause"}
 */
public record Anomaly(AnomalyKind kind, String eventId, String relatedId, String detail) {
}
