package eventlens.app.aggregates;

import eventlens.app.base.Styles;
import eventlens.model.state.HistoryStep;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.Subscription;

/**
 * The aggregates view: the aggregate list on the left; on the right the selected aggregate's moment
 * bar (stepper, time slider), its history, and its state at the moment as a tree, with diff mode and
 * "who changed this field" below it.
 */
public final class AggregatesView extends BorderPane {
    private final AggregatesViewModel model;
    private final HistoryViewModel history;
    private final TextField search = new TextField();
    private final AggregateListTable list;
    private final HistoryTable historyTable;
    private final MomentBar momentBar;
    private final StateTreeView tree;
    private final DiffTable diffTable;
    private final WhoChangedList whoChangedList;
    private final ComboBox<Integer> compareWith = new ComboBox<>();
    private final ToggleButton diffToggle = new ToggleButton("Compare with");
    private final TabPane lower = new TabPane();
    private final ListChangeListener<HistoryStep> refillCompare = change -> refillCompare();
    private Subscription subscriptions = Subscription.EMPTY;

    public AggregatesView(AggregatesViewModel model) {
        this.model = model;
        this.history = model.history();
        getStyleClass().add(Styles.AGGREGATES_VIEW);
        list = new AggregateListTable(model);
        historyTable = new HistoryTable(model);
        momentBar = new MomentBar(history);
        tree = new StateTreeView(this::whoChanged);
        diffTable = new DiffTable(history.diff());
        whoChangedList = new WhoChangedList(history);
        setTop(searchBar());

        Tab diffTab = new Tab("Diff", diffPane());
        Tab whoTab = new Tab("Who changed", whoChangedPane());
        lower.getTabs().addAll(diffTab, whoTab);
        lower.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane stateSplit = new SplitPane(tree, lower);
        stateSplit.setOrientation(Orientation.VERTICAL);
        stateSplit.setDividerPositions(0.58);
        VBox.setVgrow(stateSplit, Priority.ALWAYS);
        VBox statePane = new VBox(aggregateBar(), momentBar, bookkeeping(), compareBar(), stateSplit);
        Label historyTitle = new Label();
        historyTitle.getStyleClass().add(Styles.HISTORY_TITLE);
        historyTitle.textProperty().bind(Bindings.createStringBinding(() -> model.selectedProperty().get() == null
                ? "History" : "History of " + model.selectedProperty().get().aggregateId(), model.selectedProperty()));
        historyTitle.setMaxWidth(Double.MAX_VALUE);
        VBox.setVgrow(historyTable, Priority.ALWAYS);
        VBox historyPane = new VBox(historyTitle, historyTable);
        SplitPane listAndHistory = new SplitPane(list, historyPane);
        listAndHistory.setOrientation(Orientation.VERTICAL);
        listAndHistory.setDividerPositions(0.45);
        SplitPane main = new SplitPane(listAndHistory, statePane);
        main.setDividerPositions(0.5);
        SplitPane.setResizableWithParent(listAndHistory, false);
        setCenter(main);

        history.steps().addListener(refillCompare);
        observe(history.treeProperty().subscribe(tree::show));
        observe(history.diffModeProperty().subscribe(on -> {
            if (on) {
                lower.getSelectionModel().select(diffTab);
            }
        }));
        observe(history.whoChangedPathProperty().subscribe(path -> {
            if (!path.isEmpty()) {
                lower.getSelectionModel().select(whoTab);
            }
        }));
        observe(model.selectedProperty().subscribe(row -> {
            if (row == null) {
                list.getSelectionModel().clearSelection();
            }
        }));
        addEventFilter(KeyEvent.KEY_PRESSED, this::stepKeys);
    }

