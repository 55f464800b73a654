package eventlens.model.flow;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Our own top-down layered layout of a {@link CollapsedFlow}: the layer is the depth; within a layer,
 * nodes are ordered by their parent's order, then time (the walk order of the tree). Each leaf takes
 * the next column; a parent is centred over its first and last child. Because subtrees occupy
 * disjoint column ranges, no two nodes of a layer overlap, and children are always one layer below
 * their parent. Linear in the number of view nodes and deterministic; GraphStream only draws it.
 */
public final class LayeredLayout {
    /** Distance between two columns, in layout units. */
    public static final double COLUMN_GAP = 160;
    /** Distance between two layers, in layout units. */
    public static final double LAYER_GAP = 90;

    private final double columnGap;
    private final double layerGap;

    /** A layout with the default gaps. */
    public LayeredLayout() {
        this(COLUMN_GAP, LAYER_GAP);
    }

    /** A layout with these gaps (both positive). */
    public LayeredLayout(double columnGap, double layerGap) {
        if (columnGap <= 0 || layerGap <= 0) {
            throw new IllegalArgumentException("gaps must be positive");
        }
        this.columnGap = columnGap;
        this.layerGap = layerGap;
    }

    /** Places every node of the view. */
    public FlowLayout layout(CollapsedFlow flow) {
        int n = flow.size();
        double[] x = new double[n];
        int minDepth = Integer.MAX_VALUE;
        int maxDepth = 0;
        for (ViewNode v : flow.nodes()) {
            minDepth = Math.min(minDepth, v.depth());
            maxDepth = Math.max(maxDepth, v.depth());
        }
        // Post-order walk without recursion: leaves take columns left to right, parents are centred.
        int column = 0;
        Deque<int[]> stack = new ArrayDeque<>(); // {view id, next child index}
        List<Integer> top = flow.top();
        for (int t = top.size() - 1; t >= 0; t--) {
            stack.push(new int[] {top.get(t), -1});
        }
        // Process tops in order: reverse-pushed, so pop yields them first to last.
        while (!stack.isEmpty()) {
            int[] frame = stack.peek();
            ViewNode v = flow.nodes().get(frame[0]);
            List<Integer> kids = v.children();
            if (kids.isEmpty()) {
                x[v.id()] = column++ * columnGap;
                stack.pop();
                continue;
            }
            frame[1]++;
            if (frame[1] < kids.size()) {
                stack.push(new int[] {kids.get(frame[1]), -1});
            } else {
                x[v.id()] = (x[kids.get(0)] + x[kids.get(kids.size() - 1)]) / 2;
                stack.pop();
            }
        }
        List<Placement> placements = new ArrayList<>(n);
        int base = n == 0 ? 0 : minDepth;
        for (ViewNode v : flow.nodes()) {
            placements.add(new Placement(v.id(), x[v.id()], (v.depth() - base) * layerGap));
        }
        int layers = n == 0 ? 0 : maxDepth - base + 1;
        return new FlowLayout(placements, Math.max(0, column - 1) * columnGap, Math.max(0, layers - 1) * layerGap,
                layers);
    }
}
