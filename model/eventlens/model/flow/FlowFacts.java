package eventlens.model.flow;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the store knows about a flow's events besides the events themselves, supplied by the caller
 * of {@link CausalGraph#build(java.util.List, FlowFacts)} so that the graph stays a pure function.
 *
 * @param deliveries deliveries per event id, only for ids delivered more than once
 * @param conflicting ids whose deliveries differ in content
 * @param deadLettered ids of events a dead letter refers to
 * @param truncated true when the events are only the first part of a larger flow
 * @param joinedFlows the correlation ids whose events were loaded together, the one asked for first,
 *     then those joined to it through trace context (empty when the caller did not say)
 * @param moreJoinedFlows true when further flows are joined to these but were not loaded (the bound
 *     {@link FlowLoader#MAX_JOINED_FLOWS})
 */
public record FlowFacts(Map<String, Integer> deliveries, Set<String> conflicting, Set<String> deadLettered,
        boolean truncated, List<String> joinedFlows, boolean moreJoinedFlows) {

    /** No duplicates, no dead letters, complete. */
    public static final FlowFacts NONE = new FlowFacts(Map.of(), Set.of(), Set.of(), false);

    public FlowFacts {
        deliveries = Map.copyOf(deliveries);
        conflicting = Set.copyOf(conflicting);
        deadLettered = Set.copyOf(deadLettered);
        joinedFlows = List.copyOf(joinedFlows);
    }

    /** Facts of events not joined to other flows. */
    public FlowFacts(Map<String, Integer> deliveries, Set<String> conflicting, Set<String> deadLettered,
            boolean truncated) {
        this(deliveries, conflicting, deadLettered, truncated, List.of(), false);
    }
}