    private Node searchBar() {
        search.setId("aggregates-search");
        search.getStyleClass().add(Styles.FILTER_FIELD);
        search.setPromptText("Search aggregates: part of an id, type:BankAccount for one type  (Enter)");
        search.textProperty().bindBidirectional(model.searchTextProperty());
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                model.reload();
            }
        });
        Label summary = new Label();
        summary.getStyleClass().add(Styles.SUMMARY);
        summary.textProperty().bind(model.summaryProperty());
        HBox bar = new HBox(8, search, summary);
        HBox.setHgrow(search, Priority.ALWAYS);
        bar.getStyleClass().add(Styles.FILTER_BAR);
        return bar;
    }

    private Node aggregateBar() {
        Label title = new Label();
        title.setId("aggregate-title");
        title.getStyleClass().add(Styles.AGGREGATE_TITLE);
        title.textProperty().bind(Bindings.createStringBinding(() -> model.selectedProperty().get() == null
                ? "Select an aggregate." : model.selectedProperty().get().aggregateId()
                + (model.selectedProperty().get().aggregateType() == null ? ""
                : " · " + model.selectedProperty().get().aggregateType()), model.selectedProperty()));
        Label message = new Label();
        message.getStyleClass().add(Styles.MUTED);
        message.textProperty().bind(model.messageProperty());
        message.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button showInEvents = new Button("Show in events");
        showInEvents.setId("aggregate-show-in-events");
        showInEvents.setOnAction(e -> model.showInEvents());
        Button showFlow = new Button("Show flow");
        showFlow.setId("aggregate-show-flow");
        showFlow.setOnAction(e -> model.showFlow(historyTable.getSelectionModel().getSelectedItem()));
        showFlow.disableProperty().bind(historyTable.getSelectionModel().selectedItemProperty().isNull());
        ToggleButton replay = new ToggleButton();
        replay.setId("aggregate-rebuilt-by-replay");
        replay.textProperty().bind(model.replayLabelProperty());
        replay.selectedProperty().bindBidirectional(model.rebuiltByReplayProperty());
        replay.visibleProperty().bind(model.replayLabelProperty().isNotEmpty());
        replay.managedProperty().bind(replay.visibleProperty());
        replay.setMinWidth(Region.USE_PREF_SIZE);
        showInEvents.setMinWidth(Region.USE_PREF_SIZE);
        showFlow.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, title, message, spacer, replay, showInEvents, showFlow);
        bar.getStyleClass().add(Styles.AGGREGATE_BAR);
        bar.disableProperty().bind(model.selectedProperty().isNull());
        return bar;
    }

    private Node bookkeeping() {
        Label label = new Label();
        label.setId("state-bookkeeping");
        label.getStyleClass().add(Styles.STATE_BOOKKEEPING);
        label.textProperty().bind(history.bookkeepingProperty());
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private Node compareBar() {
        diffToggle.setId("diff-toggle");
        diffToggle.selectedProperty().bindBidirectional(history.diffModeProperty());
        compareWith.setId("compare-with");
        compareWith.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer index) {
                return index == null || index >= history.steps().size() ? "" : history.label(index) + " · "
                        + history.steps().get(index).event().type();
            }

            @Override
            public Integer fromString(String text) {
                return null;
            }
        });
        compareWith.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : compareWith.getConverter().toString(item));
            }
        });
        compareWith.valueProperty().addListener((obs, old, now) -> {
            if (now != null) {
                history.compareWithProperty().set(now);
            }
        });
        observe(history.compareWithProperty().subscribe(now -> {
            if (now.intValue() < compareWith.getItems().size()) {
                compareWith.setValue(now.intValue());
            }
        }));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button ask = new Button("Who changed this field?");
        ask.setId("who-changed-button");
        ask.setTooltip(new javafx.scene.control.Tooltip("The events that changed the selected field (also on right-click)"));
        ask.setOnAction(e -> tree.selectedPath().ifPresent(this::whoChanged));
        ask.disableProperty().bind(tree.getSelectionModel().selectedItemProperty().isNull());
        for (Region r : new Region[] {diffToggle, compareWith, ask}) {
            r.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox bar = new HBox(8, diffToggle, compareWith, spacer, ask);
        bar.getStyleClass().add(Styles.COMPARE_BAR);
        bar.disableProperty().bind(history.momentProperty().isEqualTo(HistoryViewModel.NONE));
        return bar;
    }

    private void refillCompare() {
        java.util.List<Integer> indexes = new java.util.ArrayList<>();
        for (int i = 0; i < history.steps().size(); i++) {
            indexes.add(i);
        }
        compareWith.getItems().setAll(indexes);
        if (!indexes.isEmpty()) {
            compareWith.setValue(history.compareWithProperty().get());
        }
    }

    private Node diffPane() {
        Label text = new Label();
        text.setId("diff-text");
        text.getStyleClass().add(Styles.MUTED);
        text.textProperty().bind(Bindings.when(history.diffTextProperty().isEmpty())
                .then("Turn on \"Compare with\" and pick a second moment.").otherwise(history.diffTextProperty()));
        text.setMinWidth(0);
        HBox top = new HBox(8, text);
        top.getStyleClass().add(Styles.COMPARE_BAR);
        VBox.setVgrow(diffTable, Priority.ALWAYS);
        return new VBox(top, diffTable);
    }

    private Node whoChangedPane() {
        Label path = new Label();
        path.setId("who-changed-path");
        path.getStyleClass().add(Styles.MUTED);
        path.textProperty().bind(history.whoChangedPathProperty());
        path.setMinWidth(0);
        HBox top = new HBox(8, path);
        top.getStyleClass().add(Styles.COMPARE_BAR);
        VBox.setVgrow(whoChangedList, Priority.ALWAYS);
        return new VBox(top, whoChangedList);
    }

    private void whoChanged(eventlens.model.state.JsonPath path) {
        history.whoChanged(path);
    }

    /** Home/End, Page Up/Down and Alt+Left/Right step through the history, except while typing. */
    private void stepKeys(KeyEvent e) {
        if (e.getTarget() instanceof TextInputControl || e.getTarget() instanceof Node n && isIn(n, list)) {
            return;
        }
        boolean handled = true;
        switch (e.getCode()) {
            case HOME -> history.first();
            case END -> history.last();
            case PAGE_UP -> history.previous();
            case PAGE_DOWN -> history.next();
            case LEFT -> handled = e.isAltDown() && step(-1);
            case RIGHT -> handled = e.isAltDown() && step(1);
            default -> handled = false;
        }
        if (handled) {
            e.consume();
        }
    }

    private static boolean isIn(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private boolean step(int direction) {
        if (direction < 0) {
            history.previous();
        } else {
            history.next();
        }
        return true;
    }

    MomentBar momentBar() {
        return momentBar;
    }

    StateTreeView tree() {
        return tree;
    }

    private void observe(Subscription subscription) {
        subscriptions = subscriptions.and(subscription);
    }

    /** Removes the listeners this view put on its long-lived view model. */
    public void dispose() {
        subscriptions.unsubscribe();
        momentBar.dispose();
        historyTable.dispose();
        list.setItems(javafx.collections.FXCollections.emptyObservableList());
        diffTable.setItems(javafx.collections.FXCollections.emptyObservableList());
        whoChangedList.setItems(javafx.collections.FXCollections.emptyObservableList());
        history.steps().removeListener(refillCompare);
        search.textProperty().unbindBidirectional(model.searchTextProperty());
        diffToggle.selectedProperty().unbindBidirectional(history.diffModeProperty());
    }
}
