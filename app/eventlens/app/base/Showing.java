package eventlens.app.base;

import javafx.beans.value.ChangeListener;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Whether a node can be seen: it is in a scene and it and every parent are visible. The window keeps the views
 * it is not showing in its scene, invisible (decision 0074), so "in a scene" no longer means "shown".
 */
public final class Showing {
    private Showing() {
    }

    /** True when {@code node} is in a scene and neither it nor any parent is invisible. */
    public static boolean now(Node node) {
        if (node.getScene() == null) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs {@code action} once, at once if {@code node} is showing, else in the first pulse in which it is,
     * before that pulse's layout, so that what the action changes is laid out in the frame that shows it.
     */
    public static void whenShown(Node node, Runnable action) {
        if (now(node)) {
            action.run();
            return;
        }
        new Waiter(node, action).follow(null, node.getScene());
    }

    /** Checks each pulse of the node's scene until it shows; follows the node into another scene. */
    private static final class Waiter implements Runnable, ChangeListener<Scene> {
        private final Node node;
        private final Runnable action;
        private Scene scene;

        Waiter(Node node, Runnable action) {
            this.node = node;
            this.action = action;
            node.sceneProperty().addListener(this);
        }

        @Override
        public void changed(javafx.beans.value.ObservableValue<? extends Scene> obs, Scene old, Scene now) {
            follow(old, now);
        }

        void follow(Scene old, Scene now) {
            if (old != null) {
                old.removePreLayoutPulseListener(this);
            }
            scene = now;
            if (now != null) {
                // Pulses come only when something in the scene changed; showing a view is such a change.
                now.addPreLayoutPulseListener(this);
            }
        }

        @Override
        public void run() {
            if (!now(node)) {
                return;
            }
            node.sceneProperty().removeListener(this);
            if (scene != null) {
                scene.removePreLayoutPulseListener(this);
            }
            action.run();
        }
    }
}
