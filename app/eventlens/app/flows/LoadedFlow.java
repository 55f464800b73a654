package eventlens.app.flows;

import eventlens.model.Event;
import eventlens.model.flow.CausalGraph;
import eventlens.model.flow.CollapsedFlow;
import eventlens.model.flow.FlowLayout;
import eventlens.model.flow.LayeredLayout;
import eventlens.model.flow.ViewNode;
import java.util.Arrays;
import java.util.Set;

/**
 * One flow ready to show, built off the FX thread: the graph, its collapsed view, the layered layout of
 * that view, and for every event the view node that shows it (itself or its group). With a replay
 * branch, {@code replayed} holds the ids of the events that run {@code replayRun} published (0: none);
 * {@code times} are what the timeline draws.
 */
public record LoadedFlow(String title, CausalGraph graph, CollapsedFlow collapsed, FlowLayout layout, int[] viewOf,
        long replayRun, Set<String> replayed, FlowTimes times) {
    public LoadedFlow {
        viewOf = viewOf.clone();
        replayed = Set.copyOf(replayed);
    }

    static LoadedFlow of(String title, CausalGraph graph) {
        return of(title, graph, 0, Set.of());
    }

    static LoadedFlow of(String title, CausalGraph graph, long replayRun, Set<String> replayed) {
        CollapsedFlow collapsed = CollapsedFlow.of(graph);
        FlowLayout layout = new LayeredLayout().layout(collapsed);
        int[] viewOf = new int[graph.size()];
        Arrays.fill(viewOf, -1);
        for (ViewNode v : collapsed.nodes()) {
            for (int member : v.members()) {
                viewOf[member] = v.id();
            }
        }
        // The timeline's times too: for a 100,000-event flow that is work the FX thread need not do.
        return new LoadedFlow(title, graph, collapsed, layout, viewOf, replayRun, replayed, FlowTimes.of(graph, replayed));
    }

    /** The correlation id of a flow's roots, or {@code fallback} for an uncorrelated flow. */
    static String titleOf(CausalGraph g, String fallback) {
        return g.roots().stream().map(g::node).map(n -> n.event().correlationId())
                .filter(c -> c != null).findFirst().orElse(fallback);
    }

    /** The view node that shows event {@code node} (-1 for none). */
    public int viewNodeOf(int node) {
        return node < 0 || node >= viewOf.length ? -1 : viewOf[node];
    }

    /** True when event {@code node} was published by the replay run, not recorded. */
    public boolean isReplay(int node) {
        return !replayed.isEmpty() && node >= 0 && node < graph.size() && replayed.contains(graph.node(node).id());
    }

    /** The event of a node as the detail pane shows it: a published event has no log position (0). */
    public Event shown(int node) {
        Event e = graph.node(node).event();
        return isReplay(node) ? e.withPosition(0) : e;
    }

    /** Number of view nodes the graph would draw (after collapsing). */
    public int drawnNodes() {
        return collapsed.size();
    }
}
