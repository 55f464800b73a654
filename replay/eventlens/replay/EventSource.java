package eventlens.replay;

import eventlens.model.Event;
import eventlens.model.query.EventQuery;
import eventlens.model.store.ProjectStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

/**
 * The recorded events of a slice, in log order; opened again from the start on every (re)start of a run.
 * A run keeps no copy of what it delivered: it finds an aggregate's events again through {@link #recall()}
 * when a state is read (see {@link AggregateStates}), so its memory does not grow with the slice.
 */
public interface EventSource {
    /** The events from the first, in log order. */
    Iterator<Event> open();

    /** Finds delivered events again. */
    Recall recall();

    /** True when the same id may come twice (a list may repeat ids; a project keeps one row per id). */
    boolean idsMayRepeat();

    /** All of them in a list (roots mode needs the whole slice to find roots and recorded children). */
    default List<Event> all() {
        List<Event> out = new ArrayList<>();
        open().forEachRemaining(out::add);
        return out;
    }

    /** The log positions of the events, in order, for a scrubber's scale; a project reads only the positions. */
    default long[] positions() {
        java.util.stream.LongStream.Builder out = java.util.stream.LongStream.builder();
        open().forEachRemaining(e -> out.add(e.position()));
        return out.build().toArray();
    }

    /** A fixed list (tests, benchmarks, the roots of roots mode): keys are indexes in the list. */
    static EventSource of(List<Event> events) {
        return new ListSource(List.copyOf(events));
    }

    /** The events of {@code store} matching {@code query}, read page by page: keys are log positions. */
    static EventSource of(ProjectStore store, EventQuery query) {
        return new StoreSource(Objects.requireNonNull(store, "store"), Objects.requireNonNull(query, "query"));
    }

    /** Delivered events found again by the key {@link #keyOf} gave them; keys grow in delivery order. */
    interface Recall {
        /** The key of the {@code ordinal}-th event (0-based) {@link #open()} returned. */
        long keyOf(Event e, long ordinal);

        /** The events naming {@code aggregateId} with keys in {@code (afterKey, uptoKey]}, in key order. */
        List<Keyed> aggregateEvents(String aggregateId, long afterKey, long uptoKey);
    }

    /** An event and its key. */
    record Keyed(long key, Event event) {
    }
}
