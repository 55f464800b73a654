package eventlens.app.base;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Skin;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitMenuButton;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeTableView;
import javafx.scene.control.skin.ButtonSkin;
import javafx.scene.control.skin.CheckBoxSkin;
import javafx.scene.control.skin.ChoiceBoxSkin;
import javafx.scene.control.skin.ComboBoxListViewSkin;
import javafx.scene.control.skin.HyperlinkSkin;
import javafx.scene.control.skin.LabelSkin;
import javafx.scene.control.skin.ListViewSkin;
import javafx.scene.control.skin.MenuButtonSkin;
import javafx.scene.control.skin.ProgressBarSkin;
import javafx.scene.control.skin.ScrollBarSkin;
import javafx.scene.control.skin.ScrollPaneSkin;
import javafx.scene.control.skin.SliderSkin;
import javafx.scene.control.skin.SplitMenuButtonSkin;
import javafx.scene.control.skin.SplitPaneSkin;
import javafx.scene.control.skin.TabPaneSkin;
import javafx.scene.control.skin.TableViewSkin;
import javafx.scene.control.skin.TextAreaSkin;
import javafx.scene.control.skin.TextFieldSkin;
import javafx.scene.control.skin.TitledPaneSkin;
import javafx.scene.control.skin.ToggleButtonSkin;
import javafx.scene.control.skin.TreeTableViewSkin;

/**
 * Gives the controls of a view that is not in the scene yet their default skins, a slice of the FX thread at a
 * time, before the view is styled: a control without a skin gets it during its first styling, which made that
 * styling one task of 100–260 ms per view in the window's first seconds (about 60 % of it building skins). A skin
 * is made here only for a control of one of the classes below, or of a subclass that does not declare its own
 * {@code createDefaultSkin}: the skin that method makes; any other control gets its skin from styling, as before.
 * The controls a new skin brings (a table's scroll bars, a split pane's items) are visited in turn.
 */
public final class SkinsAhead {
    private static final Map<Class<?>, Function<Control, Skin<?>>> DEFAULTS = Map.ofEntries(
            Map.entry(Label.class, c -> new LabelSkin((Label) c)),
            Map.entry(Button.class, c -> new ButtonSkin((Button) c)),
            Map.entry(ToggleButton.class, c -> new ToggleButtonSkin((ToggleButton) c)),
            Map.entry(CheckBox.class, c -> new CheckBoxSkin((CheckBox) c)),
            Map.entry(Hyperlink.class, c -> new HyperlinkSkin((Hyperlink) c)),
            Map.entry(MenuButton.class, c -> new MenuButtonSkin((MenuButton) c)),
            Map.entry(SplitMenuButton.class, c -> new SplitMenuButtonSkin((SplitMenuButton) c)),
            Map.entry(TextField.class, c -> new TextFieldSkin((TextField) c)),
            Map.entry(TextArea.class, c -> new TextAreaSkin((TextArea) c)),
            Map.entry(ComboBox.class, c -> new ComboBoxListViewSkin<>((ComboBox<?>) c)),
            Map.entry(ChoiceBox.class, c -> new ChoiceBoxSkin<>((ChoiceBox<?>) c)),
            Map.entry(Slider.class, c -> new SliderSkin((Slider) c)),
            Map.entry(ProgressBar.class, c -> new ProgressBarSkin((ProgressBar) c)),
            Map.entry(ScrollBar.class, c -> new ScrollBarSkin((ScrollBar) c)),
            Map.entry(ScrollPane.class, c -> new ScrollPaneSkin((ScrollPane) c)),
            Map.entry(SplitPane.class, c -> new SplitPaneSkin((SplitPane) c)),
            Map.entry(TabPane.class, c -> new TabPaneSkin((TabPane) c)),
            Map.entry(TitledPane.class, c -> new TitledPaneSkin((TitledPane) c)),
            Map.entry(ListView.class, c -> new ListViewSkin<>((ListView<?>) c)),
            Map.entry(TableView.class, c -> new TableViewSkin<>((TableView<?>) c)),
            Map.entry(TreeTableView.class, c -> new TreeTableViewSkin<>((TreeTableView<?>) c)));

    private final Deque<Node> left = new ArrayDeque<>();
    private final Node view;
    private final long sliceNanos;
    private int made;

    private SkinsAhead(Node view, long sliceNanos) {
        this.view = view;
        this.sliceNanos = sliceNanos;
        left.push(view);
    }

    /**
     * Skins {@code view}'s controls in FX tasks of about {@code sliceMillis} each, then runs {@code then} (on the FX
     * thread, in a task of its own). Stops early, and runs {@code then}, once the view is in a scene: styling makes the
     * rest, as it would have.
     */
    public static void make(Node view, int sliceMillis, Runnable then) {
        new SkinsAhead(view, sliceMillis * 1_000_000L).slice(then);
    }

    /** Skins all of {@code view}'s controls at once (for tests); returns how many it made. */
    static int makeAll(Node view) {
        SkinsAhead s = new SkinsAhead(view, Long.MAX_VALUE);
        s.visit();
        return s.made;
    }

    /**
     * The default skin of a control of class {@code type}: the one of the JavaFX class it extends, when neither it nor
     * any class between declares its own {@code createDefaultSkin}; else null.
     */
    private static Function<Control, Skin<?>> defaultSkin(Class<?> type) {
        for (Class<?> c = type; c != null && c != Control.class; c = c.getSuperclass()) {
            Function<Control, Skin<?>> skin = DEFAULTS.get(c);
            if (skin != null) {
                return skin;
            }
            if (declaresSkin(c)) {
                return null;
            }
        }
        return null;
    }

    private static boolean declaresSkin(Class<?> c) {
        try {
            c.getDeclaredMethod("createDefaultSkin");
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        } catch (SecurityException e) {
            return true;
        }
    }

    private void slice(Runnable then) {
        Platform.runLater(() -> {
            if (view.getScene() == null && visit()) {
                slice(then);
            } else {
                Platform.runLater(then);
            }
        });
    }

    /** Skins controls until the slice's time is up; true when some are left. */
    private boolean visit() {
        long start = System.nanoTime();
        while (!left.isEmpty()) {
            Node node = left.pop();
            if (node instanceof Control control && control.getSkin() == null) {
                Function<Control, Skin<?>> skin = defaultSkin(control.getClass());
                if (skin != null) {
                    control.setSkin(skin.apply(control));
                    made++;
                }
            }
            if (node instanceof Parent parent) {
                var children = parent.getChildrenUnmodifiable();
                for (int i = children.size() - 1; i >= 0; i--) {
                    left.push(children.get(i));
                }
            }
            if (System.nanoTime() - start >= sliceNanos) {
                return !left.isEmpty();
            }
        }
        return false;
    }
}
