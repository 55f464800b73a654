package eventlens.model.flow;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A view of a {@link CausalGraph} in which repeated siblings are folded so that huge fan-outs stay
 * readable.
 *
 * <p>Rule: among the children of one event (or among the roots), the <em>plain leaves</em> — events
 * with no effects of their own, no anomaly and no failure — are grouped by type; a type with at least
 * {@code minRun} such siblings becomes one group node placed where its first member was. Events with
 * effects, anomalies or failures always stay visible, so collapsing never hides a marker or a subtree.
 * Siblings need not be adjacent: interleaved {@code item.added}/{@code item.priced} fold into two
 * groups. A parent listed in {@code expanded} (graph index, -1 for the roots) is shown unfolded.
 */
public final class CollapsedFlow {
    /** Siblings of one type folded from this many on, unless told otherwise. */
    public static final int DEFAULT_MIN_RUN = 10;
    /** The key of the roots' level in an {@code expanded} set. */
    public static final int ROOTS = -1;

    private final CausalGraph graph;
    private final List<ViewNode> nodes;
    private final List<Integer> top;

    private CollapsedFlow(CausalGraph graph, List<ViewNode> nodes, List<Integer> top) {
        this.graph = graph;
        this.nodes = nodes;
        this.top = top;
    }

    /** The graph folded with {@link #DEFAULT_MIN_RUN} and nothing expanded. */
    public static CollapsedFlow of(CausalGraph graph) {
        return of(graph, DEFAULT_MIN_RUN, Set.of());
    }

    /**
     * The graph with runs of at least {@code minRun} plain sibling leaves of one type folded, except
     * under the parents in {@code expanded}. {@code minRun} of {@code Integer.MAX_VALUE} folds nothing.
     */
    public static CollapsedFlow of(CausalGraph graph, int minRun, Set<Integer> expanded) {
        if (minRun < 2) {
            throw new IllegalArgumentException("minRun must be at least 2");
        }
        List<Slot> slots = new ArrayList<>();
        List<Integer> top = new ArrayList<>();
        Deque<int[]> work = new ArrayDeque<>(); // {view id of parent, graph index of parent or ROOTS}
        work.push(new int[] {-1, ROOTS});
        while (!work.isEmpty()) {
            int[] item = work.pop();
            int viewParent = item[0];
            List<Integer> kids = item[1] == ROOTS ? graph.roots() : graph.node(item[1]).children();
            boolean fold = !expanded.contains(item[1]) && kids.size() >= minRun;
            Map<String, List<Integer>> runs = fold ? plainRuns(graph, kids, minRun) : Map.of();
            List<Integer> created = new ArrayList<>();
            for (int k : kids) {
                FlowNode child = graph.node(k);
                List<Integer> run = runs.get(Objects.toString(child.type()));
                if (run != null && isPlainLeaf(child)) {
                    if (run.get(0) == k) {
                        created.add(addGroup(graph, slots, viewParent, child.depth(), child.type(), run));
                    }
                    continue;
                }
                int id = slots.size();
                slots.add(new Slot(viewParent, child.depth(), k, child.type(), List.of(k), new ArrayList<>()));
                created.add(id);
                if (child.fanOut() > 0) {
                    work.push(new int[] {id, k});
                }
            }
            if (viewParent < 0) {
                top.addAll(created);
            } else {
                slots.get(viewParent).children.addAll(created);
            }
        }
        List<ViewNode> nodes = new ArrayList<>(slots.size());
        for (int i = 0; i < slots.size(); i++) {
            Slot s = slots.get(i);
            Instant first = graph.node(s.members.get(0)).event().time();
            Instant last = graph.node(s.members.get(s.members.size() - 1)).event().time();
            nodes.add(new ViewNode(i, s.parent, s.depth, s.node, s.type, s.members.size(), first, last,
                    s.members, s.children));
        }
        return new CollapsedFlow(graph, List.copyOf(nodes), List.copyOf(top));
    }

    private static int addGroup(CausalGraph graph, List<Slot> slots, int parent, int depth, String type,
            List<Integer> run) {
        slots.add(new Slot(parent, depth, -1, type, List.copyOf(run), new ArrayList<>()));
        return slots.size() - 1;
    }

    private static Map<String, List<Integer>> plainRuns(CausalGraph graph, List<Integer> kids, int minRun) {
        Map<String, List<Integer>> byType = new LinkedHashMap<>();
        for (int k : kids) {
            FlowNode child = graph.node(k);
            if (isPlainLeaf(child)) {
                byType.computeIfAbsent(Objects.toString(child.type()), t -> new ArrayList<>()).add(k);
            }
        }
        byType.values().removeIf(run -> run.size() < minRun);
        return byType;
    }

    private static boolean isPlainLeaf(FlowNode n) {
        return n.fanOut() == 0 && n.anomalies().isEmpty() && !n.failed();
    }

    /** The graph this view folds. */
    public CausalGraph graph() {
        return graph;
    }

    /**
     * Every view node. Ids are assigned as the tree is walked, so a parent always has a smaller id
     * than its children; use {@link #top()} and {@link ViewNode#children()} for drawing order.
     */
    public List<ViewNode> nodes() {
        return nodes;
    }

    /** Ids of the top-level view nodes (the roots, folded), in time order. */
    public List<Integer> top() {
        return top;
    }

    /** Number of view nodes. */
    public int size() {
        return nodes.size();
    }

    private record Slot(int parent, int depth, int node, String type, List<Integer> members, List<Integer> children) {
    }
}
