package eventlens.model.flow;

/**
 * Where {@link LayeredLayout} put one view node: the centre of its box, in layout units.
 *
 * @param viewNode id of the {@link ViewNode}
 * @param x horizontal centre
 * @param y vertical centre (grows downwards with depth)
 */
public record Placement(int viewNode, double x, double y) {
}
