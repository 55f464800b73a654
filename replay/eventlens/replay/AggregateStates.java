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
 *
 * <p>Memory: a lazily folded recorded event is not kept. The run remembers only the key of the last
 * recorded event delivered (its watermark) and, per aggregate it has built, the key it is folded up to;
 * reading a state finds the aggregate's recorded events since then in {@link RecentFolds} or, once they
 * left that window, through the source's {@link EventSource.Recall} (one indexed query). Published events
 * are few (a run budget bounds them) and are kept until their aggregate is read, with the watermark they
 * were delivered at, which orders them among the recorded ones. So a run over ten million events that never
 * reads a state holds no state at all.
 */
final class AggregateStates {
    private static final long NO_KEY = -1;
    private static final int RECENT = 8192;
    private final Reducer fallback;
    private final EventSource.Recall recall;
    private final Map<String, Built> states = new HashMap<>();
    private final Map<String, List<PublishedFold>> publishedWaiting = new HashMap<>();
    /** Every published event folded so far, by aggregate: what {@link #stateAt} merges with the recorded ones. */
    private final Map<String, List<PublishedFold>> publishedOf = new HashMap<>();
    private final Map<String, ScriptReducer> scriptReducers = new HashMap<>();
    private final RecentFolds recent = new RecentFolds(RECENT);
    private long watermark = NO_KEY;
    /** The last event folded (its key, {@link #NO_KEY} when published), and the state of its aggregate before it. */
    private Event last;
    private long lastKey = NO_KEY;
    private AggregateState lastBefore;
    private static final AggregateState NOT_KEPT = AggregateState.initial("", null);

    AggregateStates(ScriptRuntime runtime, Reducer fallback, EventSource.Recall recall) {
        this.fallback = fallback;
        this.recall = recall;
        for (String type : runtime.reducerTypes()) {
            runtime.reducer(type).ifPresent(r -> scriptReducers.put(type, r));
        }
    }

    /** Receives a reducer failure. */
    interface FailureSink {
        void failed(Event event, String aggregateType, ScriptError error);
    }

    /** A state and the recorded key it is folded up to. */
    private static final class Built {
        AggregateState state;
        long foldedUpTo = NO_KEY;
    }

    /**
     * A published event delivered at {@code step}, to be folded after the recorded events up to {@code watermark}.
     */
    private record PublishedFold(long watermark, long step, Event event) {
    }

    /** A recorded event delivered for the first time, with the key its source gave it. */
    void foldRecorded(Event e, long key, FailureSink sink) {
        watermark = key;
        fold(e, 0, key, sink);
    }

    /** A published event delivered for the first time, at {@code step}. */
    void foldPublished(Event e, long step, FailureSink sink) {
        if (e.aggregateId() != null) {
            publishedOf.computeIfAbsent(e.aggregateId(), k -> new ArrayList<>()).add(new PublishedFold(watermark, step, e));
        }
        fold(e, step, NO_KEY, sink);
    }

    /** The key of the last recorded event folded (or delivered): where a state at this moment stops among the recorded ones. */
    long watermark() {
        return watermark;
    }

    private void fold(Event e, long step, long key, FailureSink sink) {
        String id = e.aggregateId();
        if (id == null) {
            return;
        }
        ScriptReducer r = scriptReducer(e);
        last = e;
        lastKey = key;
        if (r == null) {
            if (key == NO_KEY) {
                publishedWaiting.computeIfAbsent(id, k -> new ArrayList<>()).add(new PublishedFold(watermark, step, e));
            } else {
                recent.add(key, e);
            }
            lastBefore = NOT_KEPT;
            return;
        }
        Built b = catchUp(id);
        lastBefore = b.state;
        AggregateState before = b.state != null ? b.state : AggregateState.initial(id, e.aggregateType());
        try {
            b.state = before.next(e, r);
        } catch (ScriptException ex) {
            sink.failed(e, e.aggregateType(), ex.error());
        }
    }

