package eventlens.model.store;

/**
 * One more delivery of an event already in the project (at-least-once delivery): where it came from,
 * its raw text, and whether its type and data are the same as the first delivery's.
 */
public record RecordedDelivery(String eventId, String file, long line, String format, boolean sameContent, String raw) {
}
