package eventlens.app.flows;

import eventlens.model.Event;
import eventlens.model.flow.CausalGraph;
import eventlens.model.flow.FlowFacts;
import eventlens.model.flow.FlowNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The events a replay run published, added to a recorded flow as a distinct branch: each published
 * event inherits the correlation of the event it handled and names it as its cause, so building the
 * graph from the recorded events plus the run's events of that correlation hangs them under their
 * causes. Immutable; {@link #NONE} adds nothing.
 *
 * @param runId         the run's number (0: none)
 * @param byCorrelation published events per correlation id, in publishing order
 */
record ReplayBranch(long runId, Map<String, List<Event>> byCorrelation) {
    static final ReplayBranch NONE = new ReplayBranch(0, Map.of());

    ReplayBranch {
        Map<String, List<Event>> copy = new LinkedHashMap<>();
        byCorrelation.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        byCorrelation = Map.copyOf(copy);
    }

    /** The branch of run {@code runId} with the events it published. */
    static ReplayBranch of(long runId, List<Event> published) {
        Map<String, List<Event>> by = new HashMap<>();
        for (Event e : published) {
            if (e.correlationId() != null) {
                by.computeIfAbsent(e.correlationId(), k -> new ArrayList<>()).add(e);
            }
        }
        return new ReplayBranch(runId, by);
    }

    /** The flow to show: the recorded graph alone, or with this run's published events of its correlation. */
    LoadedFlow apply(String title, CausalGraph recorded) {
        List<Event> added = title == null ? List.of() : byCorrelation.getOrDefault(title, List.of());
        if (added.isEmpty()) {
            return LoadedFlow.of(title, recorded);
        }
        List<Event> events = new ArrayList<>();
        Map<String, Integer> deliveries = new HashMap<>();
        Set<String> conflicting = new HashSet<>();
        Set<String> deadLettered = new HashSet<>();
        for (FlowNode n : recorded.nodes()) {
            events.addAll(recorded.copies(n.id()));
            if (n.deliveries() > 1) {
                deliveries.put(n.id(), n.deliveries());
            }
            if (n.conflicting()) {
                conflicting.add(n.id());
            }
            if (n.deadLettered()) {
                deadLettered.add(n.id());
            }
        }
        // Published events carry no log position (0); numbered after the recorded ones, they sort after
        // their causes at equal times, so the recorded lanes stay first in the timeline. The detail pane
        // shows them without it again (LoadedFlow#shown).
        long next = events.stream().mapToLong(Event::position).max().orElse(0) + 1;
        for (Event e : added) {
            events.add(e.withPosition(next++));
        }
        FlowFacts facts = new FlowFacts(deliveries, conflicting, deadLettered, recorded.stats().truncated());
        Set<String> ids = new HashSet<>();
        added.forEach(e -> ids.add(e.id()));
        return LoadedFlow.of(title, CausalGraph.build(events, facts), runId, ids);
    }

    /** Published events of this correlation. */
    /** The published event with this id, if the run published it (its flow is its correlation's). */
    Optional<Event> published(String eventId) {
        return byCorrelation.values().stream().flatMap(List::stream).filter(e -> e.id().equals(eventId)).findFirst();
    }

    int countFor(String correlationId) {
        return correlationId == null ? 0 : byCorrelation.getOrDefault(correlationId, List.of()).size();
    }
}
