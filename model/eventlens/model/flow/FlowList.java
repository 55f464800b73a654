package eventlens.model.flow;

import eventlens.model.Event;
import eventlens.model.store.FlowsTable;
import eventlens.model.store.ProjectStore;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flow list of a project: every correlation with its root type, event count, start, duration,
 * depth, anomaly count and failure count — filtered, sorted and paged by the store.
 *
 * <p>The figures live in the store's {@code flows} table ({@link FlowsTable}), derived from the events
 * and brought up to date when the project has changed since it was last built (see
 * docs/decisions/0006-flow-list.md); this class says what the figures of a correlation are (its
 * {@link CausalGraph}'s roots and {@link FlowStats}). Events without a correlation id are not listed
 * here; their flows are reached through an event ({@link FlowLoader#byEvent(String)}).
 */
public final class FlowList implements AutoCloseable {
    private final FlowsTable table;

    /** The flow list of an open project. Close it when done. */
    public FlowList(ProjectStore store) {
        this.table = new FlowsTable(store, FlowList::figures);
    }

    /**
     * Rebuilds the {@code flows} table when the project changed since it was built; a no-op (one small
     * query) otherwise. Returns true when it rebuilt.
     */
    public boolean refresh() {
        return table.refresh();
    }

    /** Builds the whole {@code flows} table again, whether or not the project changed. */
    public void rebuild() {
        table.rebuildAll();
    }

    /** Number of flows the filter selects (refreshing first when stale). */
    public long count(FlowFilter filter) {
        return table.count(selection(filter));
    }

    /**
     * The flows the filter selects at row indexes {@code [offset, offset+limit)} in the given order
     * (ties broken by correlation id), refreshing first when stale.
     */
    public List<FlowSummary> page(FlowFilter filter, FlowSort sort, boolean descending, long offset, int limit) {
        return table.page(selection(filter), column(sort), descending, offset, limit).stream()
                .map(f -> new FlowSummary(f.correlationId(), f.rootType(), f.events(), f.start(), f.duration(),
                        f.depth(), f.anomalies(), f.failures()))
                .toList();
    }

    /**
     * The row index of a flow in {@link #page}'s order for this filter and sort, or -1 when the filter does
     * not select it (so that a flow shown from another view can be selected in the list).
     */
    public long indexOf(FlowFilter filter, FlowSort sort, boolean descending, String correlationId) {
        return table.indexOf(selection(filter), column(sort), descending, correlationId);
    }

    /** The root types of the flows with how many flows each has, most flows first. */
    public Map<String, Long> rootTypes() {
        return table.rootTypes();
    }

    /**
     * Hands every flow whose root type is {@code rootType} to {@code visitor} as its events in position
     * order, one whole flow at a time, holding at most {@code maxBuffered} events of unfinished flows (see
     * {@link FlowsTable#forEachFlowOf}); the number of flows visited.
     */
    public long forEachFlowOf(String rootType, int maxBuffered, FlowsTable.FlowVisitor visitor) {
        return table.forEachFlowOf(rootType, maxBuffered, visitor);
    }

    @Override
    public void close() {
        table.close();
    }

    /** A correlation's figures: its graph's first root, size, span, depth, anomalies and failures. */
    static FlowsTable.Figures figures(String correlationId, List<Event> events, Map<String, Integer> deliveries,
            Set<String> conflicting, Set<String> deadLettered) {
        CausalGraph g = CausalGraph.build(events, new FlowFacts(deliveries, conflicting, deadLettered, false));
        FlowStats st = g.stats();
        return new FlowsTable.Figures(correlationId, g.roots().isEmpty() ? null : g.node(g.roots().get(0)).type(),
                st.events(), st.start(), st.duration(), st.maxDepth(), st.anomalies(), st.failures());
    }

    /** The store's selection of a filter (also what a histogram of the listed flows' events counts). */
    public static FlowsTable.Selection selection(FlowFilter f) {
        boolean timed = f.from() != null && f.to() != null;
        return new FlowsTable.Selection(f.correlation(), f.rootType(), f.withAnomalies(), f.withFailures(),
                timed ? micros(f.from()) : null, timed ? micros(f.to()) : null);
    }

    private static long micros(java.time.Instant t) {
        return java.time.temporal.ChronoUnit.MICROS.between(java.time.Instant.EPOCH, t);
    }

    private static FlowsTable.Column column(FlowSort sort) {
        return FlowsTable.Column.valueOf(sort.name());
    }
}
