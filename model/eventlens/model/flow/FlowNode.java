package eventlens.model.flow;

import eventlens.model.Event;
import java.util.List;
import java.util.Set;

/**
 * One event of a flow, placed in its causal tree.
 *
 * @param index position in {@link CausalGraph#nodes()} (nodes are in time order, then import order)
 * @param event the event (its first delivery when it was delivered more than once)
 * @param parent index of the cause, or -1 for a root (no causation, a missing cause, a cut cycle)
 * @param children indexes of the direct effects, in time order
 * @param depth 0 for a root, parent's depth + 1 otherwise
 * @param latencyMicros time from the cause in microseconds (negative under clock skew), null for a
 *     root or when a time is unknown
 * @param lane index into {@link CausalGraph#lanes()} (the event's source)
 * @param deliveries how many times the id was delivered (1 normally)
 * @param conflicting true when the deliveries of this id differ in content
 * @param failed true when the event is a failure: its type looks like one (see {@link FailureTypes})
 *     or a dead letter refers to it
 * @param deadLettered true when a dead letter refers to this event
 * @param missingCauseId the cause id of an orphan (for a "missing" placeholder), else null
 * @param anomalies the anomalies attached to this event
 * @param parentLink how the link to the parent was found; null for a root
 */
public record FlowNode(
        int index,
        Event event,
        int parent,
        List<Integer> children,
        int depth,
        Long latencyMicros,
        int lane,
        int deliveries,
        boolean conflicting,
        boolean failed,
        boolean deadLettered,
        String missingCauseId,
        Set<AnomalyKind> anomalies,
        LinkKind parentLink) {

    public FlowNode {
        children = children instanceof IntList ? children : List.copyOf(children);
        anomalies = anomalies.isEmpty() ? Set.of() : Set.copyOf(anomalies);
    }

    /** True for a root of the tree. */
    public boolean isRoot() {
        return parent < 0;
    }

    /** Number of direct effects. */
    public int fanOut() {
        return children.size();
    }

    /** True when this event carries the given anomaly. */
    public boolean has(AnomalyKind kind) {
        return anomalies.contains(kind);
    }

    /** The event's id. */
    public String id() {
        return event.id();
    }

    /** The event's type (may be null). */
    public String type() {
        return event.type();
    }
}
