package eventlens.model.state;

import eventlens.model.Event;
import eventlens.model.store.AggregateCursor;
import eventlens.model.store.AggregateStore;
import eventlens.model.store.ProjectStore;
import eventlens.model.store.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * An aggregate's state at a version, at a time, or now; and its history step by step.
 *
 * <p>History order ("fold order") is version order, events without a version first, ties (duplicate
 * versions) broken by import position. The state <b>at version N</b> folds every event up to the first
 * one with a version above N. The state <b>at time T</b> folds the events up to the first one whose
 * time is after T (an event without a time never stops the fold): when times agree with versions that
 * is "every event with time ≤ T"; when they do not (an {@code OUT_OF_ORDER} anomaly) it is the longest
 * prefix of the history that lies at or before T. Before the first event the state is the initial one
 * (empty data, event count 0).
 *
 * <p>Each request seeks from the nearest stored snapshot at or before the target (see
 * {@link Snapshots}) and folds at most about {@link Snapshots#DEFAULT_EVERY} events, so its cost does
 * not grow with the length of the history. Safe to use from one background thread while the GUI
 * reads the same project; one instance per thread is the simple rule.
 */
public final class StateAt {
    private static final int PAGE = 128;

    private final AggregateStore store;
    private final Reducers reducers;
    private final Snapshots snapshots;

    /** Over a project with the standard reducers and snapshots every {@link Snapshots#DEFAULT_EVERY} events. */
    public StateAt(ProjectStore project) {
        this(new AggregateStore(project), Reducers.standard());
    }

    /** With these reducers and snapshots every {@link Snapshots#DEFAULT_EVERY} events. */
    public StateAt(AggregateStore store, Reducers reducers) {
        this(store, reducers, new Snapshots(store));
    }

    /** With these reducers and snapshots. */
    public StateAt(AggregateStore store, Reducers reducers, Snapshots snapshots) {
        this.store = store;
        this.reducers = reducers;
        this.snapshots = snapshots;
    }

    /** The store this reads. */
    public AggregateStore store() {
        return store;
    }

    /** The reducer that folds this aggregate (by the type of its first event); empty when it is unknown. */
    public Optional<Reducer> reducerOf(String aggregateId) {
        return store.first(aggregateId).map(e -> reducers.forType(e.aggregateType()));
    }

    /** The state after the whole history; empty when no event has this aggregate id. */
    public Optional<AggregateState> latest(String aggregateId) {
        return seek(aggregateId, key -> store.latestSnapshot(aggregateId, key), e -> false);
    }

    /** The state at version {@code version}; empty when the aggregate is unknown. */
    public Optional<AggregateState> atVersion(String aggregateId, long version) {
        return seek(aggregateId, key -> store.snapshotAtVersion(aggregateId, key, version),
                e -> e.version() != null && e.version() > version);
    }

    /** The state at time {@code time}; empty when the aggregate is unknown. */
    public Optional<AggregateState> atTime(String aggregateId, Instant time) {
        return seek(aggregateId, key -> store.snapshotAtTime(aggregateId, key, time),
                e -> e.time() != null && e.time().isAfter(time));
    }

    /**
     * Up to {@code limit} steps of the history after {@code after} ({@link AggregateCursor#START} for
     * the beginning), each with the states before and after its event; continue with
     * {@code AggregateCursor.after(lastStep.event())}.
     */
    public List<HistoryStep> history(String aggregateId, AggregateCursor after, int limit) {
        Optional<Event> first = store.first(aggregateId);
        if (first.isEmpty() || limit <= 0) {
            return List.of();
        }
        Reducer reducer = reducers.forType(first.get().aggregateType());
        AggregateState state = after.version() == null && after.position() == 0
                ? AggregateState.initial(aggregateId, first.get().aggregateType())
                : stateAfter(aggregateId, after, first.get(), reducer);
        List<HistoryStep> steps = new ArrayList<>();
        for (Event e : store.events(aggregateId, after, limit)) {
            AggregateState next = state.next(e, reducer);
            steps.add(new HistoryStep(e, state, next));
            state = next;
        }
        return steps;
    }

    private AggregateState stateAfter(String aggregateId, AggregateCursor cursor, Event first, Reducer reducer) {
        Optional<Snapshot> snapshot = cursor.version() != null && snapshots.ensure(aggregateId, reducer)
                ? store.snapshotAtVersion(aggregateId, reducer.id().key(), cursor.version() - 1)
                : Optional.empty();
        return fold(aggregateId, first, reducer, snapshot, e -> isAfter(e, cursor));
    }

    private static boolean isAfter(Event e, AggregateCursor c) {
        if (c.version() == null) {
            return e.version() != null || e.position() > c.position();
        }
        return e.version() != null && (e.version() > c.version()
                || e.version().equals(c.version()) && e.position() > c.position());
    }

    private Optional<AggregateState> seek(String aggregateId, SnapshotFinder finder, Predicate<Event> stop) {
        Optional<Event> first = store.first(aggregateId);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        Reducer reducer = reducers.forType(first.get().aggregateType());
        Optional<Snapshot> snapshot = snapshots.ensure(aggregateId, reducer)
                ? finder.find(reducer.id().key()) : Optional.empty();
        return Optional.of(fold(aggregateId, first.get(), reducer, snapshot, stop));
    }

    private AggregateState fold(String aggregateId, Event first, Reducer reducer, Optional<Snapshot> snapshot,
                                Predicate<Event> stop) {
        AggregateState state = snapshot.map(s -> AggregateState.fromText(s.state()))
                .orElseGet(() -> AggregateState.initial(aggregateId, first.aggregateType()));
        AggregateCursor cursor = snapshot.map(Snapshot::cursor).orElse(AggregateCursor.START);
        while (true) {
            List<Event> page = store.events(aggregateId, cursor, PAGE);
            for (Event e : page) {
                if (stop.test(e)) {
                    return state;
                }
                state = state.next(e, reducer);
            }
            if (page.size() < PAGE) {
                return state;
            }
            cursor = AggregateCursor.after(page.get(page.size() - 1));
        }
    }

    @FunctionalInterface
    private interface SnapshotFinder {
        Optional<Snapshot> find(String reducerKey);
    }
}
