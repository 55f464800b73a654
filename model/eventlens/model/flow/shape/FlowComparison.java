package eventlens.model.flow.shape;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One flow set against a reference — the typical flow of its root type (the most frequent variant of its
 * {@link FlowShape}) or another flow: the steps it missed, the steps it took that the reference does not
 * have, and its hops slower than the 95th percentile of their edge over all flows of the root type.
 *
 * @param flow the flow compared
 * @param reference what it is compared with: "typical" or the other flow's correlation id
 * @param variant the flow's own variant in the shape (null when the shape does not have it)
 * @param typical the typical variant (null when the shape has no flows)
 * @param missed steps of the reference absent from the flow, in the reference's order
 * @param extra steps of the flow absent from the reference, in the flow's order, with its event ids
 * @param slow hops of the flow slower than their edge's p95, in the flow's order
 */
public record FlowComparison(FlowSteps flow, String reference, FlowShape.Variant variant, FlowShape.Variant typical,
        List<Missed> missed, List<Extra> extra, List<SlowHop> slow) {
    /** The {@link #reference()} of a comparison with the typical flow. */
    public static final String TYPICAL = "typical";

    /**
     * A step the flow did not take.
     *
     * @param type the step
     * @param reach share of the root type's flows that reach it (0 when the shape does not have it)
     */
    public record Missed(String type, double reach) {
    }

    /**
     * A step the reference does not take.
     *
     * @param type the step
     * @param eventIds the flow's events of that type
     * @param reach share of the root type's flows that reach it (0 when the shape does not have it)
     */
    public record Extra(String type, List<String> eventIds, double reach) {
    }

    /**
     * A hop slower than usual.
     *
     * @param hop the flow's hop
     * @param p50Micros the edge's median over the root type's flows
     * @param p95Micros the edge's 95th percentile over the root type's flows
     * @param referenceMicros the same edge's latency in the reference: the other flow's first such hop, or
     *     the edge's median for the typical flow (null when the reference does not take it)
     */
    public record SlowHop(FlowSteps.Hop hop, long p50Micros, long p95Micros, Long referenceMicros) {
    }

    public FlowComparison {
        missed = List.copyOf(missed);
        extra = List.copyOf(extra);
        slow = List.copyOf(slow);
    }

    /** True when the flow took exactly the reference's steps and no hop was slower than p95. */
    public boolean same() {
        return missed.isEmpty() && extra.isEmpty() && slow.isEmpty();
    }

    /** The flow against the typical flow of {@code shape} (the shape of its root type). */
    public static FlowComparison withTypical(FlowSteps flow, FlowShape shape) {
        FlowShape.Variant typical = shape.typical().orElse(null);
        List<String> steps = typical == null ? List.of() : typical.steps();
        Set<String> typicalEdges = new LinkedHashSet<>();
        if (typical != null) {
            typical.links().forEach(l -> typicalEdges.add(FlowSteps.edgeKey(l.from(), l.to())));
        }
        return compare(flow, TYPICAL, steps, shape, hop -> typicalEdges.contains(hop.edge())
                ? shape.edge(hop.from(), hop.to()).map(FlowShape.Edge::p50Micros).orElse(null) : null);
    }

    /** The flow against another flow, with the p95 of each edge from {@code shape} (the flow's root type). */
    public static FlowComparison withFlow(FlowSteps flow, FlowSteps other, FlowShape shape) {
        return compare(flow, other.correlationId(), other.steps(), shape, hop -> other.hops().stream()
                .filter(h -> h.edge().equals(hop.edge()) && h.latencyMicros() != null)
                .map(FlowSteps.Hop::latencyMicros).findFirst().orElse(null));
    }

    private static FlowComparison compare(FlowSteps flow, String reference, List<String> referenceSteps,
            FlowShape shape, java.util.function.Function<FlowSteps.Hop, Long> referenceLatency) {
        Set<String> mine = new LinkedHashSet<>(flow.steps());
        Set<String> theirs = new LinkedHashSet<>(referenceSteps);
        List<Missed> missed = new ArrayList<>();
        for (String type : theirs) {
            if (!mine.contains(type)) {
                missed.add(new Missed(type, reach(shape, type)));
            }
        }
        List<Extra> extra = new ArrayList<>();
        Map<String, List<String>> events = flow.eventsByType();
        for (String type : mine) {
            if (!theirs.contains(type)) {
                extra.add(new Extra(type, events.getOrDefault(type, List.of()), reach(shape, type)));
            }
        }
        List<SlowHop> slow = new ArrayList<>();
        for (FlowSteps.Hop hop : flow.hops()) {
            FlowShape.Edge edge = hop.latencyMicros() == null ? null : shape.edge(hop.from(), hop.to()).orElse(null);
            if (edge != null && edge.p95Micros() != null && hop.latencyMicros() > edge.p95Micros()) {
                slow.add(new SlowHop(hop, edge.p50Micros(), edge.p95Micros(), referenceLatency.apply(hop)));
            }
        }
        return new FlowComparison(flow, reference, shape.variant(flow.variant()).orElse(null),
                shape.typical().orElse(null), missed, extra, slow);
    }

    private static double reach(FlowShape shape, String type) {
        return shape.step(type).map(FlowShape.Step::reach).orElse(0.0);
    }
}
