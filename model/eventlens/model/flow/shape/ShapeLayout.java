package eventlens.model.flow.shape;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each step of a {@link FlowShape} is drawn, top-down: the layer of a step is its fewest hops from
 * the root type (breadth first over the edges, most taken first), so the usual path reads downwards and a
 * retry or a loop shows as an edge going up or sideways; within a layer, steps are in the shape's order
 * (most reached first), centred on the root. Steps no edge reaches from the root go in a last layer.
 * Deterministic and linear in steps and edges.
 *
 * @param positions the centre of each step's box by type, in layout units
 * @param layers number of layers
 */
public record ShapeLayout(Map<String, double[]> positions, int layers) {
    /** Distance between two columns, in layout units. */
    public static final double COLUMN_GAP = 210;
    /** Distance between two layers, in layout units. */
    public static final double LAYER_GAP = 100;

    /** Lays out a shape. */
    public static ShapeLayout of(FlowShape shape) {
        Map<String, List<String>> next = new HashMap<>();
        for (FlowShape.Edge e : shape.edges()) {
            next.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
        }
        Map<String, Integer> layer = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        if (shape.step(shape.rootType()).isPresent()) {
            layer.put(shape.rootType(), 0);
            queue.add(shape.rootType());
        }
        int deepest = 0;
        while (!queue.isEmpty()) {
            String from = queue.poll();
            for (String to : next.getOrDefault(from, List.of())) {
                if (!layer.containsKey(to)) {
                    int l = layer.get(from) + 1;
                    layer.put(to, l);
                    deepest = Math.max(deepest, l);
                    queue.add(to);
                }
            }
        }
        int unreached = layer.isEmpty() ? 0 : deepest + 1;
        Map<Integer, List<String>> byLayer = new HashMap<>();
        for (FlowShape.Step s : shape.steps()) {
            int l = layer.getOrDefault(s.type(), unreached);
            byLayer.computeIfAbsent(l, k -> new ArrayList<>()).add(s.type());
        }
        Map<String, double[]> positions = new LinkedHashMap<>();
        int layers = 0;
        for (Map.Entry<Integer, List<String>> e : new java.util.TreeMap<>(byLayer).entrySet()) {
            List<String> row = e.getValue();
            for (int i = 0; i < row.size(); i++) {
                positions.put(row.get(i), new double[] {(i - (row.size() - 1) / 2.0) * COLUMN_GAP,
                        e.getKey() * LAYER_GAP});
            }
            layers = Math.max(layers, e.getKey() + 1);
        }
        return new ShapeLayout(positions, layers);
    }

    /** The centre of a step's box ({@code [x, y]}), or null when the shape has no such step. */
    public double[] of(String type) {
        double[] p = positions.get(type);
        return p == null ? null : p.clone();
    }
}
