package eventlens.model.flow;

import java.util.List;

/**
 * The result of {@link LayeredLayout#layout(CollapsedFlow)}.
 *
 * @param placements one per view node, indexed by view node id
 * @param width extent of the drawing (from 0)
 * @param height extent of the drawing (from 0)
 * @param layers number of layers (max depth + 1; 0 when empty)
 */
public record FlowLayout(List<Placement> placements, double width, double height, int layers) {
    public FlowLayout {
        placements = List.copyOf(placements);
    }

    /** The placement of a view node. */
    public Placement of(int viewNode) {
        return placements.get(viewNode);
    }
}
