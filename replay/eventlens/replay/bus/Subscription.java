package eventlens.replay.bus;

import java.util.Objects;

/**
 * One subscription of an {@link EventBus}.
 *
 * @param order   the position among the bus's subscriptions (dispatch follows it)
 * @param pattern which types it receives
 * @param name    a readable name (a script handler's name, e.g. {@code order.created#1})
 * @param handler what runs
 */
public record Subscription(long order, TopicPattern pattern, String name, EventHandler handler) {
    public Subscription {
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(handler, "handler");
    }
}
