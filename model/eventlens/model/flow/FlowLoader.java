package eventlens.model.flow;

import eventlens.model.Event;
import eventlens.model.TraceContext;
import eventlens.model.WorkflowLinks;
import eventlens.model.query.EventQuery;
import eventlens.model.store.ProjectStore;
import eventlens.model.store.TraceLinks;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds {@link CausalGraph}s from a project: the flow of a correlation id, the flow of one event,
 * or a time slice. Loading is bounded: above {@link #maxEvents()} it stops and the graph says
 * {@link FlowStats#truncated()}, so a runaway flow can never exhaust memory.
 *
 * <p>A correlation is loaded together with the flows joined to it through W3C trace context
 * (docs/decisions/0021-traceparent-joins-flows.md): the traces its events' {@code traceparent}s point
 * into (a trace's correlation is its trace id), and, when it is a trace, the flows of the messages
 * whose {@code traceparent} points into it — and through Temporal child workflows
 * (docs/decisions/0026-temporal-runs-join-flows.md): the run of a child's parent, and the runs of a
 * parent's children ({@link WorkflowLinks}) — transitively, breadth first, at most
 * {@link #MAX_JOINED_FLOWS} flows. So a business flow and the trace it ran in, or a workflow and its
 * child workflows, are one graph, whichever id it is opened by.
 */
public final class FlowLoader {
    /**
     * The default bound on events per flow. Loaded events carry their bodies (raw text, data,
     * metadata: about 1–2 KB each in memory), so 250,000 stays within the 1 GB heap the design
     * allows; raise it per loader for a bigger heap.
     */
    public static final int DEFAULT_MAX_EVENTS = 250_000;
    /**
     * At most this many flows (the one asked for included) are loaded as one graph: a flow that sent a
     * message in every trace of the project must not pull the whole project in.
     */
    public static final int MAX_JOINED_FLOWS = 16;
    private static final int PAGE = 5_000;
    private static final int BATCH = 500;

    private final ProjectStore store;
    private final int maxEvents;

    /** A loader with the {@linkplain #DEFAULT_MAX_EVENTS default bound}. */
    public FlowLoader(ProjectStore store) {
        this(store, DEFAULT_MAX_EVENTS);
    }

    /** A loader that stops after {@code maxEvents} events per flow. */
    public FlowLoader(ProjectStore store, int maxEvents) {
        if (maxEvents < 1) {
            throw new IllegalArgumentException("maxEvents must be at least 1");
        }
        this.store = store;
        this.maxEvents = maxEvents;
    }

    /** The bound on events per flow. */
    public int maxEvents() {
        return maxEvents;
    }

    /**
     * The flow an id names: the correlation with that id when there is one (a 64-bit trace id in either
     * spelling, see {@link TraceContext#traceIdForms}), else the flow of the event with that id; empty
     * when the id is neither.
     */
    public Optional<CausalGraph> load(String id) {
        for (String correlation : TraceContext.traceIdForms(id)) {
            if (store.count(EventQuery.correlation(correlation)) > 0) {
                return Optional.of(byCorrelation(correlation));
            }
        }
        return byEvent(id);
    }

    /**
     * Every event of one correlation id and of the flows joined to it through trace context (an empty
     * graph when there is none); {@link CausalGraph#joinedFlows()} lists the flows loaded.
     */
    public CausalGraph byCorrelation(String correlationId) {
        List<String> flows = new ArrayList<>();
        Set<String> seen = new HashSet<>(List.of(correlationId));
        Deque<String> pending = new ArrayDeque<>(List.of(correlationId));
        Map<String, Event> events = new LinkedHashMap<>();
        Set<String> uncorrelated = new LinkedHashSet<>();
        boolean truncated = false;
        boolean more = false;
        try (TraceLinks links = new TraceLinks(store)) {
            while (!pending.isEmpty() && !truncated) {
                String flow = pending.poll();
                if (!flows.isEmpty() && store.count(EventQuery.correlation(flow)) == 0) {
                    continue; // a trace id no imported span carries, or the other spelling of one
                }
                if (flows.size() >= MAX_JOINED_FLOWS) {
                    more = true;
                    break;
                }
                Loaded loaded = collect(EventQuery.correlation(flow), maxEvents - events.size());
                truncated = loaded.truncated;
                if (loaded.events.isEmpty()) {
                    if (flows.isEmpty()) {
                        flows.add(flow); // no such correlation: an empty graph
                    }
                    break;
                }
                flows.add(flow);
                loaded.events.forEach(e -> events.putIfAbsent(e.id(), e));
                Set<String> joined = new LinkedHashSet<>();
                Set<String> otherRuns = new LinkedHashSet<>();
                for (Event e : loaded.events) {
                    TraceContext.of(e).ifPresent(t -> joined.addAll(TraceContext.traceIdForms(t.traceId())));
                    WorkflowLinks.parentEvent(e).ifPresent(otherRuns::add);
                    WorkflowLinks.childStart(e).ifPresent(otherRuns::add);
                }
                otherRuns.removeAll(events.keySet());
                for (Event run : byIds(otherRuns)) { // a parent's or a child's run, when it is imported
                    if (run.correlationId() != null && !run.correlationId().isEmpty()) {
                        joined.add(run.correlationId());
                    }
                }
                for (TraceLinks.TraceLink l : links.into(TraceContext.traceIdForms(flow), maxEvents)) {
                    if (l.correlationId() == null || l.correlationId().isEmpty()) {
                        uncorrelated.add(l.eventId());
                    } else {
                        joined.add(l.correlationId());
                    }
                }
                for (String next : joined) {
                    if (seen.add(next)) {
                        pending.add(next);
                    }
                }
            }
        }
        uncorrelated.removeAll(events.keySet());
        for (Event e : byIds(uncorrelated)) {
            if (events.size() >= maxEvents) {
                truncated = true;
                break;
            }
            events.putIfAbsent(e.id(), e);
        }
        return graph(new Loaded(new ArrayList<>(events.values()), truncated), flows, more);
    }

    /**
     * The whole flow of one event: its correlation when it has one, else the flow of the trace its
     * {@code traceparent} points into when that trace is imported, else the connected component of its
     * causation links followed both ways (causes and effects, breadth first, through the causation
     * index). Empty when the project has no such event.
     */
    public Optional<CausalGraph> byEvent(String eventId) {
        Optional<Event> event = store.event(eventId);
        if (event.isEmpty()) {
            return Optional.empty();
        }
        String correlation = event.get().correlationId();
        if (correlation != null && !correlation.isEmpty()) {
            return Optional.of(byCorrelation(correlation));
        }
        // A message without a correlation sent inside a span: the trace's flow, which takes it in.
        Optional<TraceContext> context = TraceContext.of(event.get());
        if (context.isPresent()) {
            for (String trace : TraceContext.traceIdForms(context.get().traceId())) {
                if (store.count(EventQuery.correlation(trace)) > 0) {
                    return Optional.of(byCorrelation(trace));
                }
            }
        }
        return Optional.of(component(event.get()));
    }

    /** Every event stamped at or after {@code from} and before {@code to} (either may be null). */
    public CausalGraph between(Instant from, Instant to) {
        return graph(collect(EventQuery.ALL.between(from, to), maxEvents));
    }

    /** The first {@code limit} events of a query; truncated when there are more. */
    private Loaded collect(EventQuery query, int limit) {
        List<Event> out = new ArrayList<>();
        long after = 0;
        while (out.size() <= limit) {
            List<Event> page = store.events(query, after, Math.min(PAGE, limit + 1 - out.size()));
            out.addAll(page);
            if (page.isEmpty() || out.size() > limit) {
                break;
            }
            after = page.get(page.size() - 1).position();
        }
        boolean truncated = out.size() > limit;
        return new Loaded(truncated ? out.subList(0, limit) : out, truncated);
    }

    private CausalGraph component(Event start) {
        Map<String, Event> found = new LinkedHashMap<>();
        found.put(start.id(), start);
        Deque<Event> frontier = new ArrayDeque<>(List.of(start));
        boolean truncated = false;
        while (!frontier.isEmpty() && !truncated) {
            List<Event> wave = new ArrayList<>();
            while (!frontier.isEmpty() && wave.size() < BATCH) {
                wave.add(frontier.poll());
            }
            Set<String> ids = new HashSet<>();
            Set<String> causes = new HashSet<>();
            for (Event e : wave) {
                ids.add(e.id());
                if (e.causationId() != null && !found.containsKey(e.causationId())) {
                    causes.add(e.causationId());
                }
            }
            List<Event> next = new ArrayList<>(effects(ids));
            next.addAll(byIds(causes));
            for (Event e : next) {
                if (found.size() >= maxEvents) {
                    truncated = true;
                    break;
                }
                if (found.putIfAbsent(e.id(), e) == null) {
                    frontier.add(e);
                }
            }
        }
        return graph(new Loaded(new ArrayList<>(found.values()), truncated));
    }

    /** Events whose causation id is one of {@code ids} (checked exactly: the query may glob). */
    private List<Event> effects(Set<String> ids) {
        EventQuery q = EventQuery.ALL;
        for (String id : ids) {
            q = q.withCausation(id);
        }
        List<Event> out = new ArrayList<>();
        for (Event e : all(q)) {
            if (ids.contains(e.causationId())) {
                out.add(e);
            }
        }
        return out;
    }

    private List<Event> byIds(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        EventQuery q = new EventQuery(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.copyOf(ids), null, null, List.of(), List.of());
        List<Event> out = new ArrayList<>();
        for (Event e : all(q)) {
            if (ids.contains(e.id())) {
                out.add(e);
            }
        }
        return out;
    }

    private List<Event> all(EventQuery q) {
        List<Event> out = new ArrayList<>();
        long after = 0;
        while (out.size() <= maxEvents) {
            List<Event> page = store.events(q, after, PAGE);
            out.addAll(page);
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).position();
        }
        return out;
    }

    private CausalGraph graph(Loaded loaded) {
        return graph(loaded, List.of(), false);
    }

    private CausalGraph graph(Loaded loaded, List<String> flows, boolean moreFlows) {
        List<String> ids = new ArrayList<>(loaded.events.size());
        for (Event e : loaded.events) {
            ids.add(e.id());
        }
        Map<String, Integer> deliveries = new HashMap<>();
        Set<String> conflicting = new HashSet<>();
        store.deliveryCounts(ids).forEach((id, count) -> {
            deliveries.put(id, count.deliveries());
            if (count.conflicting()) {
                conflicting.add(id);
            }
        });
        return CausalGraph.build(loaded.events,
                new FlowFacts(deliveries, conflicting, store.deadLettered(ids), loaded.truncated, flows, moreFlows));
    }

    private record Loaded(List<Event> events, boolean truncated) {
    }
}
