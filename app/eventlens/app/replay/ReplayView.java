package eventlens.app.replay;

import eventlens.app.base.Styles;
import eventlens.app.base.WarmsUp;
import eventlens.model.Event;
import eventlens.replay.Delivery;
import eventlens.replay.ReplayMode;
import java.io.File;
import java.util.List;
import javafx.animation.AnimationTimer;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;

/**
 * The Replay view: the script bar and transport bar on top; the script editor with most of the width and,
 * beside it, the inspector (breakpoints, selected event, state pane); under them the run's outputs in tabs
 * (console, delivered, published, dead letters, divergences, runs). It binds to a {@link ReplayViewModel},
 * drains the engine's output once per frame with an {@link AnimationTimer}, and handles the debugger keys
 * ({@link ReplayKeys}).
 */
public final class ReplayView extends BorderPane implements WarmsUp {
    private final ReplayViewModel model;
    private final ScriptEditor editor;
    private final ReplayInspector inspector;
    private final ReplayOutputsPane outputs;
    private final TableView<Delivery> delivered;
    private final ChangeListener<Event> follow = (obs, old, now) -> followSelection(now);
    private final ChangeListener<Number> scriptError = (obs, old, now) -> {
        if (now.intValue() > 0) {
            showConsole();
        }
    };
    /**
     * Drains the engine's output while it works, ten times a second: a run at full speed fed three tables
     * every frame, and their layout took the whole FX thread (stalls of 150–300 ms). The last drain, when
     * the engine stops, happens at once ({@link #followWork}), so a step still shows immediately.
     */
    private final AnimationTimer frames = new AnimationTimer() {
        private long last;

        @Override
        public void handle(long now) {
            if (now - last >= DRAIN_EVERY_NANOS) {
                last = now;
                model.drainWhileWorking();
            }
        }
    };
    private static final long DRAIN_EVERY_NANOS = 100_000_000L;

    public ReplayView(ReplayViewModel model) {
        this.model = model;
        getStyleClass().add(Styles.REPLAY_VIEW);
        editor = new ScriptEditor(model.script().textProperty(), model.script().errorLineProperty());
        inspector = new ReplayInspector(model);
        outputs = new ReplayOutputsPane(model, editor, inspector::eventPicked);
        delivered = outputs.delivered();
        model.selection().selectedProperty().addListener(follow);
        model.script().errorLineProperty().addListener(scriptError);

        VBox top = new VBox(6, scriptBar(), new TransportBar(model), stoppedAt());
        top.getStyleClass().add(Styles.REPLAY_BAR);
        setTop(top);
        // The editor gets most of the width: a script is read line by line, the inspector is a narrow column.
        SplitPane upper = new SplitPane(titled("Script", editor), inspector);
        upper.setDividerPositions(0.62);
        inspector.setMinWidth(240);
        inspector.setPrefWidth(300);
        SplitPane center = new SplitPane(upper, outputs);
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.58);
        setCenter(center);
        Label status = new Label();
        status.setId("replay-status");
        status.getStyleClass().add(Styles.MUTED);
        status.textProperty().bind(model.statusProperty());
        setBottom(status);
        ReplayKeys.install(this, model);
        // The frame timer runs only while the engine works: a timer left running keeps the toolkit pulsing
        // (and a core warm) in an idle window.
        model.busyProperty().addListener(drainWhileWorking);
        model.playingProperty().addListener(drainWhileWorking);
    }

    private final InvalidationListener drainWhileWorking = obs -> followWork();

    private void followWork() {
        if (model.busyProperty().get() || model.playingProperty().get()) {
            frames.start();
        } else {
            frames.stop();
            model.drain();
        }
    }

    private void showConsole() {
        outputs.showConsole();
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
        filter.setPromptText("slice, e.g. type:order.* corr:txn-1 after:2024-01-15T10:30, or @saved");
        filter.textProperty().bindBidirectional(model.filterTextProperty());
        // Enter loads; ↑/↓ and Ctrl+Space as in the events filter.
        eventlens.app.events.QueryField.install(filter, model.assist(), model::load);
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
        // At the window's narrowest (800 px) the bar's fixed parts leave the filter and the script's name about
        // 200 px between them: both shorten (the name with an ellipsis) before the bar pushes Load out of sight.
        filter.setMinWidth(100);
        name.setMinWidth(40);
        message.setMinWidth(0);
        for (javafx.scene.layout.Region r : new javafx.scene.layout.Region[] {examples, open, save, mode, load}) {
            r.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
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

    /** Shows a short script in the editor unseen, so that the highlighter's and the text model's first use is not the user's. */
    @Override
    public List<Runnable> warmUp() {
        return List.of(editor::warmUp);
    }

    @Override
    public void endWarmUp() {
        editor.endWarmUp();
    }

    ScriptEditor editor() {
        return editor;
    }

    /** Stops the frame timer and removes the listeners on the view model, which may outlive the view. */
    public void dispose() {
        frames.stop();
        model.busyProperty().removeListener(drainWhileWorking);
        model.playingProperty().removeListener(drainWhileWorking);
        model.selection().selectedProperty().removeListener(follow);
        model.script().errorLineProperty().removeListener(scriptError);
        editor.dispose();
        inspector.dispose();
        outputs.dispose();
    }
}
