package eventlens.app.replay;

import eventlens.app.Styles;
import eventlens.app.events.EventDetailView;
import eventlens.model.Event;
import eventlens.replay.Delivery;
import eventlens.replay.ReplayMode;
import eventlens.replay.ReplaySession;
import java.io.File;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableIntegerValue;
import javafx.beans.value.ObservableLongValue;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * The Replay view: script editor and console on the left, transport bar on top, the live tables in
 * the middle, breakpoints and the selected event on the right. It binds to a {@link ReplayViewModel}
 * and drains the engine's output once per frame with an {@link AnimationTimer}.
 */
public final class ReplayView extends BorderPane {
    private final ReplayViewModel model;
    private final ScriptEditor editor;
    private final EventDetailView detail;
    private final TableView<Delivery> delivered;
    private final ChangeListener<Event> follow = (obs, old, now) -> followSelection(now);
    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            model.drain();
        }
    };

    public ReplayView(ReplayViewModel model) {
        this.model = model;
        getStyleClass().add(Styles.REPLAY_VIEW);
        editor = new ScriptEditor(model.script().textProperty(), model.script().errorLineProperty());
        detail = new EventDetailView(model.selection().detail());
        delivered = ReplayTables.delivered(model.output().delivered());
        delivered.getSelectionModel().selectedItemProperty().addListener((obs, old, d) -> {
            if (d != null) {
                model.selection().select(d.event(), !d.published());
            }
        });
        model.selection().selectedProperty().addListener(follow);

        VBox top = new VBox(6, scriptBar(), new TransportBar(model), stoppedAt());
        top.getStyleClass().add(Styles.REPLAY_BAR);
        setTop(top);
        SplitPane left = new SplitPane(titled("Script", editor), titled("Console", console()));
        left.setOrientation(Orientation.VERTICAL);
        left.setDividerPositions(0.68);
        SplitPane center = new SplitPane(left, outputs(), side());
        center.setDividerPositions(0.32, 0.71);
        setCenter(center);
        Label status = new Label();
        status.setId("replay-status");
        status.getStyleClass().add(Styles.MUTED);
        status.textProperty().bind(model.statusProperty());
        setBottom(status);
        frames.start();
    }

    private HBox scriptBar() {
        MenuButton examples = new MenuButton("Examples");
        examples.setId("replay-examples");
        for (String name : SampleScripts.available()) {
            MenuItem item = new MenuItem(name);
            item.setId("example-" + name.replace(".js", ""));
            item.setOnAction(e -> model.script().openExample(name));
            examples.getItems().add(item);
        }
        Button open = new Button("Open…");
        open.setOnAction(e -> chooseScript(false));
        Button save = new Button("Save…");
        save.setOnAction(e -> chooseScript(true));
        Label name = new Label();
        name.setId("replay-script-name");
        name.getStyleClass().add(Styles.VIEW_TITLE);
        name.textProperty().bind(model.script().nameProperty());
        TextField filter = new TextField();
        filter.setId("replay-filter");
        filter.getStyleClass().add(Styles.FILTER_FIELD);
        filter.setPromptText("slice, e.g. type:order.* corr:txn-1 after:2024-01-15T10:30");
        filter.textProperty().bindBidirectional(model.filterTextProperty());
        filter.setOnAction(e -> model.load());
        HBox.setHgrow(filter, Priority.ALWAYS);
        Label error = new Label();
        error.getStyleClass().add(Styles.FILTER_ERROR);
        error.textProperty().bind(model.filterErrorProperty());
        error.visibleProperty().bind(model.filterErrorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        ChoiceBox<ReplayMode> mode = new ChoiceBox<>();
        mode.setId("replay-mode");
        mode.getItems().setAll(ReplayMode.values());
        mode.setConverter(new StringConverter<>() {
            @Override
            public String toString(ReplayMode m) {
                return m == null ? "" : m == ReplayMode.ALL ? "all events" : "roots only";
            }

            @Override
            public ReplayMode fromString(String s) {
                return null;
            }
        });
        mode.valueProperty().bindBidirectional(model.modeProperty());
        Button load = new Button();
        load.setId("replay-load");
        load.textProperty().bind(Bindings.when(model.loadedProperty()).then("⟲ Restart").otherwise("Load"));
        load.getStyleClass().add("default-button");
        load.disableProperty().bind(model.busyProperty());
        load.setOnAction(e -> model.load());
        Label message = new Label();
        message.getStyleClass().add(Styles.MUTED);
        message.textProperty().bind(model.script().messageProperty());
        HBox bar = new HBox(6, examples, open, save, name, message, filter, error, mode, load);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return bar;
    }

    private Label stoppedAt() {
        Label l = new Label();
        l.setId("replay-stopped-at");
        l.getStyleClass().add(Styles.STOPPED_AT);
        l.textProperty().bind(model.stoppedAtProperty());
        l.visibleProperty().bind(model.stoppedAtProperty().isNotEmpty());
        l.managedProperty().bind(l.visibleProperty());
        l.setMaxWidth(Double.MAX_VALUE);
        return l;
    }

    private ListView<ConsoleLine> console() {
        ListView<ConsoleLine> console = new ListView<>(model.output().console());
        console.setId("replay-console");
        console.getStyleClass().add(Styles.CONSOLE);
        console.setPlaceholder(new Label("ctx.log lines and script errors appear here."));
        console.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ConsoleLine item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.text());
                getStyleClass().remove(Styles.CONSOLE_ERROR);
                if (!empty && item != null && item.error()) {
                    getStyleClass().add(Styles.CONSOLE_ERROR);
                }
            }
        });
        console.getSelectionModel().selectedItemProperty().addListener((obs, old, line) -> {
            if (line != null && line.located()) {
                editor.moveCaretTo(line.line(), line.column());
            }
        });
        return console;
    }

    private TabPane outputs() {
        TableView<Event> published = ReplayTables.published(model.output().published());
        published.getSelectionModel().selectedItemProperty().addListener((obs, old, e) -> {
            if (e != null) {
                model.selection().select(e, false);
            }
        });
        var dead = ReplayTables.deadLetters(model.output().deadLetters());
        dead.getSelectionModel().selectedItemProperty().addListener((obs, old, d) -> {
            if (d != null) {
                model.selection().select(d.event(), !ReplaySession.isPublished(d.event()));
                if (d.error().line() > 0) {
                    editor.moveCaretTo(d.error().line(), d.error().column());
                }
            }
        });
        TabPane tabs = new TabPane(
                tab("replay-tab-delivered", "Delivered", model.output().deliveredCountProperty(), delivered),
                tab("replay-tab-published", "Published", model.output().publishedCountProperty(), published),
                tab("replay-tab-dead", "Dead letters", Bindings.size(model.output().deadLetters()), dead),
                tab("replay-tab-divergences", "Divergences", Bindings.size(model.output().divergences()),
                        ReplayTables.divergences(model.output().divergences())),
                new Tab("Runs", new RunsPane(model.runs())));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        return tabs;
    }

    private static Tab tab(String id, String title, Object count, javafx.scene.Node content) {
        Tab t = new Tab();
        t.setId(id);
        if (count instanceof ObservableLongValue l) {
            t.textProperty().bind(Bindings.createStringBinding(() -> String.format("%s (%,d)", title, l.get()), l));
        } else if (count instanceof ObservableIntegerValue i) {
            t.textProperty().bind(Bindings.createStringBinding(() -> String.format("%s (%,d)", title, i.get()), i));
        }
        t.setContent(content);
        return t;
    }

    private VBox side() {
        Button showFlow = new Button("Show flow");
        showFlow.setId("replay-show-flow");
        showFlow.disableProperty().bind(model.selection().recordedProperty().not());
        showFlow.setOnAction(e -> model.selection().showFlow());
        VBox.setVgrow(detail, Priority.ALWAYS);
        VBox side = new VBox(10, new BreakpointsPane(model), detail, showFlow);
        side.setMinWidth(260);
        return side;
    }

    private static VBox titled(String title, javafx.scene.Node content) {
        Label l = new Label(title);
        l.getStyleClass().add(Styles.PANEL_TITLE);
        VBox.setVgrow(content, Priority.ALWAYS);
        return new VBox(4, l, content);
    }

    /** Selects the delivered row of the event the model selected (a breakpoint, a step), if it is listed. */
    private void followSelection(Event e) {
        Delivery current = delivered.getSelectionModel().getSelectedItem();
        if (e == null || current != null && current.event() == e) {
            return;
        }
        var rows = model.output().delivered();
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i).event() == e) {
                delivered.getSelectionModel().clearAndSelect(i);
                delivered.scrollTo(Math.max(0, i - 3));
                return;
            }
        }
        // Not delivered yet (a type breakpoint stops before delivery): show the end of the list, where it will come.
        delivered.getSelectionModel().clearSelection();
        delivered.scrollTo(Math.max(0, rows.size() - 1));
    }

    private void chooseScript(boolean save) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(save ? "Save script" : "Open script");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("JavaScript", "*.js", "*.mjs"),
                new FileChooser.ExtensionFilter("All files", "*"));
        chooser.setInitialFileName(model.script().name());
        var window = getScene() == null ? null : getScene().getWindow();
        File file = save ? chooser.showSaveDialog(window) : chooser.showOpenDialog(window);
        if (file != null) {
            if (save) {
                model.script().save(file.toPath());
            } else {
                model.script().open(file.toPath());
            }
        }
    }

    ScriptEditor editor() {
        return editor;
    }

    /** Stops the frame timer and removes the listeners on the view model, which may outlive the view. */
    public void dispose() {
        frames.stop();
        model.selection().selectedProperty().removeListener(follow);
        editor.dispose();
        detail.dispose();
    }
}
