package eventlens.app.flows;

import eventlens.model.flow.CausalGraph;
import eventlens.model.flow.CollapsedFlow;
import eventlens.model.flow.FlowLayout;
import eventlens.model.flow.LayeredLayout;
import eventlens.model.flow.ViewNode;
import java.util.Arrays;

/**
 * One flow ready to show, built off the FX thread: the graph, its collapsed view, the layered layout of
 * that view, and for every event the view node that shows it (itself or its group).
 */
public record LoadedFlow(String title, CausalGraph graph, CollapsedFlow collapsed, FlowLayout layout, int[] viewOf) {
    public LoadedFlow {
        viewOf = viewOf.clone();
    }

    static LoadedFlow of(String title, CausalGraph graph) {
        CollapsedFlow collapsed = CollapsedFlow.of(graph);
        FlowLayout layout = new LayeredLayout().layout(collapsed);
        int[] viewOf = new int[graph.size()];
        Arrays.fill(viewOf, -1);
        for (ViewNode v : collapsed.nodes()) {
            for (int member : v.members()) {
                viewOf[member] = v.id();
            }
        }
        return new LoadedFlow(title, graph, collapsed, layout, viewOf);
    }

    /** The view node that shows event {@code node} (-1 for none). */
    public int viewNodeOf(int node) {
        return node < 0 || node >= viewOf.length ? -1 : viewOf[node];
    }

    /** Number of view nodes the graph would draw (after collapsing). */
    public int drawnNodes() {
        return collapsed.size();
    }
}
