package eventlens.model.flow.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eventlens.model.Json;
import eventlens.model.flow.Anomaly;
import eventlens.model.flow.AnomalyKind;
import eventlens.model.flow.CausalGraph;
import eventlens.model.flow.FlowEdge;
import eventlens.model.flow.FlowNode;
import eventlens.model.flow.FlowStats;

/**
 * A flow as one JSON object: {@code stats}, {@code lanes}, {@code nodes} (every event with its place
 * in the tree and its flags), {@code edges} (cause → effect with latency and how it was linked:
 * {@code CAUSATION}, {@code PARENT_SPAN}, {@code TRACEPARENT}, {@code CHILD_WORKFLOW}), {@code links} (secondary causes, same
 * shape, outside the tree), {@code joinedFlows} (the correlations loaded together), {@code anomalies} and
 * {@code criticalPath} (event ids from the root). Ids, not indexes, link the parts. Times are
 * ISO-8601, latencies microseconds.
 */
public final class FlowJson {
    private FlowJson() {
    }

    /** The flow as a JSON tree. */
    public static ObjectNode tree(CausalGraph g) {
        ObjectNode root = Json.mapper().createObjectNode();
        root.set("stats", stats(g.stats()));
        ArrayNode lanes = root.putArray("lanes");
        g.lanes().forEach(lanes::add);
        ArrayNode nodes = root.putArray("nodes");
        for (FlowNode n : g.nodes()) {
            ObjectNode o = nodes.addObject();
            o.put("id", n.id());
            o.put("type", n.type());
            o.put("source", n.event().source());
            o.put("time", n.event().time() == null ? null : n.event().time().toString());
            if (n.isRoot()) {
                o.putNull("cause");
            } else {
                o.put("cause", g.node(n.parent()).id());
            }
            o.put("link", n.parentLink() == null ? null : n.parentLink().name());
            o.put("depth", n.depth());
            o.put("fanOut", n.fanOut());
            o.put("latencyMicros", n.latencyMicros());
            o.put("lane", n.lane());
            o.put("deliveries", n.deliveries());
            o.put("conflicting", n.conflicting());
            o.put("failed", n.failed());
            o.put("deadLettered", n.deadLettered());
            o.put("missingCause", n.missingCauseId());
            ArrayNode kinds = o.putArray("anomalies");
            for (AnomalyKind k : AnomalyKind.values()) {
                if (n.has(k)) {
                    kinds.add(k.name());
                }
            }
        }
        edges(g, root.putArray("edges"), g.edges());
        edges(g, root.putArray("links"), g.links());
        ArrayNode joined = root.putArray("joinedFlows");
        g.joinedFlows().forEach(joined::add);
        root.put("moreJoinedFlows", g.moreJoinedFlows());
        ArrayNode anomalies = root.putArray("anomalies");
        for (Anomaly a : g.anomalies()) {
            ObjectNode o = anomalies.addObject();
            o.put("kind", a.kind().name());
            o.put("eventId", a.eventId());
            o.put("relatedId", a.relatedId());
            o.put("detail", a.detail());
        }
        ArrayNode critical = root.putArray("criticalPath");
        g.criticalPath().forEach(i -> critical.add(g.node(i).id()));
        return root;
    }

    private static void edges(CausalGraph g, ArrayNode out, java.util.List<FlowEdge> edges) {
        for (FlowEdge e : edges) {
            ObjectNode o = out.addObject();
            o.put("cause", g.node(e.cause()).id());
            o.put("effect", g.node(e.effect()).id());
            o.put("kind", e.kind().name());
            o.put("latencyMicros", e.latencyMicros());
            o.put("skewed", e.skewed());
        }
    }

    /** The flow as compact JSON text. */
    public static String write(CausalGraph g) {
        return Json.write(tree(g));
    }

    private static ObjectNode stats(FlowStats s) {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("events", s.events());
        o.put("roots", s.roots());
        o.put("maxDepth", s.maxDepth());
        o.put("maxFanOut", s.maxFanOut());
        o.put("start", s.start() == null ? null : s.start().toString());
        o.put("end", s.end() == null ? null : s.end().toString());
        o.put("durationMicros", s.duration().toNanos() / 1000);
        o.put("criticalPathMicros", s.criticalPathMicros());
        o.put("anomalies", s.anomalies());
        o.put("failures", s.failures());
        o.put("truncated", s.truncated());
        return o;
    }
}
