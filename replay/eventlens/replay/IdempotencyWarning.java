package eventlens.replay;

/**
 * The same event id delivered again (a duplicate in the log, or a handler publishing an existing id):
 * handlers that are not idempotent would act twice.
 *
 * @param delivery   the step of the repeat
 * @param eventId    the id
 * @param deliveries how many times it has now been delivered
 */
public record IdempotencyWarning(long delivery, String eventId, int deliveries) {
}
