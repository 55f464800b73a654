package eventlens.replay;

import eventlens.replay.bus.Subscription;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The subscriptions of a run that no delivery has reached yet, listed for its summary (taken at every step). */
final class IdleHandlers {
    private final Set<Subscription> waiting = new LinkedHashSet<>();
    private List<IdleHandler> listed;

    void add(Subscription s) {
        waiting.add(s);
        listed = null;
    }

    /** A delivery reached {@code targets}. */
    void reached(List<Subscription> targets) {
        if (waiting.isEmpty()) {
            return;
        }
        for (Subscription s : targets) {
            if (waiting.remove(s)) {
                listed = null;
            }
        }
    }

    /** The subscriptions not reached yet, in the order the script made them. */
    List<IdleHandler> list() {
        if (listed == null) {
            // List.copyOf: the summary's own copy of it is then the same list, not one more at every step.
            listed = List.copyOf(waiting.stream().map(s -> new IdleHandler(s.name(), s.pattern().text())).toList());
        }
        return listed;
    }
}
