package eventlens.model.flow;

import eventlens.model.Event;
import eventlens.model.Json;
import eventlens.model.TraceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The causal tree of one flow: who caused whom, how long each hop took, and what is wrong with it.
 *
 * <p>Built by {@link #build(List, FlowFacts)} from a list of events — a pure function, so it is tested
 * on hand-made lists; {@link FlowLoader} feeds it from a project. Nodes are in time order (unknown
 * times last), then import order. Each event has at most one parent, so the graph is a forest once
 * cycles are cut. The parent is the event its causation id names ({@link LinkKind#CAUSATION}, or
 * {@link LinkKind#PARENT_SPAN} when that event is a trace span); an event without a causation id whose
 * W3C trace context ({@link TraceContext}) names a span of the flow hangs under that span
 * ({@link LinkKind#TRACEPARENT}); a child workflow run's start without a causation id hangs under the
 * parent's event that initiated it ({@link LinkKind#CHILD_WORKFLOW}, {@link eventlens.model.WorkflowLinks}),
 * before trace context is tried. An event with a parent of its own keeps it, and
 * a span its trace context names is a secondary link ({@link #links()}), so a message with a business
 * cause still shows where in the trace it was sent:
 * <ul>
 *   <li>a <b>root</b> has no causation id; an <b>orphan</b> names a cause absent from the flow and is
 *       shown as a root, flagged, with the missing id kept for a placeholder;</li>
 *   <li>a <b>cycle</b> (including an event that causes itself) is cut at its earliest event, which
 *       becomes a root; every member is flagged. Nothing ever loops;</li>
 *   <li>an id seen more than once (in the list, or per {@link FlowFacts#deliveries()}) is one node with
 *       its delivery count; {@link #copies(String)} gives differing copies side by side;</li>
 *   <li>an effect stamped before its cause keeps its time; its latency is negative and flagged.</li>
 * </ul>
 * Thresholds: {@link #EXPLOSIVE_FAN_OUT} and {@link #TOO_DEEP}.
 */
public final class CausalGraph {
    /** An event with this many direct effects or more is flagged: such fan-outs hide everything else. */
    public static final int EXPLOSIVE_FAN_OUT = 50;
    /** A chain reaching this depth (root = 0) is flagged once, at its first node that deep. */
    public static final int TOO_DEEP = 20;
    /** Lane name for events without a source. */
    public static final String NO_SOURCE = "(no source)";

    private final List<FlowNode> nodes;
    private final Map<String, Integer> byId;
    private final List<Integer> roots;
    private final List<FlowEdge> edges;
    private final List<FlowEdge> links;
    private final Map<Integer, List<FlowEdge>> linksByEffect = new HashMap<>();
    private final List<Anomaly> anomalies;
    private final List<Integer> criticalPath;
    private final List<String> lanes;
    private final Map<String, List<Event>> copies;
    private final FlowStats stats;
    private final List<String> joinedFlows;
    private final boolean moreJoinedFlows;
    private final Set<LinkKind> joinedBy;

    CausalGraph(List<FlowNode> nodes, Map<String, Integer> byId, List<Integer> roots, List<FlowEdge> edges,
            List<FlowEdge> links, List<Anomaly> anomalies, List<Integer> criticalPath, List<String> lanes,
            Map<String, List<Event>> copies, FlowStats stats, FlowFacts facts) {
        this.nodes = nodes;
        this.byId = byId;
        this.roots = roots;
        this.edges = edges;
        this.links = links;
        for (FlowEdge l : links) {
            linksByEffect.computeIfAbsent(l.effect(), k -> new ArrayList<>(1)).add(l);
        }
        linksByEffect.replaceAll((k, v) -> List.copyOf(v));
        this.anomalies = anomalies;
        this.criticalPath = criticalPath;
        this.lanes = lanes;
        this.copies = copies;
        this.stats = stats;
        this.joinedFlows = facts.joinedFlows();
        this.moreJoinedFlows = facts.moreJoinedFlows();
        this.joinedBy = joinedBy(nodes, edges, links);
    }

    /** The kinds of the links whose two events have different correlation ids, in {@link LinkKind} order. */
    private static Set<LinkKind> joinedBy(List<FlowNode> nodes, List<FlowEdge> edges, List<FlowEdge> links) {
        EnumSet<LinkKind> kinds = EnumSet.noneOf(LinkKind.class);
        for (List<FlowEdge> list : List.of(edges, links)) {
            for (FlowEdge e : list) {
                if (e.kind() != null && !Objects.equals(nodes.get(e.cause()).event().correlationId(),
                        nodes.get(e.effect()).event().correlationId())) {
                    kinds.add(e.kind());
                }
            }
        }
        return Collections.unmodifiableSet(kinds);
    }

    /** The graph of these events, with no facts from a store. */
    public static CausalGraph build(List<Event> events) {
        return build(events, FlowFacts.NONE);
    }

    /** The graph of these events, with delivery counts, dead letters and truncation from the caller. */
    public static CausalGraph build(List<Event> events, FlowFacts facts) {
        return new GraphBuilder(events, facts).build();
    }

    /** Every node, in time order then import order. */
    public List<FlowNode> nodes() {
        return nodes;
    }

    /** The node at an index of {@link #nodes()}. */
    public FlowNode node(int index) {
        return nodes.get(index);
    }

    /** Number of distinct events. */
    public int size() {
        return nodes.size();
    }

    /** The node of an event id, if it is in the flow. */
    public Optional<FlowNode> node(String eventId) {
        Integer i = byId.get(eventId);
        return i == null ? Optional.empty() : Optional.of(nodes.get(i));
    }

    /** Indexes of the roots, in time order (orphans and cut cycles included). */
    public List<Integer> roots() {
        return roots;
    }

    /** Every drawn cause → effect link, in the effects' order. */
    public List<FlowEdge> edges() {
        return edges;
    }

    /**
     * The secondary links: a cause that is not the effect's parent — the span named by the
     * {@code traceparent} of an event that has a causation id of its own. In the effects' order; each
     * is {@link LinkKind#TRACEPARENT} for now. Not part of the tree (depth, critical path and fan-out
     * ignore them); a view draws them as a second, dashed edge or lists them in the detail pane.
     */
    public List<FlowEdge> links() {
        return links;
    }

    /** The secondary links of which this node is the effect (see {@link #links()}). */
    public List<FlowEdge> linksTo(int index) {
        return linksByEffect.getOrDefault(index, List.of());
    }

    /** Every anomaly, in node order. */
    public List<Anomaly> anomalies() {
        return anomalies;
    }

    /**
     * The chain root → leaf with the largest total latency (skew counts negative, unknown times 0), as
     * node indexes from the root. Ties go to the earliest leaf. Empty for an empty flow.
     */
    public List<Integer> criticalPath() {
        return criticalPath;
    }

    /** The distinct sources (services), in the order their first event appears; see {@link FlowNode#lane()}. */
    public List<String> lanes() {
        return lanes;
    }

    /**
     * Every distinct copy of an id seen more than once in the built list (first delivery first);
     * a single-element list otherwise. Copies that differ are the ones to show side by side.
     */
    public List<Event> copies(String eventId) {
        List<Event> c = copies.get(eventId);
        if (c != null) {
            return c;
        }
        return node(eventId).map(n -> List.of(n.event())).orElse(List.of());
    }

    /** Indexes of the failed events, in node order. */
    public List<Integer> failures() {
        List<Integer> out = new ArrayList<>();
        for (FlowNode n : nodes) {
            if (n.failed()) {
                out.add(n.index());
            }
        }
        return out;
    }

    /** Figures of the whole flow. */
    public FlowStats stats() {
        return stats;
    }

    /**
     * The flows (correlation ids) whose events this graph holds when it was loaded with the flows joined
     * to it through trace context: the one asked for first. Empty for a graph built from a plain list.
     */
    public List<String> joinedFlows() {
        return joinedFlows;
    }

    /**
     * How the flows of this graph are joined: the kinds of the links between events of different
     * correlations ({@link LinkKind#TRACEPARENT}, {@link LinkKind#CHILD_WORKFLOW}, …); empty for one flow.
     */
    public Set<LinkKind> joinedBy() {
        return joinedBy;
    }

    /** True when more flows are joined to these than the loader's bound let in. */
    public boolean moreJoinedFlows() {
        return moreJoinedFlows;
    }

    /** The time between two nodes in microseconds, or null when either time is unknown. */
    static Long micros(Instant from, Instant to) {
        return from == null || to == null ? null : ChronoUnit.MICROS.between(from, to);
    }

    /** Node order: time (unknown last), then import position, then id. */
    static final Comparator<Event> ORDER = Comparator
            .comparing(Event::time, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparingLong(Event::position)
            .thenComparing(Event::id);

    /** The work of {@link #build}: arrays first, records last. */
    private static final class GraphBuilder {
        private final FlowFacts facts;
        private final Event[] events;
        private final Map<String, Integer> byId;
        private final Map<String, List<Event>> copies = new LinkedHashMap<>();
        private final int[] listDeliveries;
        private final boolean[] listConflict;

        GraphBuilder(List<Event> input, FlowFacts facts) {
            this.facts = Objects.requireNonNull(facts, "facts");
            Map<String, Event> first = new LinkedHashMap<>(Math.max(16, input.size() * 2));
            Map<String, Integer> seen = new HashMap<>();
            Map<String, Boolean> conflict = new HashMap<>();
            for (Event e : input) {
                Event kept = first.putIfAbsent(e.id(), e);
                if (kept != null) {
                    seen.merge(e.id(), 1, Integer::sum);
                    List<Event> c = copies.computeIfAbsent(e.id(), k -> new ArrayList<>(List.of(kept)));
                    if (!sameContent(kept, e)) {
                        conflict.put(e.id(), true);
                        c.add(e);
                    }
                }
            }
            events = first.values().toArray(new Event[0]);
            Arrays.sort(events, ORDER);
            byId = new HashMap<>(Math.max(16, events.length * 2));
            listDeliveries = new int[events.length];
            listConflict = new boolean[events.length];
            for (int i = 0; i < events.length; i++) {
                byId.put(events[i].id(), i);
                listDeliveries[i] = 1 + seen.getOrDefault(events[i].id(), 0);
                listConflict[i] = conflict.getOrDefault(events[i].id(), false);
            }
            copies.replaceAll((k, v) -> List.copyOf(v));
        }

        private static boolean sameContent(Event a, Event b) {
            return Objects.equals(a.type(), b.type()) && Json.same(a.data(), b.data());
        }

        CausalGraph build() {
            int n = events.length;
            ParentLinks linked = ParentLinks.resolve(events, byId);
            int[] parent = linked.parent();
            String[] missing = linked.missing();
            List<Anomaly> cycleAnomalies = new ArrayList<>();
            boolean[] inCycle = new boolean[n];
            cutCycles(parent, inCycle, cycleAnomalies);
            int[] childCount = new int[n];
            for (int i = 0; i < n; i++) {
                if (parent[i] >= 0) {
                    childCount[parent[i]]++;
                }
            }
            int[][] children = new int[n][];
            for (int i = 0; i < n; i++) {
                children[i] = new int[childCount[i]];
                childCount[i] = 0;
            }
            List<Integer> roots = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                // i ascends in time order, so every children list comes out in time order.
                if (parent[i] >= 0) {
                    children[parent[i]][childCount[parent[i]]++] = i;
                } else {
                    roots.add(i);
                }
            }
            int[] depth = new int[n];
            long[] total = new long[n];
            int[] queue = new int[n];
            int head = 0;
            int tail = 0;
            for (int r : roots) {
                queue[tail++] = r;
            }
            while (head < tail) {
                int i = queue[head++];
                for (int c : children[i]) {
                    depth[c] = depth[i] + 1;
                    Long lat = micros(events[i].time(), events[c].time());
                    total[c] = total[i] + (lat == null ? 0 : lat);
                    queue[tail++] = c;
                }
            }
            return assemble(linked, children, depth, total, missing, inCycle,
                    cycleAnomalies, roots);
        }

        /** Finds every loop of parent links, cuts it at its earliest node and flags its members. */
        private void cutCycles(int[] parent, boolean[] inCycle, List<Anomaly> out) {
            int n = parent.length;
            byte[] state = new byte[n]; // 0 unvisited, 1 on the current walk, 2 done
            int[] walk = new int[n];
            for (int start = 0; start < n; start++) {
                if (state[start] != 0) {
                    continue;
                }
                int len = 0;
                int i = start;
                while (i >= 0 && state[i] == 0) {
                    state[i] = 1;
                    walk[len++] = i;
                    i = parent[i];
                }
                if (i >= 0 && state[i] == 1) {
                    int from = 0;
                    while (walk[from] != i) {
                        from++;
                    }
                    int cut = Integer.MAX_VALUE;
                    for (int k = from; k < len; k++) {
                        cut = Math.min(cut, walk[k]);
                        inCycle[walk[k]] = true;
                    }
                    int closer = parent[cut];
                    parent[cut] = -1;
                    String detail = len - from == 1 ? "event names itself as its cause"
                            : "causation loop of " + (len - from) + " events, cut before " + events[cut].id();
                    for (int k = from; k < len; k++) {
                        int member = walk[k];
                        out.add(new Anomaly(AnomalyKind.CYCLE, events[member].id(),
                                member == cut ? events[closer].id() : null, detail));
                    }
                }
                for (int k = 0; k < len; k++) {
                    state[walk[k]] = 2;
                }
            }
        }

        private CausalGraph assemble(ParentLinks linked, int[][] children, int[] depth, long[] total, String[] missing,
                boolean[] inCycle, List<Anomaly> cycleAnomalies, List<Integer> roots) {
            int n = events.length;
            int[] parent = linked.parent();
            Map<String, Integer> laneIndex = new LinkedHashMap<>();
            List<FlowNode> nodes = new ArrayList<>(n);
            List<FlowEdge> edges = new ArrayList<>(n);
            List<Anomaly> anomalies = new ArrayList<>();
            Map<String, List<Anomaly>> cycleById = new HashMap<>();
            Map<String, Boolean> failureType = new HashMap<>(); // types repeat; the check is text work
            for (Anomaly a : cycleAnomalies) {
                cycleById.computeIfAbsent(a.eventId(), k -> new ArrayList<>()).add(a);
            }
            int maxDepth = 0;
            int maxFanOut = 0;
            int failures = 0;
            Instant start = null;
            Instant end = null;
            for (int i = 0; i < n; i++) {
                Event e = events[i];
                EnumSet<AnomalyKind> kinds = EnumSet.noneOf(AnomalyKind.class);
                String source = e.source() == null || e.source().isEmpty() ? NO_SOURCE : e.source();
                int lane = laneIndex.computeIfAbsent(source, k -> laneIndex.size());
                Long latency = parent[i] < 0 ? null : micros(events[parent[i]].time(), e.time());
                if (parent[i] >= 0) {
                    edges.add(new FlowEdge(parent[i], i, latency, linked.kind()[i]));
                }
                if (missing[i] != null) {
                    kinds.add(AnomalyKind.ORPHAN);
                    anomalies.add(new Anomaly(AnomalyKind.ORPHAN, e.id(), missing[i],
                            "cause " + missing[i] + " is not in the flow"));
                }
                if (inCycle[i]) {
                    kinds.add(AnomalyKind.CYCLE);
                    anomalies.addAll(cycleById.getOrDefault(e.id(), List.of()));
                }
                int deliveries = Math.max(listDeliveries[i], facts.deliveries().getOrDefault(e.id(), 1));
                boolean conflicting = listConflict[i] || facts.conflicting().contains(e.id());
                if (deliveries > 1) {
                    AnomalyKind k = conflicting ? AnomalyKind.CONFLICTING_DUPLICATE : AnomalyKind.DUPLICATE;
                    kinds.add(k);
                    anomalies.add(new Anomaly(k, e.id(), null, "delivered " + deliveries + " times"
                            + (conflicting ? " with different contents" : "")));
                }
                if (latency != null && latency < 0) {
                    kinds.add(AnomalyKind.CLOCK_SKEW);
                    anomalies.add(new Anomaly(AnomalyKind.CLOCK_SKEW, e.id(), events[parent[i]].id(),
                            "effect stamped " + FlowText.duration(-latency) + " before its cause"));
                }
                if (children[i].length >= EXPLOSIVE_FAN_OUT) {
                    kinds.add(AnomalyKind.EXPLOSIVE_FAN_OUT);
                    anomalies.add(new Anomaly(AnomalyKind.EXPLOSIVE_FAN_OUT, e.id(), null,
                            children[i].length + " direct effects"));
                }
                if (depth[i] == TOO_DEEP) {
                    kinds.add(AnomalyKind.TOO_DEEP);
                    anomalies.add(new Anomaly(AnomalyKind.TOO_DEEP, e.id(), null,
                            "chain reaches depth " + TOO_DEEP));
                }
                boolean dead = facts.deadLettered().contains(e.id());
                boolean failed = dead || failureType.computeIfAbsent(String.valueOf(e.type()),
                        t -> FailureTypes.isFailure(e.type())) || FailureTypes.isFailedSpan(e.metadata());
                failures += failed ? 1 : 0;
                maxDepth = Math.max(maxDepth, depth[i]);
                maxFanOut = Math.max(maxFanOut, children[i].length);
                if (e.time() != null) {
                    start = start == null || e.time().isBefore(start) ? e.time() : start;
                    end = end == null || e.time().isAfter(end) ? e.time() : end;
                }
                nodes.add(new FlowNode(i, e, parent[i], new IntList(children[i]), depth[i], latency, lane,
                        deliveries, conflicting, failed, dead, missing[i], kinds, parent[i] < 0 ? null : linked.kind()[i]));
            }
            List<Integer> critical = criticalPath(parent, children, total);
            long criticalMicros = critical.isEmpty() ? 0 : total[critical.get(critical.size() - 1)];
            FlowStats stats = new FlowStats(n, roots.size(), maxDepth, maxFanOut, start, end, anomalies.size(),
                    failures, criticalMicros, facts.truncated());
            List<FlowEdge> links = new ArrayList<>(linked.secondary().size());
            for (int[] l : linked.secondary()) {
                links.add(new FlowEdge(l[0], l[1], micros(events[l[0]].time(), events[l[1]].time()),
                        LinkKind.TRACEPARENT));
            }
            return new CausalGraph(Collections.unmodifiableList(nodes), byId, List.copyOf(roots),
                    Collections.unmodifiableList(edges), List.copyOf(links), List.copyOf(anomalies), critical,
                    List.copyOf(laneIndex.keySet()), Map.copyOf(copies), stats, facts);
        }

        private static List<Integer> criticalPath(int[] parent, int[][] children, long[] total) {
            int best = -1;
            for (int i = 0; i < parent.length; i++) {
                if (children[i].length == 0 && (best < 0 || total[i] > total[best])) {
                    best = i;
                }
            }
            List<Integer> path = new ArrayList<>();
            for (int i = best; i >= 0; i = parent[i]) {
                path.add(i);
            }
            Collections.reverse(path);
            return List.copyOf(path);
        }
    }
}
