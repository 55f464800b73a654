package eventlens.model.flow.export;

import eventlens.model.flow.AnomalyKind;
import eventlens.model.flow.CausalGraph;
import eventlens.model.flow.FailureTypes;
import eventlens.model.flow.FlowEdge;
import eventlens.model.flow.FlowNode;
import eventlens.model.flow.FlowText;
import eventlens.model.flow.LinkKind;
import java.util.ArrayList;
import java.util.List;

/** The short markers every export shows next to an event: one vocabulary for text, Mermaid and DOT. */
final class Markers {
    private Markers() {
    }

    /**
     * Markers of one node, e.g. {@code ✗ failed} (a failure type), {@code ☠ dead letter} (a consumer
     * gave up on it: also a failure of the flow, see FlowNode#failed), {@code ⚠ skew -40 ms}, {@code ×3 deliveries},
     * {@code ⇠ traceparent} (hangs under its span through trace context), {@code ⇠ child workflow} (a child
     * run's start under its parent's initiating event), {@code ⇠ also in span send 4bf9…:b7ad…}
     * (a secondary link, see CausalGraph#links).
     */
    static List<String> of(CausalGraph graph, FlowNode n) {
        List<String> out = new ArrayList<>();
        if (FailureTypes.isFailure(n.type())) {
            out.add("✗ failed");
        }
        if (n.deadLettered()) {
            out.add("☠ dead letter");
        }
        if (n.parentLink() == LinkKind.TRACEPARENT || n.parentLink() == LinkKind.CHILD_WORKFLOW) {
            out.add("⇠ " + n.parentLink().label());
        }
        for (FlowEdge l : graph.linksTo(n.index())) {
            FlowNode span = graph.node(l.cause());
            out.add("⇠ also in span " + (span.type() == null ? "" : span.type() + " ") + span.id());
        }
        if (n.has(AnomalyKind.ORPHAN)) {
            out.add("⚠ orphan (cause " + n.missingCauseId() + " missing)");
        }
        if (n.has(AnomalyKind.CYCLE)) {
            out.add("↻ cycle");
        }
        if (n.has(AnomalyKind.CLOCK_SKEW)) {
            out.add("⚠ skew " + FlowText.duration(n.latencyMicros()));
        }
        if (n.deliveries() > 1) {
            out.add("×" + n.deliveries() + " deliveries" + (n.conflicting() ? " (contents differ)" : ""));
        }
        if (n.has(AnomalyKind.EXPLOSIVE_FAN_OUT)) {
            out.add("⚠ fan-out " + n.fanOut());
        }
        if (n.has(AnomalyKind.TOO_DEEP)) {
            out.add("⚠ depth " + n.depth());
        }
        return out;
    }
}
