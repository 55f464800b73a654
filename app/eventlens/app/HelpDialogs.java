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

/** Help → Keyboard shortcuts, Help → Filter language and Help → About. */
final class HelpDialogs {
    /** Keys that are not menu accelerators: they act inside a view. */
    static final List<String[]> VIEW_KEYS = List.of(
            new String[] {"Enter", "Events, Flows, Aggregates: apply the filter or search"},
            new String[] {"Up / Down", "Events filter: the project's earlier queries (history)"},
            new String[] {"Ctrl+Space, Tab", "Events filter: complete a key, a stored type, source, aggregate type, schema version, @saved"},
            new String[] {"Home / Page Up / Page Down / End", "Aggregates: first, previous, next, last version"},
            new String[] {"Alt+Left / Alt+Right", "Aggregates: previous / next version"},
            new String[] {"Wheel, Shift+wheel", "Flows timeline: scroll vertically, horizontally"},
            new String[] {"Ctrl+wheel", "Flows timeline: zoom around the pointer"},
            new String[] {"Wheel", "Flows graph: zoom; drag to pan"},
            new String[] {"Enter, double-click", "Bookmarks dialog: go to the selected bookmark"},
            new String[] {"Ctrl+Enter", "Bookmark note: add the bookmark, or save the note"});

    /** The filter language in one table (the Events and Replay filter bars, the command line's --where). */
    static final List<String[]> FILTER_LANGUAGE = List.of(
            new String[] {"type:order.*  source:billing  aggtype:Order", "equal, or a glob with * and ?"},
            new String[] {"corr:ID  cause:ID  id:ID  agg:ID  agg:Order/123", "correlation, causation, event, aggregate id"},
            new String[] {"after:2024-01-15T10:30  before:2024-01-16", "time: ISO (UTC unless an offset), or epoch ms"},
            new String[] {"after:-15m  after:-2h  after:-1d  before:-1w", "relative to the log's last event, not to now"},
            new String[] {"data.total>100  metadata.userId=u-1", "a JSON field: = != < <= > >= (and : for =)"},
            new String[] {"data.items[0].sku=SKU-1", "paths with array indexes"},
            new String[] {"data.sku~^SKU-[0-9]+$", "~ a regular expression found in the value (at most 256 characters)"},
            new String[] {"has:causation  has:correlation  has:aggregate", "the id is set"},
            new String[] {"is:failed  is:deadletter  is:duplicate  is:orphan", "failure type, failed span or dead letter; "
                    + "a dead letter; delivered twice; cause missing"},
            new String[] {"causedby:ID  causes:ID  flow:ID", "every descendant; every ancestor to the root; the whole flow"},
            new String[] {"schema:OrderPlaced@2  schema:OrderPlaced", "declares schema version 2 (@v2 too; 2.0 is another); "
                    + "declares none"},
            new String[] {"is:invalid", "failed the last validation against JSON Schema files (Schemas view)"},
            new String[] {"is:replay", "says it was re-sent: an EventBridge archive replay, a dead letter re-delivered "
                    + "(EventLens export, ServiceControl retry)"},
            new String[] {"timeout  \"gateway timeout\"", "the raw record contains the text (case-sensitive)"},
            new String[] {"a b  a AND b", "both"},
            new String[] {"a OR b", "either"},
            new String[] {"NOT a  -a", "not (an event lacking the field counts as not)"},
            new String[] {"(a OR b) c", "group; NOT binds tightest, then AND, then OR"},
            new String[] {"@name", "a saved query (eventlens query PROJECT --save NAME QUERY)"});

    private HelpDialogs() {
    }

    static void showFilterLanguage(Window owner) {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(6);
        grid.setPadding(new Insets(8));
        int row = 0;
        for (String[] s : FILTER_LANGUAGE) {
            Label example = new Label(s[0]);
            example.getStyleClass().add(Styles.CODE);
            example.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            grid.addRow(row++, example, new Label(s[1]));
        }
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportWidth(grid.prefWidth(-1) + 20);
        scroll.setPrefViewportHeight(Math.min(640, row * 26 + 20));
        Alert alert = dialog(owner, "Filter language");
        alert.getDialogPane().setContent(scroll);
        alert.show();
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
