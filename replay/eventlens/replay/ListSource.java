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

/** A list in memory. */
final class ListSource implements EventSource, EventSource.Recall {
    private final List<Event> events;
    private Map<String, List<Integer>> byAggregate;

    ListSource(List<Event> events) {
        this.events = events;
    }

    @Override
    public Iterator<Event> open() {
        return events.iterator();
    }

    @Override
    public EventSource.Recall recall() {
        return this;
    }

    @Override
    public boolean idsMayRepeat() {
        return true;
    }

    @Override
    public List<Event> all() {
        return events;
    }

    @Override
    public long keyOf(Event e, long ordinal) {
        return ordinal;
    }

    @Override
    public synchronized List<EventSource.Keyed> aggregateEvents(String aggregateId, long afterKey, long uptoKey) {
        if (byAggregate == null) {
            byAggregate = new HashMap<>();
            for (int i = 0; i < events.size(); i++) {
                String a = events.get(i).aggregateId();
                if (a != null) {
                    byAggregate.computeIfAbsent(a, k -> new ArrayList<>()).add(i);
                }
            }
        }
        List<EventSource.Keyed> out = new ArrayList<>();
        for (int i : byAggregate.getOrDefault(aggregateId, List.of())) {
            if (i > afterKey && i <= uptoKey) {
                out.add(new EventSource.Keyed(i, events.get(i)));
            }
        }
        return out;
    }
}

