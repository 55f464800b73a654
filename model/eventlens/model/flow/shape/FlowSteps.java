package eventlens.model.flow.shape;

import eventlens.model.flow.CausalGraph;
import eventlens.model.flow.FlowNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One flow reduced to what its shape is made of (docs/decisions/0041-flow-shapes.md): its steps (event
 * types), its hops (type → type, from the causal tree) and its variant.
 *
 * <p>A hop is a causation edge of the {@link CausalGraph}: cause's type → effect's type, with the
 * effect's latency. An event without a cause inside the flow other than its first root (a second root,
 * an orphan, a cut cycle) has no causal predecessor; it is joined by an {@linkplain Hop#inferred()
 * inferred} hop to the event just before it in time order, so that no step floats free. The variant is
 * the set of distinct hops (type pairs), sorted: it ignores how often a hop repeats and in which order
 * concurrent branches happened to finish, which would otherwise split one kind of flow into many.
 *
 * @param correlationId the flow's correlation id (or its first root's id when it has none)
 * @param rootType the type of its first root
 * @param steps each type once, in the time order of its first event
 * @param eventsByType the ids of the events of each type, in time order
 * @param hops every hop, in the effects' time order
 * @param variant the variant's key: its distinct hops, sorted
 */
public record FlowSteps(String correlationId, String rootType, List<String> steps,
        Map<String, List<String>> eventsByType, List<Hop> hops, String variant) {
    /** The step name of events without a type. */
    public static final String NO_TYPE = "(no type)";

    /**
     * One hop of a flow.
     *
     * @param from the cause's type
     * @param to the effect's type
     * @param latencyMicros effect time minus cause time, or null when a time is unknown
     * @param effectId the id of the effect
     * @param inferred true when joined by time order, not by causation
     */
    public record Hop(String from, String to, Long latencyMicros, String effectId, boolean inferred) {
        /** The hop's edge key. */
        public String edge() {
            return edgeKey(from, to);
        }
    }

    public FlowSteps {
        steps = List.copyOf(steps);
        hops = List.copyOf(hops);
    }

    /** The key of the edge {@code from → to} (types joined by a character no type contains). */
    static String edgeKey(String from, String to) {
        return from + '\u0001' + to;
    }

    /** The two types of an edge key. */
    static String[] edgeTypes(String key) {
        int cut = key.indexOf('\u0001');
        return new String[] {key.substring(0, cut), key.substring(cut + 1)};
    }

    /** The steps, hops and variant of a flow's causal graph. */
    public static FlowSteps of(CausalGraph graph) {
        List<FlowNode> nodes = graph.nodes();
        Map<String, List<String>> byType = new LinkedHashMap<>();
        for (FlowNode n : nodes) {
            byType.computeIfAbsent(type(n), k -> new ArrayList<>(2)).add(n.id());
        }
        byType.replaceAll((k, v) -> List.copyOf(v));
        Map<String, List<String>> events = java.util.Collections.unmodifiableMap(byType);
        List<Hop> hops = new ArrayList<>(nodes.size());
        int firstRoot = graph.roots().isEmpty() ? -1 : graph.roots().get(0);
        for (FlowNode n : nodes) {
            if (!n.isRoot()) {
                hops.add(new Hop(type(graph.node(n.parent())), type(n), n.latencyMicros(), n.id(), false));
            } else if (n.index() != firstRoot && n.index() > 0) {
                FlowNode before = graph.node(n.index() - 1);
                Long latency = n.event().time() == null || before.event().time() == null ? null
                        : java.time.temporal.ChronoUnit.MICROS.between(before.event().time(), n.event().time());
                hops.add(new Hop(type(before), type(n), latency, n.id(), true));
            }
        }
        TreeSet<String> distinct = new TreeSet<>();
        for (Hop h : hops) {
            distinct.add(h.edge());
        }
        String rootType = firstRoot < 0 ? NO_TYPE : type(graph.node(firstRoot));
        String correlation = nodes.isEmpty() ? "" : nodes.get(firstRoot < 0 ? 0 : firstRoot).event().correlationId();
        if (correlation == null) {
            correlation = nodes.get(firstRoot < 0 ? 0 : firstRoot).id();
        }
        return new FlowSteps(correlation, rootType, new ArrayList<>(byType.keySet()), events, hops,
                rootType + '\u0002' + String.join("\u0002", distinct));
    }

    private static String type(FlowNode n) {
        return n.type() == null ? NO_TYPE : n.type();
    }

}
