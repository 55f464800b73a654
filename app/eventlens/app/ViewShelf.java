package eventlens.app;

import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;

/**
 * The window's view area: one view shown; the views the window's warm-up styled stay in the scene, invisible,
 * for as long as nothing in them asks for a layout, so that a first showing costs a layout of what changed
 * instead of styling the whole view again (the Replay view 7–28 ms instead of 35–95 ms on two cores). A hidden
 * view that does ask for a layout (its rows reloaded on opening a project) leaves the scene before the pulse
 * that would lay it out, and is styled again when it is shown: laying out hidden views as they reload stalled
 * the window when every view was kept. The view shown until a switch leaves the scene too: kept, the first
 * showing of Flows after opening a 10M project measured slower (decision 0074).
 */
final class ViewShelf {
    private final StackPane area = new StackPane();
    private final Runnable beforeLayout = this::putAwayChanged;
    private Node shown;

    ViewShelf() {
        area.sceneProperty().subscribe((old, now) -> {
            if (old != null) {
                old.removePreLayoutPulseListener(beforeLayout);
            }
            if (now != null) {
                now.addPreLayoutPulseListener(beforeLayout);
            }
        });
    }

    /** The node that holds the views. */
    StackPane area() {
        return area;
    }

    /** The view shown, or null before the first. */
    Node shown() {
        return shown;
    }

    /** Shows {@code view}; the one shown before leaves the scene, the hidden ones stay. */
    void show(Node view) {
        shown = view;
        view.setOpacity(1);
        view.setVisible(true);
        view.setManaged(true);
        if (view.getParent() != area) {
            area.getChildren().add(view);
        }
        for (Node other : java.util.List.copyOf(area.getChildren())) {
            if (other != view && other.isVisible()) {
                // The view shown until now leaves the scene: kept, it measured slower (decision 0074).
                area.getChildren().remove(other);
            }
        }
    }

    /** Puts a view not shown behind the shown one, transparent but laid out, for the window's warm-up. */
    void warm(Node view) {
        view.setOpacity(0);
        view.setVisible(true);
        view.setManaged(true);
        if (view.getParent() != area) {
            area.getChildren().add(0, view);
        }
    }

    /** Ends {@link #warm}: the view stays in the scene, hidden, unless it is shown by now or waits for a layout. */
    void endWarm(Node view) {
        view.setOpacity(1);
        if (view != shown && view.getParent() == area) {
            hide(view);
        }
    }

    private void hide(Node view) {
        if (needsLayout(view)) {
            area.getChildren().remove(view);
            return;
        }
        view.setVisible(false);
        // Unmanaged: the area does not size it, and a layout asked for inside stops at it, where it is seen.
        view.setManaged(false);
    }

    /** Before each pulse's styling and layout: hidden views that asked for a layout leave the scene. */
    private void putAwayChanged() {
        ObservableList<Node> views = area.getChildren();
        for (int i = views.size() - 1; i >= 0; i--) {
            Node view = views.get(i);
            if (!view.isVisible() && needsLayout(view)) {
                views.remove(i);
            }
        }
    }

    private static boolean needsLayout(Node view) {
        return view instanceof Parent parent && parent.isNeedsLayout();
    }

    /** For tests: whether {@code view} is in the scene, hidden. */
    boolean keeps(Node view) {
        Scene scene = view.getScene();
        return scene != null && view.getParent() == area && !view.isVisible();
    }
}
