package eventlens.app;

import eventlens.app.base.Styles;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * What the window shows while no project is open (at start-up with nothing to open, after Close
 * project): the three ways in — a new project, an existing one, the bundled samples — and the recent
 * projects as links, instead of an empty table with a sentence about menus.
 */
final class StartPane extends VBox {
    private final VBox recent = new VBox(2);
    private final ObservableList<Path> paths;
    private final Consumer<Path> openRecent;

    StartPane(ObservableList<Path> recentPaths, Runnable newProject, Runnable openProject, Runnable openSamples,
            Consumer<Path> openRecent) {
        super(14);
        this.paths = recentPaths;
        this.openRecent = openRecent;
        setId("start-pane");
        setAlignment(Pos.CENTER);
        setMaxWidth(560);
        Label title = new Label("No project open");
        title.getStyleClass().add(Styles.PLACEHOLDER_TITLE);
        Label hint = new Label("A project holds the events of the logs you import into it. Drop log files on the "
                + "window once a project is open.");
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.MUTED);
        HBox actions = new HBox(8, button("start-new", "New project…", newProject),
                button("start-open", "Open project…", openProject),
                button("start-samples", "Open the samples", openSamples));
        actions.setAlignment(Pos.CENTER);
        recent.setId("start-recent");
        recent.setAlignment(Pos.CENTER);
        getChildren().addAll(title, hint, actions, recent);
        recentPaths.addListener((ListChangeListener<Path>) c -> fillRecent());
        fillRecent();
    }

    private static Button button(String id, String text, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private void fillRecent() {
        recent.getChildren().clear();
        if (paths.isEmpty()) {
            return;
        }
        Label heading = new Label("Recent projects");
        heading.getStyleClass().add(Styles.MUTED);
        recent.getChildren().add(heading);
        for (Path p : paths.subList(0, Math.min(6, paths.size()))) {
            Hyperlink link = new Hyperlink(String.valueOf(p.getFileName()));
            link.setMnemonicParsing(false);
            link.setTooltip(new Tooltip(p.toString()));
            link.setOnAction(e -> openRecent.accept(p));
            recent.getChildren().add(link);
        }
    }
}
