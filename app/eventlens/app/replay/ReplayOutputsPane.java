package eventlens.app.replay;

import eventlens.app.base.CodeText;
import eventlens.app.base.Styles;
import eventlens.app.links.DetailField;
import eventlens.app.links.FieldLine;
import eventlens.model.Event;
import eventlens.replay.Delivery;
import eventlens.replay.Divergence;
import eventlens.replay.ReplaySession;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableIntegerValue;
import javafx.collections.ListChangeListener;
import javafx.beans.value.ObservableLongValue;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/**
 * Under the script, what the run produced, one tab each: the console, delivered and published events,
 * dead letters, divergences (with expected against actual for the selected one) and the stored runs. Tab
 * titles are a word and a count, so that all six fit a 1024-pixel window without the overflow menu.
 */
final class ReplayOutputsPane extends TabPane {
    private final ReplayViewModel model;
    private final ScriptEditor editor;
    private final Runnable picked;
    private final TableView<Delivery> delivered;
    private final Tab consoleTab;
    private final RunsPane runs;
    private final Subscription showRuns;
    private final FieldLine divergenceIds;
    private final ListChangeListener<DetailField> refillDivergenceIds;

    /** @param picked called when the user picks an event in a table (the inspector shows it) */
    ReplayOutputsPane(ReplayViewModel model, ScriptEditor editor, Runnable picked) {
        this.model = model;
        this.editor = editor;
        this.picked = picked;
        setId("replay-outputs");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        delivered = ReplayTables.delivered(model.output().delivered());
        delivered.getSelectionModel().selectedItemProperty().addListener((obs, old, d) -> {
            // The row of the event the model already shows: the table following a step or a stop (ReplayView),
            // not a pick. Taken as one, it brought the event tab forward instead of the state and showed the
            // event's detail a second time in the step's frame.
            if (d != null && model.selection().selectedProperty().get() != d.event()) {
                model.selection().select(d.event(), !d.published());
                picked.run();
            }
        });
        TableView<Event> published = ReplayTables.published(model.output().published());
        published.getSelectionModel().selectedItemProperty().addListener((obs, old, e) -> {
            if (e != null) {
                model.selection().select(e, false);
                picked.run();
            }
        });
        var dead = ReplayTables.deadLetters(model.output().deadLetters());
        dead.getSelectionModel().selectedItemProperty().addListener((obs, old, d) -> {
            if (d != null) {
                model.selection().select(d.event(), !ReplaySession.isPublished(d.event()));
                picked.run();
                if (d.error().line() > 0) {
                    editor.moveCaretTo(d.error().line(), d.error().column());
                }
            }
        });
        runs = new RunsPane(model.runs());
        // A divergence's ids: recorded ones lead to their flows, a published one to the inspector.
        divergenceIds = new FieldLine("replay-divergence", link -> {
            model.selection().follow(link, model.output().published());
            picked.run();
        });
        refillDivergenceIds = change -> divergenceIds.show(model.divergenceDiff().ids());
        model.divergenceDiff().ids().addListener(refillDivergenceIds);
        consoleTab = tab("replay-tab-console", "Console", Bindings.size(model.output().console()), console());
        getTabs().addAll(consoleTab,
                tab("replay-tab-delivered", "Delivered", model.output().deliveredCountProperty(), delivered),
                tab("replay-tab-published", "Published", model.output().publishedCountProperty(), published),
                tab("replay-tab-dead", "Dead letters", Bindings.size(model.output().deadLetters()), dead),
                tab("replay-tab-divergences", "Divergences", Bindings.size(model.output().divergences()), divergences()),
                tab("replay-tab-runs", "Runs", null, runs));
        getSelectionModel().select(1);
        // A run link or Back selects a run: its tab comes forward.
        Tab runsTab = getTabs().get(getTabs().size() - 1);
        showRuns = model.runs().selectedProperty().subscribe(run -> {
            if (run != null) {
                getSelectionModel().select(runsTab);
            }
        });
    }

