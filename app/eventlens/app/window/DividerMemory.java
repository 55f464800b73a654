package eventlens.app.window;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.SplitPane;

/**
 * Remembers the divider positions of every split pane of every view, without the views knowing: when a
 * view is shown for the first time, after its first layout, its split panes are found by walking the scene
 * graph and their dividers are put where they were at the last close. A split pane is keyed by the view
 * and its id, or (without an id) by its place among the view's split panes in depth-first order.
 */
public final class DividerMemory {
    private static final String PREFIX = "divider.";
    private final WindowSettings settings;
    /** The split panes seen so far, by key: their positions are saved at close, also of views not shown then. */
    private final Map<String, SplitPane> known = new LinkedHashMap<>();
    private final Set<String> seenViews = new HashSet<>();

    public DividerMemory(WindowSettings settings) {
        this.settings = settings;
    }

    /** Call when {@code view} becomes the shown view: the first time, its dividers are restored after layout. */
    public void viewShown(Scene scene, String view) {
        if (!seenViews.add(view)) {
            return;
        }
        Runnable afterLayout = new Runnable() {
            private boolean done;

            @Override
            public void run() {
                if (done) {
                    return;
                }
                done = true;
                // Not removed inside the pulse that runs it: the scene is walking its listener list.
                Platform.runLater(() -> scene.removePostLayoutPulseListener(this));
                restore(scene.getRoot(), view);
            }
        };
        scene.addPostLayoutPulseListener(afterLayout);
        Platform.requestNextPulse();
    }

    /** Finds the split panes under {@code root} (the view just shown) and restores their saved dividers. */
    void restore(Parent root, String view) {
        List<SplitPane> panes = new ArrayList<>();
        collect(root, panes);
        for (int i = 0; i < panes.size(); i++) {
            SplitPane pane = panes.get(i);
            String key = PREFIX + view + "." + (pane.getId() != null ? pane.getId() : Integer.toString(i));
            if (known.containsValue(pane)) {
                continue;
            }
            known.put(key, pane);
            double[] positions = pane.getDividerPositions();
            boolean changed = false;
            for (int d = 0; d < positions.length; d++) {
                OptionalDouble saved = settings.number(key + "." + d);
                if (saved.isPresent() && saved.getAsDouble() >= 0 && saved.getAsDouble() <= 1) {
                    positions[d] = saved.getAsDouble();
                    changed = true;
                }
            }
            if (changed) {
                pane.setDividerPositions(positions);
            }
        }
    }

    /** Puts the current positions of every split pane seen into the settings (saved by the caller). */
    public void store() {
        known.forEach((key, pane) -> {
            double[] positions = pane.getDividerPositions();
            for (int d = 0; d < positions.length; d++) {
                settings.put(key + "." + d, positions[d]);
            }
        });
    }

    private static void collect(Node node, List<SplitPane> into) {
        if (node instanceof SplitPane pane) {
            into.add(pane);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, into);
            }
        }
    }
}
