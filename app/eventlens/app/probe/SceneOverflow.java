package eventlens.app.probe;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * Finds what sticks out of a window: every visible, managed node whose bounds in the scene leave the
 * scene by more than a tolerance. Content under a clip (a scroll pane's viewport, a table's rows) may
 * legitimately extend beyond it, so the walk does not enter clipped nodes; for an offender its
 * descendants are not reported again.
 */
public final class SceneOverflow {
    /** Half a pixel of rounding on each side, plus borders drawn on the edge. */
    public static final double TOLERANCE = 2;

    private SceneOverflow() {
    }

    /** One node outside the scene: what it is and where. */
    public record Offender(String node, double minX, double minY, double maxX, double maxY) {
        @Override
        public String toString() {
            return String.format("%s at (%.0f,%.0f)-(%.0f,%.0f)", node, minX, minY, maxX, maxY);
        }
    }

    /** The offenders of {@code scene} as laid out now (at most {@code limit}). */
    public static List<Offender> of(Scene scene, int limit) {
        List<Offender> out = new ArrayList<>();
        walk(scene.getRoot(), scene.getWidth(), scene.getHeight(), out, limit);
        return out;
    }

    /**
     * Why the content is wider than the window: from the root down, the child with the largest minimum
     * width at each level, with that width, until the minimums become small. The last entries are the
     * container that adds its children up (an HBox of fields, a toolbar) and what it holds.
     */
    public static List<String> widestMinimum(Scene scene) {
        List<String> chain = new ArrayList<>();
        Node node = scene.getRoot();
        while (node != null && chain.size() < 30) {
            double min = node.minWidth(-1);
            if (min < 200) {
                break;
            }
            chain.add(String.format("%s min %.0f", describe(node), min));
            Node widest = null;
            if (node instanceof Parent parent) {
                for (Node child : parent.getChildrenUnmodifiable()) {
                    if (child.isVisible() && child.isManaged()
                            && (widest == null || child.minWidth(-1) > widest.minWidth(-1))) {
                        widest = child;
                    }
                }
            }
            node = widest;
        }
        return chain;
    }

    private static void walk(Node node, double width, double height, List<Offender> out, int limit) {
        if (out.size() >= limit || !node.isVisible() || !node.isManaged() && node.getParent() != null) {
            return;
        }
        Bounds b = node.localToScene(node.getLayoutBounds());
        if (b.getWidth() > 0 && b.getHeight() > 0 && (b.getMinX() < -TOLERANCE || b.getMinY() < -TOLERANCE
                || b.getMaxX() > width + TOLERANCE || b.getMaxY() > height + TOLERANCE)) {
            out.add(new Offender(describe(node), b.getMinX(), b.getMinY(), b.getMaxX(), b.getMaxY()));
            return;
        }
        if (node.getClip() != null || !(node instanceof Parent parent)) {
            return;
        }
        for (Node child : parent.getChildrenUnmodifiable()) {
            walk(child, width, height, out, limit);
        }
    }

    /** {@code Class#id.styleClass} of the node and of its nearest ancestor with an id, to find it in the code. */
    static String describe(Node node) {
        StringBuilder s = new StringBuilder(node.getClass().getSimpleName().isEmpty() ? node.getClass().getName()
                : node.getClass().getSimpleName());
        if (node.getId() != null) {
            s.append('#').append(node.getId());
        }
        node.getStyleClass().forEach(c -> s.append('.').append(c));
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up.getId() != null) {
                s.append(" in ").append(up.getClass().getSimpleName()).append('#').append(up.getId());
                break;
            }
        }
        return s.toString();
    }
}
