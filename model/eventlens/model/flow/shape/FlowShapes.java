package eventlens.model.flow.shape;

import eventlens.model.flow.CausalGraph;
import eventlens.model.Event;
import eventlens.model.flow.FlowList;
import eventlens.model.store.FlowsTable;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * The shapes of a project's flows: every flow of a root type read whole from the store in one pass
 * ({@link FlowList#forEachFlowOf}: sequential while the unfinished flows fit {@link #MAX_BUFFERED}, else
 * ordered by correlation), built into its {@link CausalGraph} (the same tree the flow view draws,
 * without trace-context joins, as in the flow list), reduced to its {@link FlowSteps} and folded into a
 * {@link ShapeBuilder}. Memory is bounded by {@link #MAX_BUFFERED} events and the builder's bounds.
 */
public final class FlowShapes {
    /**
     * How many events of unfinished flows the fast, sequential read may hold (about 200 bytes each) before
     * it gives way to the ordered one.
     */
    public static final int MAX_BUFFERED = 500_000;

    private final FlowList list;
    private final int maxBuffered;

    /** Shapes read through this flow list (which the caller closes). */
    public FlowShapes(FlowList list) {
        this(list, MAX_BUFFERED);
    }

    /** Shapes read through this flow list, holding at most {@code maxBuffered} events of unfinished flows. */
    public FlowShapes(FlowList list, int maxBuffered) {
        this.list = list;
        this.maxBuffered = maxBuffered;
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
        ShapeBuilder[] builder = {new ShapeBuilder(rootType)};
        list.forEachFlowOf(rootType, maxBuffered, new FlowsTable.FlowVisitor() {
            @Override
            public void visit(String correlationId, List<Event> events) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("shape of " + rootType + " cancelled");
                }
                builder[0].add(FlowSteps.of(CausalGraph.build(events)));
            }

            @Override
            public void restart() {
                builder[0] = new ShapeBuilder(rootType);
            }
        });
        return builder[0].build();
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
