package eventlens.replay.script;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.state.Reducer;
import eventlens.model.state.ReducerId;

/**
 * A reducer registered by {@code reduce(aggregateType, (state, event) => newState)}: a time-travel
 * {@link Reducer} whose version is the script's hash, so snapshots of an older script are never used.
 * Throws {@link ScriptException} when the script function fails.
 */
public final class ScriptReducer implements Reducer {
    private final ScriptRuntime runtime;
    private final int index;
    private final ReducerId id;

    ScriptReducer(ScriptRuntime runtime, int index, String aggregateType) {
        this.runtime = runtime;
        this.index = index;
        this.id = new ReducerId("script:" + runtime.script().name() + ":" + aggregateType, runtime.script().version());
    }

    @Override
    public ReducerId id() {
        return id;
    }

    @Override
    public JsonNode apply(JsonNode state, Event event) {
        return Json.parseOrMissing(runtime.reduce(index, Json.write(state), event));
    }
}
