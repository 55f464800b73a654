package eventlens.app.flows;

import eventlens.model.flow.AnomalyKind;
import eventlens.model.flow.FailureTypes;
import eventlens.model.flow.FlowNode;
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
