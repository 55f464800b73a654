package eventlens.app.flows;

import eventlens.model.Event;
import eventlens.model.flow.CausalGraph;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A small made-up flow, never stored or shown, that the Flows view lays out once to create its rows. */
final class FlowWarmUp {
    static final int EVENTS = 60;

    private FlowWarmUp() {
    }

    /** A chain with a fan-out, enough rows to fill a tall tree. */
    static LoadedFlow sample() {
        return sample(EVENTS);
    }

    /** The first {@code size} events of that flow. */
    static LoadedFlow sample(int size) {
        Instant start = Instant.EPOCH;
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String cause = i == 0 ? null : "warm-" + (i < 20 ? i - 1 : 19);
            events.add(new Event(i + 1, "warm-" + i, "warm.up", "warm-up", start.plusMillis(i), null, null, null,
                    "warm-up", cause, null, null, "{}", null));
        }
        return LoadedFlow.of("warm-up", CausalGraph.build(events));
    }
}
