package eventlens.model.state;

import eventlens.model.Event;
import java.util.List;

/**
 * One step through an aggregate's history: an event and the states around it.
 *
 * @param event  the event
 * @param before the state before it
 * @param after  the state after it
 */
public record HistoryStep(Event event, AggregateState before, AggregateState after) {
    /** What the event changed in the data. */
    public List<Change> changes() {
        return JsonDiff.diff(before.data(), after.data());
    }
}
