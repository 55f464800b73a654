package eventlens.model.deadletter;

import eventlens.model.DeadLetter;
import eventlens.model.Event;
import eventlens.model.flow.CausalGraph;
import eventlens.model.flow.FlowLoader;
import eventlens.model.flow.FlowNode;
import eventlens.model.state.AggregateState;
import eventlens.model.state.StateAt;
import eventlens.model.store.ProjectStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Puts dead letters in context ({@link DeadLetterContext}). The causal path of an event the log holds
 * comes from its flow's {@link CausalGraph} (parent links up to the root); for an event seen only in
 * the dead-letter queue it follows {@code causationId} through the log as far as the log goes. The
 * aggregate state at failure comes from {@link StateAt#atTime}.
 */
public final class DeadLetterContexts {
    /** Longest causal path followed for an event outside the log (guards against cycles too). */
    private static final int MAX_PATH = 1000;

    private final ProjectStore store;
    private final FlowLoader flows;
    private final StateAt states;

    /** Contexts from an open project, with its flows and the standard reducers. */
    public DeadLetterContexts(ProjectStore store) {
        this(store, new FlowLoader(store), new StateAt(store));
    }

    /** Contexts from the given flow loader and state reader. */
    public DeadLetterContexts(ProjectStore store, FlowLoader flows, StateAt states) {
        this.store = store;
        this.flows = flows;
        this.states = states;
    }

    /** The context of one dead letter. */
    public DeadLetterContext of(DeadLetter d) {
        Optional<Event> logged = d.eventId() == null ? Optional.empty() : store.event(d.eventId());
        Event event = logged.orElseGet(() -> EmbeddedEvent.read(d.event(), d.eventId(), d.origin()).orElse(null));
        Instant failedAt = d.lastFailure() != null ? d.lastFailure()
                : d.firstFailure() != null ? d.firstFailure() : event == null ? null : event.time();
        if (event == null) {
            return new DeadLetterContext(d, null, false, List.of(), null, failedAt, Optional.empty());
        }
        List<Event> path = logged.isPresent() ? pathInFlow(event) : pathThroughLog(event);
        String correlation = event.correlationId() != null ? event.correlationId()
                : path.isEmpty() ? null : path.get(0).id();
        Optional<AggregateState> state = event.aggregateId() == null || failedAt == null ? Optional.empty()
                : states.atTime(event.aggregateId(), failedAt);
        return new DeadLetterContext(d, event, logged.isPresent(), path, correlation, failedAt, state);
    }

    private List<Event> pathInFlow(Event event) {
        Optional<CausalGraph> graph = flows.byEvent(event.id());
        Optional<FlowNode> node = graph.flatMap(g -> g.node(event.id()));
        if (node.isEmpty()) {
            return List.of(event);
        }
        List<Event> path = new ArrayList<>();
        FlowNode at = node.get();
        while (true) {
            path.add(at.event());
            if (at.isRoot() || path.size() > MAX_PATH) {
                break;
            }
            at = graph.get().node(at.parent());
        }
        Collections.reverse(path);
        return path;
    }

    private List<Event> pathThroughLog(Event event) {
        List<Event> path = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        path.add(event);
        seen.add(event.id());
        String cause = event.causationId();
        while (cause != null && seen.add(cause) && path.size() < MAX_PATH) {
            Optional<Event> parent = store.event(cause);
            if (parent.isEmpty()) {
                break;
            }
            path.add(parent.get());
            cause = parent.get().causationId();
        }
        Collections.reverse(path);
        return path;
    }
}
