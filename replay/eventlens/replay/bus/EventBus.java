package eventlens.replay.bus;

import eventlens.model.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The embedded bus: subscriptions by exact type or {@link TopicPattern}, middleware around each
 * delivery, and synchronous, deterministic dispatch in subscription order. A handler's exception never
 * stops the others; it is returned as a {@link HandlerOutcome}. Queueing, scheduling (retries in virtual
 * time) and publishing are the replay run's business; the bus only dispatches. Not thread-safe: one run
 * drives it from one thread at a time.
 */
public final class EventBus {
    private final List<Subscription> subscriptions = new ArrayList<>();
    private final List<Middleware> middleware = new ArrayList<>();
    private final Map<String, List<Subscription>> byType = new HashMap<>();
    private long nextOrder;

    /** Subscribes {@code handler} to the types matching {@code pattern}. */
    public Subscription subscribe(String pattern, String name, EventHandler handler) {
        Subscription s = new Subscription(nextOrder++, TopicPattern.of(pattern), name, handler);
        subscriptions.add(s);
        byType.clear();
        return s;
    }

    /** Removes a subscription; true when it was there. */
    public boolean unsubscribe(Subscription subscription) {
        boolean removed = subscriptions.remove(subscription);
        byType.clear();
        return removed;
    }

    /** Adds middleware that runs around every later delivery. */
    public void use(Middleware m) {
        middleware.add(Objects.requireNonNull(m, "middleware"));
    }

    /** The current subscriptions in dispatch order. */
    public List<Subscription> subscriptions() {
        return List.copyOf(subscriptions);
    }

    /** The subscriptions that receive {@code type}, in dispatch order (cached per type). */
    public List<Subscription> subscribers(String type) {
        String key = type == null ? "\u0000" : type;
        List<Subscription> found = byType.get(key);
        if (found == null) {
            found = new ArrayList<>();
            for (Subscription s : subscriptions) {
                if (s.pattern().matches(type)) {
                    found.add(s);
                }
            }
            found = List.copyOf(found);
            byType.put(key, found);
        }
        return found;
    }

    /** Delivers {@code event} to every matching subscription in order; one outcome each. */
    public List<HandlerOutcome> deliver(Event event) {
        List<Subscription> targets = subscribers(event.type());
        List<HandlerOutcome> outcomes = new ArrayList<>(targets.size());
        for (Subscription s : targets) {
            outcomes.add(deliverTo(s, event));
        }
        return outcomes;
    }

    /** Delivers {@code event} to one subscription (a retry), with the middleware around it. */
    public HandlerOutcome deliverTo(Subscription s, Event event) {
        for (Middleware m : middleware) {
            m.before(event, s);
        }
        Throwable error = null;
        try {
            s.handler().handle(event);
        } catch (Exception e) {
            error = e;
        }
        for (int i = middleware.size() - 1; i >= 0; i--) {
            middleware.get(i).after(event, s, error);
        }
        return new HandlerOutcome(s, error);
    }
}