    private ListView<ConsoleLine> console() {
        ListView<ConsoleLine> console = new ListView<>(model.output().console());
        console.setId("replay-console");
        console.getStyleClass().add(Styles.CONSOLE);
        console.setPlaceholder(new Label("ctx.log lines and script errors appear here."));
        console.setCellFactory(v -> {
            ListCell<ConsoleLine> cell = new ListCell<>() {
                @Override
                protected void updateItem(ConsoleLine item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty || item == null ? null : item.text());
                    setTooltip(empty || item == null ? null
                            : new Tooltip(item.located() ? item.text() + "\nClick to go to line " + item.line() : item.text()));
                    getStyleClass().removeAll(Styles.CONSOLE_ERROR, Styles.CONSOLE_LOCATED);
                    if (!empty && item != null && item.error()) {
                        getStyleClass().add(Styles.CONSOLE_ERROR);
                    }
                    if (!empty && item != null && item.located()) {
                        getStyleClass().add(Styles.CONSOLE_LOCATED);
                    }
                }
            };
            // On the click, not on the selection: clicking the selected line again goes there too, and the editor
            // keeps the focus (taken on press it would go back to the list on release, hiding the caret).
            cell.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && !cell.isEmpty()) {
                    goTo(cell.getItem());
                }
            });
            return cell;
        });
        console.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                goTo(console.getSelectionModel().getSelectedItem());
            }
        });
        return console;
    }

    private void goTo(ConsoleLine line) {
        if (line != null && line.located()) {
            editor.moveCaretTo(line.line(), line.column());
        }
    }

    private SplitPane divergences() {
        TableView<Divergence> table = ReplayTables.divergences(model.output().divergences());
        table.getSelectionModel().selectedItemProperty().addListener((obs, old, d) -> model.selectDivergence(d));
        DivergenceDiff diff = model.divergenceDiff();
        Label title = new Label();
        title.setId("replay-divergence-title");
        title.getStyleClass().add(Styles.MUTED);
        title.textProperty().bind(diff.titleProperty());

        TextArea expected = json("replay-divergence-expected", diff.expectedProperty());
        TextArea actual = json("replay-divergence-actual", diff.actualProperty());
        HBox sides = new HBox(6, side("Expected (recorded)", expected), side("Actual (this run)", actual));
        VBox.setVgrow(sides, Priority.ALWAYS);
        VBox compare = new VBox(4, title, divergenceIds, sides);
        SplitPane split = new SplitPane(table, compare);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.45);
        return split;
    }

    private static VBox side(String title, TextArea text) {
        Label l = new Label(title);
        l.getStyleClass().add(Styles.PANEL_TITLE);
        VBox.setVgrow(text, Priority.ALWAYS);
        VBox box = new VBox(2, l, text);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setMaxWidth(Double.MAX_VALUE);
        box.setPrefWidth(100);
        return box;
    }

    private static TextArea json(String id, javafx.beans.value.ObservableValue<String> text) {
        return CodeText.bound(id, text);
    }

    private static Tab tab(String id, String title, Object count, Node content) {
        Tab t = new Tab(title);
        t.setId(id);
        if (count instanceof ObservableLongValue l) {
            t.textProperty().bind(Bindings.createStringBinding(() -> String.format("%s %,d", title, l.get()), l));
        } else if (count instanceof ObservableIntegerValue i) {
            t.textProperty().bind(Bindings.createStringBinding(() -> String.format("%s %,d", title, i.get()), i));
        }
        t.setContent(content);
        return t;
    }

    /** Brings the console forward (a script error to read). */
    void showConsole() {
        getSelectionModel().select(consoleTab);
    }

    TableView<Delivery> delivered() {
        return delivered;
    }

    /** Removes the listeners on the view model, which outlives the view. */
    void dispose() {
        model.divergenceDiff().ids().removeListener(refillDivergenceIds);
        showRuns.unsubscribe();
        runs.dispose();
    }
}
