package eventlens.model.flow.shape;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Folds flows, one at a time, into a {@link FlowShape}. Memory grows with the number of distinct steps,
 * edges and variants, not with the number of flows: latencies go into a {@link LatencySketch} per edge and
 * at most {@link #EXAMPLES} correlation ids are kept per edge and per variant.
 */
public final class ShapeBuilder {
    /** How many correlation ids an edge or a variant keeps to list its flows. */
    public static final int EXAMPLES = 1000;

    private final String rootType;
    private final Map<String, long[]> stepFlows = new LinkedHashMap<>();
    private final Map<String, EdgeTally> edges = new HashMap<>();
    private final Map<String, VariantTally> variants = new HashMap<>();
    private final Set<String> seenInFlow = new HashSet<>();
    private long flows;

    /** A builder for the shape of this root type. */
    public ShapeBuilder(String rootType) {
        this.rootType = rootType;
    }

    /** Adds one flow. */
    public void add(FlowSteps flow) {
        flows++;
        for (String step : flow.steps()) {
            stepFlows.computeIfAbsent(step, k -> new long[1])[0]++;
        }
        seenInFlow.clear();
        for (FlowSteps.Hop hop : flow.hops()) {
            String edge = hop.edge();
            EdgeTally tally = edges.computeIfAbsent(edge, k -> new EdgeTally());
            tally.hops++;
            if (hop.inferred()) {
                tally.inferred++;
            }
            if (hop.latencyMicros() != null) {
                tally.latencies.add(hop.latencyMicros());
            }
            if (seenInFlow.add(edge)) {
                tally.flows++;
                example(tally.examples, flow.correlationId());
            }
        }
        VariantTally v = variants.computeIfAbsent(flow.variant(), k -> new VariantTally(flow));
        v.flows++;
        example(v.examples, flow.correlationId());
    }

    /** Number of flows added so far. */
    public long flows() {
        return flows;
    }

    /** The shape of the flows added so far. */
    public FlowShape build() {
        List<String> order = new ArrayList<>(stepFlows.keySet());
        List<FlowShape.Step> steps = new ArrayList<>();
        for (String type : order) {
            long n = stepFlows.get(type)[0];
            steps.add(new FlowShape.Step(type, n, share(n)));
        }
        steps.sort(Comparator.comparingLong(FlowShape.Step::flows).reversed()); // stable: first seen first
        List<FlowShape.Edge> edgeList = new ArrayList<>();
        edges.forEach((key, t) -> {
            String[] types = FlowSteps.edgeTypes(key);
            edgeList.add(new FlowShape.Edge(types[0], types[1], t.hops, t.flows, t.inferred,
                    t.latencies.percentile(0.5), t.latencies.percentile(0.95), t.examples));
        });
        edgeList.sort(Comparator.comparingLong(FlowShape.Edge::hops).reversed()
                .thenComparing(FlowShape.Edge::from).thenComparing(FlowShape.Edge::to));
        List<Map.Entry<String, VariantTally>> ranked = new ArrayList<>(variants.entrySet());
        ranked.sort(Comparator.comparingLong((Map.Entry<String, VariantTally> e) -> e.getValue().flows).reversed()
                .thenComparing(Map.Entry::getKey));
        List<FlowShape.Variant> variantList = new ArrayList<>();
        for (Map.Entry<String, VariantTally> e : ranked) {
            VariantTally t = e.getValue();
            variantList.add(new FlowShape.Variant(variantList.size() + 1, e.getKey(), t.steps, t.links, t.flows,
                    share(t.flows), t.examples));
        }
        return new FlowShape(rootType, flows, steps, edgeList, variantList);
    }

    private double share(long n) {
        return flows == 0 ? 0 : (double) n / flows;
    }

    private static void example(List<String> examples, String correlationId) {
        if (examples.size() < EXAMPLES) {
            examples.add(correlationId);
        }
    }

    private static final class EdgeTally {
        final LatencySketch latencies = new LatencySketch();
        final List<String> examples = new ArrayList<>();
        long hops;
        long flows;
        long inferred;
    }

    private static final class VariantTally {
        final List<String> steps;
        final List<FlowShape.Link> links;
        final List<String> examples = new ArrayList<>();
        long flows;

        VariantTally(FlowSteps first) {
            steps = first.steps();
            links = first.hops().stream().map(FlowSteps.Hop::edge).distinct().sorted()
                    .map(FlowSteps::edgeTypes).map(t -> new FlowShape.Link(t[0], t[1])).toList();
        }
    }
}
