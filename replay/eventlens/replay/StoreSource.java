package eventlens.replay;

import eventlens.model.Event;
import eventlens.model.query.EventQuery;
import eventlens.model.store.ProjectStore;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A project's slice, a page at a time. */
final class StoreSource implements EventSource, EventSource.Recall {
    private static final int PAGE = 2000;
    private final ProjectStore store;
    private final EventQuery query;

    StoreSource(ProjectStore store, EventQuery query) {
        this.store = store;
        this.query = query;
    }

    @Override
    public Iterator<Event> open() {
        return new StorePages(store, query);
    }

    @Override
    public long[] positions() {
        return store.positions(query);
    }

    @Override
    public EventSource.Recall recall() {
        return this;
    }

    @Override
    public boolean idsMayRepeat() {
        return false;
    }

    @Override
    public long keyOf(Event e, long ordinal) {
        return e.position();
    }

    @Override
    public List<EventSource.Keyed> aggregateEvents(String aggregateId, long afterKey, long uptoKey) {
        // The slice's aggregate filter depends on the aggregate id alone: decide it once, then ask for this
        // aggregate only. A wildcard in the id itself only widens the answer, so the exact id is checked.
        if (!query.aggregates().isEmpty() && query.aggregates().stream().noneMatch(p -> glob(p, aggregateId))) {
            return List.of();
        }
        EventQuery q = query.withOnlyAggregate(aggregateId);
        List<EventSource.Keyed> out = new ArrayList<>();
        long after = afterKey;
        while (after < uptoKey) {
            List<Event> page = store.events(q, after, PAGE);
            for (Event e : page) {
                if (e.position() > uptoKey) {
                    return out;
                }
                if (aggregateId.equals(e.aggregateId())) {
                    out.add(new EventSource.Keyed(e.position(), e));
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).position();
        }
        return out;
    }
    /** SQLite's GLOB, as the store filters aggregate ids: {@code *}, {@code ?} and {@code [...]} classes. */
    static boolean glob(String pattern, String text) {
        if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
            return pattern.equals(text);
        }
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            int close = c == '[' ? pattern.indexOf(']', i + 2) : -1;
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else if (close > 0) {
                String set = pattern.substring(i + 1, close);
                boolean negated = set.startsWith("^");
                String body = (negated ? set.substring(1) : set).replace("\\", "\\\\").replace("[", "\\[")
                        .replace("]", "\\]").replace("&", "\\&");
                re.append('[').append(negated ? "^" : "").append(body).append(']');
                i = close;
            } else {
                re.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return text.matches(re.toString());
    }

}
