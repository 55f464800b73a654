package eventlens.model.flow.export;

import eventlens.model.flow.CausalGraph;
import eventlens.model.flow.CollapsedFlow;
import eventlens.model.flow.FlowNode;
import eventlens.model.flow.FlowStats;
import eventlens.model.flow.FlowText;
import eventlens.model.flow.LinkKind;
import eventlens.model.flow.ViewNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A flow as indented text: a header with the flow's figures, then one line per event —
 * {@code type [source] +123 ms  markers  id} — with folded siblings as {@code ×500 item.added}.
 * Events on the critical path carry {@code ◆}. Indentation stops growing at {@link #MAX_INDENT}
 * levels (deeper lines say their depth) so that a chain of 100,000 events stays linear in size.
 */
public final class TreeText {
    /** Levels of indentation drawn before depths are written as numbers. */
    public static final int MAX_INDENT = 40;

    private TreeText() {
    }

    /** The tree of the graph, folded with {@link CollapsedFlow#DEFAULT_MIN_RUN}. */
    public static String render(CausalGraph graph) {
        return render(CollapsedFlow.of(graph));
    }

    /** The tree of a folded view. */
    public static String render(CollapsedFlow flow) {
        CausalGraph g = flow.graph();
        StringBuilder out = new StringBuilder();
        header(g, out);
        Set<Integer> critical = new HashSet<>(g.criticalPath());
        Deque<Frame> stack = new ArrayDeque<>();
        push(stack, flow.top(), "");
        while (!stack.isEmpty()) {
            Frame f = stack.pop();
            ViewNode v = flow.nodes().get(f.view);
            String branch = f.last ? "└─ " : "├─ ";
            boolean top = v.parent() < 0;
            String prefix = f.indent;
            if (!top && prefix.length() / 3 >= MAX_INDENT) {
                prefix = prefix.substring(0, MAX_INDENT * 3) + "… [depth " + v.depth() + "] ";
            }
            out.append(top ? "" : prefix + branch).append(line(g, v, critical)).append('\n');
            String childIndent = top ? "" : f.indent.length() / 3 >= MAX_INDENT ? f.indent
                    : f.indent + (f.last ? "   " : "│  ");
            push(stack, v.children(), childIndent);
        }
        return out.toString();
    }

    private static void push(Deque<Frame> stack, List<Integer> children, String indent) {
        for (int i = children.size() - 1; i >= 0; i--) {
            stack.push(new Frame(children.get(i), indent, i == children.size() - 1));
        }
    }

    private static void header(CausalGraph g, StringBuilder out) {
        FlowStats s = g.stats();
        out.append("flow: ").append(s.events()).append(" events, ").append(s.roots()).append(s.roots() == 1 ? " root" : " roots")
                .append(", depth ").append(s.maxDepth()).append(", max fan-out ").append(s.maxFanOut())
                .append(", duration ").append(FlowText.duration(s.duration().toNanos() / 1000))
                .append(", critical path ").append(FlowText.duration(s.criticalPathMicros()))
                .append(", ").append(s.anomalies()).append(s.anomalies() == 1 ? " anomaly" : " anomalies")
                .append(", ").append(s.failures()).append(s.failures() == 1 ? " failure" : " failures").append('\n');
        out.append("lanes: ").append(String.join(", ", g.lanes())).append('\n');
        if (g.joinedFlows().size() > 1 || g.moreJoinedFlows()) {
            out.append("joined through ").append(joinedThrough(g)).append(": ").append(String.join(", ", g.joinedFlows()))
                    .append(g.moreJoinedFlows() ? " and more (not loaded)" : "").append('\n');
        }
        if (s.truncated()) {
            out.append("⚠ truncated: the flow is larger than the loader's limit; only its first ")
                    .append(s.events()).append(" events are shown\n");
        }
        out.append('\n');
    }

    /** "trace context", "child workflows", or both, from the kinds of the links between the flows. */
    private static String joinedThrough(CausalGraph g) {
        boolean trace = g.joinedBy().contains(LinkKind.TRACEPARENT) || g.joinedBy().contains(LinkKind.PARENT_SPAN);
        boolean child = g.joinedBy().contains(LinkKind.CHILD_WORKFLOW);
        return child ? (trace ? "trace context and child workflows" : "child workflows") : "trace context";
    }

    private static String line(CausalGraph g, ViewNode v, Set<Integer> critical) {
        if (v.isGroup()) {
            FlowNode first = g.node(v.members().get(0));
            StringBuilder b = new StringBuilder(v.label()).append(" [").append(g.lanes().get(first.lane())).append(']');
            if (first.latencyMicros() != null) {
                b.append(' ').append(FlowText.latency(first.latencyMicros()));
                FlowNode last = g.node(v.members().get(v.members().size() - 1));
                if (last.latencyMicros() != null && !last.latencyMicros().equals(first.latencyMicros())) {
                    b.append(" … ").append(FlowText.latency(last.latencyMicros()));
                }
            }
            return b.toString();
        }
        FlowNode n = g.node(v.node());
        StringBuilder b = new StringBuilder();
        if (critical.contains(n.index())) {
            b.append("◆ ");
        }
        b.append(n.type() == null ? "(no type)" : n.type()).append(" [").append(g.lanes().get(n.lane())).append(']');
        if (n.isRoot()) {
            b.append(' ').append(n.event().time() == null ? "(no time)" : n.event().time().toString());
        } else {
            b.append(' ').append(FlowText.latency(n.latencyMicros()));
        }
        for (String m : Markers.of(g, n)) {
            b.append("  ").append(m);
        }
        return b.append("  ").append(n.id()).toString();
    }

    private record Frame(int view, String indent, boolean last) {
    }
}
