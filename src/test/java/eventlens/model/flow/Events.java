package eventlens.model.flow;

import eventlens.model.Event;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Hand-made events for flow tests: times in milliseconds after a fixed instant. */
final class Events {
    static final Instant T0 = Instant.parse("2024-01-15T10:00:00Z");

    private final List<Event> list = new ArrayList<>();

    Events add(String id, String type, String source, Long millis, String cause) {
        return add(id, type, source, millis, cause, "{}");
    }

    Events add(String id, String type, String source, Long millis, String cause, String data) {
        Instant time = millis == null ? null : T0.plusMillis(millis);
        list.add(new Event(list.size() + 1, id, type, source, time, null, null, null, null, cause, data, null,
                "{\"id\":\"" + id + "\"}", null));
        return this;
    }

    List<Event> list() {
        return List.copyOf(list);
    }

    CausalGraph graph() {
        return CausalGraph.build(list);
    }

    /** A tree of {@code n} events: each event has up to {@code fanOut} children, breadth first. */
    static List<Event> tree(int n, int fanOut) {
        Events e = new Events();
        for (int i = 0; i < n; i++) {
            String cause = i == 0 ? null : "e" + ((i - 1) / fanOut);
            e.add("e" + i, "t" + (i % 7), "s" + (i % 5), (long) i, cause);
        }
        return e.list();
    }
}
