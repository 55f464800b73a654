package eventlens.model.flow.export;

import eventlens.model.flow.CausalGraph;
import eventlens.model.flow.CollapsedFlow;

/**
 * A flow as a Mermaid {@code flowchart TD}, the notation the seeds draw their architecture in.
 * Node ids are generated ({@code n0}, {@code m0} for a missing cause), so event ids never need to be
 * valid Mermaid; labels are quoted with {@code "}, {@code <}, {@code >}, {@code &}, {@code #} and
 * {@code |} written as entity codes. Repeated siblings are folded as in {@link CollapsedFlow}.
 */
public final class MermaidExport {
    private MermaidExport() {
    }

    /** The graph folded with the default rule. */
    public static String render(CausalGraph graph) {
        return render(CollapsedFlow.of(graph));
    }

    /** A folded view. */
    public static String render(CollapsedFlow flow) {
        DrawnFlow d = new DrawnFlow(flow);
        StringBuilder out = new StringBuilder("flowchart TD\n");
        for (DrawnFlow.Box b : d.boxes) {
            out.append("  ").append(b.id()).append("[\"").append(escape(String.join("\n", b.lines())))
                    .append("\"]");
            if (b.style() != DrawnFlow.Style.PLAIN) {
                out.append(":::").append(b.style().name().toLowerCase(java.util.Locale.ROOT));
            }
            out.append('\n');
        }
        for (DrawnFlow.Link l : d.links) {
            out.append("  ").append(l.from()).append(l.dashed() ? " -.->" : " -->")
                    .append("|\"").append(escape(l.label())).append("\"| ").append(l.to()).append('\n');
        }
        out.append("  classDef failed fill:#fde2e2,stroke:#c0392b,stroke-width:2px\n");
        out.append("  classDef anomaly fill:#fff4d6,stroke:#d68910\n");
        out.append("  classDef group fill:#eef2f7,stroke:#7f8c8d,stroke-dasharray:3 3\n");
        out.append("  classDef missing fill:#ffffff,stroke:#999999,stroke-dasharray:5 5,color:#777777\n");
        return out.toString();
    }

    /** Text safe inside a quoted Mermaid label; line breaks become {@code <br/>}. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("#quot;");
                case '&' -> b.append("#amp;");
                case '<' -> b.append("#lt;");
                case '>' -> b.append("#gt;");
                case '#' -> b.append("#35;");
                case '|' -> b.append("#124;");
                case '\n' -> b.append("<br/>");
                case '\r' -> { }
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
