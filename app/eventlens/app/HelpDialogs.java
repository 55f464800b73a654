package eventlens.app;

import eventlens.app.base.UserFolders;
import eventlens.app.base.Styles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Help → Keyboard shortcuts and Help → About. */
final class HelpDialogs {
    /** Keys that are not menu accelerators: they act inside a view. */
    static final List<String[]> VIEW_KEYS = List.of(
            new String[] {"Enter", "Events, Flows, Aggregates: apply the filter or search"},
            new String[] {"Home / Page Up / Page Down / End", "Aggregates: first, previous, next, last version"},
            new String[] {"Alt+Left / Alt+Right", "Aggregates: previous / next version"},
            new String[] {"Wheel, Shift+wheel", "Flows timeline: scroll vertically, horizontally"},
            new String[] {"Ctrl+wheel", "Flows timeline: zoom around the pointer"},
            new String[] {"Wheel", "Flows graph: zoom; drag to pan"});

    private HelpDialogs() {
    }

    /** Every menu command with a key, then the keys of the views. */
    static List<String[]> shortcuts(List<Menu> menus) {
        List<String[]> rows = new ArrayList<>();
        for (Menu menu : menus) {
            collect(menu, menu.getText(), rows);
        }
        rows.addAll(VIEW_KEYS);
        return rows;
    }

    private static void collect(Menu menu, String path, List<String[]> rows) {
        for (MenuItem item : menu.getItems()) {
            if (item instanceof SeparatorMenuItem) {
                continue;
            }
            if (item instanceof Menu sub) {
                collect(sub, path + " → " + sub.getText(), rows);
            } else if (item.getAccelerator() != null) {
                rows.add(new String[] {item.getAccelerator().getDisplayText(), path + " → " + item.getText()});
            }
        }
    }

    static void showShortcuts(Window owner, List<Menu> menus) {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        grid.setPadding(new Insets(8));
        int row = 0;
        for (String[] s : shortcuts(menus)) {
            Label key = new Label(s[0]);
            key.getStyleClass().add(Styles.CODE);
            Label what = new Label(s[1]);
            key.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            what.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.addRow(row++, key, what);
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        // Wide and tall enough for every row at once on a 1280×800 screen: a shortcut list is read whole.
        scroll.setPrefViewportWidth(grid.prefWidth(-1) + 20);
        scroll.setPrefViewportHeight(Math.min(640, row * 26 + 20));
        Alert alert = dialog(owner, "Keyboard shortcuts");
        alert.getDialogPane().setContent(scroll);
        alert.show();
    }

    static void showAbout(Window owner, Path project) {
        String version = HelpDialogs.class.getPackage().getImplementationVersion();
        Alert alert = dialog(owner, "About EventLens");
        alert.setHeaderText("EventLens " + (version == null ? "(development build)" : version));
        Label text = new Label(String.join("\n",
                "An event-flow visualizer and replay debugger for event-driven systems.",
                "",
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor", "") + ")",
                "JavaFX " + System.getProperty("javafx.runtime.version", "?"),
                "Project: " + (project == null ? "temporary (deleted on close)" : project.toAbsolutePath()),
                "Log file: " + UserFolders.logFile(),
                "",
                "The command line: java -jar eventlens.jar --help"));
        text.setWrapText(true);
        alert.getDialogPane().setContent(text);
        alert.show();
    }

    private static Alert dialog(Window owner, String title) {
        Alert alert = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        alert.initOwner(owner);
        alert.setTitle(title);
        alert.setHeaderText(null);
        alert.setResizable(true);
        if (owner != null && owner.getScene() != null) {
            alert.getDialogPane().getStylesheets().addAll(owner.getScene().getStylesheets());
            alert.getDialogPane().getStyleClass().add(Styles.ROOT);
        }
        return alert;
    }
}
