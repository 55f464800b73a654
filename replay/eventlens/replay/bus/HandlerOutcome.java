package eventlens.replay.bus;

/**
 * What one subscription did with one delivery.
 *
 * @param subscription who received the event
 * @param error        what it threw, or null when it succeeded
 */
public record HandlerOutcome(Subscription subscription, Throwable error) {
    /** True when the handler did not throw. */
    public boolean succeeded() {
        return error == null;
    }
}
