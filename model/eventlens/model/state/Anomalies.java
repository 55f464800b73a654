package eventlens.model.state;

import eventlens.model.Event;
import eventlens.model.store.AggregateCursor;
import eventlens.model.store.AggregateStore;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the anomalies of one aggregate's history, fed its events in fold order (version, events
 * without a version first, then position; see {@link AggregateCursor}).
 *
 * <p>The rules, each comparing an event with the previous versioned one:
 * <ul>
 *   <li>{@code DUPLICATE_VERSION}: the same version again;</li>
 *   <li>{@code VERSION_GAP}: a version more than one above the previous (the first version may be anything);</li>
 *   <li>{@code OUT_OF_ORDER}: a higher version with a lower position (imported earlier) or an earlier time;</li>
 *   <li>{@code AFTER_DELETION}: any event after a deletion, i.e. an event whose type ends with
 *       {@code Deleted} or {@code Closed} in camel case ({@code AccountClosed}), or with {@code deleted} or
 *       {@code closed} after a separator {@code . _ - : /} or space, in any case ({@code order.deleted},
 *       {@code ACCOUNT_CLOSED}), or is exactly one of those words;</li>
 *   <li>{@code MISSING_VERSION}: an event without a version when others have one; {@code UNVERSIONED}
 *       once when none has.</li>
 * </ul>
 * Not thread-safe: one instance per walk.
 */
public final class Anomalies {
    private static final Pattern DELETION = Pattern.compile(
            "(.*[a-z0-9])?(Deleted|Closed)|(.*[._:/ -])?(?i:deleted|closed)");
    private static final int PAGE = 1000;

    private final List<HistoryAnomaly> found = new ArrayList<>();
    private final List<Event> unversioned = new ArrayList<>();
    private Event previous;
    private Event deletion;
    private long versioned;

    /** Walks one aggregate's whole history in the store and returns its anomalies. */
    public static List<HistoryAnomaly> of(AggregateStore store, String aggregateId) {
        Anomalies walk = new Anomalies();
        AggregateCursor cursor = AggregateCursor.START;
        while (true) {
            List<Event> page = store.events(aggregateId, cursor, PAGE);
            page.forEach(walk::accept);
            if (page.size() < PAGE) {
                return walk.result();
            }
            cursor = AggregateCursor.after(page.get(page.size() - 1));
        }
    }

    /** The anomalies of a history given in fold order. */
    public static List<HistoryAnomaly> of(List<Event> history) {
        Anomalies walk = new Anomalies();
        history.forEach(walk::accept);
        return walk.result();
    }

    /** True when an event of this type deletes or closes its aggregate (the rule above). */
    public static boolean isDeletion(String type) {
        return type != null && DELETION.matcher(type).matches();
    }

    /** Takes the next event in fold order. */
    public void accept(Event e) {
        if (deletion != null) {
            found.add(new HistoryAnomaly(HistoryAnomaly.Kind.AFTER_DELETION, e.position(), e.id(), e.version(),
                    e.type() + " after " + deletion.type() + " at position " + deletion.position()));
        } else if (isDeletion(e.type())) {
            deletion = e;
        }
        if (e.version() == null) {
            unversioned.add(e);
            return;
        }
        versioned++;
        Event p = previous;
        previous = e;
        if (p == null) {
            return;
        }
        long v = e.version();
        if (v == p.version()) {
            found.add(new HistoryAnomaly(HistoryAnomaly.Kind.DUPLICATE_VERSION, e.position(), e.id(), v, "version " + v
                    + " also at position " + p.position() + " (optimistic concurrency violation)"));
            return;
        }
        if (v > p.version() + 1) {
            found.add(new HistoryAnomaly(HistoryAnomaly.Kind.VERSION_GAP, e.position(), e.id(), v, v - p.version() - 1 == 1
                    ? "version " + (p.version() + 1) + " missing"
                    : "versions " + (p.version() + 1) + ".." + (v - 1) + " missing"));
        }
        List<String> order = new ArrayList<>();
        if (e.position() < p.position()) {
            order.add("imported before version " + p.version() + " (position " + p.position() + ")");
        }
        if (e.time() != null && p.time() != null && e.time().isBefore(p.time())) {
            order.add("timed " + e.time() + ", before version " + p.version() + " at " + p.time());
        }
        if (!order.isEmpty()) {
            found.add(new HistoryAnomaly(HistoryAnomaly.Kind.OUT_OF_ORDER, e.position(), e.id(), v, String.join("; ", order)));
        }
    }

    /** The anomalies found so far: events without a version first, then the rest in fold order. */
    public List<HistoryAnomaly> result() {
        List<HistoryAnomaly> out = new ArrayList<>();
        if (versioned == 0 && !unversioned.isEmpty()) {
            out.add(new HistoryAnomaly(HistoryAnomaly.Kind.UNVERSIONED, 0, null, null,
                    "no event has a version; folded in import order"));
        } else {
            for (Event e : unversioned) {
                out.add(new HistoryAnomaly(HistoryAnomaly.Kind.MISSING_VERSION, e.position(), e.id(), null,
                        e.type() + " has no version; folded before the versioned events"));
            }
        }
        out.addAll(found);
        return out;
    }
}