    private ScriptReducer scriptReducer(Event e) {
        return e.aggregateType() == null ? null : scriptReducers.get(e.aggregateType());
    }

    AggregateState state(String aggregateId) {
        return catchUp(aggregateId).state;
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
        ScriptReducer r = scriptReducer(e);
        AggregateState now = state(id);
        AggregateState from = now != null ? now : AggregateState.initial(id, e.aggregateType());
        return json(from.next(e, r != null ? r : fallback));
    }

    /**
     * The state of an aggregate as it was right after step {@code step}, when the last recorded event delivered was
     * the one with key {@code watermarkThen} (decision 0054): its recorded events up to that key from the source, and
     * the published events delivered up to that step, folded in delivery order from nothing. Script reducers are
     * called again (a reducer is a function of its state and event); a failure leaves the state as it was, as the
     * step did. Null where the aggregate did not exist yet.
     */
    AggregateState stateAt(String id, long watermarkThen, long step) {
        List<EventSource.Keyed> recorded = watermarkThen == NO_KEY ? List.of() : recall.aggregateEvents(id, NO_KEY, watermarkThen);
        List<PublishedFold> published = publishedOf.getOrDefault(id, List.of()).stream().filter(f -> f.step() <= step).toList();
        AggregateState[] state = {null};
        merge(recorded, published, (e, key) -> {
            ScriptReducer r = scriptReducer(e);
            AggregateState from = state[0] != null ? state[0] : AggregateState.initial(id, e.aggregateType());
            try {
                state[0] = from.next(e, r != null ? r : fallback);
            } catch (ScriptException ex) {
                // reported at the step that folded it
            }
        });
        return state[0];
    }

    /** {@link #stateAt} as JSON, or null. */
    String jsonAt(String id, long watermarkThen, long step) {
        return json(stateAt(id, watermarkThen, step));
    }

    /** Folds what the aggregate was delivered since it was last built, recorded and published in delivery order. */
    private Built catchUp(String id) {
        Built b = states.computeIfAbsent(id, k -> new Built());
        List<PublishedFold> published = publishedWaiting.remove(id);
        if (b.foldedUpTo >= watermark && published == null) {
            return b;
        }
        List<EventSource.Keyed> recorded = b.foldedUpTo >= watermark ? List.of()
                : recent.covers(id, b.foldedUpTo) ? recent.eventsOf(id, b.foldedUpTo)
                : recall.aggregateEvents(id, b.foldedUpTo, watermark);
        merge(recorded, published == null ? List.of() : published, (e, key) -> {
            if (key == NO_KEY || scriptReducer(e) == null) { // a script reducer folded its recorded events already
                b.state = foldLazily(b.state, id, e, key);
            }
        });
        b.foldedUpTo = watermark;
        return b;
    }

    /** Receives the events of {@link #merge} in delivery order, with their keys ({@link #NO_KEY}: published). */
    private interface Folding {
        void fold(Event e, long key);
    }

    /** Recorded and published events of one aggregate in delivery order: a published one after the recorded ones up to its watermark. */
    private static void merge(List<EventSource.Keyed> recorded, List<PublishedFold> published, Folding folding) {
        int p = 0;
        for (EventSource.Keyed k : recorded) {
            for (; p < published.size() && published.get(p).watermark() < k.key(); p++) {
                folding.fold(published.get(p).event(), NO_KEY);
            }
            folding.fold(k.event(), k.key());
        }
        for (; p < published.size(); p++) {
            folding.fold(published.get(p).event(), NO_KEY);
        }
    }

    private AggregateState foldLazily(AggregateState s, String id, Event e, long key) {
        if (lastBefore == NOT_KEPT && (key == NO_KEY ? e == last : key == lastKey)) {
            lastBefore = s; // null: the aggregate did not exist before it
        }
        return (s == null ? AggregateState.initial(id, e.aggregateType()) : s).next(e, fallback);
    }
}
