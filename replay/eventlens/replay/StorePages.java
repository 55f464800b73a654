package eventlens.replay;

import eventlens.model.Event;
import eventlens.model.query.EventQuery;
import eventlens.model.store.ProjectStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/** Keyset pages of a query. */
final class StorePages implements Iterator<Event> {
    private static final int PAGE = 2000;
    private final ProjectStore store;
    private final EventQuery query;
    private List<Event> page = List.of();
    private int next;
    private long after;
    private boolean last;

    StorePages(ProjectStore store, EventQuery query) {
        this.store = store;
        this.query = query;
    }

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
}
