package eventlens.app.events;

import eventlens.model.Event;
import eventlens.model.query.EventQuery;
import eventlens.model.store.ProjectStore;
import java.util.List;

/** Where the events view reads from: counts and pages of a query. Called off the FX thread only. */
public interface EventPages {
    long count(EventQuery query);

    List<Event> page(EventQuery query, long offset, int limit);

    static EventPages of(ProjectStore store) {
        return new EventPages() {
            @Override
            public long count(EventQuery query) {
                return store.count(query);
            }

            @Override
            public List<Event> page(EventQuery query, long offset, int limit) {
                return store.page(query, offset, limit);
            }
        };
    }
}
