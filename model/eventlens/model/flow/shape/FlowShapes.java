package eventlens.model.flow.shape;

import eventlens.model.flow.CausalGraph;
import eventlens.model.flow.FlowList;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The shapes of a project's flows: every flow of a root type streamed from the store in one ordered scan
 * ({@link FlowList#forEachFlowOf}), built into its {@link CausalGraph} (the same tree the flow view draws,
 * without trace-context joins, as in the flow list), reduced to its {@link FlowSteps} and folded into a
 * {@link ShapeBuilder}. One flow's events are in memory at a time.
 */
public final class FlowShapes {
    private final FlowList list;

    /** Shapes read through this flow list (which the caller closes). */
    public FlowShapes(FlowList list) {
        this.list = list;
    }

    /** The shape of the flows whose root type is {@code rootType} (no flows: an empty shape). */
    public FlowShape of(String rootType) {
        return of(rootType, () -> false);
    }

    /**
     * The shape of the flows whose root type is {@code rootType}; throws {@link CancellationException}
     * soon after {@code cancelled} turns true.
     */
    public FlowShape of(String rootType, BooleanSupplier cancelled) {
        ShapeBuilder builder = new ShapeBuilder(rootType);
        list.forEachFlowOf(rootType, (correlation, events) -> {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("shape of " + rootType + " cancelled");
            }
            builder.add(FlowSteps.of(CausalGraph.build(events)));
        });
        return builder.build();
    }

    /** A flow against the typical flow of its root type. */
    public FlowComparison withTypical(CausalGraph flow) {
        FlowSteps steps = FlowSteps.of(flow);
        return FlowComparison.withTypical(steps, of(steps.rootType()));
    }

    /** A flow against another, slow hops judged by the p95 of the first flow's root type. */
    public FlowComparison withFlow(CausalGraph flow, CausalGraph other) {
        FlowSteps steps = FlowSteps.of(flow);
        return FlowComparison.withFlow(steps, FlowSteps.of(other), of(steps.rootType()));
    }
}
