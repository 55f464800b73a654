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
        if (r == null) {
            unfolded.computeIfAbsent(id, k -> new ArrayList<>()).add(e);
            return;
        }
        catchUp(id);
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
        AggregateState s = state(aggregateId);
        return s == null ? null : Json.write(s.data());
    }

    private void catchUp(String id) {
        List<Event> todo = unfolded.remove(id);
        if (todo == null) {
            return;
        }
        AggregateState s = states.getOrDefault(id, AggregateState.initial(id, todo.get(0).aggregateType()));
        for (Event e : todo) {
            s = s.next(e, fallback);
        }
        states.put(id, s);
    }
}
