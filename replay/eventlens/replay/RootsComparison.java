package eventlens.replay;

import eventlens.model.Event;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Roots mode bookkeeping: which events of the slice are roots, the recorded children of each recorded
 * event, and the comparison of the children a run publishes with them (rule in {@link Divergence}).
 * A published child that matches a recorded one stands for it, so its own children are compared with
 * the recorded grandchildren, and so on down the tree.
 */
final class RootsComparison {
    private final List<Event> roots = new ArrayList<>();
    private final Map<String, List<Event>> recordedChildren = new HashMap<>();
    /** Delivered event id → the recorded event it stands for (roots: themselves). */
    private final Map<String, String> standsFor = new HashMap<>();
    private final Map<String, List<Event>> publishedChildren = new HashMap<>();
    private long matched;

    RootsComparison(List<Event> slice) {
        Set<String> ids = new HashSet<>();
        for (Event e : slice) {
            ids.add(e.id());
        }
        for (Event e : slice) {
            String cause = e.causationId();
            if (cause == null || cause.equals(e.id()) || !ids.contains(cause)) {
                roots.add(e);
                standsFor.put(e.id(), e.id());
            } else {
                recordedChildren.computeIfAbsent(cause, k -> new ArrayList<>()).add(e);
            }
        }
    }

    /** The roots in log order. */
    List<Event> roots() {
        return roots;
    }

    long matched() {
        return matched;
    }

    /** A handler published {@code child} while handling {@code cause}. */
    void published(Event cause, Event child) {
        publishedChildren.computeIfAbsent(cause.id(), k -> new ArrayList<>()).add(child);
    }

    /**
     * Every handler is done with {@code cause} (no retry pending): compares its published children with
     * the recorded children of the event it stands for.
     */
    List<Divergence> settle(Event cause, long delivery) {
        String recordedId = standsFor.get(cause.id());
        List<Event> published = publishedChildren.remove(cause.id());
        if (recordedId == null) {
            return List.of();
        }
        Map<String, List<Event>> recordedByType = byType(recordedChildren.getOrDefault(recordedId, List.of()));
        Map<String, List<Event>> publishedByType = byType(published == null ? List.of() : published);
        List<Divergence> out = new ArrayList<>();
        for (Map.Entry<String, List<Event>> r : recordedByType.entrySet()) {
            List<Event> p = publishedByType.getOrDefault(r.getKey(), List.of());
            for (int k = 0; k < r.getValue().size(); k++) {
                Event rec = r.getValue().get(k);
                if (k < p.size()) {
                    standsFor.put(p.get(k).id(), rec.id());
                    matched++;
                } else {
                    out.add(new Divergence(Divergence.Kind.MISSING, delivery, recordedId, rec.type(), rec.id(), null));
                }
            }
        }
        for (Map.Entry<String, List<Event>> p : publishedByType.entrySet()) {
            int recorded = recordedByType.getOrDefault(p.getKey(), List.of()).size();
            for (int k = recorded; k < p.getValue().size(); k++) {
                Event pub = p.getValue().get(k);
                out.add(new Divergence(Divergence.Kind.UNEXPECTED, delivery, recordedId, pub.type(), null, pub.id()));
            }
        }
        return out;
    }

    private static Map<String, List<Event>> byType(List<Event> events) {
        Map<String, List<Event>> m = new LinkedHashMap<>();
        for (Event e : events) {
            m.computeIfAbsent(String.valueOf(e.type()), k -> new ArrayList<>()).add(e);
        }
        return m;
    }
}
