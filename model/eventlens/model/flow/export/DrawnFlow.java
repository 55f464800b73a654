package eventlens.model.flow.export;

import eventlens.model.flow.CausalGraph;
import eventlens.model.flow.CollapsedFlow;
import eventlens.model.flow.FlowEdge;
import eventlens.model.flow.FlowNode;
import eventlens.model.flow.LinkKind;
import eventlens.model.flow.FlowText;
import eventlens.model.flow.ViewNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the diagram exports (Mermaid, DOT) draw, independent of their syntax: boxes for the folded
 * view's nodes, a dashed "missing" box per absent cause, and labelled links: a link found through a
 * {@code traceparent} says so, and a secondary link (CausalGraph#links) is drawn dashed.
 */
final class DrawnFlow {
    enum Style { PLAIN, FAILED, ANOMALY, GROUP, MISSING }

    record Box(String id, List<String> lines, Style style) {
    }

    record Link(String from, String to, String label, boolean dashed) {
    }

    final List<Box> boxes = new ArrayList<>();
    final List<Link> links = new ArrayList<>();

    DrawnFlow(CollapsedFlow flow) {
        CausalGraph g = flow.graph();
        Map<String, String> missing = new LinkedHashMap<>();
        Map<Integer, String> boxOfNode = new java.util.HashMap<>();
        for (ViewNode v : flow.nodes()) {
            if (!v.isGroup()) {
                boxOfNode.put(v.node(), "n" + v.id());
            }
        }
        for (ViewNode v : flow.nodes()) {
            String id = "n" + v.id();
            FlowNode first = g.node(v.members().get(0));
            if (v.isGroup()) {
                boxes.add(new Box(id, List.of(v.label(), g.lanes().get(first.lane())), Style.GROUP));
            } else {
                List<String> lines = new ArrayList<>();
                lines.add(first.type() == null ? "(no type)" : first.type());
                lines.add(g.lanes().get(first.lane()));
                lines.addAll(Markers.of(g, first));
                Style style = first.failed() ? Style.FAILED : first.anomalies().isEmpty() ? Style.PLAIN : Style.ANOMALY;
                boxes.add(new Box(id, lines, style));
                if (first.missingCauseId() != null) {
                    String m = missing.computeIfAbsent(first.missingCauseId(), k -> "m" + missing.size());
                    links.add(new Link(m, id, "missing cause", true));
                }
            }
            if (v.parent() >= 0) {
                String label = FlowText.latency(first.latencyMicros());
                if (!v.isGroup() && (first.parentLink() == LinkKind.TRACEPARENT
                        || first.parentLink() == LinkKind.CHILD_WORKFLOW)) {
                    label = first.parentLink().label() + " " + label;
                }
                links.add(new Link("n" + v.parent(), id, label, false));
            }
        }
        for (FlowEdge l : g.links()) {
            String from = boxOfNode.get(l.cause());
            String to = boxOfNode.get(l.effect());
            if (from != null && to != null) {
                links.add(new Link(from, to, "traceparent", true));
            }
        }
        missing.forEach((cause, id) -> boxes.add(new Box(id, List.of("missing", cause), Style.MISSING)));
    }
}
