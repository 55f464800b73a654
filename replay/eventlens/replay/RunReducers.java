package eventlens.replay;

import com.fasterxml.jackson.databind.JsonNode;
import eventlens.model.Event;
import eventlens.model.state.MergePatchReducer;
import eventlens.model.state.Reducer;
import eventlens.model.state.ReducerId;
import eventlens.model.state.Reducers;
import eventlens.replay.script.ReplayScript;
import eventlens.replay.script.ScriptHost;
import eventlens.replay.script.ScriptLimits;
import eventlens.replay.script.ScriptException;
import eventlens.replay.script.ScriptRuntime;
import eventlens.replay.script.Upcast;
import java.time.Instant;
import java.util.List;
import eventlens.replay.script.ScriptEngine;

/**
 * The reducers a script registered with {@code reduce(type, fn)}, as time-travel {@link Reducers}
 * (merge-patch for the other types), so that {@code StateAt} can rebuild recorded aggregates the way a
 * run would, upcasters included. The script is loaded in its own sandboxed context, apart from any session: folding history
 * never disturbs a run. Handlers are loaded but never called; {@code ctx} does nothing here. One
 * context is used from one thread at a time, so every call is serialised.
 */
public final class RunReducers implements AutoCloseable {
    private final ScriptRuntime runtime;
    private final List<String> types;
    private final Reducers reducers;

    private RunReducers(ScriptRuntime runtime) {
        this.runtime = runtime;
        this.types = runtime.reducerTypes();
        boolean upcasts = !runtime.upcasters().isEmpty();
        ReplayScript script = runtime.script();
        Reducers all = !upcasts ? Reducers.standard() : Reducers.of(new Serialised(new Upcasting(new MergePatchReducer(),
                new ReducerId("merge-patch+upcast:" + script.name(), script.version()), runtime), this));
        for (String type : types) {
            Reducer r = runtime.reducer(type).orElseThrow();
            all = all.with(type, new Serialised(upcasts ? new Upcasting(r, r.id(), runtime) : r, this));
        }
        this.reducers = all;
    }

    /**
     * Loads the reducers of {@code script}.
     *
     * @throws eventlens.replay.script.ScriptException when the script does not load
     */
    public static RunReducers load(ScriptEngine engine, ReplayScript script, ScriptLimits limits) {
        return new RunReducers(new ScriptRuntime(engine, script, limits, new Inert(), 0));
    }

    /** The aggregate types the script reduces, in registration order (empty: it defines no reducer). */
    public List<String> types() {
        return types;
    }

    /**
     * True when the script changes how recorded aggregates fold: it registers a reducer or an upcaster
     * (whose events every reducer, merge-patch included, then sees as upcast).
     */
    public boolean rebuilds() {
        return runtime.foldsAggregates();
    }

    /**
     * The registry: the script's reducer for its types, merge-patch for the rest; when the script has
     * upcasters, every reducer folds the events as they upcast them (an event they fail on fails the fold
     * with their error, as a reducer's own failure does).
     */
    public Reducers reducers() {
        return reducers;
    }

    @Override
    public synchronized void close() {
        runtime.close();
    }

    private record Serialised(Reducer reducer, Object lock) implements Reducer {
        @Override
        public ReducerId id() {
            return reducer.id();
        }

        @Override
        public JsonNode apply(JsonNode state, Event event) {
            synchronized (lock) {
                return reducer.apply(state, event);
            }
        }
    }

    /** A reducer that folds events as the script's upcasters shape them. */
    private record Upcasting(Reducer reducer, ReducerId id, ScriptRuntime runtime) implements Reducer {
        @Override
        public JsonNode apply(JsonNode state, Event event) {
            Upcast u = runtime.upcast(event);
            if (u.error() != null) {
                throw new ScriptException(u.error());
            }
            return reducer.apply(state, u.event());
        }
    }

    /** {@code ctx} outside a run: reducers are pure, handlers are never called. */
    private static final class Inert implements ScriptHost {
        @Override
        public void publish(Event cause, String handler, String type, String dataJson, String optionsJson) {
        }

        @Override
        public String state(String aggregateId) {
            return null;
        }

        @Override
        public void log(Event cause, String handler, String text) {
        }

        @Override
        public Instant now() {
            return Instant.EPOCH;
        }
    }
}
