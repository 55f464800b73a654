package eventlens.replay;

import eventlens.model.Event;
import eventlens.model.query.EventQuery;
import eventlens.model.store.ProjectStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** The recorded events of a slice, in log order; opened again from the start on every (re)start of a run. */
@FunctionalInterface
public interface EventSource {
    /** The events from the first, in log order. */
    Iterator<Event> open();

    /** All of them in a list (roots mode needs the whole slice to find roots and recorded children). */
    default List<Event> all() {
        List<Event> out = new ArrayList<>();
        open().forEachRemaining(out::add);
        return out;
    }

    /** A fixed list (tests, benchmarks). */
    static EventSource of(List<Event> events) {
        List<Event> copy = List.copyOf(events);
        return copy::iterator;
    }

    /** The events of {@code store} matching {@code query}, read page by page. */
    static EventSource of(ProjectStore store, EventQuery query) {
        return () -> new Iterator<>() {
            private static final int PAGE = 2000;
            private List<Event> page = List.of();
            private int next;
            private long after;
            private boolean last;

            @Override
            public boolean hasNext() {
                if (next < page.size()) {
                    return true;
                }
                if (last) {
                    return false;
                }
                page = store.events(query, after, PAGE);
                next = 0;
                last = page.size() < PAGE;
                if (!page.isEmpty()) {
                    after = page.get(page.size() - 1).position();
                }
                return !page.isEmpty();
            }

            @Override
            public Event next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.get(next++);
            }
        };
    }
}
