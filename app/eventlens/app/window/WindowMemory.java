package eventlens.app.window;

import java.io.IOException;
import java.util.List;
import java.util.OptionalDouble;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Puts the window where it was at the last close (size, position, maximised) or, the first time, at the
 * standard place; follows it while it is open and writes it back, with the split panes' dividers, at close.
 */
public final class WindowMemory {
    private final WindowSettings settings;
    private final DividerMemory dividers;
    /** The bounds while neither maximised nor iconified: what a maximised window returns to. */
    private Rectangle2D normal;
    /** The bounds before the last change: GTK reports the maximised size before the maximised flag. */
    private Rectangle2D previous;
    private boolean saved;

    public WindowMemory(WindowSettings settings) {
        this.settings = settings;
        this.dividers = new DividerMemory(settings);
    }

    public DividerMemory dividers() {
        return dividers;
    }

    /** Follows a property (the dark theme): set from the settings now, stored with the window on close. */
    public void remember(String key, javafx.beans.property.BooleanProperty property) {
        property.set(settings.flag(key));
        property.addListener((obs, old, now) -> settings.put(key, now));
    }

    /**
     * Call right after {@code stage.show()}. The bounds are set after mapping: under a window manager GTK
     * otherwise maps the window at 200×200, and the decorations' size is only known then; set once more on
     * the next turn, when they are.
     */
    public void place(Stage stage) {
        stage.setMinWidth(Math.min(WindowPlacement.MIN_WIDTH, primary().getWidth()));
        stage.setMinHeight(Math.min(WindowPlacement.MIN_HEIGHT, primary().getHeight()));
        apply(stage);
        Platform.runLater(() -> {
            apply(stage);
            normal = bounds(stage);
            stage.xProperty().addListener((o, a, b) -> follow(stage));
            stage.yProperty().addListener((o, a, b) -> follow(stage));
            stage.widthProperty().addListener((o, a, b) -> follow(stage));
            stage.heightProperty().addListener((o, a, b) -> follow(stage));
            stage.maximizedProperty().addListener((o, was, now) -> {
                if (now && previous != null && covers(normal)) {
                    normal = previous;
                }
            });
            if (settings.flag("window.maximized")) {
                stage.setMaximized(true);
            }
        });
    }

    private void apply(Stage stage) {
        Rectangle2D at = WindowPlacement.restored(saved(), Screen.getScreens().stream().map(Screen::getVisualBounds).toList());
        if (at == null) {
            Scene scene = stage.getScene();
            at = WindowPlacement.standard(primary(), Math.max(0, stage.getWidth() - scene.getWidth()),
                    Math.max(0, stage.getHeight() - scene.getHeight()));
        }
        stage.setWidth(at.getWidth());
        stage.setHeight(at.getHeight());
        stage.setX(at.getMinX());
        stage.setY(at.getMinY());
    }

    private Rectangle2D saved() {
        List<OptionalDouble> v = List.of(settings.number("window.x"), settings.number("window.y"),
                settings.number("window.width"), settings.number("window.height"));
        if (v.stream().anyMatch(OptionalDouble::isEmpty)) {
            return null;
        }
        return new Rectangle2D(v.get(0).getAsDouble(), v.get(1).getAsDouble(), v.get(2).getAsDouble(),
                v.get(3).getAsDouble());
    }

    private void follow(Stage stage) {
        if (!stage.isMaximized() && !stage.isIconified() && !stage.isFullScreen()) {
            previous = normal;
            normal = bounds(stage);
        }
    }

    /** Whether the remembered normal bounds are really the maximised ones (they fill the window's screen). */
    private static boolean covers(Rectangle2D r) {
        Rectangle2D screen = Screen.getScreensForRectangle(r).stream().findFirst().orElse(Screen.getPrimary())
                .getVisualBounds();
        return r.getWidth() >= screen.getWidth() - 2 && r.getHeight() >= screen.getHeight() - 2;
    }

    /**
     * Writes the window's bounds and every split pane's dividers, once (when the window hides, or when the
     * application stops without hiding it); a failure is reported, never fatal.
     */
    public void save(Stage stage) {
        if (saved) {
            return;
        }
        saved = true;
        Rectangle2D r = normal != null ? normal : bounds(stage);
        settings.put("window.x", r.getMinX());
        settings.put("window.y", r.getMinY());
        settings.put("window.width", r.getWidth());
        settings.put("window.height", r.getHeight());
        settings.put("window.maximized", stage.isMaximized());
        dividers.store();
        try {
            settings.save();
        } catch (IOException e) {
            System.getLogger("eventlens").log(System.Logger.Level.WARNING, "cannot save the window's size and "
                    + "position to " + settings.file(), e);
        }
    }

    private static Rectangle2D bounds(Stage stage) {
        return new Rectangle2D(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight());
    }

    private static Rectangle2D primary() {
        return Screen.getPrimary().getVisualBounds();
    }
}
