package eventlens.replay;

import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.state.AggregateState;
import eventlens.model.state.Reducer;
import eventlens.replay.script.ScriptError;
import eventlens.replay.script.ScriptException;
import eventlens.replay.script.ScriptReducer;
import eventlens.replay.script.ScriptRuntime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The aggregate states as rebuilt by the run: every delivered event (recorded or published) that names an
 * aggregate is folded into that aggregate's state, with the script's reducer for its type when it
 * registered one ({@code reduce}), else with the standard merge-patch reducer. {@code ctx.state(id)}
 * reads this state — including the event being handled — not the recorded store, so it shows what the
 * run itself produced. Script reducers fold eagerly (their failures are reported at the step that
 * caused them); the standard reducer folds lazily, when the state is read.
 */
final class AggregateStates {
    private final Reducer fallback;
    private final Map<String, AggregateState> states = new HashMap<>();
    private final Map<String, List<Event>> unfolded = new HashMap<>();
    private final Map<String, ScriptReducer> scriptReducers = new HashMap<>();
    /** The last event folded, and the state of its aggregate before it ({@link #NOT_KEPT} while folded lazily). */
    private Event last;
    private AggregateState lastBefore;
    private static final AggregateState NOT_KEPT = AggregateState.initial("", null);

    AggregateStates(ScriptRuntime runtime, Reducer fallback) {
        this.fallback = fallback;
        for (String type : runtime.reducerTypes()) {
            runtime.reducer(type).ifPresent(r -> scriptReducers.put(type, r));
        }
    }

    /** Receives a reducer failure. */
    interface FailureSink {
        void failed(Event event, String aggregateType, ScriptError error);
    }

    void fold(Event e, FailureSink sink) {
        String id = e.aggregateId();
        if (id == null) {
            return;
        }
        ScriptReducer r = e.aggregateType() == null ? null : scriptReducers.get(e.aggregateType());
        last = e;
        if (r == null) {
            unfolded.computeIfAbsent(id, k -> new ArrayList<>()).add(e);
            lastBefore = NOT_KEPT;
            return;
        }
        catchUp(id);
        lastBefore = states.get(id);
        AggregateState before = states.getOrDefault(id, AggregateState.initial(id, e.aggregateType()));
        try {
            states.put(id, before.next(e, r));
        } catch (ScriptException ex) {
            sink.failed(e, e.aggregateType(), ex.error());
        }
    }

    AggregateState state(String aggregateId) {
        catchUp(aggregateId);
        return states.get(aggregateId);
    }

    String json(String aggregateId) {
        return json(state(aggregateId));
    }

    private static String json(AggregateState s) {
        return s == null ? null : Json.write(s.data());
    }

    /**
     * The state JSON of the aggregate of {@code delivered} before it was folded, when it is the last event
     * folded (what a stop after a delivery compares with); else its state now (a retry folds nothing).
     * Null where the aggregate did not exist.
     */
    String jsonBefore(Event delivered) {
        String aggregateId = delivered.aggregateId();
        if (aggregateId == null) {
            return null;
        }
        if (last != delivered) {
            return json(aggregateId);
        }
        if (lastBefore == NOT_KEPT) {
            catchUp(aggregateId); // folded lazily: catching up keeps the state from before the last event
        }
        return json(lastBefore);
    }

    /**
     * The state JSON the aggregate of {@code e} would have once {@code e} is folded, without folding it
     * (what a stop before a delivery can show as "after"); null when the event names no aggregate.
     *
     * @throws ScriptException when the script's reducer fails on the event
     */
    String jsonAfter(Event e) {
        String id = e.aggregateId();
        if (id == null) {
            return null;
        }
        ScriptReducer r = e.aggregateType() == null ? null : scriptReducers.get(e.aggregateType());
        AggregateState now = state(id);
        AggregateState from = now != null ? now : AggregateState.initial(id, e.aggregateType());
        return json(from.next(e, r != null ? r : fallback));
    }

    private void catchUp(String id) {
        List<Event> todo = unfolded.remove(id);
        if (todo == null) {
            return;
        }
        AggregateState s = states.get(id);
        boolean keep = lastBefore == NOT_KEPT;
        for (Event e : todo) {
            if (keep && e == last) {
                lastBefore = s; // null: the aggregate did not exist before it
            }
            s = (s == null ? AggregateState.initial(id, e.aggregateType()) : s).next(e, fallback);
        }
        states.put(id, s);
    }
}
