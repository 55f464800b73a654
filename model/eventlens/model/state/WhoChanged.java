package eventlens.model.state;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.store.AggregateCursor;
import java.util.ArrayList;
import java.util.List;

/**
 * "Who changed this field": the events of an aggregate's history after which the value at a path
 * differs from before. Setting a value where there was none counts (the account's opening sets its
 * balance from absent to 0), and so does removing it; an event that writes the value it already had
 * does not. Values are compared as {@link JsonDiff#same} does (numbers by value; objects and arrays
 * by content, so a change deep below the path counts as a change of the path).
 *
 * <p>Walks the whole history once: the cost grows with its length (about 1 s per 200,000 events).
 */
public final class WhoChanged {
    private static final int PAGE = 1000;

    private final StateAt states;

    /** Over the states (and thus the store and reducers) of {@code states}. */
    public WhoChanged(StateAt states) {
        this.states = states;
    }

    /** The events that changed the value at {@code path} in fold order; empty for an unknown aggregate. */
    public List<FieldChange> of(String aggregateId, JsonPath path) {
        List<FieldChange> out = new ArrayList<>();
        AggregateCursor cursor = AggregateCursor.START;
        while (true) {
            List<HistoryStep> page = states.history(aggregateId, cursor, PAGE);
            for (HistoryStep step : page) {
                JsonNode before = step.before().valueAt(path);
                JsonNode after = step.after().valueAt(path);
                if (!JsonDiff.same(before, after)) {
                    Change.Kind kind = before.isMissingNode() ? Change.Kind.ADDED
                            : after.isMissingNode() ? Change.Kind.REMOVED : Change.Kind.CHANGED;
                    out.add(new FieldChange(step.event(), kind, before, after));
                }
            }
            if (page.size() < PAGE) {
                return out;
            }
            cursor = AggregateCursor.after(page.get(page.size() - 1).event());
        }
    }
}
