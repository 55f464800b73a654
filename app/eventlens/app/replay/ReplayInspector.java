package eventlens.app.replay;

import eventlens.app.base.Styles;
import eventlens.app.aggregates.StateRow;
import eventlens.app.aggregates.StateTreeView;
import eventlens.app.events.EventDetailView;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Beside the script: the breakpoints, the selected event, and the state pane (the event's aggregate before
 * and after its step, changes marked). A stop or a step brings the state pane forward when the breakpoints
 * were showing; a row picked in a table brings the event forward likewise — never taking a tab the user chose.
 */
final class ReplayInspector extends TabPane {
    private final ReplayViewModel model;
    private final EventDetailView detail;
    private final StateTreeView tree = new StateTreeView(null);
    private final Tab breakpoints;
    private final Tab event;
    private final Tab state;
    private final ChangeListener<StateRow> showTree = (obs, old, now) -> showState(now);
    private final ChangeListener<String> stateMoved = (obs, old, now) -> bringForward(stateTab());

    ReplayInspector(ReplayViewModel model) {
        this.model = model;
        setId("replay-inspector");
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
        detail = new EventDetailView(model.selection().detail());
        breakpoints = tab("replay-tab-breakpoints", "Breakpoints", new BreakpointsPane(model));
        event = tab("replay-tab-event", "Event", eventPane());
        state = tab("replay-tab-state", "State", statePane());
        getTabs().addAll(breakpoints, event, state);
        model.stepState().treeProperty().addListener(showTree);
        model.stepState().titleProperty().addListener(stateMoved);
        showState(model.stepState().treeProperty().get());
    }

    private VBox eventPane() {
        Button showFlow = new Button("Show flow");
        showFlow.setId("replay-show-flow");
        showFlow.disableProperty().bind(model.selection().recordedProperty().not());
        showFlow.setOnAction(e -> model.selection().showFlow());
        VBox.setVgrow(detail, Priority.ALWAYS);
        VBox pane = new VBox(6, detail, showFlow);
        pane.setPadding(new javafx.geometry.Insets(6));
        return pane;
    }

    private VBox statePane() {
        Label title = new Label();
        title.setId("replay-state-title");
        title.getStyleClass().add(Styles.PANEL_TITLE);
        title.textProperty().bind(model.stepState().titleProperty());
        title.setWrapText(true);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label note = new Label();
        note.setId("replay-state-note");
        note.getStyleClass().add(Styles.MUTED);
        note.textProperty().bind(model.stepState().noteProperty());
        note.setWrapText(true);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        tree.setId("replay-state-tree");
        tree.setPlaceholder(new Label("No state for this event."));
        VBox.setVgrow(tree, Priority.ALWAYS);
        VBox pane = new VBox(4, title, note, tree);
        pane.setPadding(new javafx.geometry.Insets(6));
        return pane;
    }

    private void showState(StateRow root) {
        tree.show(root);
    }

    private Tab stateTab() {
        return state;
    }

    /** Shows the event tab when the user picked a row, unless they are looking at the state. */
    void eventPicked() {
        bringForward(event);
    }

    private void bringForward(Tab tab) {
        if (getSelectionModel().getSelectedItem() == breakpoints) {
            getSelectionModel().select(tab);
        }
    }

    private static Tab tab(String id, String title, javafx.scene.Node content) {
        Tab t = new Tab(title, content);
        t.setId(id);
        return t;
    }

    void dispose() {
        model.stepState().treeProperty().removeListener(showTree);
        model.stepState().titleProperty().removeListener(stateMoved);
        detail.dispose();
    }
}
