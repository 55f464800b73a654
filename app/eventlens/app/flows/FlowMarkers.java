package eventlens.app.flows;

import eventlens.model.flow.AnomalyKind;
import eventlens.model.flow.CausalGraph;
import eventlens.model.flow.FailureTypes;
import eventlens.model.flow.FlowNode;
import eventlens.model.flow.FlowText;
import eventlens.model.flow.LinkKind;
import java.util.StringJoiner;

/** The short markers the tree, graph and timeline show next to an event: ✗ failed, ☠ dead letter, ⚠ orphan… */
final class FlowMarkers {
    private FlowMarkers() {
    }

    static String of(FlowNode n) {
        StringJoiner out = new StringJoiner("  ");
        if (n.failed() && (FailureTypes.isFailure(n.type()) || !n.deadLettered())) {
            out.add("✗ failed");
        }
        if (n.deadLettered()) {
            out.add("☠ dead letter");
        }
        if (n.has(AnomalyKind.ORPHAN)) {
            out.add("⚠ orphan");
        }
        if (n.has(AnomalyKind.CYCLE)) {
            out.add("↻ cycle");
        }
        if (n.has(AnomalyKind.CLOCK_SKEW)) {
            out.add("⚠ skew");
        }
        if (n.deliveries() > 1) {
            out.add("×" + n.deliveries() + " deliveries" + (n.conflicting() ? " (differ)" : ""));
        }
        if (n.has(AnomalyKind.EXPLOSIVE_FAN_OUT)) {
            out.add("⚠ fan-out " + n.fanOut());
        }
        if (n.has(AnomalyKind.TOO_DEEP)) {
            out.add("⚠ too deep");
        }
        return out.toString();
    }

    /**
     * How an event joined another flow (decisions 0021, 0026), or "": {@code via traceparent} (under its
     * span), {@code via child workflow} (a child run's start under the parent's initiating event),
     * {@code also in a span} (a secondary traceparent link).
     */
    static String joinedVia(CausalGraph graph, FlowNode n) {
        if (joinsByParent(n)) {
            return "via " + n.parentLink().label();
        }
        return graph.linksTo(n.index()).isEmpty() ? "" : "also in a span";
    }

    /** The graph's label of the edge into an event: its latency, after the link's kind when it joins flows. */
    static String edgeLabel(FlowNode n) {
        String latency = FlowText.latency(n.latencyMicros());
        return joinsByParent(n) ? (n.parentLink().label() + " " + latency).strip() : latency;
    }

    private static boolean joinsByParent(FlowNode n) {
        return n.parentLink() == LinkKind.TRACEPARENT || n.parentLink() == LinkKind.CHILD_WORKFLOW;
    }

    /** The one symbol the graph puts before a type: the worst thing about the event, or nothing. */
    static String symbol(FlowNode n) {
        if (n.deadLettered()) {
            return "☠ ";
        }
        if (n.failed()) {
            return "✗ ";
        }
        if (n.has(AnomalyKind.CYCLE)) {
            return "↻ ";
        }
        if (!n.anomalies().isEmpty()) {
            return "⚠ ";
        }
        return "";
    }
}
