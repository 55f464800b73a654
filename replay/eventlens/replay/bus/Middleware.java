package eventlens.replay.bus;

import eventlens.model.Event;

/**
 * Runs around each delivery of an {@link EventBus}, in the order it was added ({@code after} in the
 * reverse order). Both methods default to doing nothing.
 */
public interface Middleware {
    /** Before {@code subscription} receives {@code event}. */
    default void before(Event event, Subscription subscription) {
    }

    /** After it; {@code error} is what the handler threw, or null when it succeeded. */
    default void after(Event event, Subscription subscription, Throwable error) {
    }
}
