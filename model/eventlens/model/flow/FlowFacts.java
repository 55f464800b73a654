package eventlens.model.flow;

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
 */
public record FlowFacts(Map<String, Integer> deliveries, Set<String> conflicting, Set<String> deadLettered,
        boolean truncated) {

    /** No duplicates, no dead letters, complete. */
    public static final FlowFacts NONE = new FlowFacts(Map.of(), Set.of(), Set.of(), false);

    public FlowFacts {
        deliveries = Map.copyOf(deliveries);
        conflicting = Set.copyOf(conflicting);
        deadLettered = Set.copyOf(deadLettered);
    }
}
