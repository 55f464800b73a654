package eventlens.model.flow.export;

import eventlens.model.flow.CausalGraph;
import eventlens.model.flow.CollapsedFlow;

/**
 * A flow as a Graphviz DOT digraph (top to bottom), with generated node ids and escaped labels.
 * Repeated siblings are folded as in {@link CollapsedFlow}.
 */
public final class DotExport {
    private DotExport() {
    }

    /** The graph folded with the default rule. */
    public static String render(CausalGraph graph) {
        return render(CollapsedFlow.of(graph));
    }

    /** A folded view. */
    public static String render(CollapsedFlow flow) {
        DrawnFlow d = new DrawnFlow(flow);
        StringBuilder out = new StringBuilder("digraph flow {\n  rankdir=TB;\n"
                + "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\"];\n"
                + "  edge [fontname=\"Helvetica\", fontsize=10];\n");
        for (DrawnFlow.Box b : d.boxes) {
            out.append("  ").append(b.id()).append(" [label=\"").append(escape(String.join("\n", b.lines())))
                    .append('"').append(style(b.style())).append("];\n");
        }
        for (DrawnFlow.Link l : d.links) {
            out.append("  ").append(l.from()).append(" -> ").append(l.to()).append(" [label=\"")
                    .append(escape(l.label())).append('"').append(l.dashed() ? ", style=dashed" : "").append("];\n");
        }
        return out.append("}\n").toString();
    }

    private static String style(DrawnFlow.Style s) {
        return switch (s) {
            case PLAIN -> "";
            case FAILED -> ", fillcolor=\"#fde2e2\", color=\"#c0392b\", penwidth=2";
            case ANOMALY -> ", fillcolor=\"#fff4d6\", color=\"#d68910\"";
            case GROUP -> ", fillcolor=\"#eef2f7\", style=\"rounded,filled,dashed\"";
            case MISSING -> ", style=dashed, fontcolor=\"#777777\"";
        };
    }

    /** Text safe inside a quoted DOT string; line breaks become {@code \n}. */
    static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\r", "").replace("\n", "\\n");
    }
}
